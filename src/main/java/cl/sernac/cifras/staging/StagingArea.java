package cl.sernac.cifras.staging;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import cl.sernac.cifras.normalize.RowOutcome;

/**
 * Rows read from a file and not yet applied to the store: one append-only file of
 * normalized rows per admitted file, under {@code <data>/staging}. Staging on disk
 * instead of in the database costs a few buffered bytes per row; the store is written
 * once, when the file is merged. A staging file is only trusted up to the length recorded
 * with the last committed chunk of its reading (see {@link StagingWriter}).
 */
public class StagingArea {

	/** The first bytes of every staging file: its format. */
	private static final byte[] FORMAT = { 'C', 'S', 'T', '2' };

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

	/** The size of a file's staging in bytes; 0 when it has none. */
	public long size(long fileId) {
		try {
			return Files.size(file(fileId));
		}
		catch (NoSuchFileException ex) {
			return 0;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Opens a file's staging for appending, first cutting it to the given length: what a
	 * reading that stopped before committing had written after it is dropped.
	 * @param keepBytes bytes to keep (0: start again)
	 */
	public Appender append(long fileId, long keepBytes) {
		Path path = file(fileId);
		try {
			Files.createDirectories(this.directory);
			FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.READ,
					StandardOpenOption.WRITE);
			try {
				if (keepBytes < FORMAT.length) {
					channel.truncate(0);
					channel.write(ByteBuffer.wrap(FORMAT), 0);
					channel.position(FORMAT.length);
				}
				else {
					ByteBuffer head = ByteBuffer.allocate(FORMAT.length);
					channel.read(head, 0);
					checkFormat(head.array(), path);
					channel.truncate(keepBytes);
					channel.position(keepBytes);
				}
				return new Appender(channel);
			}
			catch (IOException | RuntimeException ex) {
				channel.close();
				throw ex;
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * A staging file written in another format (by another version of Cifras) is never
	 * read as rows: its reading must start again.
	 */
	private static void checkFormat(byte[] head, Path path) {
		if (!Arrays.equals(head, FORMAT)) {
			throw new IllegalStateException("Staging file " + path + " was written in another format;"
					+ " run again with --rebuild to read the input files anew");
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
		try (Decoder in = new Decoder(Files.newInputStream(path))) {
			if (!in.more()) {
				// created, and cut off before its first bytes: nothing staged
				return;
			}
			checkFormat(in.bytes(FORMAT.length), path);
			while (in.more()) {
				rows.accept(new RowOutcome.Accepted(in.number(), in.text(), in.text(), in.text(), in.text(),
						(int) in.number(), in.text(), in.text(), in.text(), in.text(), in.text(), in.text(), in.text(),
						in.text(), List.of()));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Removes one file's staging (its reading is discarded). */
	public void delete(long fileId) {
		try {
			Files.deleteIfExists(file(fileId));
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

	/**
	 * Appends rows to one file's staging. A row is its fields in order: numbers as
	 * variable-length integers, texts as their UTF-8 length plus one (zero for none) then
	 * their bytes.
	 */
	public static final class Appender implements AutoCloseable {

		private final FileChannel channel;

		private final ByteBuffer buffer = ByteBuffer.allocate(1 << 16);

		private long length;

		Appender(FileChannel channel) throws IOException {
			this.channel = channel;
			this.length = channel.position();
		}

		public void add(RowOutcome.Accepted row) {
			number(row.line());
			text(row.recordKey());
			text(row.recordType());
			text(row.subtype());
			text(row.channel());
			number(row.intakeDay());
			text(row.comunaCode());
			text(row.regionCode());
			text(row.rutHash());
			text(row.folio());
			text(row.organization());
			text(row.placeCode());
			text(row.programme());
			text(row.detail());
		}

		private void number(long value) {
			room(10);
			long rest = value;
			while ((rest & ~0x7FL) != 0) {
				this.buffer.put((byte) ((rest & 0x7F) | 0x80));
				rest >>>= 7;
			}
			this.buffer.put((byte) rest);
		}

		private void text(String value) {
			if (value == null) {
				number(0);
				return;
			}
			byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
			number(bytes.length + 1L);
			room(bytes.length);
			this.buffer.put(bytes);
		}

		/** Makes room for the next bytes, writing the buffer out when they do not fit. */
		private void room(int bytes) {
			if (this.buffer.remaining() >= bytes) {
				return;
			}
			drain();
			if (this.buffer.capacity() < bytes) {
				throw new IllegalArgumentException("A staged value of " + bytes + " bytes");
			}
		}

		private void drain() {
			try {
				this.buffer.flip();
				while (this.buffer.hasRemaining()) {
					this.channel.write(this.buffer);
				}
				this.buffer.clear();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		/**
		 * Hands everything added so far to the operating system.
		 * @return the staging file's length
		 */
		public long flush() {
			drain();
			try {
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
			try (FileChannel channel = this.channel) {
				drain();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

	}

	/** Reads what {@link Appender} wrote. */
	private static final class Decoder implements AutoCloseable {

		private final InputStream in;

		private byte[] bytes = new byte[1 << 16];

		private int position;

		private int limit;

		Decoder(InputStream in) {
			this.in = in;
		}

		/** Whether another row follows. */
		boolean more() throws IOException {
			return fill(1);
		}

		long number() throws IOException {
			long value = 0;
			for (int shift = 0; shift < 64; shift += 7) {
				if (!fill(1)) {
					throw new EOFException("Staged row cut short");
				}
				byte b = this.bytes[this.position++];
				value |= (long) (b & 0x7F) << shift;
				if (b >= 0) {
					return value;
				}
			}
			throw new IOException("Malformed staged number");
		}

		/** The next bytes as they are. */
		byte[] bytes(int length) throws IOException {
			if (!fill(length)) {
				return new byte[0];
			}
			byte[] value = Arrays.copyOfRange(this.bytes, this.position, this.position + length);
			this.position += length;
			return value;
		}

		String text() throws IOException {
			long header = number();
			if (header == 0) {
				return null;
			}
			int length = (int) (header - 1);
			if (!fill(length)) {
				throw new EOFException("Staged row cut short");
			}
			String value = new String(this.bytes, this.position, length, StandardCharsets.UTF_8);
			this.position += length;
			return value;
		}

		/** Whether the next bytes are buffered, after reading more when needed. */
		private boolean fill(int needed) throws IOException {
			if (this.limit - this.position >= needed) {
				return true;
			}
			if (needed > this.bytes.length) {
				this.bytes = Arrays.copyOf(this.bytes, needed);
			}
			System.arraycopy(this.bytes, this.position, this.bytes, 0, this.limit - this.position);
			this.limit -= this.position;
			this.position = 0;
			while (this.limit < needed) {
				int read = this.in.read(this.bytes, this.limit, this.bytes.length - this.limit);
				if (read < 0) {
					return false;
				}
				this.limit += read;
			}
			return true;
		}

		@Override
		public void close() throws IOException {
			this.in.close();
		}

	}

}
