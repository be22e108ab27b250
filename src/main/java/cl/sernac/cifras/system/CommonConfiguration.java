package cl.sernac.cifras.system;

import cl.sernac.cifras.support.ChileTime;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import javax.sql.DataSource;

import cl.sernac.cifras.aggregate.CaseQueries;
import cl.sernac.cifras.ledger.FileLedger;
import cl.sernac.cifras.ledger.RejectsAndWarnings;
import cl.sernac.cifras.merge.DuckDbDataSource;
import cl.sernac.cifras.merge.RecordStore;
import cl.sernac.cifras.merge.RecordStoreProperties;
import cl.sernac.cifras.normalize.RutHasher;
import cl.sernac.cifras.normalize.Territory;
import cl.sernac.cifras.reading.ChannelCatalog;
import cl.sernac.cifras.reading.ReadLimits;
import cl.sernac.cifras.reading.SourceCatalog;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Shared pieces every stage uses: sources, reference data, the RUT hash, the ledger, the
 * run date.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ CifrasProperties.class, RecordStoreProperties.class })
class CommonConfiguration {

	/** The channel catalogue of this configuration, made the one every stage shows. */
	@Bean
	ChannelCatalog channelCatalog(Environment environment) {
		ChannelCatalog catalog = ChannelCatalog.bind(Binder.get(environment));
		ChannelCatalog.use(catalog);
		return catalog;
	}

	/**
	 * The source profiles, once the configuration has been checked: the command line
	 * checks it before Spring starts, this for whoever starts the application otherwise.
	 */
	@Bean
	SourceCatalog sourceCatalog(CifrasProperties properties, ChannelCatalog channels,
			ConfigurableEnvironment environment) {
		List<String> problems = ConfigurationCheck.problems(environment);
		if (!problems.isEmpty()) {
			throw new ConfigurationProblems(problems);
		}
		return new SourceCatalog(properties.sources());
	}

	@Bean
	Territory territory() {
		return Territory.load();
	}

	/** Keyed with the store's secret: created once the migrations have run. */
	@Bean
	@DependsOnDatabaseInitialization
	RutHasher rutHasher(JdbcClient jdbcClient, FileLedger fileLedger, CifrasProperties properties,
			@Value("${" + RutSecret.ENVIRONMENT_VARIABLE + ":}") String secret) throws IOException {
		return new RutHasher(RutSecret.load(jdbcClient, fileLedger, secret, properties.dataDir()));
	}

	@Bean
	ReadLimits readLimits(CifrasProperties properties) {
		return new ReadLimits(properties.maxLineChars(), properties.maxRecordLines());
	}

	@Bean
	RejectsAndWarnings rejectsAndWarnings(JdbcTemplate jdbcTemplate) {
		return new RejectsAndWarnings(jdbcTemplate);
	}

	@Bean
	FileLedger fileLedger(JdbcClient jdbcClient, RejectsAndWarnings rejectsAndWarnings) {
		return new FileLedger(jdbcClient, rejectsAndWarnings);
	}

	/**
	 * The records: a DuckDB file beside the ledger's database, or the ledger's PostgreSQL
	 * database on the {@code postgres} profile. Closed with the application.
	 */
	@Bean
	RecordStore recordStore(DataSource dataSource, CifrasProperties properties, RecordStoreProperties settings,
			@Value("${spring.datasource.url:}") String ledgerUrl) {
		if (ledgerUrl.startsWith("jdbc:postgresql:")) {
			return new RecordStore(RecordStore.Engine.POSTGRESQL, dataSource, "PostgreSQL");
		}
		Path file = properties.dataDir().resolve(RecordStore.FILE_NAME);
		return new RecordStore(RecordStore.Engine.DUCKDB, new DuckDbDataSource(file, settings), file.toString());
	}

	@Bean
	CaseQueries caseQueries(RecordStore recordStore) {
		return new CaseQueries(recordStore::jdbc);
	}

	/**
	 * The zone of every time a person reads ({@code cifras.time-zone}, Chile's by
	 * default).
	 */
	@Bean
	ZoneId timeZone(@Value("${" + ChileTime.PROPERTY + ":}") String zone) {
		return ChileTime.zone(zone);
	}

	/** The day of the run: rows dated after it are rejected (rule 3). */
	@Bean
	LocalDate runDate(CifrasProperties properties, ZoneId timeZone) {
		return (properties.runDate() != null) ? properties.runDate() : LocalDate.now(timeZone);
	}

}
