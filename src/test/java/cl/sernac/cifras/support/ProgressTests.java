package cl.sernac.cifras.support;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

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
		this.clock.addAndGet(5 * SECOND);
		progress.fileDone("a.csv", 50, 50, "");
		assertThat(this.bar.toString())
			.isEqualTo("\r[###############...............]  50 % · 10 filas/s · quedan 5 s   ");
		this.clock.addAndGet(5 * SECOND);
		progress.fileDone("b.csv", 50, 50, "");
		assertThat(this.bar.toString())
			.endsWith("\r[##############################] 100 % · 10 filas/s · quedan 0 s   " + System.lineSeparator());
	}

	@Test
	void startingAgainCountsFromNothing() {
		Progress progress = progress("leídas", null);
		progress.start("Lectura", 1, 100);
		progress.fileDone("a.csv", 10, 100, "");
		progress.start("Lectura", 2, 100);
		this.clock.addAndGet(5 * SECOND);
		assertThat(progress.fileDone("b.csv", 35, 50, ""))
			.isEqualTo("b.csv: 35 filas leídas · 1 de 2 archivos" + " · 7 filas/s · quedan 5 s");
	}

	@Test
	void givesNoTimeLeftBeforeATenthOfTheWorkAndFiveSeconds() {
		Progress progress = progress("leídas", new PrintWriter(this.bar));
		progress.start("Lectura", 100, 1_000_000);

		// a tenth of the work in 2 s: too soon
		this.clock.addAndGet(2 * SECOND);
		assertThat(progress.fileDone("a.csv", 2_000, 100_000, ""))
			.isEqualTo("a.csv: 2.000 filas leídas · 1 de 100 archivos · 1.000 filas/s");
		assertThat(this.bar.toString()).doesNotContain("quedan");

		// 5 s, but a twentieth of the work: still too little
		progress.start("Lectura", 100, 1_000_000);
		this.clock.addAndGet(5 * SECOND);
		assertThat(progress.fileDone("b.csv", 5_000, 50_000, "")).doesNotContain("quedan");

		// a tenth of the work and 6 s: 54 s left
		this.clock.addAndGet(SECOND);
		assertThat(progress.fileDone("c.csv", 1_000, 50_000, "")).endsWith(" · 1.000 filas/s · quedan 54 s");
		assertThat(this.bar.toString()).endsWith("  10 % · 1.000 filas/s · quedan 54 s   ");
	}

	@Test
	void logsAtInfoEachTenthOfTheWorkAMinuteAndTheLastFileTheOthersAtDebug() {
		Logger logger = (Logger) LoggerFactory.getLogger("progress-levels");
		logger.setLevel(Level.DEBUG);
		ListAppender<ILoggingEvent> events = new ListAppender<>();
		events.start();
		logger.addAppender(events);
		Progress progress = new Progress(logger, "leídas", null, this.clock::get);
		progress.start("Lectura", 200, 200);
		for (int i = 1; i <= 200; i++) {
			// the 150th file takes two minutes
			this.clock.addAndGet((i == 150) ? 120 * SECOND : SECOND / 10);
			progress.fileDone("f" + i + ".csv", 1, 1, "");
		}

		List<String> info = events.list.stream()
			.filter((e) -> e.getLevel() == Level.INFO)
			.map(ILoggingEvent::getFormattedMessage)
			.map((line) -> line.substring(0, line.indexOf(':')))
			.toList();
		assertThat(info).containsExactly("Lectura", "f20.csv", "f40.csv", "f60.csv", "f80.csv", "f100.csv", "f120.csv",
				"f140.csv", "f150.csv", "f160.csv", "f180.csv", "f200.csv");
		assertThat(events.list.stream().filter((e) -> e.getLevel() == Level.DEBUG)).hasSize(200 - 11);
	}

}
