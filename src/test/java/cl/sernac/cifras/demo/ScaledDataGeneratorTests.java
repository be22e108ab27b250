package cl.sernac.cifras.demo;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import cl.sernac.cifras.bench.SqlPeer;
import cl.sernac.cifras.reading.CsvRecord;
import cl.sernac.cifras.reading.CsvRecordReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScaledDataGeneratorTests {

	private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

	private static final long RECORDS = 20_000;

	/**
	 * A small monthly volume so that 20,000 rows span twenty months (2014-01 to 2015-08).
	 */
	private static final int MONTHLY_ROWS = 1_000;

	private static final long SEED = 42;

	@TempDir
	static Path root;

	static ScaledDataGenerator.Summary summary;

	@BeforeAll
	static void generate() throws IOException {
		summary = new ScaledDataGenerator(RECORDS, SEED, MONTHLY_ROWS).generate(root.resolve("input"),
				root.resolve("increment"));
	}

	@Test
	void sameSeedWritesByteIdenticalFilesWithOrWithoutTheExtraMonth(@TempDir Path again) throws IOException {
		ScaledDataGenerator.Summary second = new ScaledDataGenerator(RECORDS, SEED, MONTHLY_ROWS)
			.generate(again.resolve("input"), again.resolve("increment"));
		ScaledDataGenerator.Summary alone = new ScaledDataGenerator(RECORDS, SEED, MONTHLY_ROWS)
			.generate(again.resolve("alone"), null);
		assertThat(second.main().rowsByFile()).isEqualTo(summary.main().rowsByFile());
		assertThat(second.main().exercised()).isEqualTo(summary.main().exercised());
		assertThat(alone.extra()).isNull();
		assertSameFiles(root.resolve("input"), again.resolve("input"));
		assertSameFiles(root.resolve("input"), again.resolve("alone"));
		assertSameFiles(root.resolve("increment"), again.resolve("increment"));
	}

	@Test
	void anotherSeedWritesOtherData(@TempDir Path other) throws IOException {
		new ScaledDataGenerator(RECORDS, SEED + 1, MONTHLY_ROWS).generate(other, null);
		assertThat(list(other)).isEqualTo(list(root.resolve("input")));
		assertThat(Files.mismatch(other.resolve("portal_2014_03.csv"), root.resolve("input/portal_2014_03.csv")))
			.isNotEqualTo(-1L);
	}

	@Test
	void writesMonthlyExportsOfTheSixSourcesNamedByPeriodInOrder() throws IOException {
		assertThat(summary.months()).isEqualTo(20);
		assertThat(summary.main().firstMonth()).isEqualTo(YearMonth.of(2014, 1));
		assertThat(summary.main().lastMonth()).isEqualTo(YearMonth.of(2015, 8));
		List<String> files = list(root.resolve("input"));
		for (DemoSource source : DemoSource.values()) {
			List<String> monthly = files.stream()
				.filter((f) -> f.matches(source.prefix + "_\\d{4}_\\d{2}\\.csv"))
				.toList();
			List<String> expected = new ArrayList<>();
			for (YearMonth m = YearMonth.of(2014, 1); !m.isAfter(YearMonth.of(2015, 8)); m = m.plusMonths(1)) {
				expected
					.add(String.format(Locale.ROOT, "%s_%d_%02d.csv", source.prefix, m.getYear(), m.getMonthValue()));
			}
			assertThat(monthly).as(source.prefix).containsExactlyElementsOf(expected);
			for (String name : monthly) {
				assertThat(summary.main().rowsByFile().get(name)).as(name).isPositive();
			}
		}
		// a copy a year (portal in even years, municipal in odd years), an export a year
		// delivered again after a spreadsheet re-save (call center in even years, office
		// in odd years), a note and a summary not to ingest
		assertThat(files).contains("portal_2014_06 (copia).csv", "municipal_2015_06 (copia).csv",
				"callcenter_2014_03_reenvio.csv", "oficina_2015_03_reenvio.csv", "notas_analista.txt",
				"callcenter_resumen_2014.csv");
		assertThat(files).hasSize(6 * 20 + 2 + 2 + 2).hasSize(summary.main().files());
		assertThat(Files.mismatch(root.resolve("input/portal_2014_06.csv"),
				root.resolve("input/portal_2014_06 (copia).csv")))
			.isEqualTo(-1L);
		for (String resent : List.of("callcenter_2014_03", "oficina_2015_03")) {
			Path original = root.resolve("input/" + resent + ".csv");
			Path again = root.resolve("input/" + resent + "_reenvio.csv");
			assertThat(Files.mismatch(original, again)).as(resent).isNotEqualTo(-1L);
			assertThat(dataRows(again, source(resent + ".csv"))).isEqualTo(dataRows(original, source(resent + ".csv")))
				.isEqualTo(summary.main().rowsByFile().get(resent + "_reenvio.csv"));
			assertThat(new String(Files.readAllBytes(again), StandardCharsets.UTF_8)).startsWith("\uFEFF");
		}
	}

	@Test
	void totalRowsAreCloseToTheRequestedNumberAndMatchTheFiles() throws IOException {
		assertThat(summary.main().dataRows()).isBetween(RECORDS * 97 / 100, RECORDS * 103 / 100);
		long sum = 0;
		for (Map.Entry<String, Long> file : summary.main().rowsByFile().entrySet()) {
			DemoSource source = source(file.getKey());
			assertThat(dataRows(root.resolve("input").resolve(file.getKey()), source)).as(file.getKey())
				.isEqualTo(file.getValue());
			sum += file.getValue();
		}
		assertThat(sum).isEqualTo(summary.main().dataRows());
		assertThat(summary.main().rowsByFile()).doesNotContainKeys("callcenter_resumen_2014.csv", "notas_analista.txt");
	}

	@Test
	void extraMonthIsTheMonthAfterTheLastWithTheSixSources() throws IOException {
		ScaledDataGenerator.Directory extra = summary.extra();
		assertThat(extra.firstMonth()).isEqualTo(YearMonth.of(2015, 9)).isEqualTo(extra.lastMonth());
		List<String> expected = Stream.of(DemoSource.values()).map((s) -> s.prefix + "_2015_09.csv").sorted().toList();
		assertThat(list(root.resolve("increment"))).containsExactlyElementsOf(expected);
		assertThat(extra.files()).isEqualTo(6);
		// about one month of rows; its exports repeat the last days of the main
		// directory's last month
		assertThat(extra.dataRows()).isBetween(700L, 1_500L);
		assertThat(extra.exercised()).containsKey("rows-repeated-by-overlapping-exports");
		long sum = 0;
		for (String name : expected) {
			long rows = dataRows(root.resolve("increment").resolve(name), source(name));
			assertThat(rows).as(name).isEqualTo(extra.rowsByFile().get(name)).isPositive();
			sum += rows;
		}
		assertThat(sum).isEqualTo(extra.dataRows());
	}

	@Test
	void encodingsDelimitersAndLineEndsFollowTheSpec() throws IOException {
		int notUtf8 = 0;
		for (String name : summary.main().rowsByFile().keySet()) {
			Path file = root.resolve("input").resolve(name);
			DemoSource source = source(name);
			byte[] bytes = Files.readAllBytes(file);
			boolean bom = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
					&& (bytes[2] & 0xFF) == 0xBF;
			String text;
			if (bom || source.charset.equals(StandardCharsets.UTF_8)) {
				text = strictly(bytes, StandardCharsets.UTF_8);
			}
			else {
				text = strictly(bytes, WINDOWS_1252);
				if (!decodes(bytes, StandardCharsets.UTF_8)) {
					notUtf8++;
				}
			}
			if (source == DemoSource.MUNICIPAL) {
				assertThat(bom).as(name + " has a byte-order mark").isTrue();
			}
			if (source == DemoSource.MOVIL || source == DemoSource.CONVENIO) {
				// only a spreadsheet re-save has one, and then every field is quoted
				assertThat(bom).as(name).isEqualTo(text.startsWith("\uFEFF\""));
			}
			String firstLine = text.substring(0, text.indexOf('\n') + 1);
			assertThat(firstLine).as(name).endsWith(source.lineEnd);
			if (source.lineEnd.equals("\n")) {
				assertThat(firstLine).as(name).doesNotContain("\r");
			}
			assertThat(firstLine).as(name).contains(String.valueOf(source.delimiter));
		}
		// the call center and the office really write windows-1252 (accents are not
		// UTF-8)
		assertThat(notUtf8).isGreaterThan(20);
	}

	@Test
	void everyAwkwardCaseAppears() {
		Map<String, Long> exercised = summary.main().exercised();
		assertThat(exercised).containsKeys("rows-repeated-by-overlapping-exports", "rows-re-sent-with-a-correction",
				"rows-re-sent-with-a-key-variant", "central-cases-forwarded-by-an-intake-row",
				"central-portal-rows-written", "central-cases-entered-in-a-later-month", "re-delivered-copies",
				"files-saved-again-by-a-spreadsheet", "files-with-reordered-columns", "files-with-byte-order-mark",
				"multi-line-fields-written", "warnings:rut-invalid", "files-not-to-ingest", "rows-delivered-late",
				"folios-added-by-a-correction", "records-corrected-months-later", "rows-re-sent-with-a-late-correction",
				"exports-re-delivered-after-a-spreadsheet-re-save", "subjects-with-windows-punctuation",
				"all-empty-rows-among-the-data");
		assertThat(exercised.keySet().stream().filter((k) -> k.startsWith("rejected:"))).isNotEmpty();
		assertThat(exercised.get("re-delivered-copies")).isEqualTo(2);
		long overlaps = exercised.get("rows-repeated-by-overlapping-exports");
		assertThat(overlaps).isBetween(RECORDS * 3 / 100, RECORDS * 10 / 100);
	}

	/**
	 * What the data set is made of, as the benchmark's peer counts it (the README's
	 * comparison with SPEC's data): exact, since the generator is deterministic.
	 */
	@Test
	void hasTheShapeOfSpecsExports(@TempDir Path work) throws IOException {
		SqlPeer.Result counted = SqlPeer.count(root.resolve("input"), LocalDate.of(2026, 11, 28), work, true);
		assertThat(counted.shape()).containsEntry("files", "126")
			.containsEntry("exports_read", "122")
			.containsEntry("rows", Long.toString(summary.main().dataRows()))
			.containsEntry("rows", "19984")
			.containsEntry("bytes", "4387631")
			.containsEntry("rows_in_identical_copies", "594")
			.containsEntry("re_delivered_rows", "1811")
			.containsEntry("corrected_rows", "293")
			.containsEntry("rejected_rows", "18")
			.containsEntry("central_folio_rows", "3725")
			.containsEntry("linked_cases", "1699")
			.containsEntry("multi_line_rows", "3009")
			.containsEntry("records", "17862")
			.containsEntry("cases", "16163");
		// every rejected row is one the generator broke on purpose
		long rejected = summary.main()
			.exercised()
			.entrySet()
			.stream()
			.filter((e) -> e.getKey().startsWith("rejected:"))
			.mapToLong(Map.Entry::getValue)
			.sum();
		assertThat(counted.shape()).containsEntry("rejected_rows", Long.toString(rejected));
		// corrections: next-export ones and those of months later that fall in the period
		assertThat(Long.parseLong(counted.shape().get("corrected_rows")))
			.isEqualTo(summary.main().exercised().get("rows-re-sent-with-a-correction")
					+ summary.main().exercised().get("rows-re-sent-with-a-late-correction"));
	}

	@Test
	void portalRowsOfForwardedCasesShareTheFolioOfAnIntakeRow() throws IOException {
		List<String> intake = new ArrayList<>();
		List<String> central = new ArrayList<>();
		for (String name : list(root.resolve("input"))) {
			DemoSource source = name.startsWith("municipal_") ? DemoSource.MUNICIPAL
					: name.startsWith("portal_") ? DemoSource.PORTAL : null;
			if (source == null || name.contains("copia")) {
				continue;
			}
			try (CsvRecordReader reader = CsvRecordReader.open(root.resolve("input").resolve(name), source.charset,
					source.delimiter, 100_000, 200)) {
				List<String> header = null;
				for (CsvRecord record = reader.next(); record != null; record = reader.next()) {
					if (record.isBlank()) {
						continue;
					}
					if (header == null) {
						header = List.of(record.fields())
							.stream()
							.map((h) -> h.trim().toLowerCase(Locale.ROOT))
							.toList();
						continue;
					}
					if (record.fields().length != header.size()) {
						continue;
					}
					if (source == DemoSource.MUNICIPAL) {
						String folio = record.fields()[header.indexOf("folio sernac")];
						if (!folio.isEmpty()) {
							intake.add(folio);
						}
					}
					else if (record.fields()[header.indexOf("canal_origen")].equals("MUNICIPAL")) {
						central.add(record.fields()[header.indexOf("folio")].trim());
					}
				}
			}
		}
		assertThat(intake).isNotEmpty();
		// nearly every central row of a municipal case has its intake row (a few platform
		// rows never arrive)
		long matched = central.stream().filter(intake::contains).count();
		assertThat(matched).isGreaterThan(central.size() * 95L / 100);
	}

	@Test
	void largeRequestsRaiseTheMonthlyVolumeInsteadOfRunningPastTheLatestDate() {
		ScaledDataGenerator twenty = new ScaledDataGenerator(20_000_000, 1);
		assertThat(twenty.months()).isEqualTo(144);
		assertThat(twenty.lastMonth()).isEqualTo(YearMonth.of(2025, 12));
		assertThat(twenty.lastMonth().plusMonths(1).atEndOfMonth()).isBefore(ScaledDataGenerator.LATEST_DATE);
		ScaledDataGenerator two = new ScaledDataGenerator(2_000_000, 1);
		assertThat(two.months()).isEqualTo(37);
		assertThat(two.lastMonth()).isEqualTo(YearMonth.of(2017, 1));
		assertThatThrownBy(() -> new ScaledDataGenerator(10, 1)).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void summaryIsOneLineOfJson() {
		String json = summary.toJson();
		assertThat(json).doesNotContain("\n")
			.startsWith("{\"seed\":42,")
			.contains("\"data_rows\":" + summary.main().dataRows() + ",")
			.contains("\"extra_data_rows\":" + summary.extra().dataRows() + ",")
			.contains("\"first_month\":\"2014-01\"", "\"last_month\":\"2015-08\"", "\"extra_month\":\"2015-09\"");
	}

	private static DemoSource source(String name) {
		for (DemoSource source : DemoSource.values()) {
			if (name.startsWith(source.prefix + "_")) {
				return source;
			}
		}
		throw new IllegalArgumentException(name);
	}

	/** Every non-blank record after the header, read the way the pipeline reads. */
	private static long dataRows(Path file, DemoSource source) throws IOException {
		try (CsvRecordReader reader = CsvRecordReader.open(file, source.charset, source.delimiter, 100_000, 200)) {
			long rows = -1;
			for (CsvRecord record = reader.next(); record != null; record = reader.next()) {
				assertThat(record.problem()).as(file.getFileName() + ":" + record.line()).isNull();
				if (!record.isBlank()) {
					rows++;
				}
			}
			return rows;
		}
	}

	private static String strictly(byte[] bytes, Charset charset) throws CharacterCodingException {
		return charset.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT)
			.decode(ByteBuffer.wrap(bytes))
			.toString();
	}

	private static boolean decodes(byte[] bytes, Charset charset) {
		try {
			strictly(bytes, charset);
			return true;
		}
		catch (CharacterCodingException ex) {
			return false;
		}
	}

	private static void assertSameFiles(Path expected, Path actual) throws IOException {
		assertThat(list(actual)).isEqualTo(list(expected));
		for (String name : list(expected)) {
			assertThat(Files.mismatch(expected.resolve(name), actual.resolve(name))).as(name).isEqualTo(-1L);
		}
	}

	private static List<String> list(Path directory) throws IOException {
		try (Stream<Path> files = Files.list(directory)) {
			return files.map((p) -> p.getFileName().toString()).sorted().toList();
		}
	}

}
