package cl.sernac.cifras.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import cl.sernac.cifras.ChildRun;
import cl.sernac.cifras.CifrasRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A report period with no counted case never replaces a good report: the run reads and
 * applies its files, writes nothing and exits 2, and is not resumed by the next run.
 */
class EmptyPeriodFunctionalTests {

	private static final Path SAMPLES = Path.of("src/test/resources/samples");

	@TempDir
	Path root;

	@Test
	void aPeriodWithNoCaseIsRefusedLeavingEveryOutputAsItWas() throws Exception {
		// given the samples' report (cases from 2014 to 2016), and a new file delivered
		CifrasRun run = CifrasRun.in(this.root).withInputFrom(SAMPLES);
		assertThat(run.run()).isZero();
		Map<Path, Output> before = outputs(run.output());
		assertThat(before).containsKeys(Path.of("index.html"), Path.of("rejects.csv"), Path.of("run_summary.json"),
				Path.of("tables/by_channel_year.csv"));
		Thread.sleep(1100);
		Files.writeString(run.input().resolve("movil_2016_12.csv"),
				"fecha,comuna_visitada,programa,correlativo,tipo,rut,mercado\n"
						+ "2016-12-05,Cabildo,Plaza de servicios,99,reclamo,,COMERCIO\n",
				StandardCharsets.UTF_8);

		// when a run asks for 2019-2020
		ChildRun refused = ChildRun.start(run, Map.of(), "--cifras.report.from-year=2019",
				"--cifras.report.to-year=2020");
		int exit = refused.waitForExit(180);

		// then it is refused as a bad command line, saying why
		assertThat(exit).as(refused.output()).isEqualTo(CifrasExit.USAGE);
		assertThat(refused.output())
			.contains("ERROR CifrasRunner: Ejecución N° 2: No hay casos contados en el período del"
					+ " informe (del 2019 al 2020; hay casos del 2014 al 2016): no se escribe ningún resultado y los de la"
					+ " carpeta de salida quedan como estaban. El archivo leído en esta ejecución sí quedó ingresado.")
			.contains("movil_2016_12.csv")
			.doesNotContain("Ejecución N° 2 terminada");
		// and every output is byte for byte the one before, untouched, with nothing added
		assertThat(outputs(run.output())).isEqualTo(before);
		// and the new file was read and applied all the same, by a run that is complete
		try (Connection db = run.database()) {
			assertThat(query(db, "SELECT status FROM ingest_file WHERE file_name = 'movil_2016_12.csv'"))
				.isEqualTo("MERGED");
			try (Connection records = run.records()) {
				assertThat(query(records, "SELECT COUNT(*) FROM counted_case")).isEqualTo("306");
			}
			assertThat(query(db,
					"SELECT STATUS || ' ' || EXIT_CODE FROM BATCH_JOB_EXECUTION"
							+ " WHERE JOB_EXECUTION_ID = (SELECT MAX(JOB_EXECUTION_ID) FROM BATCH_JOB_EXECUTION)"))
				.isEqualTo("COMPLETED EMPTY_PERIOD");
		}

		// when the next run asks for no period
		ChildRun next = ChildRun.start(run, Map.of());

		// then it runs normally, resumes nothing, and the report counts the new case
		assertThat(next.waitForExit(180)).as(next.output()).isZero();
		assertThat(next.output()).doesNotContain("Se reanuda").contains("Ejecución N° 3 terminada");
		assertThat(run.outputFile("tables/by_channel_year.csv")).contains("RECLAMO,,MOVIL,2016,")
			.isNotEqualTo(
					new String(before.get(Path.of("tables/by_channel_year.csv")).bytes(), StandardCharsets.UTF_8));
		assertThat(run.outputFile("run_summary.json")).contains("\"runId\" : 3").contains("\"casesInStore\" : 306");
	}

	@Test
	void anEmptyStoreGivesAnEmptyReportUnlessAPeriodIsAskedFor() throws Exception {
		// given no file at all
		CifrasRun run = CifrasRun.in(this.root);

		// when a first run asks for a period, it is refused and writes nothing
		assertThat(run.run("--cifras.report.from-year=2015")).isEqualTo(CifrasExit.USAGE);
		try (Stream<Path> files = Files.walk(run.output())) {
			assertThat(files.filter(Files::isRegularFile)).isEmpty();
		}

		// when the next run asks for none, the report of an empty store is written
		assertThat(run.run()).isZero();
		assertThat(run.output().resolve("index.html")).isRegularFile();
		assertThat(run.outputFile("run_summary.json")).contains("\"casesInStore\" : 0");
	}

	private static Map<Path, Output> outputs(Path dir) throws IOException {
		Map<Path, Output> outputs = new TreeMap<>();
		try (Stream<Path> files = Files.walk(dir)) {
			for (Path file : files.filter(Files::isRegularFile).toList()) {
				outputs.put(dir.relativize(file),
						new Output(Files.readAllBytes(file), Files.getLastModifiedTime(file)));
			}
		}
		return outputs;
	}

	private static String query(Connection db, String sql) throws SQLException {
		try (Statement statement = db.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
			assertThat(rs.next()).as(sql).isTrue();
			return rs.getString(1);
		}
	}

	private record Output(byte[] bytes, FileTime modified) {

		@Override
		public boolean equals(Object other) {
			return other instanceof Output that && Arrays.equals(this.bytes, that.bytes)
					&& this.modified.equals(that.modified);
		}

		@Override
		public int hashCode() {
			return Arrays.hashCode(this.bytes);
		}

		@Override
		public String toString() {
			return this.bytes.length + " bytes, modified " + this.modified;
		}

	}

}
