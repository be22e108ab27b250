package cl.sernac.cifras.merge;

/**
 * A Bloom filter of strings: says for sure that a string was never added, or that it may
 * have been. The merge keeps one of every key and folio it writes to a store that started
 * empty, so a rebuild looks up only the keys and folios that may already be stored
 * instead of all of them. A wrong "may have been" only costs the lookup it would have
 * made anyway.
 */
final class KeySketch {

	private static final int HASHES = 3;

	private final long[] words;

	private final long mask;

	/**
	 * @param log2Bits the filter's size: 2^log2Bits bits (28: 32 MiB, under 1 % false
	 * positives at 20 million strings)
	 */
	KeySketch(int log2Bits) {
		long bits = 1L << log2Bits;
		this.words = new long[(int) (bits >>> 6)];
		this.mask = bits - 1;
	}

	void add(String kind, String value) {
		long hash = hash(kind, value);
		long step = (hash >>> 32) | 1;
		for (int i = 0; i < HASHES; i++) {
			long bit = (hash + i * step) & this.mask;
			this.words[(int) (bit >>> 6)] |= 1L << bit;
		}
	}

	boolean mayContain(String kind, String value) {
		long hash = hash(kind, value);
		long step = (hash >>> 32) | 1;
		for (int i = 0; i < HASHES; i++) {
			long bit = (hash + i * step) & this.mask;
			if ((this.words[(int) (bit >>> 6)] & (1L << bit)) == 0) {
				return false;
			}
		}
		return true;
	}

	/** 64-bit FNV-1a over both strings, then a final mix so every bit depends on all. */
	private static long hash(String kind, String value) {
		long h = 0xcbf29ce484222325L;
		h = fnv(h, kind);
		h = (h ^ 0x1F) * 0x100000001b3L;
		h = fnv(h, value);
		h ^= h >>> 33;
		h *= 0xff51afd7ed558ccdL;
		h ^= h >>> 33;
		h *= 0xc4ceb9fe1a85ec53L;
		h ^= h >>> 33;
		return h;
	}

	private static long fnv(long h, String s) {
		for (int i = 0; i < s.length(); i++) {
			h = (h ^ s.charAt(i)) * 0x100000001b3L;
		}
		return h;
	}

}
