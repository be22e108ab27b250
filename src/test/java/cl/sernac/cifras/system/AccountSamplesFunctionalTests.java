package cl.sernac.cifras.system;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import cl.sernac.cifras.CifrasRun;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole job on the samples of the rest of the public account (lawsuits, activities,
 * programmes): exactly what {@code samples-account-expected.json} says.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AccountSamplesFunctionalTests {

	private static final Path SAMPLES = Path.of("src/test/resources/samples-account");

	private static final ObjectMapper JSON = new ObjectMapper();

	@TempDir
	static Path root;

	private CifrasRun run;

	private int exitCode;

	private JsonNode expected;

	@BeforeAll
	void runOnSamples() throws Exception {
		this.run = CifrasRun.in(root).withInputFrom(SAMPLES);
		this.expected = JSON.readTree(Path.of("src/test/resources/samples-account-expected.json").toFile());
		Path texts = Files.createDirectories(root.resolve("textos"));
		Files.writeString(texts.resolve("innovacion.md"),
				"# Innovación\n\nUn **nuevo** canal.\n\n<script>alert(1)</script>\n\nTexto con <b>html</b> y [enlace](javascript:alert(2)).\n");
		Files.writeString(texts.resolve("desafios.md"), "- Llegar a *todas* las comunas\n");
		this.exitCode = this.run.run("--cifras.report.from-year=2013", "--cifras.report.to-year=2016",
				"--cifras.account.texts=" + texts, "--cifras.account.targets[0].indicator=comunas-movil",
				"--cifras.account.targets[0].year=2016", "--cifras.account.targets[0].value=4",
				"--cifras.account.targets[0].sentence=Sernac Móvil se ha planteado el desafío de alcanzar 4 comunas",
				"--cifras.account.targets[1].indicator=personas-educacion-financiera",
				"--cifras.account.targets[1].year=2016", "--cifras.account.targets[1].value=170",
				"--cifras.account.targets[1].sentence=Educación Financiera llegará a 170 personas",
				"--cifras.account.targets[2].indicator=consultas", "--cifras.account.targets[2].channel=OFICINA",
				"--cifras.account.targets[2].year=2016", "--cifras.account.targets[2].value=8",
				"--cifras.account.targets[2].sentence=La oficina recibirá 8 consultas",
				"--cifras.account.targets[3].indicator=establecimientos-educacion-financiera",
				"--cifras.account.targets[3].year=2017", "--cifras.account.targets[3].value=462",
				"--cifras.account.targets[3].sentence=462 establecimientos al cierre del año",
				"--cifras.account.targets[4].indicator=juicios-interes-general",
				"--cifras.account.targets[4].year=2012", "--cifras.account.targets[4].value=5",
				"--cifras.account.targets[4].sentence=Fuera del período");
	}

	@Test
	void completes() {
		assertThat(this.exitCode).isZero();
	}

	@Test
	void storesEachLawsuitOnceInItsLatestVersion() throws Exception {
		JsonNode lawsuits = this.expected.get("lawsuits");
		try (Connection db = this.run.records()) {
			assertThat(rows(db, "SELECT COUNT(*) FROM lawsuit")).containsExactly(lawsuits.get("records").asText());
			Map<String, String> started = new TreeMap<>();
			lawsuits.get("started")
				.fields()
				.forEachRemaining((type) -> type.getValue()
					.fields()
					.forEachRemaining(
							(year) -> started.put(type.getKey() + "|" + year.getKey(), year.getValue().asText())));
			assertThat(pairs(db,
					"SELECT action_type || '|' || CAST(filed_year AS VARCHAR), COUNT(*) FROM lawsuit" + " GROUP BY 1"))
				.isEqualTo(started);
			Map<String, String> closed = new TreeMap<>();
			lawsuits.get("closed")
				.fields()
				.forEachRemaining((year) -> year.getValue()
					.fields()
					.forEachRemaining(
							(result) -> closed.put(year.getKey() + "|" + result.getKey(), result.getValue().asText())));
			assertThat(pairs(db, "SELECT CAST(closed_year AS VARCHAR) || '|' || result, COUNT(*) FROM lawsuit"
					+ " WHERE state = 'TERMINADO' GROUP BY 1"))
				.isEqualTo(closed);
			// lawsuit A: open in January, closed favourably in the February export, its
			// court written in capitals and without accents
			assertThat(rows(db, "SELECT state || ' ' || CAST(closed_day AS VARCHAR) || ' ' || result FROM lawsuit"
					+ " WHERE record_key LIKE '%|101-2014'"))
				.containsExactly("TERMINADO 20150130 FAVORABLE");
		}
	}

	@Test
	void storesEachActivityOnceWithItsCorrection() throws Exception {
		JsonNode activities = this.expected.get("activities");
		try (Connection db = this.run.records()) {
			Map<String, String> byLine = new TreeMap<>();
			activities.get("by_line_year")
				.fields()
				.forEachRemaining((line) -> line.getValue()
					.fields()
					.forEachRemaining((year) -> byLine.put(line.getKey().toUpperCase() + "|" + year.getKey(),
							year.getValue().asText())));
			assertThat(pairs(db,
					"SELECT line || '|' || CAST(activity_year AS VARCHAR), COUNT(*) FROM activity" + " GROUP BY 1"))
				.isEqualTo(byLine);
			Map<String, String> reached = new TreeMap<>();
			activities.get("reached")
				.fields()
				.forEachRemaining((year) -> reached.put(year.getKey(),
						year.getValue().get("escolares").asText() + "|" + year.getValue().get("jovenes").asText() + "|"
								+ year.getValue().get("adultos_mayores").asText()));
			assertThat(pairs(db,
					"SELECT CAST(activity_year AS VARCHAR), CAST(SUM(schoolchildren) AS VARCHAR) || '|'"
							+ " || CAST(SUM(young_people) AS VARCHAR) || '|' || CAST(SUM(older_adults) AS VARCHAR)"
							+ " FROM activity WHERE line = 'EDUCACION_FINANCIERA' GROUP BY 1"))
				.isEqualTo(reached);
			JsonNode schools = activities.get("schools");
			for (String year : List.of("2015", "2016")) {
				assertThat(rows(db, "SELECT COUNT(DISTINCT school) FROM activity WHERE line = 'EDUCACION_FINANCIERA'"
						+ " AND activity_year = " + year))
					.containsExactly(schools.get(year).asText());
			}
			assertThat(rows(db, "SELECT COUNT(DISTINCT school) FROM activity WHERE line = 'EDUCACION_FINANCIERA'"))
				.containsExactly(schools.get("2015-2016").asText());
			Map<String, String> mechanisms = new TreeMap<>();
			activities.get("participacion_by_subtype")
				.fields()
				.forEachRemaining((e) -> mechanisms.put(e.getKey(), e.getValue().asText()));
			assertThat(pairs(db, "SELECT mechanism, COUNT(*) FROM activity WHERE line = 'PARTICIPACION' GROUP BY 1"))
				.isEqualTo(mechanisms);
		}
	}

	@Test
	void countsProgrammesWhateverTheChannel() throws Exception {
		Map<String, String> expected = new TreeMap<>();
		this.expected.get("programme")
			.fields()
			.forEachRemaining((programme) -> programme.getValue()
				.fields()
				.forEachRemaining((type) -> expected.put(
						cl.sernac.cifras.support.Text.fold(programme.getKey()) + "|" + type.getKey(),
						type.getValue().asText())));
		try (Connection db = this.run.records()) {
			assertThat(pairs(db, "SELECT programme || '|' || record_type, COUNT(*) FROM counted_case"
					+ " WHERE programme IS NOT NULL GROUP BY 1"))
				.isEqualTo(expected);
			Map<String, String> byChannel = new TreeMap<>();
			for (JsonNode record : this.expected.get("records")) {
				byChannel.put(record.get("record_type").asText() + "|" + record.get("channel").asText() + "|"
						+ record.get("year").asText(), record.get("records").asText());
			}
			assertThat(pairs(db,
					"SELECT record_type || '|' || channel || '|' || CAST(CAST(FLOOR(intake_day / 10000) AS INTEGER) AS VARCHAR),"
							+ " COUNT(*) FROM counted_case GROUP BY 1"))
				.isEqualTo(byChannel);
		}
	}

	@Test
	void rejectsRowsWithFileLineAndSpanishReason() throws Exception {
		JsonNode summary = JSON.readTree(this.run.output().resolve("run_summary.json").toFile());
		Map<String, Long> rejectedByFile = new TreeMap<>();
		for (JsonNode file : summary.get("files")) {
			if (file.get("rowsRejected").asLong() > 0) {
				rejectedByFile.put(file.get("file").asText(), file.get("rowsRejected").asLong());
			}
		}
		Map<String, Long> expected = new TreeMap<>();
		this.expected.get("rejected").fields().forEachRemaining((e) -> expected.put(e.getKey(), e.getValue().asLong()));
		assertThat(rejectedByFile).isEqualTo(expected);
		List<String> rejects = Files.readAllLines(this.run.output().resolve("rejects.csv"));
		assertThat(rejects).contains("juicios_2015_01.csv;7;closed-without-end;Juicio terminado sin fecha de término",
				"juicios_2015_01.csv;8;closed-without-result;Juicio terminado sin resultado favorable o desfavorable: Resultado vacío",
				"juicios_2015_01.csv;9;ends-before-filed;Fecha de término anterior a la de presentación: Presentado el 2014-08-10, terminado el 2014-07-01",
				"juicios_2015_01.csv;10;bad-date;Fecha ilegible o inexistente: Fecha '31-02-2014'",
				"juicios_2015_01.csv;11;missing-key;Falta la clave del registro: Columna rol vacía",
				"juicios_2015_01.csv;14;open-with-end;Juicio en tramitación con fecha de término: Fecha de término 2014-04-04",
				"actividades_2015.csv;17;bad-rbd;RBD del establecimiento mal formado: RBD de 4 caracteres que no son cifras con dígito verificador",
				"actividades_2015.csv;18;bad-count;Número de personas que no es un entero mayor o igual a 0: Columna escolares: '-3'",
				"actividades_2015.csv;22;missing-key;Falta la clave del registro: Columna id_actividad vacía");
		assertThat(rejects.stream().filter((l) -> l.startsWith("juicios_2015_01.csv;")).map((l) -> l.split(";")[2]))
			.containsExactlyInAnyOrder("closed-without-end", "closed-without-result", "ends-before-filed", "bad-date",
					"missing-key", "unknown-action", "unknown-state", "open-with-end", "date-out-of-range");
		assertThat(rejects.stream().filter((l) -> l.startsWith("actividades_2015.csv;")).map((l) -> l.split(";")[2]))
			.containsExactlyInAnyOrder("unknown-mechanism", "bad-rbd", "bad-count", "bad-count", "bad-date",
					"unknown-line", "missing-key");
	}

	@Test
	void writesTheAccountsTablesForThePeriod() throws Exception {
		assertThat(Files.readAllLines(this.run.output().resolve("tables/cuenta_juicios_presentados.csv")))
			.containsExactly("\uFEFFTipo de acción;2013;2014;2015;2016;Total 2013-2016", "Interés general;1;2;2;1;6",
					"Interés colectivo;0;0;1;0;1");
		assertThat(Files.readAllLines(this.run.output().resolve("tables/cuenta_juicios_terminados.csv"))).contains(
				"Interés general;2014;1;1;2", "Interés general;2015;1;1;2", "Interés general;Total 2013-2016;2;2;4");
		assertThat(Files.readAllLines(this.run.output().resolve("tables/cuenta_educacion.csv")))
			.contains("2015;4;140;25;12;177;2;1", "2016;2;80;5;0;85;2;0", "Total 2013-2016;6;220;30;12;262;3;1");
		assertThat(Files.readAllLines(this.run.output().resolve("tables/cuenta_programas.csv"))).containsExactly(
				"\uFEFFPrograma o canal;Consultas;Reclamos", "SERNAC en tu barrio;3;2", "PLAZA DE SERVICIOS;1;1",
				"Canal SERNAC Móvil (todos los programas);3;2");
		assertThat(Files.readAllLines(this.run.output().resolve("tables/cuenta_participacion.csv")))
			.contains("Cuenta pública;0;0;1;0;1", "Conversatorio;0;0;0;1;1", "Total;0;0;2;1;3");
		assertThat(Files.readAllLines(this.run.output().resolve("tables/cuenta_informacion.csv")))
			.contains("Apariciones en prensa verificadas;0;0;1;2;3");
	}

	@Test
	void showsEachTargetWithTheValueReachedAndItsShare() throws Exception {
		assertThat(Files.readAllLines(this.run.output().resolve("tables/cuenta_metas.csv"))).containsExactly(
				"\uFEFFAño;Indicador;Canal;Meta;Alcanzado;% de la meta;Desafío",
				"2016;Comunas visitadas por SERNAC Móvil;Todos;4;2;50,0;Sernac Móvil se ha planteado el desafío de alcanzar 4 comunas",
				"2016;Personas alcanzadas por Educación Financiera (escolares, jóvenes y adultos mayores);Todos;170;85;50,0;Educación Financiera llegará a 170 personas",
				"2016;Consultas recibidas;Oficina regional;8;2;25,0;La oficina recibirá 8 consultas",
				"2017;Establecimientos educacionales en Educación Financiera;Todos;462;;;462 establecimientos al cierre del año");
		String page = this.run.outputFile("index.html");
		assertThat(page)
			.contains("Sernac Móvil se ha planteado el desafío de alcanzar 4 comunas (2016). Meta: 4."
					+ " Alcanzado: 2, el 50,0 % de la meta")
			.contains("462 establecimientos al cierre del año (2017). Meta: 462. Aún no hay datos de 2017.")
			.doesNotContain("Fuera del período");
	}

	@Test
	void showsTheAccountsSectionsWithTheirSentences() throws Exception {
		String page = this.run.outputFile("index.html");
		assertThat(page)
			.contains("<section id=\"cuenta-juicios\">", "<section id=\"cuenta-red\">",
					"<section id=\"cuenta-informacion\">", "<section id=\"cuenta-educacion\">",
					"<section id=\"cuenta-participacion\">", "<section id=\"cuenta-desafios\">")
			.contains("Entre el 2013 y el 2016 realizamos 6 Juicios de Interés General.")
			.contains("Cerramos 4 juicios de los cuales 2 tuvieron resultado favorable y 2 desfavorable.")
			.contains("Como servicio organizamos 6 actividades de Educación Financiera, llegando a 220 escolares,"
					+ " 30 jóvenes y 12 adultos mayores.")
			.contains("a través de «SERNAC en tu barrio» ingresamos 3 consultas y 2 reclamos; el canal SERNAC Móvil"
					+ " registró 3 consultas y 2 reclamos.");
		assertThat(page.indexOf("id=\"cuenta-juicios\"")).isLessThan(page.indexOf("id=\"cuenta-red\""));
		assertThat(page.indexOf("id=\"cuenta-participacion\"")).isLessThan(page.indexOf("id=\"cuenta-desafios\""));
		assertThat(page.indexOf("id=\"municipios\"")).isLessThan(page.indexOf("id=\"cuenta-juicios\""));
		for (String chart : List.of("cuenta_juicios_anio", "cuenta_personas_anio")) {
			assertThat(this.run.output().resolve("charts/" + chart + ".png")).isNotEmptyFile();
			assertThat(this.run.outputFile("charts/" + chart + ".svg")).startsWith("<?xml").contains("<svg");
			assertThat(this.run.outputFile("charts/" + chart + "_movil.svg")).contains("<svg");
			assertThat(page).contains("src=\"charts/" + chart + ".svg\"", "href=\"charts/" + chart + ".png\"");
		}
	}

	@Test
	void rendersTheMarkdownTextsWithoutTheirRawHtml() throws Exception {
		String page = this.run.outputFile("index.html");
		assertThat(page)
			.contains("<section id=\"cuenta-texto-innovacion\">", "<strong>nuevo</strong>",
					"&lt;script&gt;alert(1)&lt;/script&gt;", "&lt;b&gt;html&lt;/b&gt;", "<em>todas</em>")
			.doesNotContain("<script>alert(1)</script>", "<b>html</b>", "javascript:alert(2)")
			// no text for the participatory dialogue: its section is left out
			.doesNotContain("cuenta-texto-dialogo-participativo", "Preguntas del diálogo participativo");
	}

	@Test
	void takesTheRedeliveredCopyOnce() throws Exception {
		JsonNode summary = JSON.readTree(this.run.output().resolve("run_summary.json").toFile());
		Map<String, String> outcomes = new HashMap<>();
		for (JsonNode file : summary.get("files")) {
			outcomes.put(file.get("file").asText(), file.get("outcome").asText());
		}
		for (JsonNode copy : this.expected.get("redelivered")) {
			assertThat(outcomes).containsEntry(copy.asText(), "ALREADY_INGESTED")
				.containsEntry(copy.asText().replace(" (copia)", ""), "ADMITTED");
		}
		assertThat(outcomes.values().stream().filter("ALREADY_INGESTED"::equals).count()).isEqualTo(1);
	}

	@Test
	void keepsTheAccountFromRowsToCasesToTheCases() throws Exception {
		JsonNode account = JSON.readTree(this.run.output().resolve("run_summary.json").toFile()).get("account");
		// the office's 4 rows and the mobile unit's 5 are the cases; lawsuits and
		// activities are not
		assertThat(account.get("rowsRead").asLong()).isEqualTo(9);
		assertThat(account.get("records").asLong()).isEqualTo(9);
		assertThat(account.get("cases").asLong()).isEqualTo(9);
		assertThat(account.get("joinedByFolio").asLong()).isZero();
	}

	@Test
	void neverStoresNorShowsDescriptionsOrNames() throws Exception {
		String outputs;
		try (var files = Files.walk(this.run.output())) {
			outputs = files.filter(Files::isRegularFile)
				.filter((f) -> f.toString().matches(".*\\.(csv|txt|json|html|svg)$"))
				.map((f) -> {
					try {
						return Files.readString(f);
					}
					catch (Exception ex) {
						throw new IllegalStateException(ex);
					}
				})
				.collect(Collectors.joining("\n"));
		}
		assertThat(outputs).doesNotContain("Juana", "Pérez Soto", "Taller dictado", "liceo", "Pedro", "Rojas");
		try (Connection db = this.run.records()) {
			String stored = String.join("\n", rows(db, "SELECT CONCAT_WS(' ', record_key, subtype, programme, detail,"
					+ " organization, folio) FROM intake_record"));
			assertThat(stored).doesNotContainIgnoringCase("juana").doesNotContainIgnoringCase("taller");
		}
	}

	@Test
	@Order(Integer.MAX_VALUE)
	void thePeriodShapesEveryTableSentenceAndTarget() throws Exception {
		// when the planner asks for 2015-2016 (the cases are of 2016 only)
		assertThat(this.run.run("--cifras.report.from-year=2015", "--cifras.report.to-year=2016",
				"--cifras.account.targets[0].indicator=juicios-interes-general",
				"--cifras.account.targets[0].year=2015", "--cifras.account.targets[0].value=4",
				"--cifras.account.targets[0].sentence=Cuatro juicios en 2015",
				"--cifras.account.targets[1].indicator=comunas-movil", "--cifras.account.targets[1].year=2016",
				"--cifras.account.targets[1].value=4", "--cifras.account.targets[1].sentence=Cuatro comunas en 2016",
				"--cifras.account.targets[2].indicator=soni", "--cifras.account.targets[2].year=2017",
				"--cifras.account.targets[2].value=4", "--cifras.account.targets[2].sentence=Cuatro SONI en 2017",
				"--cifras.account.targets[3].indicator=juicios-interes-general",
				"--cifras.account.targets[3].year=2014", "--cifras.account.targets[3].value=4",
				"--cifras.account.targets[3].sentence=Cuatro juicios en 2014"))
			.isZero();
		// then the tables, the sentences and the targets are the period's (and the year
		// after it)
		assertThat(Files.readAllLines(this.run.output().resolve("tables/cuenta_juicios_presentados.csv")))
			.containsExactly("\uFEFFTipo de acción;2015;2016;Total 2015-2016", "Interés general;2;1;3",
					"Interés colectivo;1;0;1");
		assertThat(Files.readAllLines(this.run.output().resolve("tables/cuenta_juicios_terminados.csv")))
			.contains("Interés general;Total 2015-2016;1;1;2");
		assertThat(Files.readAllLines(this.run.output().resolve("tables/cuenta_educacion.csv"))).containsExactly(
				"\uFEFFAño;Actividades de Educación Financiera;Escolares;Jóvenes;Adultos mayores;"
						+ "Personas alcanzadas;Establecimientos;Actividades para público general",
				"2015;4;140;25;12;177;2;1", "2016;2;80;5;0;85;2;0", "Total 2015-2016;6;220;30;12;262;3;1");
		assertThat(Files.readAllLines(this.run.output().resolve("tables/cuenta_metas.csv"))).containsExactly(
				"\uFEFFAño;Indicador;Canal;Meta;Alcanzado;% de la meta;Desafío",
				"2015;Juicios de Interés General presentados;Todos;4;2;50,0;Cuatro juicios en 2015",
				"2016;Comunas visitadas por SERNAC Móvil;Todos;4;2;50,0;Cuatro comunas en 2016",
				"2017;SONI recibidas;Todos;4;;;Cuatro SONI en 2017");
		assertThat(this.run.outputFile("index.html"))
			.contains("Entre el 2015 y el 2016 realizamos 3 Juicios de Interés General.")
			.contains("Cerramos 2 juicios de los cuales 1 tuvo resultado favorable y 1 desfavorable.")
			.doesNotContain("Cuatro juicios en 2014");
	}

	private static List<String> rows(Connection db, String sql) throws Exception {
		try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(sql)) {
			List<String> rows = new java.util.ArrayList<>();
			while (rs.next()) {
				rows.add(rs.getString(1));
			}
			return rows;
		}
	}

	private static Map<String, String> pairs(Connection db, String sql) throws Exception {
		try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(sql)) {
			Map<String, String> pairs = new TreeMap<>();
			while (rs.next()) {
				pairs.put(rs.getString(1), rs.getString(2));
			}
			return pairs;
		}
	}

}
