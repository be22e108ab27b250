package cl.sernac.cifras.merge;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import cl.sernac.cifras.SqlRows;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A store written by an earlier version (texts on every record) is narrowed in place by
 * the migrations: every record keeps what it said, in codes and numbers, and reads back
 * the same through {@code counted_case}; the RUT's hash becomes the number the merge
 * writes for it. On H2 and, when a server is given ({@code CIFRAS_TEST_PG_URL}, always
 * under CI), on PostgreSQL.
 */
class StoreMigrationTests {

	private static final String PG_URL = System.getenv("CIFRAS_TEST_PG_URL");

	private static final String PG_SCHEMA = "cifras_migration_test";

	/** Records as version 6 stored them (the columns of its intake_record). */
	private static final Object[][] WIDE_RECORDS = {
			{ "callcenter", "4000004", false, "CONSULTA", null, "CALL_CENTER", 20140113, "05504", "05",
					"ff21ae7ae6c0a7f4", null, null, null, 1L, 4294967298L, true },
			{ "portal", "R-2015-0017447", true, "RECLAMO", null, "MUNICIPAL", 20150205, "05801", "05",
					"0123456789abcdef", "R-2015-0017447", null, null, 2L, 8589934594L, false },
			{ "municipal", "MUNICIPALIDAD DE LIMACHE|2", false, "RECLAMO", null, "MUNICIPAL", 20150204, "05802", null,
					null, "R-2015-0017447", "MUNICIPALIDAD DE LIMACHE", null, 3L, 12884901890L, true },
			{ "oficina", "200100", false, "SONI", "SUGERENCIA", "OFICINA", 20140214, null, null, "8000000000000000",
					null, null, null, 4L, 17179869186L, true },
			{ "movil", "2014-01-03|LA CRUZ|1", false, "CONSULTA", null, "MOVIL", 20140103, "05504", null,
					"6a844fed102a3322", null, null, "05504", 5L, 21474836481L, true } };

	private static final String WIDE_INSERT = "INSERT INTO intake_record (source_name, record_key, central,"
			+ " record_type, subtype, channel, intake_day, comuna_code, region_code, rut_hash, folio, organization,"
			+ " place_code, file_id, version_seq, counted) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

	private static final String COUNTED = "SELECT source_name, record_type, subtype, channel, intake_day,"
			+ " comuna_code, region_code, organization, place_code FROM counted_case ORDER BY source_name";

	@Test
	void narrowsAnH2StoreOfAnEarlierVersion() throws Exception {
		String url = "jdbc:h2:mem:migration;DB_CLOSE_DELAY=-1";
		try (Connection db = DriverManager.getConnection(url, "sa", "")) {
			assertNarrowedInPlace(db,
					Flyway.configure()
						.dataSource(url, "sa", "")
						.locations("classpath:db/migration/common", "classpath:db/migration/h2"));
		}
	}

	@Test
	void narrowsAPostgresqlStoreOfAnEarlierVersion() throws Exception {
		if (System.getenv("CI") != null) {
			assertThat(PG_URL).as("CIFRAS_TEST_PG_URL must be set under CI").isNotBlank();
		}
		assumeTrue(PG_URL != null && !PG_URL.isBlank(), "no PostgreSQL server given (CIFRAS_TEST_PG_URL)");
		String user = System.getenv().getOrDefault("CIFRAS_TEST_PG_USER", "cifras");
		String password = System.getenv().getOrDefault("CIFRAS_TEST_PG_PASSWORD", "");
		try (Connection db = DriverManager.getConnection(PG_URL, user, password)) {
			try (Statement sql = db.createStatement()) {
				sql.execute("DROP SCHEMA IF EXISTS " + PG_SCHEMA + " CASCADE");
				sql.execute("CREATE SCHEMA " + PG_SCHEMA);
				sql.execute("SET search_path TO " + PG_SCHEMA);
			}
			try {
				assertNarrowedInPlace(db,
						Flyway.configure()
							.dataSource(PG_URL, user, password)
							.schemas(PG_SCHEMA)
							.locations("classpath:db/migration/common", "classpath:db/migration/postgresql"));
			}
			finally {
				try (Statement sql = db.createStatement()) {
					sql.execute("DROP SCHEMA " + PG_SCHEMA + " CASCADE");
				}
			}
		}
	}

	private void assertNarrowedInPlace(Connection db, FluentConfiguration flyway) throws SQLException {
		// given a store of version 6 holding records of every source
		flyway.target("6").load().migrate();
		try (PreparedStatement insert = db.prepareStatement(WIDE_INSERT)) {
			for (Object[] record : WIDE_RECORDS) {
				for (int i = 0; i < record.length; i++) {
					insert.setObject(i + 1, record[i]);
				}
				insert.executeUpdate();
			}
		}
		List<String> countedBefore = SqlRows.of(db, COUNTED);
		assertThat(countedBefore).hasSize(4);

		// when the store is migrated to the current version
		flyway.target("latest").load().migrate();

		// then every record reads back as it was, from codes and numbers
		assertThat(SqlRows.of(db, COUNTED)).isEqualTo(countedBefore);
		assertThat(SqlRows.of(db, "SELECT COUNT(*) FROM intake_record")).containsExactly("5|");
		assertThat(SqlRows.of(db, "SELECT kind, code, name FROM store_code ORDER BY kind, code")).containsExactly(
				"channel|1|CALL_CENTER|", "channel|2|MOVIL|", "channel|3|MUNICIPAL|", "channel|4|OFICINA|",
				"organization|1|MUNICIPALIDAD DE LIMACHE|", "source|1|callcenter|", "source|2|movil|",
				"source|3|municipal|", "source|4|oficina|", "source|5|portal|", "subtype|1|SUGERENCIA|",
				"type|1|CONSULTA|", "type|2|RECLAMO|", "type|3|SONI|");
		// the hash is the number the merge writes for the same text (StoreNumbers.hash)
		List<String> hashes = SqlRows.of(db, "SELECT s.name, r.rut_hash FROM intake_record r"
				+ " JOIN store_code s ON s.kind = 'source' AND s.code = r.source_code ORDER BY s.name");
		List<String> expected = new ArrayList<>();
		for (String source : List.of("callcenter", "movil", "municipal", "oficina", "portal")) {
			for (Object[] record : WIDE_RECORDS) {
				if (record[0].equals(source)) {
					expected.add(source + "|" + StoreNumbers.hash((String) record[9]) + "|");
				}
			}
		}
		assertThat(hashes).isEqualTo(expected);
		assertThat(SqlRows.of(db, "SELECT record_key, comuna_code, region_code, place_code, folio, version_seq,"
				+ " CASE WHEN counted THEN 1 ELSE 0 END FROM intake_record WHERE record_key LIKE '2014-01-03%'"))
			.containsExactly("2014-01-03|LA CRUZ|1|5504|null|5504|null|21474836481|1|");
	}

}
