package cl.sernac.cifras.normalize;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;

/**
 * One accepted date format of a source, read strictly: {@code 31/02/2015} is no date.
 *
 * <p>
 * Patterns made only of numeric fields ({@code d dd M MM yyyy HH mm ss}) and literal
 * separators are read by a direct scan of the digits, which costs a fraction of a
 * {@link DateTimeFormatter} parse (measured at about a tenth of the reading's time). The
 * scan only answers when it is sure: any text it does not recognise, or any value it
 * cannot vouch for, goes to the formatter, so the result is always the formatter's.
 */
final class DateFormat {

	private static final int DAY = 'd';

	private static final int MONTH = 'M';

	private static final int YEAR = 'y';

	private static final int HOUR = 'H';

	private static final int MINUTE = 'm';

	private static final int SECOND = 's';

	private static final int LITERAL = 0;

	private final DateTimeFormatter formatter;

	/** The pattern as fields and literals; null when it has anything else. */
	private final List<Token> tokens;

	private DateFormat(DateTimeFormatter formatter, List<Token> tokens) {
		this.formatter = formatter;
		this.tokens = tokens;
	}

	static DateFormat of(String pattern) {
		return new DateFormat(strictFormatter(pattern), scan(pattern));
	}

	/**
	 * The date the text holds in this format.
	 * @return null when the text is not a valid date in this format
	 */
	LocalDate parse(String text) {
		if (this.tokens != null) {
			LocalDate fast = scanDate(text);
			if (fast != null) {
				return fast;
			}
		}
		try {
			return LocalDate.from(this.formatter.parse(text));
		}
		catch (DateTimeException ex) {
			return null;
		}
	}

	/**
	 * Whether texts are read by the scan (the formatter deciding only what it cannot).
	 */
	boolean scans() {
		return this.tokens != null;
	}

	/**
	 * {@code yyyy} means the proleptic year under strict resolution, which needs
	 * {@code uuuu}.
	 */
	static DateTimeFormatter strictFormatter(String pattern) {
		StringBuilder converted = new StringBuilder(pattern.length());
		boolean quoted = false;
		for (char c : pattern.toCharArray()) {
			if (c == '\'') {
				quoted = !quoted;
			}
			converted.append((!quoted && c == 'y') ? 'u' : c);
		}
		return DateTimeFormatter.ofPattern(converted.toString()).withResolverStyle(ResolverStyle.STRICT);
	}

	/**
	 * @return null when the text does not have exactly the shape of the tokens or a value
	 * is out of range: the formatter then decides
	 */
	private LocalDate scanDate(String text) {
		int year = -1;
		int month = -1;
		int day = -1;
		int at = 0;
		int length = text.length();
		for (Token token : this.tokens) {
			if (token.kind == LITERAL) {
				if (!text.startsWith(token.literal, at)) {
					return null;
				}
				at += token.literal.length();
				continue;
			}
			int start = at;
			int value = 0;
			while (at < length && at - start < token.maxDigits && isDigit(text.charAt(at))) {
				value = value * 10 + (text.charAt(at) - '0');
				at++;
			}
			int digits = at - start;
			if (digits < token.minDigits || (at < length && isDigit(text.charAt(at)) && !token.digitFollows)) {
				return null;
			}
			switch (token.kind) {
				case YEAR -> year = value;
				case MONTH -> month = value;
				case DAY -> day = value;
				case HOUR -> {
					if (value > 23) {
						return null;
					}
				}
				default -> {
					if (value > 59) {
						return null;
					}
				}
			}
		}
		if (at != length || year < 0 || month < 1 || month > 12 || day < 1 || day > 28 && !fits(year, month, day)) {
			return null;
		}
		return LocalDate.of(year, month, day);
	}

	private static boolean fits(int year, int month, int day) {
		return day <= LocalDate.of(year, month, 1).lengthOfMonth();
	}

	private static boolean isDigit(char c) {
		return c >= '0' && c <= '9';
	}

	/**
	 * The pattern as tokens, when it is made only of the numeric fields the scan knows
	 * and literals, and names a year, a month and a day once each.
	 */
	private static List<Token> scan(String pattern) {
		List<Token> tokens = new ArrayList<>();
		int i = 0;
		while (i < pattern.length()) {
			char c = pattern.charAt(i);
			int run = 1;
			while (i + run < pattern.length() && pattern.charAt(i + run) == c) {
				run++;
			}
			if (c == '\'') {
				int close = pattern.indexOf('\'', i + 1);
				if (close <= i + 1 || (close + 1 < pattern.length() && pattern.charAt(close + 1) == '\'')) {
					// an escaped quote: left to the formatter
					return null;
				}
				tokens.add(Token.literal(pattern.substring(i + 1, close)));
				i = close + 1;
				continue;
			}
			if (Character.isLetter(c)) {
				Token field = Token.field(c, run);
				if (field == null) {
					return null;
				}
				tokens.add(field);
			}
			else {
				if (isDigit(c) || "[]{}#".indexOf(c) >= 0) {
					// optional sections and reserved characters: left to the formatter
					return null;
				}
				tokens.add(Token.literal(pattern.substring(i, i + run)));
			}
			i += run;
		}
		long dateFields = tokens.stream().filter((t) -> t.kind == YEAR || t.kind == MONTH || t.kind == DAY).count();
		long distinct = tokens.stream().filter((t) -> t.kind != LITERAL).mapToInt((t) -> t.kind).distinct().count();
		if (dateFields != 3 || distinct != tokens.stream().filter((t) -> t.kind != LITERAL).count()) {
			return null;
		}
		// A field of variable width may only be followed by a literal or the end: next to
		// another field the formatter's adjacent-value reading decides.
		for (int t = 0; t < tokens.size(); t++) {
			Token token = tokens.get(t);
			boolean nextIsField = t + 1 < tokens.size() && tokens.get(t + 1).kind != LITERAL;
			if (token.kind != LITERAL && token.minDigits != token.maxDigits && nextIsField) {
				return null;
			}
			if (nextIsField) {
				tokens.set(t, token.followedByDigits());
			}
		}
		return tokens;
	}

	/**
	 * A literal, or a numeric field of a fixed or (d, M) one-to-two digit width.
	 *
	 * @param digitFollows whether a digit may follow the field (the next token is a
	 * field)
	 */
	private record Token(int kind, String literal, int minDigits, int maxDigits, boolean digitFollows) {

		static Token literal(String text) {
			return new Token(LITERAL, text, 0, 0, false);
		}

		static Token field(char letter, int count) {
			return switch (letter) {
				case 'y', 'u' -> (count == 4) ? new Token(YEAR, null, 4, 4, false) : null;
				case 'M' -> (count <= 2) ? new Token(MONTH, null, count, 2, false) : null;
				case 'd' -> (count <= 2) ? new Token(DAY, null, count, 2, false) : null;
				case 'H' -> (count == 2) ? new Token(HOUR, null, 2, 2, false) : null;
				case 'm' -> (count == 2) ? new Token(MINUTE, null, 2, 2, false) : null;
				case 's' -> (count == 2) ? new Token(SECOND, null, 2, 2, false) : null;
				default -> null;
			};
		}

		Token followedByDigits() {
			return new Token(this.kind, this.literal, this.minDigits, this.maxDigits, true);
		}

	}

}
