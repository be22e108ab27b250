package cl.sernac.cifras.admission;

import cl.sernac.cifras.reading.ReadingContext;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import cl.sernac.cifras.ledger.FileLedger;
import cl.sernac.cifras.ledger.FileOutcome;
import cl.sernac.cifras.support.Printable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.partition.StepExecutionAggregator;
import org.springframework.batch.core.partition.support.DefaultStepExecutionAggregator;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * In a rebuild, a file whose reading failed is left out instead of failing the reading
 * stage: its records are not counted, the ledger keeps it as left out and the summary
 * says why, and the rest of the rebuild goes on. Outside a rebuild a failed reading fails
 * the stage, and the next run resumes it.
 */
public class RebuildReadFailures implements StepExecutionAggregator {

	private static final Logger logger = LoggerFactory.getLogger(RebuildReadFailures.class);

	private final FileLedger ledger;

	private final StepExecutionAggregator delegate = new DefaultStepExecutionAggregator();

	public RebuildReadFailures(FileLedger ledger) {
		this.ledger = ledger;
	}

	@Override
	public void aggregate(StepExecution result, Collection<StepExecution> executions) {
		ExecutionContext job = result.getJobExecution().getExecutionContext();
		if (!job.containsKey(AdmissionPlanner.REBUILT)) {
			this.delegate.aggregate(result, executions);
			return;
		}
		long runId = result.getJobExecution().getJobInstance().getId();
		List<StepExecution> kept = new ArrayList<>();
		for (StepExecution execution : executions) {
			ExecutionContext context = execution.getExecutionContext();
			if (execution.getStatus() != BatchStatus.FAILED || !context.containsKey(ReadingContext.FILE_ID)) {
				kept.add(execution);
				continue;
			}
			long fileId = context.getLong(ReadingContext.FILE_ID);
			String name = this.ledger.fileName(fileId);
			String why = execution.getFailureExceptions()
				.stream()
				.findFirst()
				.map(RebuildReadFailures::rootName)
				.orElse("causa desconocida");
			String reason = "Quedó fuera de la reconstrucción: no se pudo leer (" + why
					+ "). Sus registros no se cuentan. Revise el archivo y la configuración y ejecute de nuevo con"
					+ " --rebuild";
			logger.warn("{}: {}", Printable.of(name), reason);
			this.ledger.leftOut(fileId);
			this.ledger.record(runId, name, FileOutcome.NOT_RECOGNIZED,
					context.getString(ReadingContext.SOURCE_NAME, null), fileId, reason);
			job.putInt(AdmissionPlanner.LEFT_OUT, job.getInt(AdmissionPlanner.LEFT_OUT, 0) + 1);
		}
		this.delegate.aggregate(result, kept);
	}

	private static String rootName(Throwable ex) {
		Throwable root = ex;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return root.getClass().getSimpleName();
	}

}
