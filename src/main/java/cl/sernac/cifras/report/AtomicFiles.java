package cl.sernac.cifras.report;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
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

	@FunctionalInterface
	public interface Bytes {

		void writeTo(OutputStream out) throws IOException;

	}

	public static void writeUtf8(Path target, Content content) throws IOException {
		write(target, (out) -> {
			try (Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8))) {
				content.writeTo(writer);
			}
		});
	}

	public static void write(Path target, Bytes content) throws IOException {
		Path dir = target.toAbsolutePath().getParent();
		Files.createDirectories(dir);
		Path temp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
		try {
			try (OutputStream out = Files.newOutputStream(temp)) {
				content.writeTo(out);
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
