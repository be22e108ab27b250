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

	/** Hex HMAC of a canonical RUT ({@code 12345678-5}). */
	public String hash(String canonicalRut) {
		return HexFormat.of().formatHex(this.mac.get().doFinal(canonicalRut.getBytes(StandardCharsets.US_ASCII)));
	}

}
