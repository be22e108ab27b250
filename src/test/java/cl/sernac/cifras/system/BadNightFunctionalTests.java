package cl.sernac.cifras.system;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import cl.sernac.cifras.ChildRun;
import cl.sernac.cifras.CifrasRun;
import cl.sernac.cifras.demo.ScaledDataGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The faults that jammed the nights, done for real to a child process: {@code kill -9} as
 * reading starts and at every boundary between stages, a run left in an unknown state, a
 * connection pool smaller than the reading threads. Each is followed by a normal run that
 * must reach exactly the figures of a run never interrupted, and leave nothing behind
 * that a later run would trip on.
 */
class BadNightFunctionalTests {

	private static final Path SAMPLES = Path.of("src/test/resources/samples");

	/** Small chunks: a file is read in several transactions. */
	private static final String CHUNK = "--cifras.chunk-size=7";

	@TempDir
	static Path shared;

	/** Tables of an uninterrupted run over the samples. */
	private static Expected samples;

	/** A generated data set of SPEC's shape, large enough for reading to take a while. */
	private static Path scaledInput;

	private static Expected scaled;

	@BeforeAll
	static void uninterruptedRuns() throws Exception {
		CifrasRun run = CifrasRun.in(shared.resolve("samples")).withInputFrom(SAMPLES);
		assertThat(run.run(CHUNK)).isZero();
		samples = Expected.of(run);

		scaledInput = shared.resolve("scaled-input");
		new ScaledDataGenerator(12_000, ScaledDataGenerator.DEFAULT_SEED, 1_000).generate(scaledInput, null);
		CifrasRun scaledRun = CifrasRun.in(shared.resolve("scaled")).withInputFrom(scaledInput);
		assertThat(scaledRun.run("--cifras.chunk-size=500")).isZero();
		scaled = Expected.of(scaledRun);
	}

	/**
	 * Killed between the moment a file's partition is saved and the moment its context
	 * is: the state that left Spring Batch's own splitter with an empty context forever.
	 */
	@ParameterizedTest
	@ValueSource(strings = { "split:1", "split:4" })
	void killedWhilePartitionsAreCreated(String point, @TempDir Path root) throws Exception {
		CifrasRun run = CifrasRun.in(root).withInputFrom(SAMPLES);
		ChildRun child = ChildRun.start(run, Map.of("CIFRAS_HALT_AT", point), CHUNK);
		assertThat(child.awaitOutput("CIFRAS-HALT split", 120)).as(child.output()).isTrue();
		child.kill();

		assertRecovers(run, samples, CHUNK);
	}

	/**
	 * {@code kill -9} at ten moments of the first second of reading a data set of SPEC's
	 * shape, each followed by a normal run.
	 */
	@ParameterizedTest
	@ValueSource(ints = { 0, 20, 50, 90, 140, 200, 280, 380, 500, 650 })
	void killedAsReadingStarts(int millis, @TempDir Path root) throws Exception {
		killScaledRunAfter("Lectura:", millis, root);
	}

	/**
	 * {@code kill -9} in the first moments of the merge, while the record store loads the
	 * staged rows, applies the rules, commits and checkpoints (DuckDB's log written into
	 * its file): the next run gives the figures of a run never interrupted.
	 */
	@ParameterizedTest
	@ValueSource(ints = { 0, 60, 150, 300 })
	void killedWhileTheRecordStoreMerges(int millis, @TempDir Path root) throws Exception {
		killScaledRunAfter("Incorporación:", millis, root);
	}

	/**
	 * Kills a run of the scaled data set {@code millis} after it logs {@code marker},
	 * then checks that the next run gives the figures of an uninterrupted one.
	 */
	private static void killScaledRunAfter(String marker, int millis, Path root) throws Exception {
		CifrasRun run = CifrasRun.in(root).withInputFrom(scaledInput);
		ChildRun child = ChildRun.start(run, Map.of(), "--cifras.chunk-size=500");
		assertThat(child.awaitOutput(marker, 120)).as(child.output()).isTrue();
		Thread.sleep(millis);
		child.kill();

		assertRecovers(run, scaled, "--cifras.chunk-size=500");
	}

