package cl.sernac.cifras.support;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Text folding used to compare values "ignoring case, accents and surrounding spaces", as
 * the data contract requires for every field.
 * <p>
 * Called several times per row on millions of rows, so the common case (plain ASCII that
 * is already folded) returns the argument itself without allocating.
 */
public final class Text {

	private static final char BYTE_ORDER_MARK = '\uFEFF';

	private Text() {
	}

	/**
	 * Fold a value for comparison: {@code null} becomes {@code ""}; byte-order marks are
	 * dropped; leading and trailing whitespace (including no-break spaces) is removed and
	 * inner whitespace runs become one space; accents and other diacritics are removed
	 * ({@code Ñ} -> {@code N}, {@code ü} -> {@code u}); the result is upper case
	 * ({@link Locale#ROOT}).
	 * @param s the raw value, may be {@code null}
	 * @return the folded value, never {@code null}
	 */
	public static String fold(String s) {
		if (s == null) {
			return "";
		}
		int length = s.length();
		boolean clean = true;
		// A virtual space before the first character makes a leading space "dirty".
		boolean afterSpace = true;
		for (int i = 0; i < length; i++) {
			char c = s.charAt(i);
			if (c >= 0x80) {
				return foldUnicode(s);
			}
			if (c == ' ') {
				clean &= !afterSpace;
				afterSpace = true;
			}
			else {
				clean &= !(c >= 'a' && c <= 'z') && !isWhitespace(c);
				afterSpace = false;
			}
		}
		if (clean && !afterSpace) {
			return s;
		}
		return (length == 0) ? s : collapse(s, false);
	}

	/**
	 * Whether the value is {@code null}, empty, or only whitespace (including no-break
	 * spaces) and byte-order marks.
	 * @param s the value, may be {@code null}
	 * @return {@code true} if there is nothing but blanks
	 */
	public static boolean isBlank(String s) {
		if (s == null) {
			return true;
		}
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			if (!isWhitespace(c) && c != BYTE_ORDER_MARK) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Whitespace as the contract understands it: Java whitespace plus the Unicode space
	 * separators that {@link Character#isWhitespace(char)} leaves out (no-break space
	 * U+00A0, U+2007, U+202F), which spreadsheets like to insert.
	 * @param c the character
	 * @return whether {@code c} separates words
	 */
	public static boolean isWhitespace(char c) {
		return c == ' ' || Character.isWhitespace(c) || Character.isSpaceChar(c);
	}

	private static String foldUnicode(String s) {
		String decomposed = Normalizer.normalize(s, Normalizer.Form.NFD);
		return collapse(decomposed, true).toUpperCase(Locale.ROOT);
	}

	/**
	 * Trim, collapse whitespace runs and drop byte-order marks; for ASCII input also
	 * upper-case; for decomposed Unicode input also drop combining marks.
	 */
	private static String collapse(String s, boolean unicode) {
		StringBuilder out = new StringBuilder(s.length());
		boolean pendingSpace = false;
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			if (isWhitespace(c)) {
				pendingSpace = !out.isEmpty();
				continue;
			}
			if (c == BYTE_ORDER_MARK || (unicode && isCombiningMark(c))) {
				continue;
			}
			if (pendingSpace) {
				out.append(' ');
				pendingSpace = false;
			}
			out.append((!unicode && c >= 'a' && c <= 'z') ? (char) (c - ('a' - 'A')) : c);
		}
		return out.toString();
	}

	private static boolean isCombiningMark(char c) {
		int type = Character.getType(c);
		return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
				|| type == Character.ENCLOSING_MARK;
	}

}
