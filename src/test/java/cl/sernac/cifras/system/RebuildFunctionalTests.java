package cl.sernac.cifras.system;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import cl.sernac.cifras.ChildRun;
import cl.sernac.cifras.CifrasRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Nightly runs one by one, then {@code --rebuild}: exactly the same figures.
 */
class RebuildFunctionalTests {

	private static final Path SAMPLES = Path.of("src/test/resources/samples");

	@TempDir
	Path root;

	@Test
	void rebuildFromTheArchiveGivesTheFiguresOfTheNightlyRuns() throws Exception {
		// given the samples delivered year by year, one nightly run each
		CifrasRun run = CifrasRun.in(this.root);
		for (String year : List.of("2014", "2015", "2016")) {
			try (Stream<Path> files = Files.list(SAMPLES)) {
				for (Path file : files.filter((f) -> f.getFileName().toString().contains(year)).toList()) {
					Files.copy(file, run.input().resolve(file.getFileName()));
				}
			}
			assertThat(run.run()).isZero();
		}
		String nightlyTable = run.outputFile("tables/by_channel_year.csv");
		String nightlyRejects = run.outputFile("rejects.csv");
		assertThat(nightlyTable.lines()
			.skip(1)
			.mapToLong((l) -> Long.parseLong(l.substring(l.lastIndexOf(',') + 1)))
			.sum()).isEqualTo(305);

		// when the store is rebuilt from the archive
		assertThat(run.run("--cifras.rebuild=true")).isZero();

		// then the figures are the same
		assertThat(run.outputFile("tables/by_channel_year.csv")).isEqualTo(nightlyTable);
		assertThat(run.outputFile("rejects.csv")).isEqualTo(nightlyRejects);
		assertThat(run.outputFile("resumen_ejecucion.txt")).contains("reprocesado");
	}

	@Test
	void rebuildWithAnArchivedFileMissingChangesNothingAndDoesNotJamTheNights() throws Exception {
		// given the samples ingested, and one archived file gone
		CifrasRun run = CifrasRun.in(this.root).withInputFrom(SAMPLES);
		assertThat(run.run()).isZero();
		String table = run.outputFile("tables/by_channel_year.csv");
		Path archived;
		try (Stream<Path> files = Files.list(run.input().resolve("archivo"))) {
			archived = files.filter((f) -> f.getFileName().toString().endsWith("_oficina_2015.csv"))
				.findFirst()
				.orElseThrow();
		}
		Path kept = this.root.resolve(archived.getFileName());
		Files.move(archived, kept);

		// when a rebuild is asked for
		ChildRun rebuild = ChildRun.start(run, Map.of(), "--cifras.rebuild=true");

		// then it is refused with what to do, and nothing changes
		assertThat(rebuild.waitForExit(120)).as(rebuild.output()).isEqualTo(CifrasExit.FAILED);
		assertThat(rebuild.output()).contains("Reconstrucción cancelada, sin cambiar nada: falta el archivo")
			.contains("oficina_2015.csv");
		assertThat(run.outputFile("tables/by_channel_year.csv")).isEqualTo(table);

		// and the next nightly runs do not resume the refused rebuild
		for (int night = 0; night < 2; night++) {
			ChildRun nightly = ChildRun.start(run, Map.of());
			assertThat(nightly.waitForExit(120)).as(nightly.output()).isZero();
			assertThat(nightly.output()).doesNotContain("Se reanuda");
			assertThat(run.outputFile("tables/by_channel_year.csv")).isEqualTo(table);
		}

		// and once the file is back, the rebuild gives the same figures
		Files.move(kept, archived);
		assertThat(run.run("--cifras.rebuild=true")).isZero();
		assertThat(run.outputFile("tables/by_channel_year.csv")).isEqualTo(table);
	}

	@Test
	void rebuildLeavesOutAFileTheConfigurationNoLongerReadsAndTheNightsGoOn() throws Exception {
		// given the samples ingested
		CifrasRun run = CifrasRun.in(this.root).withInputFrom(SAMPLES);
		assertThat(run.run()).isZero();
		String table = run.outputFile("tables/by_channel_year.csv");

		// when the office's comuna column is renamed by configuration and the store
		// rebuilt
		String renamed = "--cifras.sources.oficina.columns.comuna=COMUNA_ATENCION";
		ChildRun rebuild = ChildRun.start(run, Map.of(), "--cifras.rebuild=true", renamed);

		// then the office's archived files are reported and left out, the others counted
		assertThat(rebuild.waitForExit(120)).as(rebuild.output()).isEqualTo(CifrasExit.FILES_LEFT_OUT);
		assertThat(rebuild.output())
			.contains("oficina_2015.csv: Quedó fuera de la reconstrucción: faltan columnas obligatorias según la"
					+ " configuración actual: COMUNA_ATENCION")
			.contains("la reconstrucción dejó fuera 3 archivos")
			.doesNotContain("\tat ")
			.doesNotContain("Exception");
		String summary = run.outputFile("resumen_ejecucion.txt");
		assertThat(summary).contains("oficina_2014.csv").contains("Quedó fuera de la reconstrucción");
		assertThat(run.outputFile("run_summary.json")).contains("Quedó fuera de la reconstrucción");
		String leftOut = run.outputFile("tables/by_channel_year.csv");
		assertThat(leftOut).isNotEqualTo(table).doesNotContain(",OFICINA,");
		assertThat(leftOut.lines().filter((l) -> l.contains(",PORTAL,")).toList())
			.isEqualTo(table.lines().filter((l) -> l.contains(",PORTAL,")).toList());

		// and the next nightly run is a normal run, not a retry of the rebuild
		ChildRun nightly = ChildRun.start(run, Map.of(), renamed);
		assertThat(nightly.waitForExit(120)).as(nightly.output()).isZero();
		assertThat(nightly.output()).doesNotContain("Se reanuda").doesNotContain("Reconstrucción");
		assertThat(run.outputFile("tables/by_channel_year.csv")).isEqualTo(leftOut);

		// and with the configuration restored, a rebuild gives the original figures
		assertThat(run.run("--cifras.rebuild=true")).isZero();
		assertThat(run.outputFile("tables/by_channel_year.csv")).isEqualTo(table);
	}

}
