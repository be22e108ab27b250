package cl.sernac.cifras.system;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import cl.sernac.cifras.ChildRun;
import cl.sernac.cifras.CifrasRun;
import cl.sernac.cifras.SqlRows;
import cl.sernac.cifras.normalize.RutHasher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The RUT key lives in the store (H2 here): a data folder of an earlier version hands its
 * key over and keeps its hashes; a different key in the environment is refused.
 */
class RutSecretFunctionalTests {

	private static final Path SAMPLES = Path.of("src/test/resources/samples");

	/** A person of callcenter_2014.csv, in the canonical form the hash takes. */
	private static final String RUT = "24203671-9";

	private static final String EXTRA_FILE = "movil_2016_extra.csv";

	private static final String EXTRA = """
			fecha,comuna_visitada,programa,correlativo,tipo,rut,mercado
			2016-11-04,Quillota,Plaza de servicios,91,consulta,24.203.671-9,COMERCIO
			""";

	@TempDir
	Path root;

	@Test
	void aDataFolderOfAnEarlierVersionKeepsItsHashes() throws Exception {
		// given a data folder as an earlier version left it: the key in rut-secret.key
		// and a store hashed with it, without the store_secret table
		CifrasRun run = CifrasRun.in(this.root).withInputFrom(SAMPLES);
		byte[] key = new byte[32];
		new SecureRandom().nextBytes(key);
		Files.createDirectories(run.data());
		Files.writeString(run.data().resolve(RutSecret.FILE_NAME), Base64.getEncoder().encodeToString(key) + "\n");
		assertThat(run.run()).isZero();
		String hash = Long.toString(Long.parseUnsignedLong(new RutHasher(key).hash(RUT), 16));
		List<String> peopleBefore;
		try (Connection db = run.database(); Statement sql = db.createStatement()) {
			sql.execute("DROP TABLE store_secret");
			// the migrations after it are undone too (V11 only changes sequences, V12
			// drops
			// what is gone already: they run again)
			sql.execute("DELETE FROM \"flyway_schema_history\" WHERE \"version\" IN ('10', '11', '12')");
		}
		try (Connection records = run.records()) {
			peopleBefore = SqlRows.of(records, "SELECT COUNT(DISTINCT rut_hash) FROM intake_record");
			assertThat(SqlRows.of(records, "SELECT COUNT(*) FROM intake_record WHERE rut_hash = " + hash))
				.as("the sample's record, hashed with the folder's key")
				.containsExactly("1|");
		}

		// when the next run migrates the store and reads an export with the same person
		Files.writeString(run.input().resolve(EXTRA_FILE), EXTRA);
		assertThat(run.run()).isZero();

		// then the store keeps the folder's key, and the new record hashes the person
		// alike
		try (Connection db = run.database()) {
			assertThat(SqlRows.of(db, "SELECT rut_secret, origin FROM store_secret"))
				.containsExactly(Base64.getEncoder().encodeToString(key) + "|file|");
		}
		try (Connection records = run.records()) {
			assertThat(SqlRows.of(records, "SELECT COUNT(*) FROM intake_record WHERE rut_hash = " + hash))
				.containsExactly("2|");
			assertThat(SqlRows.of(records, "SELECT COUNT(DISTINCT rut_hash) FROM intake_record"))
				.isEqualTo(peopleBefore);
		}
	}

	@Test
	void anotherKeyInTheEnvironmentStopsTheRunBeforeItReadsAnything() throws Exception {
		// given a store with its key
		CifrasRun run = CifrasRun.in(this.root).withInputFrom(SAMPLES);
		assertThat(run.run()).isZero();
		List<String> secretBefore;
		try (Connection db = run.database()) {
			secretBefore = SqlRows.of(db, "SELECT rut_secret FROM store_secret");
		}
		Files.writeString(run.input().resolve(EXTRA_FILE), EXTRA);

		// when a run is given another key
		ChildRun other = ChildRun.start(run,
				Map.of(RutSecret.ENVIRONMENT_VARIABLE, "otra clave, de otra instalación, bastante larga"));
		int exit = other.waitForExit(120);

		// then it stops, saying why, and changes nothing
		assertThat(exit).as(other.output()).isEqualTo(CifrasExit.FAILED);
		assertThat(other.output()).contains("CIFRAS_RUT_SECRET no es la clave con que esta base de datos cifra los RUT")
			.contains("Quite CIFRAS_RUT_SECRET del entorno")
			.doesNotContain("\tat ");
		assertThat(run.input().resolve(EXTRA_FILE)).exists();
		try (Connection db = run.database()) {
			assertThat(SqlRows.of(db, "SELECT rut_secret FROM store_secret")).isEqualTo(secretBefore);
			assertThat(SqlRows.of(db, "SELECT COUNT(*) FROM BATCH_JOB_INSTANCE")).containsExactly("1|");
		}
	}

}
