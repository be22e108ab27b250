package cl.sernac.cifras.normalize;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keyed hash (HMAC-SHA256) of a canonical RUT: distinct people can be counted, but the
 * RUT cannot be recovered or guessed by hashing candidate RUTs without the secret.
 */
public final class RutHasher {

	private static final int HASH_BYTES = 8;

	private final ThreadLocal<Mac> mac;

	public RutHasher(byte[] secret) {
		if (secret.length < 16) {
			throw new IllegalArgumentException("The RUT hashing secret must have at least 16 bytes");
		}
		byte[] key = secret.clone();
		this.mac = ThreadLocal.withInitial(() -> {
			try {
				Mac instance = Mac.getInstance("HmacSHA256");
				instance.init(new SecretKeySpec(key, "HmacSHA256"));
				return instance;
			}
			catch (GeneralSecurityException ex) {
				throw new IllegalStateException("HmacSHA256 is not available", ex);
			}
		});
	}

	/**
	 * The first 64 bits of the HMAC of a canonical RUT ({@code 12345678-5}), in hex: 16
	 * characters stored with each record instead of 64. Two people share a hash with a
	 * chance of about one in 10^11 among a million RUTs; the hash only tells a correction
	 * of the RUT from an unchanged record and could count distinct people.
	 */
	public String hash(String canonicalRut) {
		byte[] mac = this.mac.get().doFinal(canonicalRut.getBytes(StandardCharsets.US_ASCII));
		return HexFormat.of().formatHex(mac, 0, HASH_BYTES);
	}

	/**
	 * A stand-in for a free-text value that must not be stored as it is (a key or folio
	 * holding a RUT or a name): {@code ~} and the first 64 bits of the HMAC of the value
	 * (UTF-8, after a prefix that keeps it apart from RUT hashes), in hex. Equal values
	 * get equal stand-ins, so records are still told apart and matched by them.
	 */
	public String pseudonym(String value) {
		byte[] mac = this.mac.get().doFinal(("texto:" + value).getBytes(StandardCharsets.UTF_8));
		return "~" + HexFormat.of().formatHex(mac, 0, HASH_BYTES);
	}

}
