package cl.sernac.cifras.system;

import cl.sernac.cifras.admission.AdmissionPlanner;
import cl.sernac.cifras.admission.AdmissionSettings;
import cl.sernac.cifras.admission.FileArchiver;
import cl.sernac.cifras.ledger.FileLedger;
import java.time.ZoneId;

import cl.sernac.cifras.merge.RecordStore;
import cl.sernac.cifras.reading.ReadLimits;
import cl.sernac.cifras.reading.SourceCatalog;

import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The intake stage: decide which files of the input folder are admitted (first step), and
 * archive them once applied.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AdmissionSettings.class)
public class AdmissionConfiguration {

	@Bean
	AdmissionPlanner admissionPlanner(CifrasProperties properties, SourceCatalog sourceCatalog, FileLedger fileLedger,
			RecordStore recordStore, ReadLimits readLimits, AdmissionSettings intakeSettings, ZoneId timeZone) {
		return new AdmissionPlanner(properties.inputDir(), sourceCatalog, fileLedger, recordStore, readLimits,
				intakeSettings, timeZone);
	}

	@Bean
	FileArchiver fileArchiver(CifrasProperties properties, FileLedger fileLedger, AdmissionSettings intakeSettings,
			ZoneId timeZone) {
		return new FileArchiver(properties.inputDir(), fileLedger, intakeSettings, timeZone);
	}

	@Bean
	public Step archiveStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			FileArchiver fileArchiver) {
		return new StepBuilder("archiveStep", jobRepository).tasklet(fileArchiver, transactionManager).build();
	}

	@Bean
	public Step planStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			AdmissionPlanner admissionPlanner) {
		return new StepBuilder("planStep", jobRepository).tasklet(admissionPlanner, transactionManager).build();
	}

}
