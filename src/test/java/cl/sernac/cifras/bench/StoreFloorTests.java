package cl.sernac.cifras.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.List;

import cl.sernac.cifras.SqlRows;
import cl.sernac.cifras.merge.RecordMerger;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class StoreFloorTests {

	@TempDir
	Path directory;

	private static String url(Path database) {
		return "jdbc:h2:file:" + database.toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE";
	}

	private static List<String> records(Path database) throws Exception {
		try (Connection db = DriverManager.getConnection(url(database), "cifras", "")) {
			return SqlRows.of(db, "SELECT * FROM intake_record ORDER BY source_code, record_key");
		}
	}

	@Test
	void writesEveryRecordOfTheStoreAgainIntoANewStore() throws Exception {
		// given a store of 25.000 records (more than two commits' worth), some without
		// folio
		Path store = this.directory.resolve("store/cifras");
		Flyway.configure()
			.dataSource(url(store), "cifras", "")
			.locations("classpath:db/migration/common", "classpath:db/migration/h2")
			.load()
			.migrate();
		try (Connection db = DriverManager.getConnection(url(store), "cifras", "");
				PreparedStatement insert = db.prepareStatement(RecordMerger.INSERT)) {
			for (int i = 0; i < 25_000; i++) {
				// by RECORD_COLUMNS: codes for source, type, subtype and channel;
				// comuna and region codes and the RUT's hash as numbers
				Object[] values = { (i % 2 == 0) ? 6 : 4, "K" + i, i % 2 == 0, 2, (i % 7 == 0) ? 1 : null,
						(i % 2 == 0) ? 2 : 5, 20150101 + i % 28, 5101, 5, (i % 11 == 0) ? null : -7_000_000_000L * i,
						(i % 3 == 0) ? "R-2015-" + i : null, (i % 2 == 0) ? null : 3, (i % 13 == 0) ? 5504 : null, 1L,
						(long) i, i % 5 != 0 };
				for (int c = 0; c < values.length; c++) {
					insert.setObject(c + 1, values[c]);
				}
				insert.addBatch();
			}
			insert.executeBatch();
		}

		// when its records are written again into a new store
		Path copy = this.directory.resolve("copy/cifras");
		StoreFloor.Result result = StoreFloor.copy(store, copy);

		// then the new store holds exactly the same records
		assertThat(result.records()).isEqualTo(25_000);
		assertThat(result.seconds()).isPositive();
		assertThat(result.toLine()).startsWith("records=25000 seconds=");
		List<String> original = records(store);
		assertThat(original).hasSize(25_000);
		assertThat(records(copy)).isEqualTo(original);
	}

}
