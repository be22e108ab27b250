package cl.sernac.cifras.support;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class PersonalDataTests {

	/** One RUT, 12.345.678-5, in every way people and programs write it. */
	static List<String> writtenRuts() {
		return List.of("12.345.678-5", "12345678-5", "123456785", "12345678 5", "12345678 - 5", "12 345 678-5",
				"12 345 678 5", "12\u00A0345\u00A0678-5", "12,345,678-5", "12,345,6785", "12.345.6785", "12-345-678-5",
				"12.345.678\u20135", "12.345.678\u20145", "12.345.678\u20105", "12.345.678\u20115", "12.345.678\u20125",
				"12.345.678\u22125", "12.345.678\uFE635", "12.345.678\uFF0D5", "12345678\u20135", "0012345678-5",
				"012.345.678-5", "00123456785", "10.000.013-k", "10.000.013-K", "10000013k", "10000013 K",
				"1.234.567-4", "961.234-3", "961234-3", "123456789-2");
	}

	@ParameterizedTest(name = "[{index}] {0}")
	@MethodSource("writtenRuts")
	void everyWrittenFormOfARutIsMasked(String rut) {
		assertThat(PersonalData.mask(rut)).isEqualTo("[valor oculto]");
		assertThat(PersonalData.mask("rut " + rut + ", llamó")).isEqualTo("rut [valor oculto], llamó");
		assertThat(PersonalData.mask("x;" + rut + ";y")).isEqualTo("x;[valor oculto];y");
		assertThat(PersonalData.mask("'" + rut + "'")).isEqualTo("'[valor oculto]'");
		assertThat(PersonalData.holdsRut(rut)).isTrue();
	}

	@ParameterizedTest(name = "[{index}] {0}")
	@ValueSource(strings = { "4000004", "pid 1234567", "12:30:45", "2015-06-30", "2015-06-30T12:30:45",
			"30/06/2015 12:30:45", "1.995.702 filas", "epoch 1700000000", "epoch ms 1700000000123",
			"portal_2015_01.csv  portal  2.967  0  68  0  2", "R-2014-9000009", "C-2014-0000003", "192.168.100.1",
			"17.004 filas leídas · 1 de 864 archivos · 9.060 filas/s", "0,125", "3.14159265", "v1.2.3", "12.34.5678-5",
			"1234567890-1", "12345678901", "" })
	void numbersThatAreNotRutsAreLeftAlone(String text) {
		assertThat(PersonalData.mask(text)).isEqualTo(text);
		assertThat(PersonalData.holdsRut(text)).isFalse();
	}

	@Test
	void nullIsNull() {
		assertThat(PersonalData.mask(null)).isNull();
		assertThat(PersonalData.holdsRut(null)).isFalse();
	}

	@Test
	void severalRutsInOneLineAreAllMasked() {
		assertThat(PersonalData.mask("12 345 678-5 y 10.000.013\u2013K, 0012345678-5"))
			.isEqualTo("[valor oculto] y [valor oculto], [valor oculto]");
	}

	@Test
	void anEightDigitDateIsMaskedLikeARut() {
		// the mask cannot tell 20150631 from the RUT 2.015.063-1: the date column decides
		// before masking (RecordNormalizer)
		assertThat(PersonalData.mask("20150631")).isEqualTo("[valor oculto]");
	}

	@Test
	void wordsOfTwoLettersOrMoreLookLikeAName() {
		assertThat(PersonalData.holdsWords("MARIA JOSE PEREZ SOTO")).isTrue();
		assertThat(PersonalData.holdsWords("María José")).isTrue();
		assertThat(PersonalData.holdsWords("CHILEATIENDE")).isFalse();
		assertThat(PersonalData.holdsWords("R-2014-0000003")).isFalse();
		assertThat(PersonalData.holdsWords("2014-01-03|VALPARAISO|1")).isFalse();
		assertThat(PersonalData.holdsWords(null)).isFalse();
	}

}
