package cl.sernac.cifras.ledger;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * One pass over a file's bytes: its SHA-256 (the ledger key: the same content under any
 * name is the same file) and, for UTF-8 files, the first line that is not valid UTF-8. A
 * file that is not what its source promises is refused whole rather than read with
 * replacement characters.
 *
 * @param sha256 lowercase hex digest
 * @param size bytes
 * @param badEncodingLine first line (1-based) with an invalid byte sequence, or 0
 */
public record FileFingerprint(String sha256, long size, long badEncodingLine) {

	public static FileFingerprint of(Path file, Charset usualCharset) throws IOException {
		MessageDigest digest = newDigest();
		try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 256 * 1024)) {
			byte[] head = in.readNBytes(3);
			boolean bom = head.length == 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB
					&& (head[2] & 0xFF) == 0xBF;
			// A UTF-16 or UTF-32 byte-order mark overrides the source's encoding, as the
			// reader honours
			// it for every source: such a file is not checked as UTF-8.
			boolean utf16or32 = head.length >= 2 && (((head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE)
					|| ((head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF)
					|| (head.length == 3 && head[0] == 0 && head[1] == 0 && (head[2] & 0xFF) == 0xFE));
			boolean checkUtf8 = bom || (!utf16or32 && StandardCharsets.UTF_8.equals(usualCharset));
			Utf8Check check = checkUtf8 ? new Utf8Check() : null;
			digest.update(head);
			long size = head.length;
			if (check != null && !bom) {
				check.feed(head, head.length, false);
			}
			byte[] buffer = new byte[256 * 1024];
			int n;
			while ((n = in.read(buffer)) > 0) {
				digest.update(buffer, 0, n);
				size += n;
				if (check != null) {
					check.feed(buffer, n, false);
				}
			}
			if (check != null) {
				check.feed(buffer, 0, true);
			}
			return new FileFingerprint(HexFormat.of().formatHex(digest.digest()), size,
					(check != null) ? check.badLine : 0);
		}
	}

	private static MessageDigest newDigest() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Streaming UTF-8 validation that remembers the line of the first error. */
	private static final class Utf8Check {

		private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);

		private final CharBuffer out = CharBuffer.allocate(64 * 1024);

		private ByteBuffer carry = ByteBuffer.allocate(0);

		private long line = 1;

		private long badLine;

		void feed(byte[] bytes, int length, boolean end) throws CharacterCodingException {
			if (this.badLine > 0) {
				return;
			}
			ByteBuffer in = ByteBuffer.allocate(this.carry.remaining() + length);
			in.put(this.carry).put(bytes, 0, length).flip();
			while (true) {
				CoderResult result = this.decoder.decode(in, this.out, end);
				countLines();
				if (result.isError()) {
					this.badLine = this.line;
					return;
				}
				if (result.isUnderflow()) {
					break;
				}
			}
			this.carry = in.slice();
			if (end && this.carry.hasRemaining()) {
				this.badLine = this.line;
			}
		}

		private void countLines() {
			this.out.flip();
			while (this.out.hasRemaining()) {
				if (this.out.get() == '\n') {
					this.line++;
				}
			}
			this.out.clear();
		}

	}

}
