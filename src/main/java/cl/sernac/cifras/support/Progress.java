package cl.sernac.cifras.support;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.function.LongSupplier;

import org.slf4j.Logger;

/**
 * Progress of a long stage that works file by file (reading, applying): after each file,
 * a log line with the file's own figures, the files done, the rows per second so far and
 * the time left (estimated from the work still to do, in bytes), and a progress bar when
 * run in a terminal. Files may finish on several threads.
 * <p>
 * The time left is given only once it means something: after a tenth of the work and five
 * seconds, whichever comes later (the first files of a night, read while the database
 * warms up, once promised twelve hours). The log stays quiet: the stage's start, each
 * tenth of the work, a line at least every minute and the last file are logged at INFO;
 * the other files' lines at DEBUG.
 */
public final class Progress {

	private static final int BAR_WIDTH = 30;

	/** Share of the work done before the time left is estimated. */
	private static final double ESTIMATE_AFTER_WORK = 0.1;

	private static final long ESTIMATE_AFTER_NANOS = 5_000_000_000L;

	/** Longest time without a progress line at INFO. */
	private static final long INFO_EVERY_NANOS = 60_000_000_000L;

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

	/** Tenths of the work done when the last line at INFO was logged. */
	private long tenthsLogged;

	private long lastInfoNanos;

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
		this.tenthsLogged = 0;
		this.lastInfoNanos = this.startNanos;
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
		long now = this.nanoTime.getAsLong();
		double seconds = Math.max(1e-3, (now - this.startNanos) / 1e9);
		long rate = Math.round(this.rowsDone / seconds);
		String left = timeLeft(now - this.startNanos, seconds);
		String line = Printable.of(name) + ": " + ChileanFormat.integer(rows) + " filas"
				+ (this.rowsDoneWord.isEmpty() ? "" : " " + this.rowsDoneWord) + details + " · "
				+ ChileanFormat.integer(this.filesDone) + " de " + ChileanFormat.integer(this.filesTotal)
				+ " archivos · " + ChileanFormat.integer(rate) + " filas/s" + left;
		long tenths = (this.workTotal > 0) ? Math.min(10, 10 * this.workDone / this.workTotal) : 10;
		if (this.filesDone >= this.filesTotal || tenths > this.tenthsLogged
				|| now - this.lastInfoNanos >= INFO_EVERY_NANOS) {
			this.tenthsLogged = tenths;
			this.lastInfoNanos = now;
			this.logger.info("{}", line);
		}
		else {
			this.logger.debug("{}", line);
		}
		if (this.terminal != null) {
			long percent = (this.workTotal > 0) ? Math.min(100, 100 * this.workDone / this.workTotal) : 100;
			int filled = (int) (BAR_WIDTH * percent / 100);
			this.terminal.printf("\r[%s%s] %3d %% · %s filas/s%s   ", "#".repeat(filled),
					".".repeat(BAR_WIDTH - filled), percent, ChileanFormat.integer(rate), left);
			if (this.filesDone >= this.filesTotal) {
				this.terminal.println();
			}
			this.terminal.flush();
		}
		return line;
	}

	/**
	 * {@code " · quedan 3 min 5 s"} from the work still to do at the rate so far, or
	 * nothing while too little is done for the estimate to mean anything.
	 */
	private String timeLeft(long elapsedNanos, double seconds) {
		if (this.workDone >= this.workTotal) {
			return " · quedan 0 s";
		}
		if (this.workDone < ESTIMATE_AFTER_WORK * this.workTotal || elapsedNanos < ESTIMATE_AFTER_NANOS) {
			return "";
		}
		return " · quedan " + duration(Math.round(seconds * (this.workTotal - this.workDone) / this.workDone));
	}

	static String duration(long seconds) {
		Duration d = Duration.ofSeconds(seconds);
		return (d.toMinutes() > 0) ? d.toMinutes() + " min " + d.toSecondsPart() + " s" : d.toSeconds() + " s";
	}

}
