package cl.sernac.cifras.system;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.UUID;

import cl.sernac.cifras.ledger.FileLedger;
import cl.sernac.cifras.ledger.RejectsAndWarnings;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The RUT key belongs to the store: adopted once (environment, then the file of earlier
 * versions, then a new one), then the store's whatever the data folder says.
 */
class RutSecretTests {

	private static final String ENVIRONMENT_KEY = "a key given by the environment, long enough";

	@TempDir
	Path dataDir;

	private JdbcClient jdbc;

	private FileLedger ledger;

	@BeforeEach
	void migratedStore() {
		String url = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
		Flyway.configure()
			.dataSource(url, "sa", "")
			.locations("classpath:db/migration/common", "classpath:db/migration/h2")
			.load()
			.migrate();
		SimpleDriverDataSource dataSource = new SimpleDriverDataSource(new org.h2.Driver(), url, "sa", "");
		this.jdbc = JdbcClient.create(dataSource);
		this.ledger = new FileLedger(this.jdbc, new RejectsAndWarnings(new JdbcTemplate(dataSource)));
	}

	@Test
	void aNewStoreGetsANewKeyThatStaysAndNoFile() throws Exception {
		byte[] first = RutSecret.load(this.jdbc, this.ledger, null, this.dataDir);
		assertThat(first).hasSize(32);
		assertThat(origin()).isEqualTo("generated");
		assertThat(RutSecret.load(this.jdbc, this.ledger, "", this.dataDir)).isEqualTo(first);
		assertThat(this.dataDir.resolve(RutSecret.FILE_NAME)).doesNotExist();
	}

	@Test
	void aStoreOfAnEarlierVersionAdoptsItsDataFoldersKeyFile() throws Exception {
		byte[] legacy = legacyKeyFile();
		assertThat(RutSecret.load(this.jdbc, this.ledger, null, this.dataDir)).isEqualTo(legacy);
		assertThat(origin()).isEqualTo("file");
		// from now on the store's key, whatever file another folder holds
		Files.writeString(this.dataDir.resolve(RutSecret.FILE_NAME), Base64.getEncoder().encodeToString(new byte[32]));
		assertThat(RutSecret.load(this.jdbc, this.ledger, null, this.dataDir)).isEqualTo(legacy);
	}

	@Test
	void theEnvironmentsKeyIsAdoptedBeforeTheFile() throws Exception {
		legacyKeyFile();
		byte[] adopted = RutSecret.load(this.jdbc, this.ledger, "  " + ENVIRONMENT_KEY + "\n", this.dataDir);
		assertThat(adopted).isEqualTo(ENVIRONMENT_KEY.getBytes(StandardCharsets.UTF_8));
		assertThat(origin()).isEqualTo("environment");
		assertThat(RutSecret.load(this.jdbc, this.ledger, ENVIRONMENT_KEY, this.dataDir)).isEqualTo(adopted);
		assertThat(RutSecret.load(this.jdbc, this.ledger, null, this.dataDir)).isEqualTo(adopted);
	}

	@Test
	void anotherKeyInTheEnvironmentIsRefused() throws Exception {
		byte[] stored = RutSecret.load(this.jdbc, this.ledger, null, this.dataDir);
		assertThatExceptionOfType(RutSecret.Mismatch.class)
			.isThrownBy(() -> RutSecret.load(this.jdbc, this.ledger, ENVIRONMENT_KEY, this.dataDir))
			.withMessageContaining("CIFRAS_RUT_SECRET no es la clave con que esta base de datos cifra los RUT")
			.satisfies((ex) -> assertThat(ex.getExitCode()).isEqualTo(CifrasExit.FAILED));
		assertThat(RutSecret.load(this.jdbc, this.ledger, null, this.dataDir)).isEqualTo(stored);
	}

	private byte[] legacyKeyFile() throws Exception {
		byte[] key = new byte[32];
		key[0] = 7;
		key[31] = 42;
		Files.writeString(this.dataDir.resolve(RutSecret.FILE_NAME), Base64.getEncoder().encodeToString(key) + "\n");
		return key;
	}

	private String origin() {
		return this.jdbc.sql("SELECT origin FROM store_secret").query(String.class).single();
	}

}
