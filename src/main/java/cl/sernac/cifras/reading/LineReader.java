package cl.sernac.cifras.reading;

import java.io.IOException;
import java.io.Reader;

/**
 * Reads physical lines (LF, CRLF or lone CR) with a hard length limit, so a gigantic line
 * is skipped instead of exhausting memory. {@link java.io.BufferedReader#readLine()} has
 * no limit.
 */
final class LineReader {

	/** Returned for a line that exceeded the limit; its content is discarded. */
	static final String TOO_LONG = new String("\u0000too-long");

	private final Reader in;

	private final int maxChars;

	private final char[] buffer = new char[64 * 1024];

	private int position;

	private int limit;

	private boolean skipLineFeed;

	private final StringBuilder line = new StringBuilder(256);

	LineReader(Reader in, int maxChars) {
		this.in = in;
		this.maxChars = maxChars;
	}

	/**
	 * The next line without its terminator, {@link #TOO_LONG}, or null at the end of
	 * input.
	 */
	String readLine() throws IOException {
		this.line.setLength(0);
		boolean tooLong = false;
		boolean any = false;
		while (true) {
			if (this.position >= this.limit) {
				this.limit = this.in.read(this.buffer, 0, this.buffer.length);
				this.position = 0;
				if (this.limit <= 0) {
					this.limit = 0;
					if (!any) {
						return null;
					}
					return tooLong ? TOO_LONG : this.line.toString();
				}
			}
			if (this.skipLineFeed) {
				this.skipLineFeed = false;
				if (this.buffer[this.position] == '\n') {
					this.position++;
					continue;
				}
			}
			any = true;
			int start = this.position;
			while (this.position < this.limit) {
				char c = this.buffer[this.position];
				if (c == '\n' || c == '\r') {
					tooLong = append(start, this.position, tooLong);
					this.position++;
					this.skipLineFeed = (c == '\r');
					return tooLong ? TOO_LONG : this.line.toString();
				}
				this.position++;
			}
			tooLong = append(start, this.position, tooLong);
		}
	}

	private boolean append(int from, int to, boolean tooLong) {
		if (tooLong) {
			return true;
		}
		if (this.line.length() + (to - from) > this.maxChars) {
			this.line.setLength(0);
			return true;
		}
		this.line.append(this.buffer, from, to - from);
		return false;
	}

}
