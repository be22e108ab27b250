package cl.sernac.cifras.report;

import java.time.LocalDate;

import cl.sernac.cifras.aggregate.CaseQueries;
import cl.sernac.cifras.system.CifrasProperties;

import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The output stage: tables, rejects and the run summary, written at the end of every run.
 */
@Configuration(proxyBeanMethods = false)
public class ReportConfiguration {

	@Bean
	OutputWriter outputWriter(JdbcClient jdbcClient, CaseQueries caseQueries, CifrasProperties properties,
			LocalDate runDate) {
		return new OutputWriter(jdbcClient, caseQueries, properties.outputDir(), properties.inputDir(), runDate);
	}

	@Bean
	public Step outputStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			OutputWriter outputWriter) {
		return new StepBuilder("outputStep", jobRepository).tasklet(outputWriter, transactionManager)
			.allowStartIfComplete(true)
			.build();
	}

}
