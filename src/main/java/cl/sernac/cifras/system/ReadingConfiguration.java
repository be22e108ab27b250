package cl.sernac.cifras.system;

import cl.sernac.cifras.admission.RebuildReadFailures;
import cl.sernac.cifras.reading.AdmittedFileSplitter;
import cl.sernac.cifras.reading.ExportFileItemReader;
import cl.sernac.cifras.reading.ReadingContext;
import cl.sernac.cifras.admission.AdmittedFileCheck;
import cl.sernac.cifras.normalize.NormalizedRowReader;
import cl.sernac.cifras.reading.ReadLimits;
import cl.sernac.cifras.reading.ReadingProgress;
import cl.sernac.cifras.reading.SourceCatalog;
import cl.sernac.cifras.reading.SourceProfile;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cl.sernac.cifras.ledger.FileFingerprint;
import cl.sernac.cifras.ledger.FileLedger;
import cl.sernac.cifras.ledger.RejectsAndWarnings;
import cl.sernac.cifras.staging.StagingArea;
import cl.sernac.cifras.staging.StagingWriter;
import cl.sernac.cifras.normalize.RecordNormalizer;
import cl.sernac.cifras.normalize.RowOutcome;
import cl.sernac.cifras.normalize.RutHasher;
import cl.sernac.cifras.normalize.Territory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The reading stage: every admitted file is a partition, read in chunks by its source
 * profile, normalized, and staged. Files are read in parallel; the order that decides
 * which version wins is applied later, when staged files are merged one by one.
 */
