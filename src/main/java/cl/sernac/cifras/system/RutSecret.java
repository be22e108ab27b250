package cl.sernac.cifras.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The secret key of the RUT hash: given by the environment ({@code CIFRAS_RUT_SECRET}),
 * or created on the first run in the data folder, readable by its owner only.
 */
final class RutSecret {

	static final String ENVIRONMENT_VARIABLE = "CIFRAS_RUT_SECRET";

	static final String FILE_NAME = "rut-secret.key";

	private RutSecret() {
	}

	static byte[] load(String fromEnvironment, Path dataDir) throws IOException {
		if (fromEnvironment != null && !fromEnvironment.isBlank()) {
			return fromEnvironment.strip().getBytes(StandardCharsets.UTF_8);
		}
		SecureDirectories.create(dataDir);
		Path file = dataDir.resolve(FILE_NAME);
		if (!Files.exists(file)) {
			byte[] secret = new byte[32];
			new SecureRandom().nextBytes(secret);
			try {
				SecureDirectories.createOwnerOnlyFile(file);
				Files.writeString(file, Base64.getEncoder().encodeToString(secret) + "\n", StandardCharsets.US_ASCII);
			}
			catch (FileAlreadyExistsException ex) {
				// created meanwhile by another process: use that one
			}
		}
		return Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).strip());
	}

}
