package cl.sernac.cifras.system;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.function.LongSupplier;

import cl.sernac.cifras.normalize.Printable;
import cl.sernac.cifras.report.ChileanFormat;
import org.slf4j.Logger;

/**
 * Progress of a long stage that works file by file (reading, applying): after each file,
 * a log line with the file's own figures, the files done, the rows per second so far and
 * the time left (estimated from the work still to do, in bytes), and a progress bar when
 * run in a terminal. Files may finish on several threads.
 */
public final class Progress {

	private static final int BAR_WIDTH = 30;

	private final Logger logger;

	private final String rowsDoneWord;

	private final PrintWriter terminal;

	private final LongSupplier nanoTime;

	private int filesTotal;

	private long workTotal;

	private int filesDone;

	private long workDone;

	private long rowsDone;

	private long startNanos;

	/**
	 * @param logger where the lines go (the stage's own logger)
	 * @param rowsDoneWord what became of a file's rows, in Spanish ("leídas"), or an
	 * empty string
	 * @param terminal where the bar is drawn, or null when not run in a terminal
	 * @param nanoTime the clock ({@code System::nanoTime})
	 */
	public Progress(Logger logger, String rowsDoneWord, PrintWriter terminal, LongSupplier nanoTime) {
		this.logger = logger;
		this.rowsDoneWord = rowsDoneWord;
		this.terminal = terminal;
		this.nanoTime = nanoTime;
	}

	/** Progress of this process, drawn on its terminal if it has one. */
	public static Progress ofThisProcess(Logger logger, String rowsDoneWord) {
		return new Progress(logger, rowsDoneWord, (System.console() != null) ? System.console().writer() : null,
				System::nanoTime);
	}

	/**
	 * Starts the stage (again): logs what it has to do.
	 * @param stage the stage's name, in Spanish ("Lectura")
	 * @param files files to do
	 * @param work their size in bytes
	 */
	public synchronized void start(String stage, int files, long work) {
		this.filesTotal = files;
		this.workTotal = work;
		this.filesDone = 0;
		this.workDone = 0;
		this.rowsDone = 0;
		this.startNanos = this.nanoTime.getAsLong();
		if (files > 0) {
			this.logger.info("{}: {} archivos, {} MB", stage, ChileanFormat.integer(files),
					ChileanFormat.integer(Math.round(work / 1e6)));
		}
	}

	/**
	 * Counts a file done and logs it.
	 * @param name the file's name
	 * @param rows its rows
	 * @param work its size in bytes, as counted by {@link #start}
	 * @param details the file's own figures after its rows, or an empty string
	 * @return the line logged
	 */
	public synchronized String fileDone(String name, long rows, long work, String details) {
		this.filesDone++;
		this.workDone += work;
		this.rowsDone += rows;
		double seconds = Math.max(1e-3, (this.nanoTime.getAsLong() - this.startNanos) / 1e9);
		long rate = Math.round(this.rowsDone / seconds);
		long left = (this.workDone > 0)
				? Math.round(seconds * Math.max(0, this.workTotal - this.workDone) / this.workDone) : 0;
		String line = Printable.of(name) + ": " + ChileanFormat.integer(rows) + " filas"
				+ (this.rowsDoneWord.isEmpty() ? "" : " " + this.rowsDoneWord) + details + " · "
				+ ChileanFormat.integer(this.filesDone) + " de " + ChileanFormat.integer(this.filesTotal)
				+ " archivos · " + ChileanFormat.integer(rate) + " filas/s · quedan " + duration(left);
		this.logger.info("{}", line);
		if (this.terminal != null) {
			long percent = (this.workTotal > 0) ? Math.min(100, 100 * this.workDone / this.workTotal) : 100;
			int filled = (int) (BAR_WIDTH * percent / 100);
			this.terminal.printf("\r[%s%s] %3d %% · %s filas/s · quedan %s   ", "#".repeat(filled),
					".".repeat(BAR_WIDTH - filled), percent, ChileanFormat.integer(rate), duration(left));
			if (this.filesDone >= this.filesTotal) {
				this.terminal.println();
			}
			this.terminal.flush();
		}
		return line;
	}

	static String duration(long seconds) {
		Duration d = Duration.ofSeconds(seconds);
		return (d.toMinutes() > 0) ? d.toMinutes() + " min " + d.toSecondsPart() + " s" : d.toSeconds() + " s";
	}

}
