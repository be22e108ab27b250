package cl.sernac.cifras.system;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;

class ProgressTests {

	private static final long SECOND = 1_000_000_000L;

	private final AtomicLong clock = new AtomicLong(5 * SECOND);

	private final StringWriter bar = new StringWriter();

	private Progress progress(String word, PrintWriter terminal) {
		return new Progress(LoggerFactory.getLogger(ProgressTests.class), word, terminal, this.clock::get);
	}

	@Test
	void logsEachFileWithFilesDoneRowsPerSecondAndTimeLeftByTheWorkStillToDo() {
		Progress progress = progress("leídas", null);
		progress.start("Lectura", 3, 4_000_000);

		// a quarter of the work in 10 s: 30 s left
		this.clock.addAndGet(10 * SECOND);
		assertThat(progress.fileDone("callcenter_2014_01.csv", 120_000, 1_000_000, ""))
			.isEqualTo("callcenter_2014_01.csv: 120.000 filas leídas · 1 de 3 archivos · 12.000 filas/s · quedan 30 s");

		// three quarters in 90 s: 30 s left
		this.clock.addAndGet(80 * SECOND);
		assertThat(progress.fileDone("portal_2014_01.csv", 1_230_000, 2_000_000, ""))
			.isEqualTo("portal_2014_01.csv: 1.230.000 filas leídas · 2 de 3 archivos · 15.000 filas/s · quedan 30 s");

		// all of it in 150 s: nothing left
		this.clock.addAndGet(60 * SECOND);
		assertThat(progress.fileDone("oficina_2014_01.csv", 150_000, 1_000_000, ""))
			.isEqualTo("oficina_2014_01.csv: 150.000 filas leídas · 3 de 3 archivos · 10.000 filas/s · quedan 0 s");
	}

	@Test
	void putsTheFilesOwnFiguresAfterItsRowsAndCountsMinutes() {
		Progress progress = progress("", null);
		progress.start("Incorporación", 10, 10_000);
		this.clock.addAndGet(75 * SECOND);
		assertThat(progress.fileDone("municipal_2015_03.csv", 1_500, 1_000, ", 1.490 nuevos, 4 rechazadas"))
			.isEqualTo("municipal_2015_03.csv: 1.500 filas, 1.490 nuevos, 4 rechazadas · 1 de 10 archivos"
					+ " · 20 filas/s · quedan 11 min 15 s");
	}

	@Test
	void drawsABarInATerminalEndingTheLineAfterTheLastFile() {
		Progress progress = progress("leídas", new PrintWriter(this.bar));
		progress.start("Lectura", 2, 100);
		this.clock.addAndGet(SECOND);
		progress.fileDone("a.csv", 10, 50, "");
		assertThat(this.bar.toString())
			.isEqualTo("\r[###############...............]  50 % · 10 filas/s · quedan 1 s   ");
		this.clock.addAndGet(SECOND);
		progress.fileDone("b.csv", 10, 50, "");
		assertThat(this.bar.toString())
			.endsWith("\r[##############################] 100 % · 10 filas/s · quedan 0 s   " + System.lineSeparator());
	}

	@Test
	void startingAgainCountsFromNothing() {
		Progress progress = progress("leídas", null);
		progress.start("Lectura", 1, 100);
		progress.fileDone("a.csv", 10, 100, "");
		progress.start("Lectura", 2, 100);
		this.clock.addAndGet(SECOND);
		assertThat(progress.fileDone("b.csv", 7, 50, ""))
			.isEqualTo("b.csv: 7 filas leídas · 1 de 2 archivos" + " · 7 filas/s · quedan 1 s");
	}

}
