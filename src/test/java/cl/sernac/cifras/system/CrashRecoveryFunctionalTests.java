package cl.sernac.cifras.system;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;

import cl.sernac.cifras.ChildRun;
import cl.sernac.cifras.CifrasRun;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code kill -9} at several points of a run, then a normal run: the same figures and
 * tables as a run never interrupted. Nothing counted twice, nothing lost.
 */
class CrashRecoveryFunctionalTests {

	private static final Path SAMPLES = Path.of("src/test/resources/samples");

	/** Small chunks so a file is read in several transactions. */
	private static final String CHUNK = "--cifras.chunk-size=7";

	@TempDir
	static Path reference;

	private static String expectedTable;

	private static String expectedRejects;

	@BeforeAll
	static void uninterruptedRun() throws Exception {
		CifrasRun run = CifrasRun.in(reference).withInputFrom(SAMPLES);
		assertThat(run.run(CHUNK)).isZero();
		expectedTable = run.outputFile("tables/by_channel_year.csv");
		expectedRejects = run.outputFile("rejects.csv");
	}

	@ParameterizedTest
	@ValueSource(strings = { "plan", "ingest:1", "ingest:6", "merge:1", "merge:9", "records:loaded", "records:merged",
			"records:committed", "records:checkpoint", "output" })
	void killedRunIsCompletedByTheNextRun(String point, @TempDir Path root) throws Exception {
		// given a run killed with SIGKILL at a point
		CifrasRun run = CifrasRun.in(root).withInputFrom(SAMPLES);
		ChildRun child = ChildRun.start(run, Map.of("CIFRAS_HALT_AT", point), CHUNK, "--cifras.ingest-threads=1");
		assertThat(child.awaitOutput("CIFRAS-HALT " + point.split(":")[0], 120)).as(child.output()).isTrue();
		child.kill();

		// when the pipeline runs again normally (every file's progress line logged: at
		// INFO
		// only each tenth of the work is)
		ChildRun rerun = ChildRun.start(run, Map.of(), CHUNK,
				"--logging.level.cl.sernac.cifras.merge.RecordMerger=DEBUG");
		int exit = rerun.waitForExit(180);

		// then the figures are those of an uninterrupted run
		assertThat(exit).as(rerun.output()).isZero();
		assertThat(run.outputFile("tables/by_channel_year.csv")).isEqualTo(expectedTable);
		assertThat(run.outputFile("rejects.csv")).isEqualTo(expectedRejects);
		try (Connection records = run.records()) {
			assertThat(count(records, "SELECT COUNT(*) FROM counted_case")).isEqualTo(305);
		}
		try (Connection db = run.database()) {
			assertThat(count(db, "SELECT COUNT(*) FROM ingest_file WHERE status <> 'MERGED'")).isZero();
			assertThat(count(db, "SELECT COUNT(*) FROM rejected_row")).isEqualTo(17);
			assertThat(count(db, "SELECT COUNT(*) FROM BATCH_JOB_EXECUTION WHERE STATUS = 'STARTED'")).isZero();
		}
		try (var temps = Files.walk(run.output())) {
			assertThat(temps.filter((f) -> f.getFileName().toString().endsWith(".tmp"))).isEmpty();
		}
		try (var staged = Files.list(run.data().resolve("staging"))) {
			assertThat(staged).as("staging files left after the rerun").isEmpty();
		}
		if (point.equals("records:committed") || point.equals("records:checkpoint")) {
			// the records were committed with the store's list of merged files: the rerun
			// only completes the ledger, nothing is applied twice
			assertThat(rerun.output()).contains("18 archivos ya estaban en los registros; se completa su anotación")
				.doesNotContain("filas cargadas");
		}
		else if (!point.equals("output")) {
			// the rerun's progress counts the files left to merge, and ends with all of
			// them
			List<String> merged = rerun.output()
				.lines()
				.filter((line) -> line.contains("RecordMerger: ") && line.contains(" archivos · "))
				.toList();
			assertThat(merged).isNotEmpty();
			assertThat(merged.get(merged.size() - 1))
				.contains(" · " + merged.size() + " de " + merged.size() + " archivos · ")
				.containsPattern(" filas/s · quedan 0 s$");
		}
	}

	@Test
	void terminatedRunStopsAtAChunkBoundaryAndIsResumed(@TempDir Path root) throws Exception {
		// given a run that receives SIGTERM while reading
		CifrasRun run = CifrasRun.in(root).withInputFrom(SAMPLES);
		ChildRun child = ChildRun.start(run, Map.of("CIFRAS_PAUSE_AT", "ingest:3000"), CHUNK,
				"--cifras.ingest-threads=1");
		assertThat(child.awaitOutput("CIFRAS-PAUSE ingest", 120)).as(child.output()).isTrue();
		child.terminate();
		assertThat(child.waitForExit(120)).as(child.output()).isEqualTo(CifrasExit.FAILED);
		assertThat(child.output()).contains("Deteniendo la ejecución");
		try (Connection db = run.database()) {
			assertThat(count(db, "SELECT COUNT(*) FROM BATCH_JOB_EXECUTION WHERE STATUS = 'STOPPED'")).isEqualTo(1);
			assertThat(count(db, "SELECT COUNT(*) FROM ingest_file WHERE status = 'MERGED'")).isZero();
		}

		// when the pipeline runs again
		ChildRun rerun = ChildRun.start(run, Map.of(), CHUNK);

		// then it resumes the stopped run and the figures are complete
		assertThat(rerun.waitForExit(180)).as(rerun.output()).isZero();
		assertThat(rerun.output()).contains("Se reanuda la ejecución");
		assertThat(run.outputFile("tables/by_channel_year.csv")).isEqualTo(expectedTable);
		assertThat(run.outputFile("rejects.csv")).isEqualTo(expectedRejects);
	}

	private static long count(Connection db, String sql) throws Exception {
		try (ResultSet rs = db.createStatement().executeQuery(sql)) {
			rs.next();
			return rs.getLong(1);
		}
	}

}
