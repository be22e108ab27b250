package cl.sernac.cifras.system;

import cl.sernac.cifras.report.AccountProperties;
import cl.sernac.cifras.report.AccountReport;
import cl.sernac.cifras.report.OutputWriter;
import cl.sernac.cifras.report.ReportProperties;
import cl.sernac.cifras.report.ReportWriter;
import java.util.Map;
import java.util.stream.Collectors;

import cl.sernac.cifras.aggregate.AccountQueries;
import cl.sernac.cifras.merge.RecordStore;
import cl.sernac.cifras.reading.SourceCatalog;
import cl.sernac.cifras.reading.SourceProfile;
import java.time.LocalDate;
import java.time.ZoneId;

import cl.sernac.cifras.aggregate.CaseQueries;
import cl.sernac.cifras.aggregate.QualityQueries;
import cl.sernac.cifras.normalize.Territory;

import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The output stage: tables, rejects, the run summary and the planners' report, written at
 * the end of every run.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ ReportProperties.class, AccountProperties.class })
public class ReportConfiguration {

	@Bean
	AccountQueries accountQueries(RecordStore recordStore) {
		return new AccountQueries(recordStore::jdbc);
	}

	@Bean
	QualityQueries qualityQueries(JdbcClient jdbcClient, ZoneId timeZone) {
		return new QualityQueries(jdbcClient, timeZone);
	}

	@Bean
	ReportWriter plannerReport(QualityQueries qualityQueries, Territory territory, ReportProperties reportProperties,
			CifrasProperties properties, LocalDate runDate, AccountQueries accountQueries,
			AccountProperties accountProperties) {
		return new ReportWriter(qualityQueries, territory, reportProperties, properties.outputDir(), runDate)
			.account(new AccountReport(accountQueries, accountProperties, territory, reportProperties.region()));
	}

	@Bean
	OutputWriter outputWriter(QualityQueries qualityQueries, CaseQueries caseQueries, CifrasProperties properties,
			LocalDate runDate, ReportWriter plannerReport, ReportProperties reportProperties, ZoneId timeZone,
			SourceCatalog sourceCatalog) {
		return new OutputWriter(qualityQueries, caseQueries, properties.outputDir(), properties.inputDir(), runDate,
				plannerReport, reportProperties, timeZone)
			.accountSources(sourceCatalog.profiles()
				.entrySet()
				.stream()
				.filter((e) -> e.getValue().recordKind() != SourceProfile.Kind.CASO)
				.map(Map.Entry::getKey)
				.collect(Collectors.toSet()));
	}

	@Bean
	public Step outputStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			OutputWriter outputWriter) {
		return new StepBuilder("outputStep", jobRepository).tasklet(outputWriter, transactionManager)
			.allowStartIfComplete(true)
			.build();
	}

}
