package cl.sernac.cifras.system;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.Map;

import cl.sernac.cifras.ChildRun;
import cl.sernac.cifras.CifrasRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two runs started at once on the same data folder: exactly one works.
 */
class SingleRunFunctionalTests {

	@TempDir
	Path root;

	@Test
	void secondRunExitsAtOnceAndTouchesNothing() throws Exception {
		// given a run that holds the data folder (paused after admitting its files)
		CifrasRun run = CifrasRun.in(this.root).withInputFrom(Path.of("src/test/resources/samples"));
		ChildRun first = ChildRun.start(run, Map.of("CIFRAS_PAUSE_AT", "plan:4000"));
		assertThat(first.awaitOutput("CIFRAS-PAUSE plan", 120)).as(first.output()).isTrue();

		// when a second run starts meanwhile
		ChildRun second = ChildRun.start(run, Map.of());
		int secondExit = second.waitForExit(60);

		// then it exits with its own status and message, and the first completes alone
		assertThat(secondExit).as(second.output()).isEqualTo(CifrasExit.ALREADY_RUNNING);
		assertThat(second.output()).contains("ya hay una ejecución en curso");
		assertThat(run.output().resolve("tables/by_channel_year.csv")).doesNotExist();
		assertThat(first.waitForExit(120)).as(first.output()).isZero();
		try (Connection db = run.database();
				ResultSet rs = db.createStatement().executeQuery("SELECT COUNT(*) FROM BATCH_JOB_INSTANCE")) {
			rs.next();
			assertThat(rs.getLong(1)).as("job instances: only the first run's").isEqualTo(1);
		}
		assertThat(Files.readAllLines(run.output().resolve("tables/by_channel_year.csv"))).hasSize(1 + 51);
	}

}
