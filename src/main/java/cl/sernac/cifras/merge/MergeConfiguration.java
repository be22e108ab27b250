package cl.sernac.cifras.merge;

import cl.sernac.cifras.intake.FileLedger;
import cl.sernac.cifras.source.SourceCatalog;
import cl.sernac.cifras.system.CifrasProperties;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The merging stage: staged files are applied to the store in ledger order, one
 * transaction each.
 */
@Configuration(proxyBeanMethods = false)
public class MergeConfiguration {

	@Bean
	StagingArea stagingArea(CifrasProperties properties) {
		return new StagingArea(properties.dataDir().resolve("staging"));
	}

	@Bean
	RecordMerger recordMerger(JdbcTemplate jdbcTemplate, FileLedger fileLedger, SourceCatalog sourceCatalog,
			StagingArea stagingArea) {
		return new RecordMerger(jdbcTemplate, fileLedger, sourceCatalog, stagingArea);
	}

	@Bean
	public Step mergeStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			RecordMerger recordMerger) {
		return new StepBuilder("mergeStep", jobRepository).tasklet(recordMerger, transactionManager)
			.listener(new StepExecutionListener() {

				@Override
				public ExitStatus afterStep(StepExecution stepExecution) {
					// also when a file failed: what follows the merge writes each commit
					// at once
					recordMerger.restoreWriteDelay();
					return stepExecution.getExitStatus();
				}

			})
			.build();
	}

}
