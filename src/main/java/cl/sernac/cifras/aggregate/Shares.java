package cl.sernac.cifras.aggregate;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * The rounding rule of every share and change Cifras publishes. Each figure is computed
 * from the exact counts as a fraction and rounded once, to one decimal, halves away from
 * zero ({@link RoundingMode#HALF_UP}); a change in share is the difference of the
 * unrounded shares, so it may differ by 0,1 from the difference of the rounded shares
 * shown beside it.
 */
public final class Shares {

	public static final int DECIMALS = 1;

	private static final BigInteger HUNDRED = BigInteger.valueOf(100);

	private Shares() {
	}

	/**
	 * @return {@code part} as a percentage of {@code whole}, or null when {@code whole}
	 * is 0
	 */
	public static BigDecimal share(long part, long whole) {
		return percent(BigInteger.valueOf(part), BigInteger.valueOf(whole));
	}

	/**
	 * @return the change from {@code previous} to {@code current} in percent of
	 * {@code previous}, or null when {@code previous} is 0
	 */
	public static BigDecimal percentChange(long current, long previous) {
		return percent(BigInteger.valueOf(current - previous), BigInteger.valueOf(previous));
	}

	/**
	 * The change of a share between two years, in percentage points:
	 * {@code 100 * (part / whole - previousPart / previousWhole)}, exactly, rounded once.
	 * @return the change, or null when either whole is 0
	 */
	public static BigDecimal pointChange(long part, long whole, long previousPart, long previousWhole) {
		BigInteger numerator = BigInteger.valueOf(part)
			.multiply(BigInteger.valueOf(previousWhole))
			.subtract(BigInteger.valueOf(previousPart).multiply(BigInteger.valueOf(whole)));
		return percent(numerator, BigInteger.valueOf(whole).multiply(BigInteger.valueOf(previousWhole)));
	}

	private static BigDecimal percent(BigInteger numerator, BigInteger denominator) {
		if (denominator.signum() == 0) {
			return null;
		}
		return new BigDecimal(numerator.multiply(HUNDRED)).divide(new BigDecimal(denominator), DECIMALS,
				RoundingMode.HALF_UP);
	}

}
