package cl.sernac.cifras.system;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cl.sernac.cifras.ChildRun;
import cl.sernac.cifras.CifrasRun;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an operator and an analyst read after a run on the samples, on a server whose zone
 * is not Chile's: every time in Chile time and in the order things happened, a quiet log,
 * and the rejected rows ready for a spreadsheet in Chile.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RunRecordsFunctionalTests {

	private static final Path SAMPLES = Path.of("src/test/resources/samples");

	private static final ZoneId CHILE = ZoneId.of("America/Santiago");

	private static final DateTimeFormatter LOG_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm");

	/** Lines of a run on the samples at the default levels: 59 when measured. */
	private static final int MAX_LOG_LINES = 75;

	@TempDir
	static Path root;

	private CifrasRun run;

	private String log;

	private LocalDateTime started;

	private LocalDateTime ended;

	@BeforeAll
	void runOnSamplesInTokyo() throws Exception {
		// given the samples, on a server set to Tokyo's time (12 or 13 hours from
		// Chile's)
		this.run = CifrasRun.in(root).withInputFrom(SAMPLES);
		this.started = LocalDateTime.now(CHILE).truncatedTo(ChronoUnit.SECONDS);
		// when the pipeline runs as the nightly job does
		ChildRun child = ChildRun.start(this.run, Map.of("TZ", "Asia/Tokyo"));
		int exit = child.waitForExit(180);
		this.ended = LocalDateTime.now(CHILE).plusSeconds(1);
		this.log = child.output();
		assertThat(exit).as(this.log).isZero();
	}

	@Test
	void everyLogLineIsStampedInChileTimeInOrder() {
		List<String> lines = this.log.lines().toList();
		LocalDateTime previous = this.started;
		for (String line : lines) {
			assertThat(line).as("a log line starts with its time")
				.matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d .*");
			LocalDateTime at = LocalDateTime.parse(line.substring(0, 19), LOG_TIME);
			assertThat(at).as(line).isAfterOrEqualTo(previous).isBeforeOrEqualTo(this.ended);
			previous = at;
		}
	}

	@Test
	void theSummaryTheReportAndTheDataQualityTableTellTheSameChileTime() throws Exception {
		JsonNode summary = new ObjectMapper().readTree(this.run.output().resolve("run_summary.json").toFile());
		String producedAt = summary.get("producedAt").asText();
		assertThat(producedAt).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d-0[34]:00");
		OffsetDateTime produced = OffsetDateTime.parse(producedAt);
		assertThat(produced.getOffset()).isEqualTo(CHILE.getRules().getOffset(produced.toInstant()));
		assertThat(produced.toLocalDateTime()).isBetween(this.started, this.ended);

		// the same minute in the text summary, its lines in the log, and the report
		String shown = produced.format(SHOWN);
		assertThat(this.run.outputFile("resumen_ejecucion.txt")).contains("Producido el " + shown + " · ");
		assertThat(this.log).contains("OutputWriter: Producido el " + shown + " · ");
		assertThat(this.run.outputFile("index.html"))
			.contains("Producido el " + shown.substring(0, 10) + " a las " + shown.substring(11) + " por la");

		// and every file was applied after the run started and before the report was
		// produced
		List<String> quality = Files.readAllLines(this.run.output().resolve("tables/calidad_archivos.csv"));
		assertThat(quality.get(0)).startsWith("\uFEFFArchivo;Fuente;Aplicado el;");
		assertThat(quality).hasSize(1 + 18);
		for (String row : quality.subList(1, quality.size())) {
			LocalDateTime applied = LocalDateTime.parse(row.split(";")[2], SHOWN);
			assertThat(applied).as(row)
				.isAfterOrEqualTo(this.started.truncatedTo(ChronoUnit.MINUTES))
				.isBeforeOrEqualTo(produced.toLocalDateTime().truncatedTo(ChronoUnit.MINUTES));
		}
	}

	@Test
	void rejectsAreWrittenForASpreadsheetInChileAndTwinnedInJson() throws Exception {
		byte[] bytes = Files.readAllBytes(this.run.output().resolve("rejects.csv"));
		assertThat(Arrays.copyOf(bytes, 3)).containsExactly(0xEF, 0xBB, 0xBF);
		String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
		assertThat(text).startsWith("archivo;linea;motivo;mensaje\r\n").endsWith("\r\n");
		List<String> rows = text.lines().skip(1).toList();
		assertThat(rows).hasSize(17)
			.allMatch((row) -> row.matches("[^;]+;[0-9]+;[a-z-]+;[^=+@-].*"))
			.contains("callcenter_2014.csv;6;bad-date;Fecha ilegible o inexistente: Fecha '31/02/2015 10:00:00'");

		JsonNode json = new ObjectMapper().readTree(this.run.output().resolve("rejects.json").toFile());
		assertThat(json).hasSize(17);
		JsonNode first = json.get(0);
		assertThat(rows.get(0)).isEqualTo(first.get("file").asText() + ";" + first.get("line").asLong() + ";"
				+ first.get("reason").asText() + ";" + first.get("message").asText());
	}

	@Test
	void theLogIsAStageALineAndAFileALineOfTheSummary() {
		List<String> lines = this.log.lines().toList();
		assertThat(lines).as(this.log).hasSizeLessThanOrEqualTo(MAX_LOG_LINES);
		// the stages
		assertThat(this.log).contains("AdmissionPlanner: Admisión: 18 archivos nuevos de 22 revisados")
			.contains("ReadingProgress: Lectura: 18 archivos")
			.contains("RecordMerger: Incorporación: 18 archivos")
			.contains("CifrasRunner: Ejecución N° 1 terminada");
		// each stage's last file, with nothing left
		assertThat(lines).filteredOn((line) -> line.contains(" · 18 de 18 archivos · ")).hasSize(2);
		// no line per file admitted: the summary has one per file read
		assertThat(this.log).doesNotContain(": fuente ");
		Matcher summaryRows = Pattern
			.compile("OutputWriter: .+\\.csv +(callcenter|convenio|movil|municipal|oficina|portal) +\\d+ ")
			.matcher(this.log);
		assertThat(summaryRows.results().count()).isEqualTo(18);
	}

}
