package cl.sernac.cifras.reading;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import cl.sernac.cifras.support.Milestones;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.core.partition.StepExecutionSplitter;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * Splits the reading stage into one partition per file the ledger holds as admitted and
 * not yet applied, each time the stage starts or restarts.
 *
 * <p>
 * Spring Batch's own splitter saves a partition's execution before its context: a process
 * killed in between leaves a partition with an empty context, which every restart would
 * reuse. Here a partition is always described by the ledger; what an earlier attempt
 * saved is only used as the position to resume from, when that attempt stopped or failed
 * cleanly on the same file. A partition that ended in an unknown state (its last
 * transaction may or may not have been committed) is read again from the start, which is
 * always safe: a reading that starts over drops the file's staging, rejects and warnings
 * first.
 */
public class AdmittedFileSplitter implements StepExecutionSplitter {

	private static final String STEP_NAME_SEPARATOR = ":";

	private final JobRepository jobRepository;

	private final String stepName;

	private final Partitioner partitioner;

	private final ReadingProgress progress;

	public AdmittedFileSplitter(JobRepository jobRepository, String stepName, Partitioner partitioner,
			ReadingProgress progress) {
		this.jobRepository = jobRepository;
		this.stepName = stepName;
		this.partitioner = partitioner;
		this.progress = progress;
	}

	@Override
	public String getStepName() {
		return this.stepName;
	}

	@Override
	public Set<StepExecution> split(StepExecution stepExecution, int gridSize) {
		JobExecution jobExecution = stepExecution.getJobExecution();
		Map<String, ExecutionContext> partitions = this.partitioner.partition(gridSize);
		Set<StepExecution> executions = new LinkedHashSet<>();
		long bytes = 0;
		for (Map.Entry<String, ExecutionContext> partition : partitions.entrySet()) {
			String name = this.stepName + STEP_NAME_SEPARATOR + partition.getKey();
			ExecutionContext fresh = partition.getValue();
			StepExecution last = this.jobRepository.getLastStepExecution(jobExecution.getJobInstance(), name);
			if (last != null && last.getStatus() == BatchStatus.COMPLETED
					&& last.getJobExecutionId() != jobExecution.getId()
					&& sameFile(last.getExecutionContext(), fresh)) {
				// read completely by an earlier attempt: its staging waits for the merge
				continue;
			}
			ExecutionContext context = resumable(last, fresh) ? last.getExecutionContext() : fresh;
			StepExecution execution = this.jobRepository.createStepExecution(name, jobExecution);
			// where Spring Batch's own splitter left an empty context when killed
			Milestones.passed("split");
			execution.setExecutionContext(context);
			this.jobRepository.updateExecutionContext(execution);
			executions.add(execution);
			bytes += fresh.getLong(ReadingContext.FILE_BYTES, 0L);
		}
		this.progress.start(executions.size(), bytes);
		return executions;
	}

	/**
	 * Whether the last attempt at a partition can be resumed from its saved position: it
	 * stopped or failed (a crash is recovered as failed) after saving the context of this
	 * same file.
	 */
	private static boolean resumable(StepExecution last, ExecutionContext fresh) {
		if (last == null) {
			return false;
		}
		BatchStatus status = last.getStatus();
		return (status == BatchStatus.FAILED || status == BatchStatus.STOPPED)
				&& sameFile(last.getExecutionContext(), fresh);
	}

	private static boolean sameFile(ExecutionContext saved, ExecutionContext fresh) {
		return saved.containsKey(ReadingContext.FILE_ID)
				&& Objects.equals(saved.get(ReadingContext.FILE_ID), fresh.get(ReadingContext.FILE_ID))
				&& Objects.equals(saved.get(ReadingContext.FILE_PATH), fresh.get(ReadingContext.FILE_PATH));
	}

}
