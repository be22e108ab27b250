package cl.sernac.cifras.support;

/**
 * Text that comes from outside (file names above all) made safe to print: in a log line,
 * a summary, a table cell or the report, it can neither start a new line nor carry a
 * terminal escape sequence or a bidirectional override.
 */
public final class Printable {

	private static final char REPLACEMENT = '?';

	private Printable() {
	}

	/**
	 * The text with every control character (C0, DEL, C1), line or paragraph separator
	 * and invisible formatting character (bidirectional overrides, zero-width marks)
	 * replaced by {@code ?}. Returns the argument itself when there is nothing to
	 * replace.
	 */
	public static String of(String text) {
		if (text == null) {
			return null;
		}
		StringBuilder safe = null;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (unsafe(c)) {
				if (safe == null) {
					safe = new StringBuilder(text.length()).append(text, 0, i);
				}
				safe.append(REPLACEMENT);
			}
			else if (safe != null) {
				safe.append(c);
			}
		}
		return (safe != null) ? safe.toString() : text;
	}

	private static boolean unsafe(char c) {
		if (c < 0x20 || (c >= 0x7F && c <= 0x9F)) {
			return true;
		}
		if (c < 0x2000) {
			return c == '\u00AD' || c == '\u061C';
		}
		int type = Character.getType(c);
		return type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR
				|| (type == Character.FORMAT && c != '\uFEFF') || c == '\uFEFF';
	}

}
