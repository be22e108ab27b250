package cl.sernac.cifras.merge;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import cl.sernac.cifras.normalize.RowOutcome;

/**
 * Rows read from a file and not yet applied to the store: one append-only file of
 * normalized rows per admitted file, under {@code <data>/staging}. Staging on disk
 * instead of in the database costs a buffered write per row; the store is written once,
 * when the file is merged. A staging file is only trusted up to the length recorded with
 * the last committed chunk of its reading (see {@link StagingWriter}).
 */
public class StagingArea {

	private final Path directory;

	public StagingArea(Path directory) {
		this.directory = directory;
	}

	public Path directory() {
		return this.directory;
	}

	Path file(long fileId) {
		return this.directory.resolve(fileId + ".rows");
	}

	/**
	 * Opens a file's staging for appending, first cutting it to the given length: what a
	 * reading that stopped before committing had written after it is dropped.
	 * @param keepBytes bytes to keep (0: start again)
	 */
	public Appender append(long fileId, long keepBytes) {
		try {
			Files.createDirectories(this.directory);
			FileChannel channel = FileChannel.open(file(fileId), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
			channel.truncate(keepBytes);
			channel.position(keepBytes);
			return new Appender(channel);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Streams a file's staged rows in the order they were written; none when the file was
	 * never staged. Called once the file's reading completed.
	 */
	public void read(long fileId, Consumer<RowOutcome.Accepted> rows) {
		Path path = file(fileId);
		if (!Files.exists(path)) {
			return;
		}
		try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(path), 1 << 16))) {
			while (true) {
				long line;
				try {
					line = in.readLong();
				}
				catch (EOFException ex) {
					return;
				}
				rows.accept(new RowOutcome.Accepted(line, in.readUTF(), in.readUTF(), optional(in), in.readUTF(),
						in.readInt(), optional(in), optional(in), optional(in), optional(in), optional(in),
						optional(in), List.of()));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Removes every staging file: called when no admitted file awaits merging. */
	public void clear() {
		if (!Files.isDirectory(this.directory)) {
			return;
		}
		try (Stream<Path> files = Files.list(this.directory)) {
			for (Path file : (Iterable<Path>) files::iterator) {
				Files.deleteIfExists(file);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String optional(DataInputStream in) throws IOException {
		return in.readBoolean() ? in.readUTF() : null;
	}

	/** Appends rows to one file's staging. */
	public static final class Appender implements AutoCloseable {

		private final FileChannel channel;

		private final DataOutputStream out;

		private long length;

		Appender(FileChannel channel) throws IOException {
			this.channel = channel;
			this.length = channel.position();
			OutputStream stream = Channels.newOutputStream(channel);
			this.out = new DataOutputStream(new BufferedOutputStream(stream, 1 << 16));
		}

		public void add(RowOutcome.Accepted row) {
			try {
				this.out.writeLong(row.line());
				this.out.writeUTF(row.recordKey());
				this.out.writeUTF(row.recordType());
				optional(row.subtype());
				this.out.writeUTF(row.channel());
				this.out.writeInt(row.intakeDay());
				optional(row.comunaCode());
				optional(row.regionCode());
				optional(row.rutHash());
				optional(row.folio());
				optional(row.organization());
				optional(row.placeCode());
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		private void optional(String value) throws IOException {
			this.out.writeBoolean(value != null);
			if (value != null) {
				this.out.writeUTF(value);
			}
		}

		/**
		 * Hands everything added so far to the operating system.
		 * @return the staging file's length
		 */
		public long flush() {
			try {
				this.out.flush();
				this.length = this.channel.position();
				return this.length;
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		public long length() {
			return this.length;
		}

		@Override
		public void close() {
			try {
				this.out.close();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

	}

}