	/**
	 * The boundaries between stages ({@code CrashRecoveryFunctionalTests} kills inside
	 * them).
	 */
	@ParameterizedTest
	@ValueSource(strings = { "after:planStep", "before:ingestStep", "after:ingestStep", "after:mergeStep",
			"after:archiveStep", "after:outputStep" })
	void killedAtAStageBoundary(String point, @TempDir Path root) throws Exception {
		CifrasRun run = CifrasRun.in(root).withInputFrom(SAMPLES);
		ChildRun child = ChildRun.start(run, Map.of("CIFRAS_HALT_AT", point), CHUNK);
		assertThat(child.awaitOutput("CIFRAS-HALT " + point, 120)).as(child.output()).isTrue();
		child.kill();

		assertRecovers(run, samples, CHUNK);
	}

	/**
	 * A run whose steps ended UNKNOWN (a commit that failed half-way, as when the pool
	 * ran dry) is not restartable as Spring Batch leaves it: the next run repairs and
	 * resumes it instead of setting its files aside as "already ingested".
	 */
	@Test
	void runEndedUnknownIsRedone(@TempDir Path root) throws Exception {
		CifrasRun run = CifrasRun.in(root).withInputFrom(SAMPLES);
		ChildRun child = ChildRun.start(run, Map.of("CIFRAS_HALT_AT", "ingest:5"), CHUNK, "--cifras.ingest-threads=1");
		assertThat(child.awaitOutput("CIFRAS-HALT ingest", 120)).as(child.output()).isTrue();
		child.kill();
		try (Connection db = run.database()) {
			db.createStatement()
				.executeUpdate("UPDATE BATCH_STEP_EXECUTION SET STATUS = 'UNKNOWN', EXIT_CODE = 'UNKNOWN'"
						+ " WHERE STATUS = 'STARTED'");
			db.createStatement()
				.executeUpdate("UPDATE BATCH_JOB_EXECUTION SET STATUS = 'UNKNOWN', EXIT_CODE = 'UNKNOWN',"
						+ " END_TIME = CURRENT_TIMESTAMP WHERE STATUS = 'STARTED'");
		}

		String output = assertRecoversInAProcess(run, samples, CHUNK);
		assertThat(output).contains("terminó en un estado desconocido").doesNotContain("Ya ingresado");
		try (Stream<Path> aside = Files.list(run.input().resolve("no_ingresados"))) {
			assertThat(aside.map((p) -> p.getFileName().toString()).filter((n) -> !n.endsWith(".motivo.txt")))
				.containsExactlyInAnyOrder("callcenter_resumen.csv", "notas_analista.txt", "municipal_2015 (copia).csv",
						"portal_2015 (copia).csv");
		}
		// and a later run finds nothing to do and changes nothing
		ChildRun again = ChildRun.start(run, Map.of(), CHUNK);
		assertThat(again.waitForExit(240)).as(again.output()).isZero();
		samples.assertSame(run);
	}

	/**
	 * Sixteen reading threads asked for with a pool of four connections: reading uses
	 * what the pool can serve, and the figures are exact.
	 */
	@Test
	void poolSmallerThanTheReadingThreads(@TempDir Path root) throws Exception {
		CifrasRun run = CifrasRun.in(root).withInputFrom(SAMPLES);
		ChildRun child = ChildRun.start(run, Map.of(), CHUNK, "--cifras.ingest-threads=16",
				"--spring.datasource.hikari.maximum-pool-size=4", "--spring.datasource.hikari.connection-timeout=2000");
		assertThat(child.waitForExit(180)).as(child.output()).isZero();
		assertThat(child.output()).contains("Se leen 2 archivos a la vez, no 16");
		samples.assertSame(run);
	}

	/**
	 * A normal run after a fault: exit 0, the tables of an uninterrupted run, every file
	 * applied, no execution left running, no staging or temporary file left.
	 */
	private static void assertRecovers(CifrasRun run, Expected expected, String... args) throws Exception {
		// the normal run in this JVM: the killed one was a process of its own, and this
		// one starts faster
		assertThat(run.run(args)).isZero();
		assertRecovered(run, expected);
	}

