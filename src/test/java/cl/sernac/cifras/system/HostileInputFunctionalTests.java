package cl.sernac.cifras.system;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import cl.sernac.cifras.ChildRun;
import cl.sernac.cifras.CifrasRun;
import cl.sernac.cifras.support.Printable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An adversarial intake (issue 12): names and RUTs in every written form typed in the
 * wrong columns, and files whose names carry line breaks, escape sequences, a carriage
 * return and a bidirectional override. No output, log line or stored text may hold a
 * name, a RUT or a control character, and no name may forge a line.
 */
class HostileInputFunctionalTests {

	/** A name nobody else has: its words are looked for everywhere. */
	private static final String NAME = "Xiomara Quintanilla Zúñiga";

	private static final List<String> NAME_WORDS = List.of("XIOMARA", "QUINTANILLA", "ZUNIGA");

	/** RUT bodies of the hostile rows: found anywhere, with any separators, is a leak. */
	private static final List<String> RUT_BODIES = List.of("17654321", "9876543", "21098765", "15432198", "8765432");

	private static final String FORGED = "callcenter_2017_\nERROR forjada.csv";

	private static final String RED = "callcenter_2017_\u001B[31mrojo.csv";

	private static final String CARRIAGE = "callcenter_2017_\rcr.csv";

	private static final String BIDI = "callcenter_2017_\u202Evsc.csv";

	private static final String NO_SOURCE = "notas_\u001B[2J\n.txt";

	@TempDir
	Path root;

	@Test
	void namesAndRutsGoNowhereAndFileNamesForgeNothing() throws Exception {
		// given the agency's samples, exports with names and RUTs in every column, and
		// files with hostile names
		CifrasRun run = CifrasRun.in(this.root).withInputFrom(Path.of("src/test/resources/samples"));
		writeHostileExports(run.input());
		writeHostileNames(run.input());

		// when the pipeline runs as the nightly job does
		ChildRun child = ChildRun.start(run, Map.of());
		int exit = child.waitForExit(300);
		String log = child.output();

		// then it completes
		assertThat(exit).as(log).isZero();

		// and rejects the hostile rows saying what was wrong, quoting no value that could
		// be a name or a RUT
		List<String> rejects = Files.readAllLines(run.output().resolve("rejects.csv"));
		assertThat(rejects.stream().filter((line) -> line.contains("_2017")).toList()).containsExactly(
				"callcenter_2017_?ERROR forjada.csv;3;bad-date;Fecha ilegible o inexistente: Fecha '99/99/2017 10:00:00'",
				"oficina_2017.csv;3;bad-date;Fecha ilegible o inexistente: Fecha de 26 caracteres con letras u otros signos (no se muestra)",
				"oficina_2017.csv;4;bad-date;Fecha ilegible o inexistente: Fecha de 12 caracteres con letras u otros signos (no se muestra)",
				"oficina_2017.csv;5;bad-date;Fecha ilegible o inexistente: Fecha con forma de RUT (no se muestra)",
				"oficina_2017.csv;6;bad-date;Fecha ilegible o inexistente: Fecha '20150631'",
				"oficina_2017.csv;7;unknown-type;Tipo de registro no reconocido: Tipo de 26 caracteres (no se muestra)",
				"oficina_2017.csv;8;unknown-type;Tipo de registro no reconocido: Subtipo SONI de 11 caracteres (no se muestra)",
				"oficina_2017.csv;9;unknown-type;Tipo de registro no reconocido: Tipo 'X'");
		assertThat(rejects).noneMatch((line) -> line.contains("[valor oculto]"));

		// and shows every file name with ? for its control and invisible characters
		String summary = run.outputFile("resumen_ejecucion.txt");
		for (String name : List.of(FORGED, RED, CARRIAGE, BIDI)) {
			String shown = Printable.of(name);
			assertThat(summary).contains(shown);
			assertThat(run.outputFile("run_summary.json")).contains(shown);
			assertThat(run.outputFile("tables/calidad_archivos.csv")).contains(shown);
			assertThat(run.outputFile("index.html")).contains(shown.replace("&", "&amp;"));
		}
		assertThat(summary).contains("  - notas_?[2J?.txt (no ingresado): ");
		assertThat(run.outputFile("index.html")).contains("notas_?[2J?.txt");

		// and nothing written holds a name, a RUT, a control character or a forged line
		Map<String, String> texts = outputTexts(run.output());
		texts.put("the log", log);
		texts.put("the store", storeText(run));
		for (Map.Entry<String, String> text : texts.entrySet()) {
			assertNoPersonalData(text.getKey(), text.getValue());
			if (!text.getKey().equals("the store")) {
				assertPrintable(text.getKey(), text.getValue());
			}
		}
		for (String where : List.of("the log", "resumen_ejecucion.txt")) {
			assertThat(texts.get(where).lines().filter((line) -> line.contains("forjada")))
				.as("lines of %s naming the forged file", where)
				.isNotEmpty()
				.allMatch((line) -> line.contains("callcenter_2017_?ERROR forjada.csv"));
		}
	}

