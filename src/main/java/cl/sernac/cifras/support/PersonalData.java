package cl.sernac.cifras.support;

import java.util.regex.Pattern;

/**
 * Masks RUT-shaped text in anything that leaves the pipeline as text (reject details, log
 * lines), and tells which free-text values may hold personal data.
 */
public final class PersonalData {

	/** What replaces a RUT, and what a detail says instead of a hidden value. */
	public static final String HIDDEN = "[valor oculto]";

	/** Every dash people (and word processors) put before a check digit. */
	static final String DASHES = "\\-\u2010\u2011\u2012\u2013\u2014\u2015\u2212\uFE58\uFE63\uFF0D";

	private static final String SPACE = "[ \u00A0\u2007\u2009\u202F]";

	/** A thousands separator: dot, comma, a space or a dash. */
	private static final String GROUP = "(?:[.,]|" + SPACE + "|[" + DASHES + "])";

	private static final String DASH = SPACE + "?[" + DASHES + "]" + SPACE + "?";

	/**
	 * A RUT as people write it: leading zeros allowed, then
	 * <ul>
	 * <li>a body of 7 to 9 digits grouped in thousands by at least one dot, comma, space
	 * or dash ({@code 12.345.678}, {@code 12 345 678}, {@code 12-345-678}), followed by a
	 * dash, a space or nothing, then the check digit;</li>
	 * <li>a body of 6 digits grouped ({@code 961.234}) or 6 to 9 plain digits, then a
	 * dash (any dash) and the check digit;</li>
	 * <li>a body of 7 or 8 plain digits, then a space or nothing and the check digit
	 * ({@code 123456785}, {@code 12345678 5}).</li>
	 * </ul>
	 * Not preceded by a digit (or a digit and a decimal point), not followed by a digit
	 * (a {@code K} not followed by a letter either). So plain numbers of up to 7 digits
	 * (counts, process ids), 10-digit epoch seconds, dates ({@code 2015-06-30}), times
	 * ({@code 12:30:45}) and counts in thousands ({@code 1.995.702}) are left alone,
	 * while an 8-digit date without separators ({@code 20150631}) is taken for a RUT:
	 * callers that know a value is a date decide before masking (see
	 * {@code RecordNormalizer}).
	 */
	private static final Pattern RUT_LIKE = Pattern.compile("(?<![0-9])(?<![0-9][.,])0*(?:" + "[0-9]{1,3}" + GROUP
			+ "[0-9]{3}" + GROUP + "?[0-9]{3}(?:" + DASH + "|" + SPACE + "|)" + "|[0-9]{1,3}" + GROUP + "?[0-9]{3}"
			+ GROUP + "[0-9]{3}(?:" + DASH + "|" + SPACE + "|)" + "|[0-9]{3}" + GROUP + "[0-9]{3}" + DASH
			+ "|[0-9]{6,9}" + DASH + "|[0-9]{7,8}" + SPACE + "?)" + "(?:[0-9](?![0-9])|[kK](?![0-9\\p{L}]))");

	private PersonalData() {
	}

	/** The text with every RUT-shaped part replaced by {@value #HIDDEN}. */
	public static String mask(String text) {
		if (text == null || text.isEmpty() || !mayHoldRut(text)) {
			return text;
		}
		return RUT_LIKE.matcher(text).replaceAll(HIDDEN);
	}

	/** Whether some part of the text is shaped like a RUT (what {@link #mask} hides). */
	public static boolean holdsRut(String text) {
		return text != null && mayHoldRut(text) && RUT_LIKE.matcher(text).find();
	}

	/**
	 * Whether the text looks like a person's name: at least two words of two or more
	 * letters each. Institutions have such names too; callers decide what else to check.
	 */
	public static boolean holdsWords(String text) {
		if (text == null) {
			return false;
		}
		int words = 0;
		int letters = 0;
		for (int i = 0; i < text.length(); i++) {
			if (Character.isLetter(text.charAt(i))) {
				letters++;
			}
			else {
				words += (letters >= 2) ? 1 : 0;
				letters = 0;
			}
		}
		words += (letters >= 2) ? 1 : 0;
		return words >= 2;
	}

	/** A RUT has at least 6 digits: shorter text is never scanned (most log lines). */
	private static boolean mayHoldRut(String text) {
		int digits = 0;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c >= '0' && c <= '9' && ++digits >= 6) {
				return true;
			}
		}
		return false;
	}

}
