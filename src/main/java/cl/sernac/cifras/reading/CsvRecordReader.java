package cl.sernac.cifras.reading;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import com.opencsv.ICSVParser;
import com.opencsv.RFC4180Parser;
import com.opencsv.RFC4180ParserBuilder;

/**
 * Streams RFC 4180 records from an export, keeping the line where each record starts.
 * <p>
 * OpenCSV's parser does the quoting; lines are fed to it one at a time so that a record
 * whose quote never closes is reported at its first line and the lines after it are read
 * again as records of their own, instead of being swallowed into one giant field.
 */
public final class CsvRecordReader implements Closeable {

	private final InputStream stream;

	private final LineReader lines;

	private final char delimiter;

	private ICSVParser parser;

	private final int maxRecordLines;

	private final Charset charset;

	/** Lines to read again after an unbalanced quote, with their line numbers. */
	private final Deque<PendingLine> replay = new ArrayDeque<>();

	private long lineNumber;

	private CsvRecordReader(InputStream stream, Charset charset, char delimiter, int maxLineChars, int maxRecordLines) {
		this.stream = stream;
		this.charset = charset;
		CharsetDecoder decoder = charset.newDecoder()
			.onMalformedInput(CodingErrorAction.REPLACE)
			.onUnmappableCharacter(CodingErrorAction.REPLACE);
		this.lines = new LineReader(new InputStreamReader(stream, decoder), maxLineChars);
		this.delimiter = delimiter;
		this.parser = newParser();
		this.maxRecordLines = maxRecordLines;
	}

	/**
	 * Opens a file. A byte-order mark decides the encoding (spreadsheet re-saves come
	 * back as UTF-8 with BOM whatever the source's usual encoding) and is not part of the
	 * first field.
	 */
	public static CsvRecordReader open(Path file, Charset usualCharset, char delimiter, int maxLineChars,
			int maxRecordLines) throws IOException {
		BufferedInputStream in = new BufferedInputStream(Files.newInputStream(file), 64 * 1024);
		Charset charset = skipByteOrderMark(in, usualCharset);
		return new CsvRecordReader(in, charset, delimiter, maxLineChars, maxRecordLines);
	}

	/** Consumes a byte-order mark, if any, and returns the charset it announces. */
	static Charset skipByteOrderMark(BufferedInputStream in, Charset usualCharset) throws IOException {
		in.mark(4);
		byte[] head = in.readNBytes(4);
		in.reset();
		int b0 = (head.length > 0) ? head[0] & 0xFF : -1;
		int b1 = (head.length > 1) ? head[1] & 0xFF : -1;
		int b2 = (head.length > 2) ? head[2] & 0xFF : -1;
		int b3 = (head.length > 3) ? head[3] & 0xFF : -1;
		if (b0 == 0xEF && b1 == 0xBB && b2 == 0xBF) {
			in.skipNBytes(3);
			return StandardCharsets.UTF_8;
		}
		if (b0 == 0xFF && b1 == 0xFE && b2 == 0 && b3 == 0) {
			in.skipNBytes(4);
			return Charset.forName("UTF-32LE");
		}
		if (b0 == 0 && b1 == 0 && b2 == 0xFE && b3 == 0xFF) {
			in.skipNBytes(4);
			return Charset.forName("UTF-32BE");
		}
		if (b0 == 0xFF && b1 == 0xFE) {
			in.skipNBytes(2);
			return StandardCharsets.UTF_16LE;
		}
		if (b0 == 0xFE && b1 == 0xFF) {
			in.skipNBytes(2);
			return StandardCharsets.UTF_16BE;
		}
		return usualCharset;
	}

	public Charset charset() {
		return this.charset;
	}

	/** The next record, or null at the end of the file. */
	public CsvRecord next() throws IOException {
		PendingLine first = nextLine();
		if (first == null) {
			return null;
		}
		if (first.text == LineReader.TOO_LONG) {
			return new CsvRecord(first.number, CsvRecord.NO_FIELDS, CsvRecord.Problem.LINE_TOO_LONG);
		}
		String[] fields = this.parser.parseLineMulti(first.text);
		if (!this.parser.isPending()) {
			return new CsvRecord(first.number, fields, null);
		}
		if (!opensQuotedField(this.parser.getPendingText())) {
			// A stray quote in an unquoted last field (an inch mark): the line is the
			// whole record.
			this.parser = newParser();
			return new CsvRecord(first.number, newParser().parseLine(first.text), null);
		}
		// A quoted field goes on over the next lines: the parser returns the fields
		// completed so far.
		List<String> collected = new ArrayList<>(List.of(fields));
		List<PendingLine> consumed = new ArrayList<>();
		while (this.parser.isPending()) {
			PendingLine more = (consumed.size() + 1 < this.maxRecordLines) ? nextLine() : null;
			if (more != null && more.text != LineReader.TOO_LONG) {
				consumed.add(more);
				collected.addAll(List.of(this.parser.parseLineMulti(more.text)));
				if (!this.parser.isPending() || opensQuotedField(this.parser.getPendingText())) {
					continue;
				}
			}
			else if (more != null) {
				consumed.add(more);
			}
			// Unbalanced quote: report the record at its first line, read the following
			// lines again.
			this.parser = newParser();
			for (int i = consumed.size() - 1; i >= 0; i--) {
				this.replay.addFirst(consumed.get(i));
			}
			return new CsvRecord(first.number, CsvRecord.NO_FIELDS, CsvRecord.Problem.UNBALANCED_QUOTE);
		}
		return new CsvRecord(first.number, collected.toArray(CsvRecord.NO_FIELDS), null);
	}

	/**
	 * Whether the parser's pending text is a quoted field still open (it starts with a
	 * quote and holds an odd number of them), not text after a closed quote or a quote
	 * inside plain text.
	 */
	private static boolean opensQuotedField(String pending) {
		if (pending == null || !pending.startsWith("\"")) {
			return false;
		}
		long quotes = pending.chars().filter((c) -> c == '"').count();
		return quotes % 2 == 1;
	}

	private ICSVParser newParser() {
		return new RFC4180ParserBuilder().withSeparator(this.delimiter).build();
	}

	private PendingLine nextLine() throws IOException {
		if (!this.replay.isEmpty()) {
			return this.replay.pollFirst();
		}
		String text = this.lines.readLine();
		if (text == null) {
			return null;
		}
		this.lineNumber++;
		return new PendingLine(this.lineNumber, text);
	}

	@Override
	public void close() throws IOException {
		this.stream.close();
	}

	private record PendingLine(long number, String text) {
	}

}
