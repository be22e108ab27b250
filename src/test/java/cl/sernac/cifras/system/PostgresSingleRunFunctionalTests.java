package cl.sernac.cifras.system;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import cl.sernac.cifras.ChildRun;
import cl.sernac.cifras.CifrasRun;
import cl.sernac.cifras.SqlRows;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Two data folders on one PostgreSQL database, as two machines or two installations would
 * share it: one run at a time on the database, and one RUT key for the store. The server
 * is given as for {@link PostgresFunctionalTests}.
 */
class PostgresSingleRunFunctionalTests {

	private static final String URL = System.getenv("CIFRAS_TEST_PG_URL");

	private static final String USER = System.getenv().getOrDefault("CIFRAS_TEST_PG_USER", "cifras");

	private static final String PASSWORD = System.getenv().getOrDefault("CIFRAS_TEST_PG_PASSWORD", "");

	private static final Path SAMPLES = Path.of("src/test/resources/samples");

	/** Two people of the samples (callcenter_2014.csv, movil_2014.csv) seen again. */
	private static final String EXTRA_FILE = "movil_2016_extra.csv";

	private static final String EXTRA = """
			fecha,comuna_visitada,programa,correlativo,tipo,rut,mercado
			2016-11-04,Quillota,Plaza de servicios,91,consulta,24.203.671-9,COMERCIO
			2016-11-04,Quillota,Plaza de servicios,92,reclamo,22350983-5,VIVIENDA
			""";

	@TempDir
	Path firstRoot;

	@TempDir
	Path secondRoot;

	@BeforeEach
	void freshDatabase() throws Exception {
		if (System.getenv("CI") != null) {
			assertThat(URL).as("CIFRAS_TEST_PG_URL must be set under CI").isNotBlank();
		}
		assumeTrue(URL != null && !URL.isBlank(), "no PostgreSQL server given (CIFRAS_TEST_PG_URL)");
		try (Connection db = database(); Statement sql = db.createStatement()) {
			sql.execute("DROP SCHEMA IF EXISTS public CASCADE");
			sql.execute("CREATE SCHEMA public");
		}
	}

	@Test
	void aRunFromAnotherDataFolderWaitsItsTurnAndHashesAlike() throws Exception {
		// given the samples in one installation and two of their people in another's
		// export, both on one database
		CifrasRun first = CifrasRun.in(this.firstRoot).withInputFrom(SAMPLES);
		CifrasRun second = CifrasRun.in(this.secondRoot);
		Files.writeString(second.input().resolve(EXTRA_FILE), EXTRA);
		ChildRun firstRun = ChildRun.start(first, Map.of("CIFRAS_PAUSE_AT", "ingest:5000"), postgres());
		assertThat(firstRun.awaitOutput("CIFRAS-PAUSE ingest", 120)).as(firstRun.output()).isTrue();

		// when the other installation runs meanwhile
		ChildRun secondRun = ChildRun.start(second, Map.of(), postgres());
		int secondExit = secondRun.waitForExit(60);

		// then it exits at once, saying why, without taking the running execution over
		assertThat(secondExit).as(secondRun.output()).isEqualTo(CifrasExit.ALREADY_RUNNING);
		assertThat(secondRun.output()).contains("otra ejecución está usando la base de datos " + URL)
			.doesNotContain("interrumpida");
		assertThat(second.input().resolve(EXTRA_FILE)).exists();
		assertThat(second.output()).doesNotExist();
		// and the first completes alone, with the samples' figures
		assertThat(firstRun.waitForExit(180)).as(firstRun.output()).isZero();
		assertThat(firstRun.output()).doesNotContain("interrumpida");
		assertThat(countsByTypeSubtypeChannelAndYear(first)).isEqualTo(expectedCounts());
		long people;
		try (Connection db = database()) {
			assertThat(SqlRows.of(db, "SELECT COUNT(*) FROM batch_job_execution")).containsExactly("1|");
			people = Long.parseLong(
					SqlRows.of(db, "SELECT COUNT(DISTINCT rut_hash) FROM intake_record").get(0).replace("|", ""));
			assertThat(people).isGreaterThan(250);
		}

		// when the other installation runs again, alone
		ChildRun later = ChildRun.start(second, Map.of(), postgres());
		assertThat(later.waitForExit(180)).as(later.output()).isZero();

		// then its two records hash their people as the first installation's files did
		try (Connection db = database()) {
			List<String> extraHashes = SqlRows.of(db,
					"SELECT r.rut_hash FROM intake_record r JOIN ingest_file f ON f.id = r.file_id WHERE f.file_name = '"
							+ EXTRA_FILE + "' AND r.rut_hash IS NOT NULL");
			assertThat(extraHashes).hasSize(2);
			for (String hash : extraHashes) {
				assertThat(SqlRows.of(db,
						"SELECT f.file_name FROM intake_record r JOIN ingest_file f ON f.id = r.file_id"
								+ " WHERE r.rut_hash = " + hash.replace("|", "") + " AND f.file_name <> '" + EXTRA_FILE
								+ "'"))
					.as("records of the first installation with the hash %s", hash)
					.isNotEmpty();
			}
			assertThat(SqlRows.of(db, "SELECT COUNT(DISTINCT rut_hash) FROM intake_record"))
				.containsExactly(people + "|");
			assertThat(SqlRows.of(db, "SELECT COUNT(*) FROM store_secret")).containsExactly("1|");
		}
		assertThat(first.data().resolve(RutSecret.FILE_NAME)).doesNotExist();
		assertThat(second.data().resolve(RutSecret.FILE_NAME)).doesNotExist();
	}

	private static String[] postgres() {
		return new String[] { "--spring.profiles.active=postgres", "--spring.datasource.url=" + URL,
				"--spring.datasource.username=" + USER, "--spring.datasource.password=" + PASSWORD };
	}

	private static Connection database() throws Exception {
		return DriverManager.getConnection(URL, USER, PASSWORD);
	}

	private static Map<String, Long> expectedCounts() throws Exception {
		Map<String, Long> counts = new TreeMap<>();
		for (JsonNode record : new ObjectMapper().readTree(Path.of("src/test/resources/samples-expected.json").toFile())
			.get("records")) {
			counts.put(
					String.join(",", record.get("record_type").asText(), record.get("subtype").asText(),
							record.get("channel").asText(), record.get("year").asText()),
					record.get("records").asLong());
		}
		return counts;
	}

	private static Map<String, Long> countsByTypeSubtypeChannelAndYear(CifrasRun run) throws Exception {
		List<String> lines = Files.readAllLines(run.output().resolve("tables/by_channel_year.csv"));
		Map<String, Long> counts = new TreeMap<>();
		for (String line : lines.subList(1, lines.size())) {
			int last = line.lastIndexOf(',');
			counts.put(line.substring(0, last), Long.parseLong(line.substring(last + 1)));
		}
		return counts;
	}

}
