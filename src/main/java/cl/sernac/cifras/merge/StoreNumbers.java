package cl.sernac.cifras.merge;

/**
 * The number the store keeps for a text that is a number already: the RUT's keyed hash
 * (16 hexadecimal characters, 64 bits).
 */
final class StoreNumbers {

	private StoreNumbers() {
	}

	/**
	 * The RUT's keyed hash as the 64-bit number its hexadecimal text spells; null for
	 * null.
	 */
	static Long hash(String hex) {
		return (hex != null) ? Long.parseUnsignedLong(hex, 16) : null;
	}

}
