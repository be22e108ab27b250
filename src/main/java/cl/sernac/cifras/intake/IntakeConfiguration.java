package cl.sernac.cifras.intake;

import cl.sernac.cifras.source.ReadLimits;
import cl.sernac.cifras.source.SourceCatalog;
import cl.sernac.cifras.system.CifrasProperties;

import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The first stage: decide which files of the input folder are admitted.
 */
@Configuration(proxyBeanMethods = false)
public class IntakeConfiguration {

	@Bean
	IntakePlanner intakePlanner(CifrasProperties properties, SourceCatalog sourceCatalog, FileLedger fileLedger,
			ReadLimits readLimits) {
		return new IntakePlanner(properties.inputDir(), sourceCatalog, fileLedger, readLimits);
	}

	@Bean
	public Step planStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			IntakePlanner intakePlanner) {
		return new StepBuilder("planStep", jobRepository).tasklet(intakePlanner, transactionManager).build();
	}

}
