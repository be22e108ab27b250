package cl.sernac.cifras.system;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;

import cl.sernac.cifras.CifrasRun;
import cl.sernac.cifras.SqlRows;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The same job on a real PostgreSQL server, with the same migrations: figures identical
 * to H2. The server is given by {@code CIFRAS_TEST_PG_URL}, {@code CIFRAS_TEST_PG_USER}
 * and {@code CIFRAS_TEST_PG_PASSWORD} ({@code scripts/postgres-test-server.sh} starts
 * one; CI always does). Without them the tests are skipped, except under CI where that is
 * a failure.
 */
class PostgresFunctionalTests {

	private static final String URL = System.getenv("CIFRAS_TEST_PG_URL");

	private static final String USER = System.getenv().getOrDefault("CIFRAS_TEST_PG_USER", "cifras");

	private static final String PASSWORD = System.getenv().getOrDefault("CIFRAS_TEST_PG_PASSWORD", "");

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

	@Test
	void samplesGiveTheSameTablesOnPostgresqlAndH2(@TempDir Path h2Root, @TempDir Path pgRoot) throws Exception {
		assertSameOutputs(h2Root, pgRoot, Path.of("src/test/resources/samples"), new String[0]);
	}

	@Test
	void demoDataGivesTheSameTablesOnPostgresqlAndH2(@TempDir Path h2Root, @TempDir Path pgRoot) throws Exception {
		assertSameOutputs(h2Root, pgRoot, null, new String[] { "--cifras.demo=true" });
	}

	@Test
	void accountSamplesGiveTheSameLawsuitsActivitiesAndProgrammes(@TempDir Path h2Root, @TempDir Path pgRoot)
			throws Exception {
		assertSameOutputs(h2Root, pgRoot, Path.of("src/test/resources/samples-account"), new String[0]);
		CifrasRun h2 = new CifrasRun(h2Root.resolve("input"), h2Root.resolve("output"), h2Root.resolve("data"));
		List<String> queries = List.of(
				"SELECT action_type, filed_year, closed_year, state, result, COUNT(*) FROM lawsuit"
						+ " GROUP BY action_type, filed_year, closed_year, state, result"
						+ " ORDER BY action_type, filed_year, closed_year, state, result",
				"SELECT line, activity_year, mechanism, COUNT(DISTINCT school), SUM(schoolchildren), SUM(young_people),"
						+ " SUM(older_adults), COUNT(*) FROM activity GROUP BY line, activity_year, mechanism"
						+ " ORDER BY line, activity_year, mechanism",
				"SELECT programme, record_type, channel, COUNT(*) FROM counted_case"
						+ " GROUP BY programme, record_type, channel ORDER BY programme, record_type, channel");
		for (String query : queries) {
			List<String> embedded;
			try (Connection db = h2.records()) {
				embedded = SqlRows.of(db, query);
			}
			try (Connection db = DriverManager.getConnection(URL, USER, PASSWORD)) {
				assertThat(SqlRows.of(db, query)).isEqualTo(embedded).isNotEmpty();
			}
		}
	}

	private void assertSameOutputs(Path h2Root, Path pgRoot, Path inputs, String[] args) throws Exception {
		// given the same exports for two stores
		CifrasRun h2 = CifrasRun.in(h2Root);
		CifrasRun pg = CifrasRun.in(pgRoot);
		if (inputs != null) {
			h2.withInputFrom(inputs);
			pg.withInputFrom(inputs);
		}
		// when the job runs on H2 and on PostgreSQL
		assertThat(h2.run(args)).isZero();
		String[] pgArgs = new String[args.length + 4];
		System.arraycopy(args, 0, pgArgs, 0, args.length);
		pgArgs[args.length] = "--spring.profiles.active=postgres";
		pgArgs[args.length + 1] = "--spring.datasource.url=" + URL;
		pgArgs[args.length + 2] = "--spring.datasource.username=" + USER;
		pgArgs[args.length + 3] = "--spring.datasource.password=" + PASSWORD;
		assertThat(pg.run(pgArgs)).isZero();

		// then the tables and rejects are identical
		assertThat(pg.outputFile("tables/by_channel_year.csv")).isEqualTo(h2.outputFile("tables/by_channel_year.csv"));
		assertThat(pg.outputFile("rejects.csv")).isEqualTo(h2.outputFile("rejects.csv"));
		// and so are the public account's tables, when there are any
		try (var tables = java.nio.file.Files.list(h2.output().resolve("tables"))) {
			for (Path table : tables.filter((t) -> t.getFileName().toString().startsWith("cuenta_")).toList()) {
				String name = "tables/" + table.getFileName();
				assertThat(pg.outputFile(name)).as(name).isEqualTo(h2.outputFile(name));
			}
		}
		if (inputs != null && inputs.endsWith("samples-account")) {
			return;
		}
		assertThat(pg.outputFile("tables/by_channel_year.csv").lines().count()).isGreaterThan(40);
		try (Connection db = DriverManager.getConnection(URL, USER, PASSWORD);
				Statement sql = db.createStatement();
				var rs = sql.executeQuery("SELECT COUNT(*) FROM counted_case")) {
			rs.next();
			assertThat(rs.getLong(1)).isGreaterThan(300);
		}
	}

}