	/** The same, with the normal run in a process of its own; returns what it logged. */
	private static String assertRecoversInAProcess(CifrasRun run, Expected expected, String... args) throws Exception {
		ChildRun rerun = ChildRun.start(run, Map.of(), args);
		int exit = rerun.waitForExit(240);
		assertThat(exit).as(rerun.output()).isZero();
		assertRecovered(run, expected);
		return rerun.output();
	}

	private static void assertRecovered(CifrasRun run, Expected expected) throws Exception {
		expected.assertSame(run);
		try (Connection db = run.database()) {
			assertThat(count(db, "SELECT COUNT(*) FROM ingest_file WHERE status <> 'MERGED'")).isZero();
			assertThat(count(db,
					"SELECT COUNT(*) FROM BATCH_JOB_EXECUTION WHERE STATUS <> 'COMPLETED'" + " AND STATUS <> 'FAILED'"))
				.isZero();
			assertThat(count(db, "SELECT COUNT(*) FROM BATCH_STEP_EXECUTION WHERE STATUS IN"
					+ " ('STARTED', 'STARTING', 'UNKNOWN', 'STOPPING')"))
				.isZero();
			// run numbers do not jump after a crash: the interrupted run and the rerun's
			// own are numbered one after the other
			assertThat(count(db, "SELECT MAX(JOB_INSTANCE_ID) - MIN(JOB_INSTANCE_ID) + 1 FROM BATCH_JOB_INSTANCE"))
				.isEqualTo(count(db, "SELECT COUNT(*) FROM BATCH_JOB_INSTANCE"));
		}
		try (Stream<Path> staged = Files.list(run.data().resolve("staging"))) {
			assertThat(staged).as("staging left").isEmpty();
		}
		try (Stream<Path> outputs = Files.walk(run.output())) {
			assertThat(outputs.filter((f) -> f.getFileName().toString().endsWith(".tmp"))).isEmpty();
		}
		// the rerun's summary tells what the interrupted run read, not only its own
		JsonNode summary = new ObjectMapper().readTree(run.output().resolve("run_summary.json").toFile());
		assertThat(summary.get("resumedRunId").isNumber()).as(summary.toPrettyString()).isTrue();
		assertThat(summary.get("files").findValuesAsText("outcome")).contains("ADMITTED");
		assertThat(run.outputFile("resumen_ejecucion.txt")).contains("(interrumpida y reanudada)");
	}

	static long count(Connection db, String sql) throws Exception {
		try (ResultSet rs = db.createStatement().executeQuery(sql)) {
			rs.next();
			return rs.getLong(1);
		}
	}

	/** What an uninterrupted run wrote and stored. */
	record Expected(String byChannelYear, String rejects, long cases, long records, long rejectedRows,
			List<String> archived) {

		static Expected of(CifrasRun run) throws Exception {
			try (Connection db = run.database(); Connection records = run.records()) {
				return new Expected(run.outputFile("tables/by_channel_year.csv"), run.outputFile("rejects.csv"),
						count(records, "SELECT COUNT(*) FROM counted_case"),
						count(records, "SELECT COUNT(*) FROM intake_record"),
						count(db, "SELECT COUNT(*) FROM rejected_row"), archived(run));
			}
		}

		private static List<String> archived(CifrasRun run) throws Exception {
			Path archive = run.input().resolve("archivo");
			if (!Files.isDirectory(archive)) {
				return List.of();
			}
			try (Stream<Path> files = Files.list(archive)) {
				List<String> names = new ArrayList<>(files.map((p) -> p.getFileName().toString()).sorted().toList());
				return names;
			}
		}

		void assertSame(CifrasRun run) throws Exception {
			Expected actual = of(run);
			assertThat(actual.byChannelYear).isEqualTo(this.byChannelYear);
			assertThat(actual.rejects).isEqualTo(this.rejects);
			assertThat(actual.cases).isEqualTo(this.cases);
			assertThat(actual.records).isEqualTo(this.records);
			assertThat(actual.rejectedRows).isEqualTo(this.rejectedRows);
			assertThat(actual.archived).isEqualTo(this.archived);
			assertThat(Files.readString(run.output().resolve("resumen_ejecucion.txt"), StandardCharsets.UTF_8))
				.isNotEmpty();
		}

	}

}
