package cl.sernac.cifras.merge;

/**
 * The numbers the store keeps for texts that are numbers already: the official codes of
 * comunas and regions (digits, zero-padded) and the RUT's keyed hash (16 hexadecimal
 * characters, 64 bits).
 */
final class StoreNumbers {

	private static final int COMUNA_DIGITS = 5;

	private StoreNumbers() {
	}

	/** An official code as a number ({@code "05504"} is 5504); null for null. */
	static Integer code(String digits) {
		return (digits != null) ? Integer.valueOf(digits) : null;
	}

	/** A comuna's code as the texts of the outputs write it ({@code 5504} is "05504"). */
	static String comuna(Integer code) {
		if (code == null) {
			return null;
		}
		String digits = code.toString();
		return (digits.length() >= COMUNA_DIGITS) ? digits : "0".repeat(COMUNA_DIGITS - digits.length()) + digits;
	}

	/**
	 * The RUT's keyed hash as the 64-bit number its hexadecimal text spells; null for
	 * null.
	 */
	static Long hash(String hex) {
		return (hex != null) ? Long.parseUnsignedLong(hex, 16) : null;
	}

}
