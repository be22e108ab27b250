package cl.sernac.cifras.support;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ChileanFormatTests {

	@Test
	void thousandsWithAPointDecimalsWithAComma() {
		assertThat(ChileanFormat.integer(98305)).isEqualTo("98.305");
		assertThat(ChileanFormat.integer(1030)).isEqualTo("1.030");
		assertThat(ChileanFormat.integer(191)).isEqualTo("191");
		assertThat(ChileanFormat.integer(1234567)).isEqualTo("1.234.567");
		assertThat(ChileanFormat.percent(new BigDecimal("44.3"))).isEqualTo("44,3 %");
		assertThat(ChileanFormat.decimal(new BigDecimal("1234.5"))).isEqualTo("1.234,5");
	}

	@Test
	void changesAreSigned() {
		assertThat(ChileanFormat.signedPercent(new BigDecimal("12.5"))).isEqualTo("+12,5 %");
		assertThat(ChileanFormat.signedPercent(new BigDecimal("-3.0"))).isEqualTo("\u22123,0 %");
		assertThat(ChileanFormat.signedPercent(new BigDecimal("-0.04"))).isEqualTo("0,0 %");
		assertThat(ChileanFormat.signedPercent(new BigDecimal("0.0"))).isEqualTo("0,0 %");
		assertThat(ChileanFormat.points(new BigDecimal("1.3"))).isEqualTo("+1,3 pp");
		assertThat(ChileanFormat.points(new BigDecimal("-4.9"))).isEqualTo("\u22124,9 pp");
		assertThat(ChileanFormat.points(new BigDecimal("-1234.56"))).isEqualTo("\u22121.234,6 pp");
	}

	@Test
	void csvDecimalsHaveNoGroupingAndAnAsciiMinus() {
		assertThat(ChileanFormat.plainDecimal(new BigDecimal("-1234.5"))).isEqualTo("-1234,5");
		assertThat(ChileanFormat.plainDecimal(new BigDecimal("-4.9"))).isEqualTo("-4,9");
		assertThat(ChileanFormat.plainDecimal(new BigDecimal("100.0"))).isEqualTo("100,0");
	}

}
