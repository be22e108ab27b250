package cl.sernac.cifras.system;

import cl.sernac.cifras.merge.RecordMerger;
import cl.sernac.cifras.merge.RecordStore;
import cl.sernac.cifras.staging.StagingArea;
import cl.sernac.cifras.ledger.FileLedger;
import cl.sernac.cifras.reading.SourceCatalog;

import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The merging stage: staged files are applied to the record store in ledger order.
 */
@Configuration(proxyBeanMethods = false)
public class MergeConfiguration {

	@Bean
	StagingArea stagingArea(CifrasProperties properties) {
		return new StagingArea(properties.dataDir().resolve("staging"));
	}

	@Bean
	RecordMerger recordMerger(FileLedger fileLedger, SourceCatalog sourceCatalog, StagingArea stagingArea,
			RecordStore recordStore) {
		return new RecordMerger(fileLedger, sourceCatalog, stagingArea, recordStore);
	}

	@Bean
	public Step mergeStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			RecordMerger recordMerger) {
		return new StepBuilder("mergeStep", jobRepository).tasklet(recordMerger, transactionManager).build();
	}

}
