package cl.sernac.cifras.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;

/**
 * Numbers as planners read them in Chile: {@code 98.305}, {@code 12,5 %}.
 */
public final class ChileanFormat {

	private static final DecimalFormatSymbols SYMBOLS = symbols();

	private ChileanFormat() {
	}

	public static String integer(long value) {
		return new DecimalFormat("#,##0", SYMBOLS).format(value);
	}

	/** A percentage with one decimal, rounded half up: {@code 12,5 %}. */
	public static String percent(BigDecimal value) {
		return new DecimalFormat("#,##0.0", SYMBOLS).format(value.setScale(1, RoundingMode.HALF_UP)) + " %";
	}

	private static DecimalFormatSymbols symbols() {
		DecimalFormatSymbols symbols = new DecimalFormatSymbols();
		symbols.setGroupingSeparator('.');
		symbols.setDecimalSeparator(',');
		symbols.setMinusSign('-');
		return symbols;
	}

}
