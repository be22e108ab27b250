package cl.sernac.cifras.demo;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DemoDataGeneratorTests {

	private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

	private static final List<String> SOURCES = List.of("callcenter", "portal", "oficina", "municipal", "movil",
			"convenio");

	@TempDir
	static Path directory;

	static DemoManifest manifest;

	@BeforeAll
	static void generate() throws IOException {
		manifest = new DemoDataGenerator(DemoDataGenerator.DEFAULT_SEED).generate(directory);
	}

	@Test
	void sameSeedWritesByteIdenticalFiles(@TempDir Path again) throws IOException {
		DemoManifest second = new DemoDataGenerator(DemoDataGenerator.DEFAULT_SEED).generate(again);
		assertThat(second).isEqualTo(manifest);
		assertThat(list(again)).isEqualTo(list(directory));
		for (String name : list(directory)) {
			assertThat(Files.mismatch(directory.resolve(name), again.resolve(name))).as(name).isEqualTo(-1L);
		}
	}

	@Test
	void anotherSeedWritesOtherDataWithTheSameAccount(@TempDir Path other) throws IOException {
		DemoManifest seven = new DemoDataGenerator(7).generate(other);
		assertThat(Files.mismatch(directory.resolve("callcenter_2014_01.csv"), other.resolve("callcenter_2014_01.csv")))
			.isNotEqualTo(-1L);
		// the yearly breakdown of the account is fixed; the seed moves months, days,
		// people and noise
		assertThat(seven.expected()).isEqualTo(manifest.expected());
		assertThat(seven.dataRows()).isNotEqualTo(manifest.dataRows());
		assertAccount(seven);
	}

	@Test
	void writesThirtySixMonthlyExportsOfEverySourceNamedByPeriod() throws IOException {
		List<String> files = list(directory);
		// six sources by month, two copies, two files not to ingest, and the public
		// account's lawsuits and activities by year
		assertThat(files).hasSize(6 * 36 + 2 + 2 + 2 * 3).isEqualTo(manifest.files());
		assertThat(files).contains("juicios_2014.csv", "juicios_2016.csv", "actividades_2014.csv",
				"actividades_2016.csv");
		for (String source : SOURCES) {
			List<String> monthly = files.stream().filter((f) -> f.matches(source + "_\\d{4}_\\d{2}\\.csv")).toList();
			List<String> expected = new ArrayList<>();
			for (YearMonth m = YearMonth.of(2014, 1); !m.isAfter(YearMonth.of(2016, 12)); m = m.plusMonths(1)) {
				expected.add(String.format(Locale.ROOT, "%s_%d_%02d.csv", source, m.getYear(), m.getMonthValue()));
			}
			assertThat(monthly).as(source).containsExactlyElementsOf(expected);
		}
		assertThat(manifest.dataRows().keySet()).containsAll(manifest.redelivered())
			.doesNotContainAnyElementsOf(manifest.unrecognizedFiles().keySet());
		int rows = manifest.dataRows().values().stream().mapToInt(Integer::intValue).sum();
		assertThat(rows).isBetween(185_000, 215_000);
	}

	@Test
	void manifestExpectsExactlyTheAccount() {
		assertAccount(manifest);
		assertThat(manifest.movilComunasVisited()).hasSize(36).doesNotContain("Juan Fernández", "Isla de Pascua");
		assertThat(manifest.municipalities()).isEqualTo(20);
		assertThat(manifest.provincialGovernments()).isEqualTo(2);
		assertThat(manifest.municipalSources())
			.contains("Gobernación Provincial de San Antonio", "Gobernación Provincial de Quillota",
					"Municipalidad de Llaillay", "Municipalidad de La Calera")
			.doesNotContain("Municipalidad de Zapallar");
		assertThat(manifest.expected()).allSatisfy((cell) -> {
			assertThat(cell.year()).isBetween(2014, 2016);
			assertThat(cell.records()).isPositive();
		});
		// growth year on year in every large channel
		for (String[] cell : new String[][] { { "CONSULTA", "CALL_CENTER" }, { "RECLAMO", "INTERNET" },
				{ "CONSULTA", "MUNICIPAL" }, { "RECLAMO", "MUNICIPAL" } }) {
			assertThat(manifest.count(cell[0], "", cell[1], 2014))
				.isLessThan(manifest.count(cell[0], "", cell[1], 2015));
			assertThat(manifest.count(cell[0], "", cell[1], 2015))
				.isLessThan(manifest.count(cell[0], "", cell[1], 2016));
		}
		assertThat(manifest.toJson()).contains("\"records_total\": 181575", "\"movil_comunas_visited\": 36",
				"\"municipios\": 22");
	}

	private static void assertAccount(DemoManifest m) {
		assertThat(m.total("CONSULTA")).isEqualTo(98_305);
		assertThat(m.total("CONSULTA", "INTERNET")).isEqualTo(15_446);
		assertThat(m.total("CONSULTA", "OFICINA")).isEqualTo(17_730);
		assertThat(m.total("CONSULTA", "CALL_CENTER")).isEqualTo(43_566);
		assertThat(m.total("CONSULTA", "MOVIL")).isEqualTo(998);
		assertThat(m.total("CONSULTA", "MUNICIPAL")).isEqualTo(20_565);
		assertThat(m.total("CONSULTA", "CONVENIO")).isZero();
		assertThat(m.total("RECLAMO")).isEqualTo(83_079);
		assertThat(m.total("RECLAMO", "CONVENIO")).isEqualTo(759);
		assertThat(m.total("RECLAMO", "INTERNET")).isEqualTo(55_958);
		assertThat(m.total("RECLAMO", "OFICINA")).isEqualTo(6_355);
		assertThat(m.total("RECLAMO", "CALL_CENTER")).isEqualTo(1_030);
		assertThat(m.total("RECLAMO", "MOVIL")).isEqualTo(240);
		assertThat(m.total("RECLAMO", "MUNICIPAL")).isEqualTo(18_737);
		assertThat(m.total("SONI")).isEqualTo(191);
		assertThat(m.totalBySubtype("SONI", "DISCONFORMIDAD")).isEqualTo(60);
		assertThat(m.totalBySubtype("SONI", "RECONOCIMIENTO")).isEqualTo(126);
		assertThat(m.totalBySubtype("SONI", "SUGERENCIA")).isEqualTo(5);
		assertThat(m.total("SONI", "INTERNET") + m.total("SONI", "OFICINA")).isEqualTo(191);
		assertThat(m.totalRecords()).isEqualTo(98_305 + 83_079 + 191);
	}

	@Test
	void reportsRejectsOfEveryReasonAndWarnings() {
		assertThat(manifest.rejected().keySet()).containsExactlyElementsOf(DemoManifest.REJECT_REASONS);
		assertThat(manifest.rejected().values()).allSatisfy((n) -> assertThat(n).isPositive());
		assertThat(manifest.rejectedTotal()).isBetween(20, 100);
		manifest.rejected()
			.forEach((reason, n) -> assertThat(manifest.rejectedIfCopiesRead().get(reason)).isGreaterThanOrEqualTo(n));
		assertThat(manifest.rejectedIfCopiesRead().values().stream().mapToInt(Integer::intValue).sum())
			.isGreaterThan(manifest.rejectedTotal());
		assertThat(manifest.warnings()).containsOnlyKeys("rut-check-digit", "unknown-comuna", "unknown-region");
		assertThat(manifest.warnings().values()).allSatisfy((n) -> assertThat(n).isPositive());
		assertThat(manifest.exercised()).containsKeys("corrected-records", "rows-re-sent-with-a-key-variant",
				"central-cases-with-portal-and-intake-row", "central-cases-entered-in-the-next-year",
				"rows-repeated-by-overlapping-exports", "files-saved-again-by-a-spreadsheet",
				"files-with-reordered-columns", "multi-line-fields-written");
		assertThat(manifest.exercised().values()).allSatisfy((n) -> assertThat(n).isPositive());
	}

	@Test
	void reDeliveredCopiesAreByteIdenticalToTheirOriginals() throws IOException {
		assertThat(manifest.redelivered()).containsExactly("municipal_2016_03 (copia).csv",
				"portal_2015_06 (copia).csv");
		for (String copy : manifest.redelivered()) {
			Path original = directory.resolve(copy.replace(" (copia)", ""));
			assertThat(Files.mismatch(original, directory.resolve(copy))).as(copy).isEqualTo(-1L);
			assertThat(list(directory).indexOf(copy))
				.isLessThan(list(directory).indexOf(original.getFileName().toString()));
		}
	}

	@Test
	void filesThatMustNotBeIngestedArePresent() throws IOException {
		assertThat(manifest.unrecognizedFiles()).containsOnlyKeys("notas_analista.txt", "callcenter_resumen_2015.csv");
		assertThat(directory.resolve("notas_analista.txt")).isRegularFile();
		String summary = Files.readString(directory.resolve("callcenter_resumen_2015.csv"), WINDOWS_1252);
		assertThat(summary).startsWith("MES;TOTAL\r\n").doesNotContain("ID_LLAMADA");
	}

	@Test
	void callCenterExportsAreWindows1252WithCrlfUnlessSavedAgainBySpreadsheet() throws IOException {
		byte[] plain = Files.readAllBytes(directory.resolve("callcenter_2014_01.csv"));
		assertThat(startsWithBom(plain)).isFalse();
		assertThatThrownBy(() -> strict(StandardCharsets.UTF_8, plain)).isInstanceOf(CharacterCodingException.class);
		String text = strict(WINDOWS_1252, plain);
		assertThat(text).startsWith("ID_LLAMADA;FECHA_HORA;RUT;TIPO_ATENCION;MERCADO;REGION;COMUNA;DURACION_SEG\r\n")
			.containsAnyOf("Viña del Mar", "Valparaíso", "Quilpué", "Concón");
		assertThat(text.replace("\r\n", "")).doesNotContain("\n", "\r");

		byte[] resaved = Files.readAllBytes(directory.resolve("callcenter_2015_03.csv"));
		assertThat(startsWithBom(resaved)).isTrue();
		String again = strict(StandardCharsets.UTF_8, resaved).substring(1);
		assertThat(again).startsWith("\"COMUNA\";\"ID_LLAMADA\";")
			.contains("\"EXTRA_CALLCENTER\"\r\n")
			.endsWith(";;;;;;;;\r\n;;;;;;;;\r\n;;;;;;;;\r\n");
		assertThat(again.replace("\r\n", "")).doesNotContain("\n");
		assertThat(strict(StandardCharsets.UTF_8, Files.readAllBytes(directory.resolve("callcenter_2016_08.csv"))))
			.endsWith("\"\";\"\";\"\";\"\";\"\";\"\";\"\";\"\"\r\n");
	}

	@Test
	void everySourceHasItsOwnDialect() throws IOException {
		String office = strict(WINDOWS_1252, Files.readAllBytes(directory.resolve("oficina_2015_01.csv")));
		// since 2015 the office's export carries the optional PROGRAMA column
		assertThat(office).startsWith("N_ATENCION;FECHA;HORA;TIPO;SUBTIPO;RUT;NOMBRE;COMUNA;MATERIA;PROGRAMA\r\n");
		assertThat(strict(WINDOWS_1252, Files.readAllBytes(directory.resolve("oficina_2014_01.csv"))))
			.startsWith("N_ATENCION;FECHA;HORA;TIPO;SUBTIPO;RUT;NOMBRE;COMUNA;MATERIA\r\n");
		byte[] municipal = Files.readAllBytes(directory.resolve("municipal_2015_01.csv"));
		assertThat(startsWithBom(municipal)).isTrue();
		assertThat(strict(StandardCharsets.UTF_8, municipal)).contains("Municipio;ID Registro;Fecha;").contains("\r\n");
		byte[] portal2014 = Files.readAllBytes(directory.resolve("portal_2014_05.csv"));
		byte[] portal2015 = Files.readAllBytes(directory.resolve("portal_2015_05.csv"));
		assertThat(startsWithBom(portal2014)).isTrue();
		assertThat(startsWithBom(portal2015)).isFalse();
		String portal = strict(StandardCharsets.UTF_8, portal2015);
		assertThat(portal).startsWith("folio,fecha_ingreso,tipo_solicitud,").doesNotContain("\r").contains("\"\"");
		assertThat(strict(StandardCharsets.UTF_8, Files.readAllBytes(directory.resolve("movil_2015_05.csv"))))
			.startsWith("fecha,comuna_visitada,programa,correlativo,tipo,rut,mercado\n");
		assertThat(strict(StandardCharsets.UTF_8, Files.readAllBytes(directory.resolve("convenio_2015_05.csv"))))
			.startsWith("fecha_recepcion\tcomuna\tfolio_sernac\ttipo\trut\tinstitucion\tid_caso\tEXTRA_CONVENIO\n");
		assertThat(strict(StandardCharsets.UTF_8, Files.readAllBytes(directory.resolve("convenio_2016_05.csv"))))
			.startsWith("institucion\tid_caso\tfecha_recepcion\ttipo\tfolio_sernac\trut\tcomuna\n");
	}

	/**
	 * An independent count of the mobile unit's exports (comma CSV, UTF-8) by rules 1, 3
	 * and 5.
	 */
	@Test
	void mobileExportsCountAsTheManifestSays() throws IOException {
		Map<String, String[]> records = new HashMap<>();
		int rejected = 0;
		for (String name : list(directory)) {
			if (!name.startsWith("movil_")) {
				continue;
			}
			List<List<String>> rows = parse(Files.readString(directory.resolve(name)), ',');
			List<String> header = rows.get(0).stream().map(DemoDataGeneratorTests::fold).toList();
			for (List<String> row : rows.subList(1, rows.size())) {
				if (row.size() != header.size()) {
					rejected++;
					continue;
				}
				String date = row.get(header.indexOf("fecha")).trim();
				String comuna = row.get(header.indexOf("comuna_visitada"));
				String number = row.get(header.indexOf("correlativo")).trim();
				String type = fold(row.get(header.indexOf("tipo")));
				if (number.isEmpty() || !date.matches("20(1[4-6])-\\d\\d-\\d\\d")
						|| !Set.of("consulta", "reclamo").contains(type) || !validDate(date)) {
					rejected++;
					continue;
				}
				records.put(date + "|" + fold(comuna) + "|" + number,
						new String[] { type, date.substring(0, 4), comuna });
			}
		}
		Map<String, Integer> counted = new TreeMap<>();
		Set<String> comunas = new TreeSet<>();
		for (String[] record : records.values()) {
			counted.merge(record[0].toUpperCase(Locale.ROOT) + " " + record[1], 1, Integer::sum);
			String comuna = fold(record[2]);
			comunas.add(comuna.equals("la calera") ? "calera" : comuna.equals("llay-llay") ? "llaillay" : comuna);
		}
		for (int year = 2014; year <= 2016; year++) {
			assertThat(counted.get("CONSULTA " + year)).isEqualTo(manifest.count("CONSULTA", "", "MOVIL", year));
			assertThat(counted.get("RECLAMO " + year)).isEqualTo(manifest.count("RECLAMO", "", "MOVIL", year));
		}
		assertThat(comunas).hasSize(36);
		assertThat(rejected).isEqualTo(5);
	}

	/**
	 * The partner services' corrected types: counted by the final version there is no
	 * consulta left.
	 */
	@Test
	void laterExportsCorrectPartnerCaseTypes() throws IOException {
		Map<String, String> last = new HashMap<>();
		int consultaRows = 0;
		for (String name : list(directory)) {
			if (!name.startsWith("convenio_")) {
				continue;
			}
			List<String> lines = Files.readAllLines(directory.resolve(name));
			List<String> header = List.of(lines.get(0).split("\t", -1));
			for (String line : lines.subList(1, lines.size())) {
				String[] row = line.split("\t", -1);
				if (row.length != header.size()) {
					continue;
				}
				String type = row[header.indexOf("tipo")].trim().toUpperCase(Locale.ROOT);
				consultaRows += type.equals("C") ? 1 : 0;
				last.put(fold(row[header.indexOf("institucion")]) + "|" + row[header.indexOf("id_caso")].trim(), type);
			}
		}
		assertThat(consultaRows).isPositive();
		assertThat(last.values()).doesNotContain("C");
	}

	private static boolean validDate(String date) {
		try {
			java.time.LocalDate.parse(date);
			return true;
		}
		catch (java.time.format.DateTimeParseException ex) {
			return false;
		}
	}

	private static List<String> list(Path dir) throws IOException {
		try (Stream<Path> files = Files.list(dir)) {
			return files.map((p) -> p.getFileName().toString()).sorted().toList();
		}
	}

	private static boolean startsWithBom(byte[] bytes) {
		return bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF;
	}

	private static String strict(Charset charset, byte[] bytes) throws CharacterCodingException {
		return charset.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT)
			.decode(ByteBuffer.wrap(bytes))
			.toString();
	}

	private static String fold(String text) {
		return Normalizer.normalize(text, Normalizer.Form.NFD)
			.replaceAll("\\p{M}", "")
			.trim()
			.replaceAll("\\s+", " ")
			.toLowerCase(Locale.ROOT);
	}

	/**
	 * Minimal RFC 4180 reader: quoted fields with doubled quotes and line breaks; LF or
	 * CRLF.
	 */
	private static List<List<String>> parse(String text, char delimiter) {
		List<List<String>> rows = new ArrayList<>();
		List<String> row = new ArrayList<>();
		StringBuilder field = new StringBuilder();
		boolean quoted = false;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (quoted) {
				if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
					field.append('"');
					i++;
				}
				else if (c == '"') {
					quoted = false;
				}
				else {
					field.append(c);
				}
			}
			else if (c == '"') {
				quoted = true;
			}
			else if (c == delimiter) {
				row.add(field.toString());
				field.setLength(0);
			}
			else if (c == '\n' || c == '\r') {
				if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
					i++;
				}
				row.add(field.toString());
				field.setLength(0);
				if (!row.stream().allMatch(String::isBlank)) {
					rows.add(row);
				}
				row = new ArrayList<>();
			}
			else {
				field.append(c);
			}
		}
		return rows;
	}

}
