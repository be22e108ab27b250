package cl.sernac.cifras.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import cl.sernac.cifras.ledger.FileLedger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ExitCodeGenerator;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The secret key of the RUT hash. It belongs to the store (table {@code store_secret}),
 * not to a data folder: every run on one database hashes a RUT alike, whatever folder it
 * runs from. A store without one adopts, in this order, the environment's
 * ({@code CIFRAS_RUT_SECRET}), the data folder's {@code rut-secret.key} (where earlier
 * versions kept it: the store's hashes stay valid), or a new random key. A key in the
 * environment that is not the store's is refused: never hash with another key silently.
 */
final class RutSecret {

	static final String ENVIRONMENT_VARIABLE = "CIFRAS_RUT_SECRET";

	static final String FILE_NAME = "rut-secret.key";

	private static final Logger logger = LoggerFactory.getLogger(RutSecret.class);

	private RutSecret() {
	}

	/** The store's key, adopted and saved first when the store has none. */
	static byte[] load(JdbcClient jdbc, FileLedger ledger, String fromEnvironment, Path dataDir) throws IOException {
		byte[] given = (fromEnvironment != null && !fromEnvironment.isBlank())
				? fromEnvironment.strip().getBytes(StandardCharsets.UTF_8) : null;
		Path file = dataDir.resolve(FILE_NAME);
		Optional<byte[]> stored = stored(jdbc);
		if (stored.isEmpty()) {
			adopt(jdbc, ledger, given, file);
			stored = stored(jdbc);
		}
		byte[] secret = stored.orElseThrow();
		if (given != null && !MessageDigest.isEqual(given, secret)) {
			throw new Mismatch();
		}
		if (given == null && Files.exists(file) && !MessageDigest.isEqual(readFile(file), secret)) {
			logger.warn("{} no es la clave de este almacén y no se usa: los RUT se cifran con la clave guardada"
					+ " en la base de datos", file);
		}
		return secret;
	}

	private static void adopt(JdbcClient jdbc, FileLedger ledger, byte[] given, Path file) throws IOException {
		byte[] secret;
		String origin;
		if (given != null) {
			secret = given;
			origin = "environment";
		}
		else if (Files.exists(file)) {
			secret = readFile(file);
			origin = "file";
		}
		else {
			secret = new byte[32];
			new SecureRandom().nextBytes(secret);
			origin = "generated";
			// any file merged may have brought RUT hashed with the key not found
			if (ledger.anyMerged()) {
				logger.warn(
						"El almacén tiene RUT cifrados con una clave que no se encontró ({} ni {}): se crea una"
								+ " nueva, con la que esos RUT ya no coinciden; --rebuild los vuelve a cifrar con ella",
						ENVIRONMENT_VARIABLE, file);
			}
		}
		try {
			jdbc.sql("INSERT INTO store_secret (id, rut_secret, origin, created_at) VALUES (1, ?, ?, ?)")
				.params(Base64.getEncoder().encodeToString(secret), origin, Timestamp.from(Instant.now()))
				.update();
			logger.info("La clave de los RUT queda guardada en la base de datos (origen: {})", origin);
		}
		catch (DuplicateKeyException ex) {
			// saved meanwhile by another process: that one is the store's
		}
	}

	private static Optional<byte[]> stored(JdbcClient jdbc) {
		return jdbc.sql("SELECT rut_secret FROM store_secret WHERE id = 1")
			.query(String.class)
			.optional()
			.map((text) -> Base64.getDecoder().decode(text));
	}

	/** The file of earlier versions: the key in Base64 on one line. */
	private static byte[] readFile(Path file) throws IOException {
		return Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).strip());
	}

	/**
	 * {@code CIFRAS_RUT_SECRET} is not the store's key: the run stops (exit 1) before
	 * reading anything.
	 */
	static final class Mismatch extends IllegalStateException implements ExitCodeGenerator {

		Mismatch() {
			super("La variable " + ENVIRONMENT_VARIABLE + " no es la clave con que esta base de datos cifra los RUT;"
					+ " con otra clave la misma persona se contaría dos veces. La ejecución se detiene sin leer nada.");
		}

		@Override
		public int getExitCode() {
			return CifrasExit.FAILED;
		}

	}

}
