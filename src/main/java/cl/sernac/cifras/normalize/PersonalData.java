package cl.sernac.cifras.normalize;

import java.util.regex.Pattern;

/**
 * Masks RUT-shaped text in anything that leaves the pipeline as text (reject details, log
 * lines).
 */
public final class PersonalData {

	/**
	 * A RUT body of 6 to 9 digits, dotted in thousands or not, then its check digit:
	 * after a hyphen (spaces allowed around it) or right after the body. Digits followed
	 * by spaces and another number (columns of a table) are not a RUT; nor are shorter
	 * numbers (process ids, counts).
	 */
	private static final Pattern RUT_LIKE = Pattern.compile("(?<![0-9.])(?:[0-9]{1,3}\\.?[0-9]{3}\\.?[0-9]{3}"
			+ "|[0-9]{3}\\.?[0-9]{3})(?:\\s?-\\s?|)[0-9kK](?![0-9])");

	private PersonalData() {
	}

	public static String mask(String text) {
		if (text == null || text.isEmpty()) {
			return text;
		}
		return RUT_LIKE.matcher(text).replaceAll("[valor oculto]");
	}

}
