package cl.sernac.cifras.admission;

import java.io.IOException;
import java.util.List;

import cl.sernac.cifras.reading.ReadingContext;
import cl.sernac.cifras.ledger.FileLedger;
import cl.sernac.cifras.ledger.FileOutcome;
import org.junit.jupiter.api.Test;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.step.StepExecution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

/**
 * A file whose reading fails is left out of a rebuild, and fails any other run.
 */
class RebuildReadFailuresTests {

	private final FileLedger ledger = mock(FileLedger.class);

	private final JobExecution job = new JobExecution(1, new JobInstance(7, "intakeJob"), new JobParameters());

	private final StepExecution stage = new StepExecution("ingestStep", this.job);

	RebuildReadFailuresTests() {
		// as the partition step does before it aggregates its partitions
		this.stage.setStatus(BatchStatus.COMPLETED);
	}

	@Test
	void aRebuildLeavesOutTheFileThatFailedAndCompletes() {
		this.job.getExecutionContext().putString(AdmissionPlanner.REBUILT, "true");
		given(this.ledger.fileName(2)).willReturn("oficina_2015.csv");

		new RebuildReadFailures(this.ledger).aggregate(this.stage, List.of(reading(1, BatchStatus.COMPLETED),
				reading(2, BatchStatus.FAILED), reading(3, BatchStatus.COMPLETED)));

		assertThat(this.stage.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(this.job.getExecutionContext().getInt(AdmissionPlanner.LEFT_OUT)).isEqualTo(1);
		verify(this.ledger).leftOut(2);
		verify(this.ledger).record(7, "oficina_2015.csv", FileOutcome.NOT_RECOGNIZED, "oficina", 2L,
				"Quedó fuera de la reconstrucción: no se pudo leer (IOException). Sus registros no se cuentan."
						+ " Revise el archivo y la configuración y ejecute de nuevo con --rebuild");
	}

	@Test
	void aNightlyRunFailsAsBeforeAndTheNextRunResumesIt() {
		new RebuildReadFailures(this.ledger).aggregate(this.stage,
				List.of(reading(1, BatchStatus.COMPLETED), reading(2, BatchStatus.FAILED)));

		assertThat(this.stage.getStatus()).isEqualTo(BatchStatus.FAILED);
		assertThat(this.job.getExecutionContext().containsKey(AdmissionPlanner.LEFT_OUT)).isFalse();
		verify(this.ledger, never()).leftOut(anyLong());
	}

	private StepExecution reading(long fileId, BatchStatus status) {
		StepExecution reading = new StepExecution("ingestFileStep:file-" + fileId, this.job);
		reading.getExecutionContext().putLong(ReadingContext.FILE_ID, fileId);
		reading.getExecutionContext().putString(ReadingContext.SOURCE_NAME, "oficina");
		reading.setStatus(status);
		if (status == BatchStatus.FAILED) {
			reading.addFailureException(new IllegalStateException("read", new IOException("disk")));
		}
		return reading;
	}

}
