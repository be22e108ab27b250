package cl.sernac.cifras.system;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import cl.sernac.cifras.ChildRun;
import cl.sernac.cifras.CifrasRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code --schedule}: the process stays up and runs on its cron expression, taking files
 * dropped between runs, until it is stopped.
 */
class ScheduleFunctionalTests {

	private static final String HEADER = "fecha,comuna_visitada,programa,correlativo,tipo,rut,mercado\n";

	@TempDir
	Path root;

	@Test
	void runsOnTheScheduleUntilStopped() throws Exception {
		// given a process scheduled every two seconds
		CifrasRun run = CifrasRun.in(this.root);
		Files.writeString(run.input().resolve("movil_2016_01.csv"),
				HEADER + "2016-01-05,Quillota,x,1,consulta,,SALUD\n");
		ChildRun scheduled = ChildRun.start(run, Map.of(), "--cifras.schedule=*/2 * * * * *");

		// when it has run once and a new file arrives
		assertThat(scheduled.awaitOutput("Ejecución N° 1 terminada", 120)).as(scheduled.output()).isTrue();
		Files.writeString(run.input().resolve("movil_2016_02.csv"),
				HEADER + "2016-02-05,Quillota,x,1,reclamo,,SALUD\n");

		// then a later scheduled run takes it, and SIGTERM ends the process
		assertThat(scheduled.awaitOutput("Ejecución N° 2 terminada", 120)).as(scheduled.output()).isTrue();
		scheduled.terminate();
		scheduled.waitForExit(60);
		assertThat(Files.readAllLines(run.output().resolve("tables/by_channel_year.csv"))).containsExactly(
				"record_type,subtype,channel,year,records", "CONSULTA,,MOVIL,2016,1", "RECLAMO,,MOVIL,2016,1");
	}

}
