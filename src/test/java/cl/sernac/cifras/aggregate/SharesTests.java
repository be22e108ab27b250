package cl.sernac.cifras.aggregate;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rounding rule: from exact counts, one decimal, halves away from zero, rounded once.
 */
class SharesTests {

	@Test
	void shareIsRoundedOnceToOneDecimal() {
		assertThat(Shares.share(1, 3)).isEqualTo(new BigDecimal("33.3"));
		assertThat(Shares.share(2, 3)).isEqualTo(new BigDecimal("66.7"));
		assertThat(Shares.share(43566, 98305)).isEqualTo(new BigDecimal("44.3"));
		assertThat(Shares.share(5, 5)).isEqualTo(new BigDecimal("100.0"));
		assertThat(Shares.share(0, 7)).isEqualTo(new BigDecimal("0.0"));
	}

	@Test
	void halvesAreRoundedAwayFromZero() {
		// 1/16 = 6,25 % exactly; 1/80 = 1,25 %: no binary floating point in between
		assertThat(Shares.share(1, 16)).isEqualTo(new BigDecimal("6.3"));
		assertThat(Shares.share(1, 80)).isEqualTo(new BigDecimal("1.3"));
		// 15 after 16 is -6,25 %
		assertThat(Shares.percentChange(15, 16)).isEqualTo(new BigDecimal("-6.3"));
		assertThat(Shares.percentChange(17, 16)).isEqualTo(new BigDecimal("6.3"));
	}

	@Test
	void nothingToShareOrCompareWithGivesNoFigure() {
		assertThat(Shares.share(0, 0)).isNull();
		assertThat(Shares.percentChange(5, 0)).isNull();
		assertThat(Shares.pointChange(1, 0, 1, 2)).isNull();
		assertThat(Shares.pointChange(1, 2, 1, 0)).isNull();
	}

	@Test
	void pointChangeIsTheDifferenceOfTheUnroundedShares() {
		// 1/3 = 33,33 % after 1/6 = 16,67 %: 16,67 pp, while the rounded shares differ by
		// 16,6
		assertThat(Shares.pointChange(1, 3, 1, 6)).isEqualTo(new BigDecimal("16.7"));
		assertThat(Shares.share(1, 3).subtract(Shares.share(1, 6))).isEqualTo(new BigDecimal("16.6"));
		// 17 of 41 after 19 of 41: -4,878 pp
		assertThat(Shares.pointChange(17, 41, 19, 41)).isEqualTo(new BigDecimal("-4.9"));
		// a half in points: 3/8 after 1/4 is 12,5 pp exactly; 1/16 after 0/1 is 6,25 pp
		assertThat(Shares.pointChange(3, 8, 1, 4)).isEqualTo(new BigDecimal("12.5"));
		assertThat(Shares.pointChange(1, 16, 0, 1)).isEqualTo(new BigDecimal("6.3"));
		assertThat(Shares.pointChange(0, 1, 1, 16)).isEqualTo(new BigDecimal("-6.3"));
	}

	@Test
	void largeCountsStayExact() {
		long big = 3_000_000_000L;
		assertThat(Shares.share(big, 2 * big)).isEqualTo(new BigDecimal("50.0"));
		assertThat(Shares.pointChange(big, 2 * big, big, 4 * big)).isEqualTo(new BigDecimal("25.0"));
	}

}
