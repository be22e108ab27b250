package cl.sernac.cifras.support;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;

/**
 * Numbers as planners read them in Chile: {@code 98.305}, {@code 12,5 %},
 * {@code +1,3 pp}. Text for people writes a negative change with the minus sign {@code −}
 * (U+2212); cells for programs ({@link #plainDecimal}) keep the ASCII hyphen.
 */
public final class ChileanFormat {

	/** The minus sign of typeset text, as wide as the plus sign. */
	public static final String MINUS = "\u2212";

	private static final DecimalFormatSymbols SYMBOLS = symbols();

	private ChileanFormat() {
	}

	public static String integer(long value) {
		return new DecimalFormat("#,##0", SYMBOLS).format(value);
	}

	/** A percentage with one decimal, rounded half up: {@code 12,5 %}. */
	public static String percent(BigDecimal value) {
		return decimal(value) + " %";
	}

	/**
	 * One decimal, decimal comma, thousands grouped, rounded half up: {@code 1.234,5}.
	 */
	public static String decimal(BigDecimal value) {
		return new DecimalFormat("#,##0.0", SYMBOLS).format(value.setScale(1, RoundingMode.HALF_UP));
	}

	/**
	 * One decimal with a decimal comma and no grouping, for CSV cells: {@code -1234,5}.
	 */
	public static String plainDecimal(BigDecimal value) {
		return new DecimalFormat("0.0", SYMBOLS).format(value.setScale(1, RoundingMode.HALF_UP));
	}

	/** A change in percent, signed: {@code +12,5 %}, {@code −3,0 %}, {@code 0,0 %}. */
	public static String signedPercent(BigDecimal value) {
		return sign(value) + percent(value.abs());
	}

	/** A change in percentage points, signed: {@code +1,3 pp}, {@code −4,9 pp}. */
	public static String points(BigDecimal value) {
		return sign(value) + decimal(value.abs()) + " pp";
	}

	/** What rounds to zero has no sign. */
	private static String sign(BigDecimal value) {
		return switch (value.setScale(1, RoundingMode.HALF_UP).signum()) {
			case 1 -> "+";
			case -1 -> MINUS;
			default -> "";
		};
	}

	private static DecimalFormatSymbols symbols() {
		DecimalFormatSymbols symbols = new DecimalFormatSymbols();
		symbols.setGroupingSeparator('.');
		symbols.setDecimalSeparator(',');
		symbols.setMinusSign('-');
		return symbols;
	}

}
