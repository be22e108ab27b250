package cl.sernac.cifras.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import cl.sernac.cifras.admission.AdmissionPlanner;
import cl.sernac.cifras.report.OutputWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

/**
 * Runs the intake job once from the command line: finishes an interrupted run first, then
 * takes whatever is new in the input folder. The exit status says whether the run
 * completed, and is {@link CifrasExit#USAGE} when it completed but its outputs were
 * refused (a report period with no counted case).
 */
@Component
class CifrasRunner implements ApplicationRunner, ExitCodeGenerator {

	static final int EXIT_OK = CifrasExit.OK;

	static final int EXIT_FAILED = CifrasExit.FAILED;

	private static final Logger logger = LoggerFactory.getLogger(CifrasRunner.class);

	private final JobOperator jobOperator;

	private final JobRepository jobRepository;

	private final Job intakeJob;

	private final CifrasProperties properties;

	private final LocalDate runDate;

	private final DemoData demoData;

	private static final long STOP_TIMEOUT_SECONDS = 120;

	private final ConfigurableApplicationContext context;

	private final CountDownLatch done = new CountDownLatch(1);

	private volatile boolean stopping;

	private volatile int exitCode = EXIT_OK;

	CifrasRunner(JobOperator jobOperator, JobRepository jobRepository, Job intakeJob, CifrasProperties properties,
			LocalDate runDate, DemoData demoData, ConfigurableApplicationContext context) {
		this.context = context;
		this.jobOperator = jobOperator;
		this.jobRepository = jobRepository;
		this.intakeJob = intakeJob;
		this.properties = properties;
		this.runDate = runDate;
		this.demoData = demoData;
	}

	@Override
	public void run(ApplicationArguments args) throws Exception {
		Thread stopper = new Thread(this::stopGracefully, "cifras-stop");
		Runtime.getRuntime().addShutdownHook(stopper);
		try {
			runOnce();
		}
		finally {
			this.done.countDown();
			if (!this.stopping) {
				Runtime.getRuntime().removeShutdownHook(stopper);
			}
		}
	}

	/** One run: finish an interrupted run, then take what is new. */
	private void runOnce() throws Exception {
		this.exitCode = EXIT_OK;
		prepareFolders();
		if (this.properties.demo()) {
			this.demoData.generateIfEmpty(this.properties.inputDir());
		}
		Long resumed = resumeInterruptedRun();
		if (this.exitCode != EXIT_OK || this.stopping) {
			return;
		}
		JobParametersBuilder parameters = new JobParametersBuilder().addLong("run.time", System.currentTimeMillis())
			.addString("run.date", this.runDate.toString(), false)
			.addString(AdmissionPlanner.REBUILD, Boolean.toString(this.properties.rebuild()), false);
		if (resumed != null) {
			// the summary of this run also tells what the resumed one did, file by file
			parameters.addLong(OutputWriter.SUMMARY_FROM_RUN, resumed, false);
		}
		finish(this.jobOperator.start(this.intakeJob, parameters.toJobParameters()));
	}

