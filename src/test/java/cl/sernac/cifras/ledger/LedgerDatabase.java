package cl.sernac.cifras.ledger;

import java.util.UUID;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;

import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/** A new, migrated ledger database in memory. */
final class LedgerDatabase {

	private LedgerDatabase() {
	}

	static DataSource migrated() {
		String url = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
		Flyway.configure()
			.dataSource(url, "sa", "")
			.locations("classpath:db/migration/common", "classpath:db/migration/h2")
			.load()
			.migrate();
		return new SimpleDriverDataSource(new org.h2.Driver(), url, "sa", "");
	}

}