	private static void writeHostileExports(Path input) throws IOException {
		// Line 2 is accepted: its RUT, written with spaces and an en dash, is hashed. The
		// name in the key, comuna and institution columns, and RUTs in the key and folio,
		// are accepted too: stored as keyed stand-ins or not at all.
		writeUtf8(input.resolve("oficina_2017.csv"),
				String.join("\r\n", "N_ATENCION;FECHA;HORA;TIPO;SUBTIPO;RUT;NOMBRE;COMUNA;MATERIA",
						"300001;10-01-2017;10:00;Consulta;;17 654 321\u20133;" + NAME + ";Los Andes;Cobro",
						"300002;" + NAME + ";10:00;Consulta;;;" + NAME + ";Los Andes;Cobro",
						"300003;17.654.321\u20143;10:00;Consulta;;;" + NAME + ";Los Andes;Cobro",
						"300004;17-654-321-3;10:00;Consulta;;;" + NAME + ";Los Andes;Cobro",
						"300005;20150631;10:00;Consulta;;;" + NAME + ";Los Andes;Cobro",
						"300006;10-01-2017;10:00;" + NAME + ";;;" + NAME + ";Los Andes;Cobro",
						"300007;10-01-2017;10:00;SONI;9,876,543-3;;" + NAME + ";Los Andes;Cobro",
						"300008;10-01-2017;10:00;X;;;;Los Andes;Cobro",
						NAME + ";11-01-2017;10:00;Consulta;;0021098765-7;;" + NAME + ";Cobro",
						"21.098.765\u22127;11-01-2017;10:00;Reclamo;;021.098.765-7;;15 432 198 5;Cobro",
						"300011;11-01-2017;10:00;SONI;Sugerencia;8765432\uFF0Dk;;8,765,432-K;Cobro", ""));
		writeUtf8(input.resolve("municipal_2017.csv"),
				String.join("\r\n",
						"Municipio;ID Registro;Fecha;Tipo de Registro;Folio SERNAC;RUT;Comuna Consumidor;Mercado",
						NAME + ";1;12/1/2017;Reclamo;15 432 198-5;15,432,198-5;" + NAME + ";TRANSPORTE",
						"Municipalidad de Limache;2;12/1/2017;Consulta;" + NAME
								+ ";9-876-543-3;17.654.321 3;TRANSPORTE",
						"Municipalidad de Limache 8.765.432-K;3;12/1/2017;Consulta;;;Limache;TRANSPORTE", ""));
		writeUtf8(input.resolve("portal_2017.csv"), String.join("\r\n",
				"folio,fecha_ingreso,tipo_solicitud,subtipo,canal_origen,rut_consumidor,region,comuna,mercado,proveedor,descripcion",
				"\"" + NAME + "\",2017-01-13T10:00:00,reclamo,,INTERNET,\"17,654,321-3\",\"" + NAME + "\",\"" + NAME
						+ "\",SALUD,\"" + NAME + "\",\"" + NAME + "\"",
				"R-2017-0000002,2017-01-13T10:00:00,consulta,,\"" + NAME + "\",\"21 098 765 7\",\"9.876.543\u20103\","
						+ "\"15.432.198\u20115\",SALUD,x,\"RUT 8.765.432-K\"",
				""));
	}

	private static void writeHostileNames(Path input) throws IOException {
		// each a call center export of its own content (the same content would be a
		// re-delivery), the first with a bad date on line 3
		writeUtf8(input.resolve(FORGED),
				String.join("\n", "ID_LLAMADA;FECHA_HORA;RUT;TIPO_ATENCION;MERCADO;REGION;COMUNA;DURACION_SEG",
						"4100001;05/01/2017 10:00:00;;CONSULTA;VIVIENDA;05;Rinconada;100",
						"4100002;99/99/2017 10:00:00;;CONSULTA;VIVIENDA;05;Rinconada;100", ""));
		int id = 4100010;
		for (String name : List.of(RED, CARRIAGE, BIDI)) {
			writeUtf8(input.resolve(name),
					String.join("\n", "ID_LLAMADA;FECHA_HORA;RUT;TIPO_ATENCION;MERCADO;REGION;COMUNA;DURACION_SEG",
							(id++) + ";05/01/2017 10:00:00;;RECLAMO;VIVIENDA;05;Rinconada;100", ""));
		}
		Files.writeString(input.resolve(NO_SOURCE), "nada que leer\n");
	}

