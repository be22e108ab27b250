package cl.sernac.cifras.system;

import cl.sernac.cifras.support.Milestones;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.AbstractStep;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The job: admit files, check they are still the ones admitted, read them, check again,
 * apply them in order, archive them, write the outputs.
 */
@Configuration(proxyBeanMethods = false)
class CifrasJobConfiguration {

	static final String JOB_NAME = "intakeJob";

	/**
	 * Every step passes a milestone as it starts and as it ends
	 * ({@code before:mergeStep}, {@code after:mergeStep}): the boundaries between stages,
	 * where a run is most often interrupted and where the crash tests stop it.
	 */
	@Bean
	static BeanPostProcessor stageBoundaries() {
		return new BeanPostProcessor() {

			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				if (bean instanceof AbstractStep step) {
					step.registerStepExecutionListener(new StepExecutionListener() {

						@Override
						public void beforeStep(StepExecution stepExecution) {
							Milestones.passed("before:" + stepName(stepExecution));
						}

						@Override
						public ExitStatus afterStep(StepExecution stepExecution) {
							Milestones.passed("after:" + stepName(stepExecution));
							return null;
						}

					});
				}
				return bean;
			}

		};
	}

	/**
	 * A step's name without its partition ({@code ingestFileStep}, not
	 * {@code ingestFileStep:file-3}).
	 */
	private static String stepName(StepExecution stepExecution) {
		String name = stepExecution.getStepName();
		int partition = name.indexOf(':');
		return (partition < 0) ? name : name.substring(0, partition);
	}

	@Bean
	Job intakeJob(JobRepository jobRepository, Step planStep, Step checkBeforeReadingStep, Step ingestStep,
			Step checkAfterReadingStep, Step mergeStep, Step archiveStep, Step outputStep) {
		return new JobBuilder(JOB_NAME, jobRepository).start(planStep)
			.next(checkBeforeReadingStep)
			.next(ingestStep)
			.next(checkAfterReadingStep)
			.next(mergeStep)
			.next(archiveStep)
			.next(outputStep)
			.build();
	}

}
