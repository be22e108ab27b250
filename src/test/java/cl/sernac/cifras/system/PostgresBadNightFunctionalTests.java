package cl.sernac.cifras.system;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.stream.Stream;

import cl.sernac.cifras.ChildRun;
import cl.sernac.cifras.CifrasRun;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code kill -9} on the PostgreSQL profile, where the trial jammed the store as on H2:
 * while the reading's partitions are created, as a file is read and as files are applied.
 * Each is followed by a normal run that reaches the figures of an uninterrupted run on
 * H2. Needs the server of {@link PostgresFunctionalTests}.
 */
class PostgresBadNightFunctionalTests {

	private static final Path SAMPLES = Path.of("src/test/resources/samples");

	private static final String URL = System.getenv("CIFRAS_TEST_PG_URL");

	private static final String USER = System.getenv().getOrDefault("CIFRAS_TEST_PG_USER", "cifras");

	private static final String PASSWORD = System.getenv().getOrDefault("CIFRAS_TEST_PG_PASSWORD", "");

	private static final String CHUNK = "--cifras.chunk-size=7";

	@TempDir
	static Path shared;

	private static String expectedTable;

	private static String expectedRejects;

	@BeforeAll
	static void uninterruptedRunOnH2() throws Exception {
		CifrasRun run = CifrasRun.in(shared).withInputFrom(SAMPLES);
		assertThat(run.run(CHUNK)).isZero();
		expectedTable = run.outputFile("tables/by_channel_year.csv");
		expectedRejects = run.outputFile("rejects.csv");
	}

	@BeforeEach
	void freshDatabase() throws Exception {
		if (System.getenv("CI") != null) {
			assertThat(URL).as("CIFRAS_TEST_PG_URL must be set under CI").isNotBlank();
		}
		assumeTrue(URL != null && !URL.isBlank(), "no PostgreSQL server given (CIFRAS_TEST_PG_URL)");
		try (Connection db = DriverManager.getConnection(URL, USER, PASSWORD); Statement sql = db.createStatement()) {
			sql.execute("DROP SCHEMA IF EXISTS public CASCADE");
			sql.execute("CREATE SCHEMA public");
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "split:2", "ingest:3", "merge:4" })
	void killedRunIsCompletedByTheNextRun(String point, @TempDir Path root) throws Exception {
		// given a run on PostgreSQL killed with SIGKILL at a point
		CifrasRun run = CifrasRun.in(root).withInputFrom(SAMPLES);
		ChildRun child = ChildRun.start(run, Map.of("CIFRAS_HALT_AT", point), postgres(CHUNK));
		String marker = point.contains(":") && !point.startsWith("after:") && !point.startsWith("before:")
				? point.substring(0, point.indexOf(':')) : point;
		assertThat(child.awaitOutput("CIFRAS-HALT " + marker, 120)).as(child.output()).isTrue();
		child.kill();

		// when the pipeline runs again normally,
		// then the figures are those of an uninterrupted run
		assertThat(run.run(postgres(CHUNK))).isZero();
		assertThat(run.outputFile("tables/by_channel_year.csv")).isEqualTo(expectedTable);
		assertThat(run.outputFile("rejects.csv")).isEqualTo(expectedRejects);
		try (Connection db = DriverManager.getConnection(URL, USER, PASSWORD)) {
			assertThat(count(db, "SELECT COUNT(*) FROM counted_case")).isEqualTo(305);
			assertThat(count(db, "SELECT COUNT(*) FROM ingest_file WHERE status <> 'MERGED'")).isZero();
			assertThat(count(db, "SELECT COUNT(*) FROM batch_step_execution WHERE status IN"
					+ " ('STARTED', 'STARTING', 'UNKNOWN', 'STOPPING')"))
				.isZero();
		}
		try (Stream<Path> staged = Files.list(run.data().resolve("staging"))) {
			assertThat(staged).as("staging left").isEmpty();
		}
	}

	private static String[] postgres(String... args) {
		String[] all = new String[args.length + 4];
		System.arraycopy(args, 0, all, 0, args.length);
		all[args.length] = "--spring.profiles.active=postgres";
		all[args.length + 1] = "--spring.datasource.url=" + URL;
		all[args.length + 2] = "--spring.datasource.username=" + USER;
		all[args.length + 3] = "--spring.datasource.password=" + PASSWORD;
		return all;
	}

	private static long count(Connection db, String sql) throws Exception {
		try (ResultSet rs = db.createStatement().executeQuery(sql)) {
			rs.next();
			return rs.getLong(1);
		}
	}

}
