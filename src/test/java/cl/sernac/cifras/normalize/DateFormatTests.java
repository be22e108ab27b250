package cl.sernac.cifras.normalize;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class DateFormatTests {

	/** The six sources' formats, and others an analyst could configure. */
	private static final List<String> PATTERNS = List.of("dd/MM/yyyy HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss", "dd-MM-yyyy",
			"d/M/yyyy", "yyyy-MM-dd", "yyyyMMdd", "dd.MM.yyyy", "MM/dd/yyyy", "d-M-yyyy HH:mm", "yyyy/MM/dd HH:mm",
			"ddMMyyyy", "dd/MM/yy", "d MMM yyyy", "yyyy-MM-dd['T'HH:mm]", "dd/MM/yyyy 'h'");

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			dd/MM/yyyy HH:mm:ss     | 04/02/2015 14:19:34 | 2015-02-04
			yyyy-MM-dd'T'HH:mm:ss   | 2015-02-05T17:46:23 | 2015-02-05
			dd-MM-yyyy              | 29-02-2016          | 2016-02-29
			d/M/yyyy                | 2/2/2015            | 2015-02-02
			d/M/yyyy                | 12/11/2015          | 2015-11-12
			yyyy-MM-dd              | 2015-02-26          | 2015-02-26
			yyyyMMdd                | 20150227            | 2015-02-27
			""")
	void readsEachSourceFormat(String pattern, String text, LocalDate expected) {
		DateFormat format = DateFormat.of(pattern);
		assertThat(format.scans()).as("read by the scan, not the formatter").isTrue();
		assertThat(format.parse(text)).isEqualTo(expected);
	}

	@ParameterizedTest
	@ValueSource(strings = { "dd/MM/yy", "d MMM yyyy", "yyyy-MM-dd['T'HH:mm]", "dMyyyy", "dd/MM/yyyy 'o''clock'" })
	void leavesOtherPatternsToTheFormatter(String pattern) {
		assertThat(DateFormat.of(pattern).scans()).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "31/02/2015 10:00:00", "29/02/2015 10:00:00", "04/13/2015 10:00:00", "00/01/2015 10:00:00",
			"04/02/2015 24:00:00", "04/02/2015 10:60:00", "04/02/2015 10:00:61", "4/02/2015 10:00:00",
			"04/02/2015 10:00", "04/02/2015 10:00:00 ", "04/02/15 10:00:00", "04-02-2015 10:00:00", "" })
	void rejectsWhatTheStrictFormatterRejects(String text) {
		assertThat(DateFormat.of("dd/MM/yyyy HH:mm:ss").parse(text)).isNull();
	}

	/**
	 * Whatever the text, the scan answers as {@link DateTimeFormatter} does: random texts
	 * near each pattern's shape (digits changed, dropped, doubled; separators swapped).
	 */
	@Test
	void answersAsTheFormatterOnTextsNearEveryPattern() {
		Random random = new Random(20261130);
		String alphabet = "0123456789/-: T.";
		int compared = 0;
		int dates = 0;
		for (String pattern : PATTERNS) {
			DateTimeFormatter formatter = DateFormat.strictFormatter(pattern);
			DateFormat format = DateFormat.of(pattern);
			for (String sample : samples(pattern, random)) {
				for (int i = 0; i < 120; i++) {
					String text = mutate(sample, alphabet, random, i % 4);
					LocalDate expected;
					try {
						expected = LocalDate.from(formatter.parse(text));
					}
					catch (DateTimeException ex) {
						expected = null;
					}
					assertThat(format.parse(text)).as("%s with %s", text, pattern).isEqualTo(expected);
					compared++;
					dates += (expected != null) ? 1 : 0;
				}
			}
		}
		assertThat(compared).isEqualTo(PATTERNS.size() * 100 * 120);
		assertThat(dates).as("valid dates among the compared texts").isGreaterThan(compared / 5);
	}

	/** Texts the formatter writes for random date-times in the pattern. */
	private static List<String> samples(String pattern, Random random) {
		DateTimeFormatter formatter = DateFormat.strictFormatter(pattern);
		List<String> samples = new ArrayList<>();
		for (int i = 0; i < 100; i++) {
			samples.add(formatter.format(LocalDate.of(1990 + random.nextInt(40), 1 + random.nextInt(12), 1)
				.plusDays(random.nextInt(31))
				.atTime(random.nextInt(24), random.nextInt(60), random.nextInt(60))));
		}
		return samples;
	}

	/**
	 * The text as written (0), or with one character changed (1), dropped (2) or added
	 * (3).
	 */
	private static String mutate(String text, String alphabet, Random random, int how) {
		if (how == 0 || text.isEmpty()) {
			return text;
		}
		int at = random.nextInt(text.length());
		char c = alphabet.charAt(random.nextInt(alphabet.length()));
		return switch (how) {
			case 1 -> text.substring(0, at) + c + text.substring(at + 1);
			case 2 -> text.substring(0, at) + text.substring(at + 1);
			default -> text.substring(0, at) + c + text.substring(at);
		};
	}

}
