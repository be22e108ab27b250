package cl.sernac.cifras.report;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import cl.sernac.cifras.CifrasRun;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The planners' report on the agency's sample exports, whose counts
 * {@code samples-expected.json} gives: shares and changes follow from them exactly, by
 * the rounding rule.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SamplesReportFunctionalTests {

	private static final Path SAMPLES = Path.of("src/test/resources/samples");

	/** A file whose name is markup: the page must show it as text. */
	private static final String MARKUP_NAME = "<img src=x onerror=alert(1)>.txt";

	@TempDir
	static Path root;

	private CifrasRun run;

	private PersonalDataScan inputs;

	private int exitCode;

	@BeforeAll
	void runOnSamples() throws Exception {
		// given the sample exports, and a file the pipeline does not know whose name is
		// markup
		this.run = CifrasRun.in(root).withInputFrom(SAMPLES);
		Files.writeString(this.run.input().resolve(MARKUP_NAME), "nada");
		this.inputs = PersonalDataScan.ofInputs(this.run.input());
		// when the pipeline runs
		this.exitCode = this.run.run();
	}

	@Test
	void completes() {
		assertThat(this.exitCode).isZero();
	}

	@Test
	void byChannelYearHasExactSharesAndChanges() throws Exception {
		List<String> lines = csv("por_tipo_canal_anio.csv");
		assertThat(lines.get(0)).isEqualTo("Tipo;Canal;Año;Registros;Total del tipo en el año;"
				+ "Participación en el total del tipo (%);Variación de registros respecto del año anterior (%);"
				+ "Variación de la participación respecto del año anterior (puntos porcentuales)");
		// consultations: 41 in 2014, 41 in 2015, 45 in 2016; call center 19, 17, 17
		assertThat(lines).contains("Consultas;Call center;2014;19;41;46,3;;",
				"Consultas;Call center;2015;17;41;41,5;-10,5;-4,9", "Consultas;Call center;2016;17;45;37,8;0,0;-3,7",
				"Consultas;Internet;2016;8;45;17,8;33,3;3,1", "Reclamos;Call center;2014;2;34;5,9;;",
				"SONI;Internet;2015;9;18;50,0;50,0;10,0");
		// every channel of a type in every year: 5 + 6 + 2 channels, 3 years
		assertThat(lines).hasSize(1 + (5 + 6 + 2) * 3);
	}

	@Test
	void periodAccountSoniAndMonthlySeries() throws Exception {
		assertThat(csv("cuenta_periodo.csv")).contains("2014-2016;Consultas;Call center;53;41,7",
				"2014-2016;Consultas;Total;127;100,0", "2014-2016;Reclamos;Internet;67;54,0",
				"2014-2016;Reclamos;Total;124;100,0", "2014-2016;SONI;Total;54;100,0");
		assertThat(csv("soni_subtipo_anio.csv")).contains("Disconformidad;2014;5;33,3", "Sugerencia;2016;7;33,3");
		List<String> monthly = csv("por_tipo_canal_mes.csv");
		assertThat(monthly.get(0)).isEqualTo("Tipo;Canal;Año;Mes;Registros");
		// 13 type-channel series of 36 months, zeros included, adding up to every case
		assertThat(monthly).hasSize(1 + 13 * 36);
		assertThat(monthly.stream().skip(1).mapToLong((line) -> Long.parseLong(line.split(";")[4])).sum())
			.isEqualTo(305);
	}

	@Test
	void mobileUnitAndMunicipalCoverage() throws Exception {
		assertThat(csv("movil_cobertura.csv")).anyMatch((line) -> line.startsWith("Período 2014-2016;18;38;47,4;"));
		assertThat(csv("movil_comunas.csv")).hasSize(1 + 38);
		assertThat(csv("municipios_cobertura.csv")).contains("Período 2014-2016;16;1;46");
		assertThat(csv("municipios.csv")).hasSize(1 + 17)
			.anyMatch((line) -> line.startsWith("Gobernación Provincial de San Antonio;Gobernación provincial;"));
	}

	@Test
	void dataQualityPerFileAddsUpToTheRejectedRowsByReason() throws Exception {
		JsonNode expected = new ObjectMapper().readTree(Path.of("src/test/resources/samples-expected.json").toFile());
		List<String> lines = csv("calidad_archivos.csv");
		List<String> header = Arrays.asList(lines.get(0).split(";"));
		Map<String, Long> byReason = new TreeMap<>();
		for (String code : Labels.reasonCodes()) {
			int column = header.indexOf("Rechazadas: " + Labels.reason(code));
			long sum = lines.stream().skip(1).mapToLong((line) -> Long.parseLong(line.split(";")[column])).sum();
			if (sum > 0) {
				byReason.put(code, sum);
			}
		}
		Map<String, Long> expectedByReason = new TreeMap<>();
		expected.get("rejected")
			.fields()
			.forEachRemaining((e) -> expectedByReason.put(e.getKey(), e.getValue().asLong()));
		assertThat(byReason).isEqualTo(expectedByReason);
		// 22 files, 2 of them not recognized and 2 re-delivered copies
		assertThat(lines).hasSize(1 + 18);
	}

	@Test
	void workbookHasEveryTableAsASheet() throws Exception {
		try (XSSFWorkbook workbook = new XSSFWorkbook(
				Files.newInputStream(this.run.output().resolve("tables/sernac_en_cifras.xlsx")))) {
			// the notes, then one sheet per table
			assertThat(workbook.getNumberOfSheets()).isEqualTo(11);
			assertThat(workbook.getSheetName(0)).isEqualTo("Notas");
			assertThat(workbook.getSheet("Por canal y año").getLastRowNum())
				.isEqualTo(csv("por_tipo_canal_anio.csv").size() - 1);
			// the consultations' total of the period account: row 6 of the sheet, column
			// Registros
			assertThat(workbook.getSheet("Cuenta del período").getRow(6).getCell(3).getNumericCellValue())
				.isEqualTo(127);
		}
	}

	@Test
	void pageHasTheHeadlineAndEscapesWhatItWasGiven() throws Exception {
		String page = this.run.outputFile("index.html");
		assertThat(page).contains(
				"Entre el 2014 y el 2016 recibimos 127 consultas, 124 reclamos y 54 SONI («Su opinión nos interesa»).");
		assertThat(page).contains("SERNAC Móvil visitó 18 de las 38 comunas de la región de Valparaíso.");
		assertThat(page).contains("&lt;img src=x onerror=alert(1)&gt;.txt").doesNotContain(MARKUP_NAME);
		assertThat(page).doesNotContain("http://", "https://", "<link", "@import", "url(");
		for (String chart : List.of("consultas", "reclamos", "soni")) {
			for (String kind : List.of("por_canal_anio", "participacion_anio", "mensual", "total_periodo")) {
				assertThat(page).contains("src=\"charts/" + chart + "_" + kind + ".svg\"")
					.contains("href=\"charts/" + chart + "_" + kind + ".png\"");
				assertThat(this.run.output().resolve("charts/" + chart + "_" + kind + ".png")).isRegularFile();
			}
		}
	}

	@Test
	void noPersonalDataInAnyOutput() throws Exception {
		assertThat(this.inputs.names()).contains("Juan Carlos Muñoz Rojas");
		assertThat(this.inputs.ruts()).contains("12175900");
		this.inputs.assertNoneIn(this.run.output());
	}

	@Test
	@Order(Integer.MAX_VALUE)
	void thePeriodShapesTheAccountButNotTheYearByYearTables() throws Exception {
		// when the planner asks for 2015-2016
		assertThat(this.run.run("--cifras.report.from-year=2015", "--cifras.report.to-year=2016")).isZero();
		// then the account and the headline cover those years
		assertThat(csv("cuenta_periodo.csv")).contains("2015-2016;Consultas;Total;86;100,0",
				"2015-2016;Reclamos;Total;90;100,0", "2015-2016;SONI;Total;39;100,0");
		assertThat(this.run.outputFile("index.html")).contains(
				"Entre el 2015 y el 2016 recibimos 86 consultas, 90 reclamos y 39 SONI («Su opinión nos interesa»).");
		// and the tables year by year still hold 2014
		assertThat(csv("por_tipo_canal_anio.csv")).contains("Consultas;Call center;2014;19;41;46,3;;");
		assertThat(csv("movil_cobertura.csv")).anyMatch((line) -> line.startsWith("2014;"))
			.anyMatch((line) -> line.startsWith("Período 2015-2016;"));
	}

	private List<String> csv(String name) throws Exception {
		String text = Files.readString(this.run.output().resolve("tables").resolve(name), StandardCharsets.UTF_8);
		assertThat(text).startsWith("\uFEFF");
		return List.of(text.substring(1).split("\r\n"));
	}

}
