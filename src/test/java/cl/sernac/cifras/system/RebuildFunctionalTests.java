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

}
