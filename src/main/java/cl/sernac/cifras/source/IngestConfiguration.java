package cl.sernac.cifras.source;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cl.sernac.cifras.intake.FileLedger;
import cl.sernac.cifras.merge.StagingArea;
import cl.sernac.cifras.merge.StagingWriter;
import cl.sernac.cifras.normalize.RecordNormalizer;
import cl.sernac.cifras.normalize.RowOutcome;
import cl.sernac.cifras.normalize.RutHasher;
import cl.sernac.cifras.normalize.Territory;
import cl.sernac.cifras.system.CifrasProperties;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The reading stage: every admitted file is a partition, read in chunks by its source
 * profile, normalized, and staged. Files are read in parallel; the order that decides
 * which version wins is applied later, when staged files are merged one by one.
 */
@Configuration(proxyBeanMethods = false)
public class IngestConfiguration {

	static final String FILE_ID = "fileId";

	/** The prefix of the reader's position in the step's execution context. */
	static final String READER_NAME = "exportFileItemReader";

	static final String FILE_PATH = "filePath";

	static final String SOURCE_NAME = "sourceName";

	static final String FILE_BYTES = "fileBytes";

	@Bean
	IngestProgress ingestProgress() {
		return new IngestProgress();
	}

	@Bean
	Partitioner admittedFilePartitioner(FileLedger fileLedger, IngestProgress ingestProgress) {
		return (gridSize) -> {
			Map<String, ExecutionContext> partitions = new LinkedHashMap<>();
			List<FileLedger.PlannedFile> files = fileLedger.planned();
			long totalBytes = 0;
			for (FileLedger.PlannedFile file : files) {
				long bytes = size(file.path());
				totalBytes += bytes;
				ExecutionContext context = new ExecutionContext();
				context.putLong(FILE_BYTES, bytes);
				context.putLong(FILE_ID, file.id());
				context.putString(FILE_PATH, file.path().toString());
				context.putString(SOURCE_NAME, file.sourceName());
				partitions.put("file-" + file.ordinal(), context);
			}
			ingestProgress.start(files.size(), totalBytes);
			return partitions;
		};
	}

	private static long size(Path file) {
		try {
			return Files.size(file);
		}
		catch (IOException ex) {
			return 0;
		}
	}

	@Bean
	public Step ingestStep(JobRepository jobRepository, Partitioner admittedFilePartitioner, Step ingestFileStep,
			CifrasProperties properties) {
		SimpleAsyncTaskExecutor executor = new SimpleAsyncTaskExecutor("ingest-");
		executor.setConcurrencyLimit(properties.ingestThreads());
		return new StepBuilder("ingestStep", jobRepository).partitioner("ingestFileStep", admittedFilePartitioner)
			.step(ingestFileStep)
			.taskExecutor(executor)
			.gridSize(properties.ingestThreads())
			.build();
	}

	@Bean
	Step ingestFileStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			NormalizedRowReader normalizedRowReader, StagingWriter stagingWriter, IngestProgress ingestProgress,
			CifrasProperties properties) {
		return new StepBuilder("ingestFileStep", jobRepository).<RowOutcome, RowOutcome>chunk(properties.chunkSize())
			.transactionManager(transactionManager)
			.reader(normalizedRowReader)
			.writer(stagingWriter)
			.stream(stagingWriter)
			.listener(ingestProgress)
			.build();
	}

	/**
	 * The file of the partition, read by its source profile and normalized row by row.
	 */
	@Bean
	@StepScope
	NormalizedRowReader normalizedRowReader(@Value("#{stepExecutionContext['filePath']}") String filePath,
			@Value("#{stepExecutionContext['sourceName']}") String sourceName, SourceCatalog sourceCatalog,
			ReadLimits readLimits, Territory territory, RutHasher rutHasher, LocalDate runDate) {
		SourceProfile profile = sourceCatalog.get(sourceName).profile();
		return new NormalizedRowReader(new ExportFileItemReader(READER_NAME, Path.of(filePath), profile, readLimits),
				new RecordNormalizer(profile, territory, rutHasher, runDate));
	}

	@Bean
	@StepScope
	StagingWriter stagingWriter(@Value("#{stepExecutionContext['fileId']}") Long fileId, JdbcTemplate jdbcTemplate,
			StagingArea stagingArea) {
		return new StagingWriter(jdbcTemplate, stagingArea, fileId, READER_NAME);
	}

}
