package cl.sernac.cifras.merge;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import cl.sernac.cifras.normalize.RowOutcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A store written by the previous version (1, before lawsuits, activities and programmes)
 * is brought to version 2 when opened: its records kept, the new columns and views added,
 * and new files merged into it.
 */
class RecordStoreUpgradeTests {

	@TempDir
	Path root;

	@Test
	void aVersion1StoreIsUpgradedKeepingItsRecords() throws Exception {
		// given a store of version 1 with one record
		Path file = this.root.resolve("records.duckdb");
		try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + file.toAbsolutePath());
				Statement s = c.createStatement()) {
			for (String script : List.of("records.sql", "counted_case.sql")) {
				String sql = Files.readString(Path.of("src/test/resources/upgrade/record-store-1", script),
						StandardCharsets.UTF_8);
				for (String statement : sql.split(";\\s*\\n")) {
					String plain = statement.replaceAll("(?m)^--.*$", "").strip();
					if (!plain.isEmpty()) {
						s.execute(plain);
					}
				}
			}
			s.execute("INSERT INTO intake_record VALUES ('movil', 'K1', FALSE, 'CONSULTA', NULL, 'MOVIL', 20160314,"
					+ " '05101', NULL, NULL, NULL, NULL, '05101', 1, 4294967298)");
		}
		RecordStore store = new RecordStore(RecordStore.Engine.DUCKDB,
				new DuckDbDataSource(file, new RecordStoreProperties(null, this.root.resolve("tmp"), 1)),
				file.toString());

		// when the store is opened and a file with a lawsuit and a programme is merged
		assertThat(store.records()).isEqualTo(1);
		store.merge(List.of(new RecordStore.FileToMerge(2, 2, "abc", "juicios", false)), (fileId, rows) -> {
			rows.accept(new RowOutcome.Accepted(2, "TRIBUNAL|1-2015", "JUICIO", "INTERES_GENERAL", "", 20150109, null,
					null, null, null, null, null, null, "TERMINADO|20150630|FAVORABLE", List.of()));
			rows.accept(new RowOutcome.Accepted(3, "K2", "CONSULTA", null, "OFICINA", 20160315, null, null, null, null,
					null, null, "SERNAC EN TU BARRIO", null, List.of()));
		}, (f, n) -> {
		});

		// then it is of version 2, keeps the old record and reads the new ones
		Map<String, Object> counts = store.jdbc()
			.sql("SELECT (SELECT MAX(version) FROM record_store) AS version,"
					+ " (SELECT COUNT(*) FROM record_store) AS versions,"
					+ " (SELECT COUNT(*) FROM counted_case) AS cases,"
					+ " (SELECT COUNT(*) FROM counted_case WHERE programme = 'SERNAC EN TU BARRIO') AS programme,"
					+ " (SELECT COUNT(*) FROM lawsuit WHERE closed_year = 2015 AND result = 'FAVORABLE') AS closed")
			.query()
			.singleRow();
		assertThat(counts).containsEntry("version", 2)
			.containsEntry("versions", 1L)
			.containsEntry("cases", 2L)
			.containsEntry("programme", 1L)
			.containsEntry("closed", 1L);
		store.close();
	}

}