@Configuration(proxyBeanMethods = false)
public class ReadingConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(ReadingConfiguration.class);

	/** Connections of the pool left to the job while files are read. */
	static final int CONNECTIONS_KEPT_BY_THE_JOB = 2;

	@Bean
	ReadingProgress ingestProgress() {
		return new ReadingProgress();
	}

	/**
	 * One partition per file admitted and not yet applied, named by its place in the
	 * ledger.
	 */
	@Bean
	Partitioner admittedFilePartitioner(FileLedger fileLedger) {
		return (gridSize) -> {
			Map<String, ExecutionContext> partitions = new LinkedHashMap<>();
			for (FileLedger.PlannedFile file : fileLedger.planned()) {
				long bytes = size(file.path());
				ExecutionContext context = new ExecutionContext();
				context.putLong(ReadingContext.FILE_BYTES, bytes);
				context.putLong(ReadingContext.FILE_ID, file.id());
				context.putString(ReadingContext.FILE_PATH, file.path().toString());
				context.putString(ReadingContext.SOURCE_NAME, file.sourceName());
				partitions.put("file-" + file.ordinal(), context);
			}
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

	/**
	 * The reading stage as the checks need it: a file's hash, and a whole file read again
	 * into its staging, in one go.
	 */
	@Bean
	AdmittedFileCheck.AdmittedFiles admittedFiles(SourceCatalog sourceCatalog, ReadLimits readLimits,
			Territory territory, RutHasher rutHasher, LocalDate runDate, RejectsAndWarnings rejectsAndWarnings,
			StagingArea stagingArea, CifrasProperties properties) {
		return new AdmittedFileCheck.AdmittedFiles() {

			@Override
			public String sha256(FileLedger.PlannedFile file) throws IOException {
				SourceProfile profile = sourceCatalog.get(file.sourceName()).profile();
				return FileFingerprint.of(file.path(), Charset.forName(profile.encoding())).sha256();
			}

			@Override
			public long readAgain(FileLedger.PlannedFile file) throws Exception {
				SourceProfile profile = sourceCatalog.get(file.sourceName()).profile();
				StagingWriter writer = new StagingWriter(rejectsAndWarnings, stagingArea, file.id(),
						ReadingContext.READER_NAME);
				NormalizedRowReader reader = normalizedRows(file.path(), profile, readLimits, territory, rutHasher,
						runDate);
				// a fresh start: the file's staging, rejects and warnings are dropped
				// first
				writer.open(new ExecutionContext());
				reader.open(new ExecutionContext());
				try {
					long rows = 0;
					List<RowOutcome> chunk = new ArrayList<>();
					for (RowOutcome row = reader.read(); row != null; row = reader.read()) {
						chunk.add(row);
						rows++;
						if (chunk.size() >= properties.chunkSize()) {
							writer.write(new Chunk<>(chunk));
							chunk.clear();
						}
					}
					writer.write(new Chunk<>(chunk));
					return rows;
				}
				finally {
					reader.close();
					writer.close();
				}
			}

		};
	}

	@Bean
	AdmittedFileCheck admittedFileCheck(FileLedger fileLedger, StagingArea stagingArea, CifrasProperties properties,
			AdmittedFileCheck.AdmittedFiles admittedFiles) {
		return new AdmittedFileCheck(fileLedger, stagingArea, properties.inputDir(), admittedFiles, false);
	}

	@Bean
	AdmittedFileCheck readFileCheck(FileLedger fileLedger, StagingArea stagingArea, CifrasProperties properties,
			AdmittedFileCheck.AdmittedFiles admittedFiles) {
		return new AdmittedFileCheck(fileLedger, stagingArea, properties.inputDir(), admittedFiles, true);
	}

	/**
	 * Before reading: files changed or removed since they were admitted are withdrawn.
	 * Run again on every restart, since a file may have changed while the run was down.
	 */
	@Bean
	public Step checkBeforeReadingStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			AdmittedFileCheck admittedFileCheck) {
		return new StepBuilder("checkBeforeReadingStep", jobRepository).tasklet(admittedFileCheck, transactionManager)
			.allowStartIfComplete(true)
			.build();
	}

	/**
	 * After reading: files changed while they were read are withdrawn before anything of
	 * them is applied.
	 */
	@Bean
	public Step checkAfterReadingStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			AdmittedFileCheck readFileCheck) {
		return new StepBuilder("checkAfterReadingStep", jobRepository).tasklet(readFileCheck, transactionManager)
			.allowStartIfComplete(true)
			.build();
	}

	@Bean
	public Step ingestStep(JobRepository jobRepository, Partitioner admittedFilePartitioner, Step ingestFileStep,
			ReadingProgress ingestProgress, CifrasProperties properties, FileLedger fileLedger,
			@Value("${spring.datasource.hikari.maximum-pool-size:10}") int poolSize) {
		int threads = readingThreads(properties.ingestThreads(), poolSize);
		SimpleAsyncTaskExecutor executor = new SimpleAsyncTaskExecutor("ingest-");
		executor.setConcurrencyLimit(threads);
		return new StepBuilder("ingestStep", jobRepository).partitioner(ingestFileStep)
			.splitter(new AdmittedFileSplitter(jobRepository, ingestFileStep.getName(), admittedFilePartitioner,
					ingestProgress))
			.taskExecutor(executor)
			.gridSize(threads)
			.aggregator(new RebuildReadFailures(fileLedger))
			.build();
	}

	/**
	 * Files read at once: as configured, but never more than the connection pool can
	 * serve while the job itself (its repository, the stage that waits for the readers)
	 * keeps connections of its own. A reader waiting for a connection would time out and
	 * leave its file's state unknown.
	 */
	static int readingThreads(int configured, int poolSize) {
		int served = Math.max(1, poolSize - CONNECTIONS_KEPT_BY_THE_JOB);
		if (configured > served) {
			logger.warn("Se leen {} archivos a la vez, no {}: el grupo de conexiones a la base de datos tiene {}",
					served, configured, poolSize);
			return served;
		}
		return Math.max(1, configured);
	}

	@Bean
	Step ingestFileStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			NormalizedRowReader normalizedRowReader, StagingWriter stagingWriter, ReadingProgress ingestProgress,
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
		return normalizedRows(Path.of(filePath), sourceCatalog.get(sourceName).profile(), readLimits, territory,
				rutHasher, runDate);
	}

	/** A file read by its source profile and normalized row by row. */
	private static NormalizedRowReader normalizedRows(Path file, SourceProfile profile, ReadLimits readLimits,
			Territory territory, RutHasher rutHasher, LocalDate runDate) {
		return new NormalizedRowReader(new ExportFileItemReader(ReadingContext.READER_NAME, file, profile, readLimits),
				new RecordNormalizer(profile, territory, rutHasher, runDate));
	}

	@Bean
	@StepScope
	StagingWriter stagingWriter(@Value("#{stepExecutionContext['fileId']}") Long fileId,
			RejectsAndWarnings rejectsAndWarnings, StagingArea stagingArea) {
		return new StagingWriter(rejectsAndWarnings, stagingArea, fileId, ReadingContext.READER_NAME);
	}

}
