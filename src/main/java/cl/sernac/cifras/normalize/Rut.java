package cl.sernac.cifras.normalize;

import cl.sernac.cifras.support.Text;

/**
 * Chilean RUT parsing and check digit (modulo 11), as described in the data contract.
 * <p>
 * Accepted forms, with optional surrounding spaces: the body of 1 to 9 digits (leading
 * zeros aside) either plain or grouped in thousands by dots, commas, spaces or dashes,
 * one kind throughout ({@code 12.345.678}, {@code 12,345,678}, {@code 12 345 678},
 * {@code 12-345-678}), then the check digit after a dash of any kind (hyphen-minus, en or
 * em dash, U+2010-U+2012, U+2212, U+FE63, U+FF0D), with spaces around it or not, after a
 * space, or right after the body; a lower-case {@code k}. Every form of one RUT gives the
 * same canonical form, hence the same keyed hash. Anything else (misplaced separators,
 * letters, scientific notation left by a spreadsheet, a zero body) is invalid. This
 * extends the project's reference parser ({@code rut_reference.py}), which knows dots and
 * the hyphen only.
 */
public final class Rut {

	private static final int MAX_BODY_DIGITS = 9;

	private static final RutCheck EMPTY = new RutCheck(RutCheck.Status.EMPTY, null);

	private static final RutCheck INVALID = new RutCheck(RutCheck.Status.INVALID, null);

	private Rut() {
	}

	/**
	 * Check a raw RUT field.
	 * @param raw the field as read, may be {@code null}
	 * @return {@code EMPTY} for a blank field, {@code VALID} with the canonical form, or
	 * {@code INVALID}
	 */
	public static RutCheck check(String raw) {
		if (Text.isBlank(raw)) {
			return EMPTY;
		}
		int start = skipBlanksForward(raw, 0, raw.length());
		int end = skipBlanksBackward(raw, start, raw.length());
		char checkDigit = Character.toUpperCase(raw.charAt(end - 1));
		if (!isAsciiDigit(checkDigit) && checkDigit != 'K') {
			return INVALID;
		}
		end = skipBlanksBackward(raw, start, end - 1);
		if (end > start && isDash(raw.charAt(end - 1))) {
			end = skipBlanksBackward(raw, start, end - 1);
		}
		long body = parseBody(raw, start, end);
		if (body <= 0 || checkDigit(body) != checkDigit) {
			return INVALID;
		}
		return new RutCheck(RutCheck.Status.VALID, body + "-" + checkDigit);
	}

	/**
	 * Compute the check digit of a RUT body: multiply its digits from the right by 2, 3,
	 * 4, 5, 6, 7, 2, 3, ... and sum; the digit is 11 - (sum mod 11), where 11 means
	 * {@code 0} and 10 means {@code K}.
	 * @param body the digits before the check digit, not negative
	 * @return {@code '0'}-{@code '9'} or {@code 'K'}
	 */
	public static char checkDigit(long body) {
		if (body < 0) {
			throw new IllegalArgumentException("RUT body must not be negative: " + body);
		}
		int sum = 0;
		int factor = 2;
		for (long rest = body; rest > 0; rest /= 10) {
			sum += (int) (rest % 10) * factor;
			factor = (factor == 7) ? 2 : factor + 1;
		}
		int digit = 11 - (sum % 11);
		return switch (digit) {
			case 11 -> '0';
			case 10 -> 'K';
			default -> (char) ('0' + digit);
		};
	}

	/**
	 * Parse the body in {@code [start, end)}: plain digits, or thousands ({@code 1-3}
	 * digits, then groups of exactly 3) separated by one kind of separator. Leading zeros
	 * do not count towards the 9 digits.
	 * @return the body value, or -1 when malformed
	 */
	private static long parseBody(String s, int start, int end) {
		long body = 0;
		int digits = 0;
		int groupLength = 0;
		char separator = 0;
		for (int i = start; i < end; i++) {
			char c = s.charAt(i);
			if (isAsciiDigit(c)) {
				if ((body > 0 || c != '0') && ++digits > MAX_BODY_DIGITS) {
					return -1;
				}
				body = body * 10 + (c - '0');
				groupLength++;
			}
			else if (separatorKind(c) != 0) {
				boolean groupOk = (separator != 0) ? groupLength == 3 : groupLength >= 1 && groupLength <= 3;
				if (!groupOk || (separator != 0 && separatorKind(c) != separator)) {
					return -1;
				}
				separator = separatorKind(c);
				groupLength = 0;
			}
			else {
				return -1;
			}
		}
		if (groupLength == 0 || (separator != 0 && groupLength != 3)) {
			return -1;
		}
		return body;
	}

	/**
	 * {@code .}, {@code ,}, a space or a dash (every dash the same kind); 0 otherwise.
	 */
	private static char separatorKind(char c) {
		if (c == '.' || c == ',') {
			return c;
		}
		if (isBlank(c)) {
			return ' ';
		}
		return isDash(c) ? '-' : 0;
	}

	/**
	 * Hyphen-minus and the dashes that word processors and keyboards put in its place.
	 */
	static boolean isDash(char c) {
		return switch (c) {
			case '-', '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212', '\uFE58', '\uFE63',
					'\uFF0D' ->
				true;
			default -> false;
		};
	}

	private static boolean isAsciiDigit(char c) {
		return c >= '0' && c <= '9';
	}

	// Spaces, no-break spaces and a stray byte-order mark are all padding here.
	private static boolean isBlank(char c) {
		return Text.isWhitespace(c) || c == '\uFEFF';
	}

	private static int skipBlanksForward(String s, int from, int end) {
		int i = from;
		while (i < end && isBlank(s.charAt(i))) {
			i++;
		}
		return i;
	}

	private static int skipBlanksBackward(String s, int start, int end) {
		int i = end;
		while (i > start && isBlank(s.charAt(i - 1))) {
			i--;
		}
		return i;
	}

}