	/**
	 * On SIGTERM: a running job is asked to stop at its next chunk boundary (it ends
	 * STOPPED and the next run resumes it), then the application closes and the process
	 * exits 1.
	 */
	private void stopGracefully() {
		this.stopping = true;
		try {
			for (JobExecution running : this.jobRepository.findRunningJobExecutions(CifrasJobConfiguration.JOB_NAME)) {
				logger.warn("Deteniendo la ejecución N° {} al terminar el bloque en curso",
						running.getJobInstance().getId());
				this.jobOperator.stop(running);
			}
			this.done.await(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			logger.warn("No se pudo detener la ejecución en orden: {}", rootMessage(ex));
		}
		finally {
			this.context.close();
			// A run stopped before its end exits 1, as documented, not with the signal's
			// 143: everything is closed, and nothing else is left to do.
			Runtime.getRuntime().halt(EXIT_FAILED);
		}
	}

	private void prepareFolders() throws IOException {
		if (!Files.isDirectory(this.properties.inputDir())) {
			Files.createDirectories(this.properties.inputDir());
		}
		Files.createDirectories(this.properties.outputDir());
		SecureDirectories.create(this.properties.dataDir());
		removeTemporaryOutputs(this.properties.outputDir());
	}

	/**
	 * Temporary files of a run killed while writing its outputs (the finished files are
	 * intact).
	 */
	private static void removeTemporaryOutputs(Path outputDir) throws IOException {
		try (Stream<Path> files = Files.walk(outputDir)) {
			for (Path file : files.toList()) {
				String name = file.getFileName().toString();
				if (name.startsWith(".") && name.endsWith(".tmp") && Files.isRegularFile(file)) {
					Files.delete(file);
				}
			}
		}
	}

	/**
	 * A run killed mid-way leaves its execution STARTED: it is marked failed and
	 * restarted, so its admitted files are read and applied before anything new (rule 1's
	 * order).
	 */
	private Long resumeInterruptedRun() throws Exception {
		for (JobExecution running : this.jobRepository.findRunningJobExecutions(CifrasJobConfiguration.JOB_NAME)) {
			logger.warn("La ejecución {} quedó interrumpida; se recupera", running.getId());
			this.jobOperator.recover(running);
		}
		JobInstance last = this.jobRepository.getLastJobInstance(CifrasJobConfiguration.JOB_NAME);
		if (last == null) {
			return null;
		}
		JobExecution lastExecution = this.jobRepository.getLastJobExecution(last);
		if (lastExecution != null && lastExecution.getStatus() == BatchStatus.UNKNOWN) {
			repairUnknown(lastExecution);
		}
		if (lastExecution != null && (lastExecution.getStatus() == BatchStatus.FAILED
				|| lastExecution.getStatus() == BatchStatus.STOPPED)) {
			logger.warn("Se reanuda la ejecución N° {} que no terminó", last.getId());
			JobExecution resumed = this.jobOperator.restart(lastExecution);
			finish(resumed);
			return (resumed.getStatus() == BatchStatus.COMPLETED) ? last.getId() : null;
		}
		return null;
	}

	/**
	 * A run that ended UNKNOWN (a failure that could not be rolled back, such as a lost
	 * connection while committing) is not restartable as it stands. Every stage of the
	 * job can be done again safely: the reading of a file starts over from its first row
	 * (dropping what it staged), and files are applied, archived and written once each by
	 * the ledger. So its unknown steps are marked failed, the readings among them lose
	 * their saved position, and the run is resumed like any failed one.
	 */
	private void repairUnknown(JobExecution execution) {
		logger.warn("La ejecución N° {} terminó en un estado desconocido; se repite lo que quedó sin confirmar",
				execution.getJobInstance().getId());
		for (StepExecution step : execution.getStepExecutions()) {
			if (step.getStatus() == BatchStatus.UNKNOWN || step.getStatus().isRunning()) {
				step.setStatus(BatchStatus.FAILED);
				step.setEndTime(LocalDateTime.now());
				if (step.getStepName().contains(":")) {
					step.setExecutionContext(new ExecutionContext());
					this.jobRepository.updateExecutionContext(step);
				}
				this.jobRepository.update(step);
			}
		}
		execution.setStatus(BatchStatus.FAILED);
		execution.setEndTime(LocalDateTime.now());
		this.jobRepository.update(execution);
	}

	private void finish(JobExecution execution) {
		if (execution.getStatus() == BatchStatus.STOPPED) {
			logger.warn("Ejecución N° {} detenida; la próxima ejecución la reanuda",
					execution.getJobInstance().getId());
			this.exitCode = EXIT_FAILED;
			return;
		}
		if (execution.getStatus() == BatchStatus.COMPLETED
				&& OutputWriter.EMPTY_PERIOD.equals(execution.getExitStatus().getExitCode())) {
			// The files were read and applied, and the run is complete: nothing to
			// resume. Only its outputs were refused, as a bad command line is.
			logger.error("Ejecución N° {}: {}", execution.getJobInstance().getId(),
					execution.getExitStatus().getExitDescription());
			this.exitCode = CifrasExit.USAGE;
			return;
		}
		if (execution.getStatus() == BatchStatus.COMPLETED
				&& execution.getExecutionContext().getInt(AdmissionPlanner.LEFT_OUT, 0) > 0) {
			// complete, and not to be resumed: the next run is a normal one
			int leftOut = execution.getExecutionContext().getInt(AdmissionPlanner.LEFT_OUT);
			logger.warn("Ejecución N° {} terminada, pero la reconstrucción dejó fuera {} que la configuración actual no"
					+ " puede leer (vea el resumen): sus registros no se cuentan. Corrija la configuración y ejecute"
					+ " de nuevo con --rebuild.", execution.getJobInstance().getId(),
					(leftOut == 1) ? "1 archivo" : leftOut + " archivos");
			this.exitCode = CifrasExit.FILES_LEFT_OUT;
			return;
		}
		if (execution.getStatus() == BatchStatus.COMPLETED) {
			logger.info("Ejecución N° {} terminada", execution.getJobInstance().getId());
			return;
		}
		this.exitCode = EXIT_FAILED;
		if (refusedRebuild(execution)) {
			// nothing was changed; resuming it would only fail again, night after night
			try {
				this.jobOperator.abandon(execution);
			}
			catch (Exception ex) {
				logger.warn("No se pudo dar por abandonada la ejecución N° {}: {}", execution.getJobInstance().getId(),
						rootMessage(ex));
			}
		}
		String cause = execution.getAllFailureExceptions()
			.stream()
			.map((ex) -> rootMessage(ex))
			.findFirst()
			.orElse(execution.getExitStatus().getExitDescription());
		logger.error("La ejecución N° {} no terminó ({}): {}", execution.getJobInstance().getId(),
				execution.getStatus(), cause);
		if (!refusedRebuild(execution)) {
			logger.error("{}La próxima ejecución la reanuda donde quedó; no hace falta borrar nada.", advice(cause));
		}
	}

	/** What an operator can do about the commonest causes, before the next run. */
	private static String advice(String cause) {
		String text = (cause != null) ? cause : "";
		if (text.contains("No space left on device") || text.contains("Disk quota exceeded")) {
			return "El disco está lleno: libere espacio en las carpetas de datos y de salida. ";
		}
		if (text.contains("AccessDeniedException") || text.contains("Permission denied")) {
			return "Falta un permiso sobre una carpeta o un archivo: revíselo. ";
		}
		if (text.contains("Connection") || text.contains("connection")) {
			return "Falló la conexión con la base de datos: revise que esté disponible. ";
		}
		return "";
	}

	private static boolean refusedRebuild(JobExecution execution) {
		for (Throwable failure : execution.getAllFailureExceptions()) {
			for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
				if (cause instanceof AdmissionPlanner.RebuildRefusedException) {
					return true;
				}
				if (cause.getCause() == cause) {
					break;
				}
			}
		}
		return false;
	}

	static String rootMessage(Throwable ex) {
		Throwable root = ex;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		if (root instanceof AdmissionPlanner.RebuildRefusedException) {
			return root.getMessage();
		}
		return root.getClass().getSimpleName() + ": " + root.getMessage();
	}

	@Override
	public int getExitCode() {
		return this.exitCode;
	}

	static boolean isEmpty(Path dir) throws IOException {
		try (Stream<Path> entries = Files.list(dir)) {
			return entries.noneMatch((p) -> !p.getFileName().toString().startsWith("."));
		}
	}

}
