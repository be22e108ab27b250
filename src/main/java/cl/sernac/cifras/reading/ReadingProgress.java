package cl.sernac.cifras.reading;

import java.nio.file.Path;

import cl.sernac.cifras.support.Progress;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;

/**
 * Progress of the reading stage, per file and overall (see {@link Progress}): a listener
 * of each file's partition.
 */
public class ReadingProgress implements StepExecutionListener {

	private final Progress progress = Progress.ofThisProcess(LoggerFactory.getLogger(ReadingProgress.class), "leídas");

	/** Called once the files to read are known. */
	void start(int files, long bytes) {
		this.progress.start("Lectura", files, bytes);
	}

	@Override
	public ExitStatus afterStep(StepExecution stepExecution) {
		String file = stepExecution.getExecutionContext().getString(ReadingContext.FILE_PATH, "?");
		long bytes = stepExecution.getExecutionContext().getLong(ReadingContext.FILE_BYTES, 0L);
		this.progress.fileDone(Path.of(file).getFileName().toString(), stepExecution.getReadCount(), bytes, "");
		return stepExecution.getExitStatus();
	}

}
