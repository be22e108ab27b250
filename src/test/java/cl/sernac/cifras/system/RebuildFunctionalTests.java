package cl.sernac.cifras.system;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

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

}
