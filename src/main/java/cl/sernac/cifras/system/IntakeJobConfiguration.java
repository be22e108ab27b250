package cl.sernac.cifras.system;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The job: admit files, read them, apply them in order, archive them, write the outputs.
 */
@Configuration(proxyBeanMethods = false)
class IntakeJobConfiguration {

	static final String JOB_NAME = "intakeJob";

	@Bean
	Job intakeJob(JobRepository jobRepository, Step planStep, Step ingestStep, Step mergeStep, Step archiveStep,
			Step outputStep) {
		return new JobBuilder(JOB_NAME, jobRepository).start(planStep)
			.next(ingestStep)
			.next(mergeStep)
			.next(archiveStep)
			.next(outputStep)
			.build();
	}

}
