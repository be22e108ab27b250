package cl.sernac.cifras.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.stream.Stream;

import cl.sernac.cifras.ChildRun;
import cl.sernac.cifras.CifrasRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A data folder written by the previous version, whose records were rows of the H2
 * database: the first run recognises it, says what it does in Spanish, and rebuilds the
 * records from the archived files; the two stores are never mixed.
 */
class UpgradeFunctionalTests {

	private static final Path PREVIOUS = Path.of("src/test/resources/upgrade/previous-version");

	/** Where the previous version ran: the ledger keeps the archive's paths under it. */
	private static final String WRITTEN_AT = "/tmp/old/";

	@TempDir
	Path root;

	@Test
	void aDataFolderOfThePreviousVersionIsRebuiltFromTheArchive() throws Exception {
		// given the input and data folders the previous version left
		CifrasRun run = previousVersionFolders();

		// when the new version runs on them
		ChildRun upgrade = ChildRun.start(run, Map.of());

		// then it says what it found and what it does, and rebuilds the same figures
		assertThat(upgrade.waitForExit(180)).as(upgrade.output()).isZero();
		assertThat(upgrade.output()).contains("no corresponden a los archivos ya incorporados")
			.contains("18 de 18 archivos incorporados no están en ellos")
			.contains("la carpeta de datos es de una versión anterior de Cifras")
			.contains("Se reconstruyen desde los archivos archivados");
		assertThat(run.outputFile("tables/by_channel_year.csv"))
			.isEqualTo(Files.readString(PREVIOUS.resolve("by_channel_year.csv")));
		try (Connection records = run.records()) {
			assertThat(count(records, "SELECT COUNT(*) FROM counted_case")).isEqualTo(305);
			assertThat(count(records, "SELECT COUNT(*) FROM merged_file")).isEqualTo(18);
		}
		// and the old records are gone from the ledger's database
		try (Connection db = run.database()) {
			assertThat(count(db, "SELECT COUNT(*) FROM ingest_file WHERE status <> 'MERGED'")).isZero();
			assertThat(
					count(db,
							"SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_NAME IN"
									+ " ('INTAKE_RECORD', 'CASE_CELL', 'STORE_CODE', 'COUNTED_CASE', 'RECORD_TEXT')"))
				.isZero();
		}

		// and the next run finds the store in order: nothing rebuilt again
		ChildRun nightly = ChildRun.start(run, Map.of());
		assertThat(nightly.waitForExit(120)).as(nightly.output()).isZero();
		assertThat(nightly.output()).doesNotContain("no corresponden").doesNotContain("Reconstrucción");
		assertThat(run.outputFile("tables/by_channel_year.csv"))
			.isEqualTo(Files.readString(PREVIOUS.resolve("by_channel_year.csv")));
	}

	@Test
	void aMissingArchivedFileStopsTheUpgradeWithWhatToDo() throws Exception {
		// given the previous version's folders with one archived file gone
		CifrasRun run = previousVersionFolders();
		Path archived = run.input().resolve("archivo/000014_oficina_2015.csv");
		Path kept = this.root.resolve("000014_oficina_2015.csv");
		Files.move(archived, kept);

		// when the new version runs
		ChildRun upgrade = ChildRun.start(run, Map.of());

		// then it stops, naming the file and what to do
		assertThat(upgrade.waitForExit(180)).as(upgrade.output()).isEqualTo(CifrasExit.FAILED);
		assertThat(upgrade.output()).contains("no corresponden a los archivos ya incorporados")
			.contains("Reconstrucción cancelada, sin cambiar nada: falta el archivo")
			.contains("000014_oficina_2015.csv")
			.contains("cada ejecución intentará de nuevo la reconstrucción");

		// and once the file is back, the next run rebuilds the same figures
		Files.move(kept, archived);
		ChildRun next = ChildRun.start(run, Map.of());
		assertThat(next.waitForExit(180)).as(next.output()).isZero();
		assertThat(run.outputFile("tables/by_channel_year.csv"))
			.isEqualTo(Files.readString(PREVIOUS.resolve("by_channel_year.csv")));
	}

	private CifrasRun previousVersionFolders() throws Exception {
		CifrasRun run = CifrasRun.in(this.root);
		copyTree(PREVIOUS.resolve("input"), run.input());
		copyTree(PREVIOUS.resolve("ledger"), run.data());
		// the folders moved with the installation: the ledger's paths as they are here
		try (Connection db = run.database(); Statement sql = db.createStatement()) {
			sql.executeUpdate("UPDATE ingest_file SET file_path = REPLACE(file_path, '" + WRITTEN_AT + "', '"
					+ this.root.toAbsolutePath() + "/')");
		}
		return run;
	}

	private static void copyTree(Path from, Path to) throws IOException {
		try (Stream<Path> files = Files.walk(from)) {
			for (Path file : files.toList()) {
				Path target = to.resolve(from.relativize(file).toString());
				if (Files.isDirectory(file)) {
					Files.createDirectories(target);
				}
				else {
					Files.copy(file, target);
				}
			}
		}
	}

	private static long count(Connection db, String sql) throws Exception {
		try (Statement statement = db.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
			rs.next();
			return rs.getLong(1);
		}
	}

}
