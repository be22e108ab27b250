package cl.sernac.cifras.report;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes output files so that a reader never sees one half-written: the content goes to a
 * temporary file beside the target, which is then moved over it in one step.
 */
public final class AtomicFiles {

	private AtomicFiles() {
	}

	@FunctionalInterface
	public interface Content {

		void writeTo(Writer writer) throws IOException;

	}

	public static void writeUtf8(Path target, Content content) throws IOException {
		Path dir = target.toAbsolutePath().getParent();
		Files.createDirectories(dir);
		Path temp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
		try {
			try (Writer writer = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
				content.writeTo(writer);
			}
			move(temp, target);
		}
		finally {
			Files.deleteIfExists(temp);
		}
	}

	public static void move(Path temp, Path target) throws IOException {
		try {
			Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		}
		catch (AtomicMoveNotSupportedException ex) {
			Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
		}
	}

}
