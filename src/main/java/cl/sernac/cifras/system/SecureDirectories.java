package cl.sernac.cifras.system;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Folders and files readable by their owner only, where the file system has POSIX
 * permissions.
 */
public final class SecureDirectories {

	static final Set<PosixFilePermission> OWNER_DIR = PosixFilePermissions.fromString("rwx------");

	static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");

	private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

	private SecureDirectories() {
	}

	public static void create(Path dir) throws IOException {
		Files.createDirectories(dir);
		if (POSIX) {
			Files.setPosixFilePermissions(dir, OWNER_DIR);
		}
	}

	static void createOwnerOnlyFile(Path file) throws IOException {
		if (POSIX) {
			Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_FILE));
		}
		else {
			Files.createFile(file);
		}
	}

}