	private static void writeUtf8(Path file, String text) throws IOException {
		Files.writeString(file, "\uFEFF" + text, StandardCharsets.UTF_8);
	}

	/** Every output file as text; the workbook as the XML of its entries. */
	private static Map<String, String> outputTexts(Path outputDir) throws IOException {
		Map<String, String> texts = new LinkedHashMap<>();
		try (Stream<Path> files = Files.walk(outputDir)) {
			for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
				String name = outputDir.relativize(file).toString();
				byte[] bytes = Files.readAllBytes(file);
				if (name.endsWith(".xlsx")) {
					try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
						for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
							texts.put(name + "!" + entry.getName(),
									new String(zip.readAllBytes(), StandardCharsets.UTF_8));
						}
					}
				}
				else if (!name.endsWith(".png")) {
					// the planners' tables start with a byte-order mark, on purpose
					texts.put(name, new String(bytes, StandardCharsets.UTF_8).replaceFirst("^\uFEFF", ""));
				}
			}
		}
		assertThat(texts).containsKeys("rejects.csv", "resumen_ejecucion.txt", "run_summary.json", "index.html",
				"tables/calidad_archivos.csv", "tables/sernac_en_cifras.xlsx!xl/sharedStrings.xml");
		return texts;
	}

	/**
	 * Every text column of every table of the ledger but Spring Batch's, and of the
	 * record store, one value a line.
	 */
	private static String storeText(CifrasRun run) throws Exception {
		StringBuilder text = new StringBuilder();
		try (Connection db = run.database()) {
			List<String> columns = textColumns(db,
					"SELECT TABLE_NAME, COLUMN_NAME FROM INFORMATION_SCHEMA.COLUMNS"
							+ " WHERE TABLE_SCHEMA = 'PUBLIC' AND TABLE_NAME NOT LIKE 'BATCH\\_%'"
							+ " AND DATA_TYPE IN ('CHARACTER VARYING', 'CHARACTER', 'CHARACTER LARGE OBJECT')",
					text);
			assertThat(columns).contains("REJECTED_ROW.DETAIL", "INGEST_FILE.FILE_NAME");
		}
		try (Connection records = run.records()) {
			List<String> columns = textColumns(records, "SELECT table_name, column_name FROM information_schema.columns"
					+ " WHERE table_schema = 'main' AND data_type = 'VARCHAR'", text);
			assertThat(columns).contains("intake_record.record_key", "intake_record.folio",
					"intake_record.organization");
		}
		return text.toString();
	}

	/**
	 * Appends every value of the text columns a query lists (table, column).
	 * @return the columns, as {@code table.column}
	 */
	private static List<String> textColumns(Connection db, String listing, StringBuilder text) throws Exception {
		List<String[]> columns = new ArrayList<>();
		try (Statement statement = db.createStatement(); ResultSet rs = statement.executeQuery(listing)) {
			while (rs.next()) {
				columns.add(new String[] { rs.getString(1), rs.getString(2) });
			}
		}
		for (String[] column : columns) {
			try (Statement statement = db.createStatement();
					ResultSet rs = statement.executeQuery("SELECT \"" + column[1] + "\" FROM \"" + column[0]
							+ "\" WHERE \"" + column[1] + "\" IS NOT NULL")) {
				while (rs.next()) {
					text.append(column[0])
						.append('.')
						.append(column[1])
						.append(": ")
						.append(rs.getString(1))
						.append('\n');
				}
			}
		}
		return columns.stream().map((c) -> c[0] + "." + c[1]).toList();
	}

	private static void assertNoPersonalData(String where, String text) {
		String folded = Normalizer.normalize(text, Normalizer.Form.NFD)
			.replaceAll("\\p{M}", "")
			.toUpperCase(Locale.ROOT);
		for (String word : NAME_WORDS) {
			assertThat(folded).as("a name in %s", where).doesNotContain(word);
		}
		// digits with every separator a RUT can be written with taken out
		String digits = text
			.replaceAll("[.,\\s\\u00A0\\u2007\\u2009\\u202F\\-\\u2010-\\u2015\\u2212\\uFE58\\uFE63\\uFF0D]", "");
		for (String body : RUT_BODIES) {
			assertThat(digits).as("a RUT in %s", where).doesNotContain(body);
		}
	}

	/** No control character but line breaks (and tabs), no invisible format character. */
	private static void assertPrintable(String where, String text) {
		for (String line : text.split("\r?\n", -1)) {
			String withoutTabs = line.replace('\t', ' ');
			assertThat(Printable.of(withoutTabs)).as("a line of %s", where).isEqualTo(withoutTabs);
		}
	}

}
