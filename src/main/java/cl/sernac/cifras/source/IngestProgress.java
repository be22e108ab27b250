package cl.sernac.cifras.source;

import java.io.Console;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import cl.sernac.cifras.report.ChileanFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.ExitStatus;

/**
 * Progress of the reading stage, per file and overall: rows per second and time left
 * (estimated from the bytes still to read), in the log, and as a progress bar when run in
 * a terminal.
 */
public class IngestProgress implements StepExecutionListener {

	private static final Logger logger = LoggerFactory.getLogger(IngestProgress.class);

	private final Console console = System.console();

	private final AtomicInteger filesDone = new AtomicInteger();

	private final AtomicLong bytesDone = new AtomicLong();

	private final AtomicLong rowsDone = new AtomicLong();

	private volatile int filesTotal;

	private volatile long bytesTotal;

	private volatile long startNanos;

	/** Called once the files to read are known. */
	void start(int files, long bytes) {
		this.filesTotal = files;
		this.bytesTotal = bytes;
		this.filesDone.set(0);
		this.bytesDone.set(0);
		this.rowsDone.set(0);
		this.startNanos = System.nanoTime();
		if (files > 0) {
			logger.info("Lectura: {} archivos, {} MB", files, ChileanFormat.integer(Math.round(bytes / 1e6)));
		}
	}

	@Override
	public ExitStatus afterStep(StepExecution stepExecution) {
		String file = stepExecution.getExecutionContext().getString(IngestConfiguration.FILE_PATH, "?");
		long bytes = stepExecution.getExecutionContext().getLong(IngestConfiguration.FILE_BYTES, 0L);
		long rows = stepExecution.getReadCount();
		int done = this.filesDone.incrementAndGet();
		long bytesSoFar = this.bytesDone.addAndGet(bytes);
		long rowsSoFar = this.rowsDone.addAndGet(rows);
		double seconds = Math.max(1e-3, (System.nanoTime() - this.startNanos) / 1e9);
		long rate = Math.round(rowsSoFar / seconds);
		long left = (bytesSoFar > 0) ? Math.round(seconds * (this.bytesTotal - bytesSoFar) / bytesSoFar) : 0;
		String name = Path.of(file).getFileName().toString();
		logger.info("{}: {} filas leídas · {} de {} archivos · {} filas/s · quedan {}", name,
				ChileanFormat.integer(rows), done, this.filesTotal, ChileanFormat.integer(rate), duration(left));
		if (this.console != null) {
			int width = 30;
			int filled = (this.bytesTotal > 0) ? (int) (width * bytesSoFar / this.bytesTotal) : width;
			this.console.writer()
				.printf("\r[%s%s] %3d %% · %s filas/s · quedan %s   ", "#".repeat(filled), ".".repeat(width - filled),
						(this.bytesTotal > 0) ? 100 * bytesSoFar / this.bytesTotal : 100, ChileanFormat.integer(rate),
						duration(left));
			if (done == this.filesTotal) {
				this.console.writer().println();
			}
			this.console.flush();
		}
		return stepExecution.getExitStatus();
	}

	private static String duration(long seconds) {
		Duration d = Duration.ofSeconds(seconds);
		return (d.toMinutes() > 0) ? d.toMinutes() + " min " + d.toSecondsPart() + " s" : d.toSeconds() + " s";
	}

}
