package cl.sernac.cifras;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cl.sernac.cifras.check.CheckCommand;
import cl.sernac.cifras.support.ChileTime;
import cl.sernac.cifras.system.CifrasExit;
import cl.sernac.cifras.system.CommandLineCheck;
import cl.sernac.cifras.system.ConfigurationCheck;
import cl.sernac.cifras.system.ConfigurationProblems;
import cl.sernac.cifras.system.DatabaseRunLock;
import cl.sernac.cifras.system.FreshStart;
import cl.sernac.cifras.system.RunLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.scheduling.support.CronExpression;

@SpringBootApplication
public class CifrasApplication {

	static final String SCHEDULE_ARGUMENT = "--cifras.schedule=";

	private static final Logger logger = LoggerFactory.getLogger(CifrasApplication.class);

	public static void main(String[] args) {
		List<String> arguments = List.of(args);
		if (!arguments.isEmpty() && arguments.get(0).equals(CheckCommand.ARGUMENT)) {
			// reads files and configuration only: no run, no lock, no data folder
			System.exit(CheckCommand.run(arguments.subList(1, arguments.size())));
		}
		if (arguments.contains("--help") || arguments.contains("-h")) {
			System.out.println("Uso: java -jar cifras.jar [--cifras.propiedad=valor ...] [--version]");
			System.out.println("Las opciones de scripts/run.sh: scripts/run.sh --help; las propiedades: README.md.");
			System.exit(CifrasExit.OK);
		}
		if (arguments.contains("--version")) {
			System.out.println("Cifras " + CommandLineCheck.version());
			System.exit(CifrasExit.OK);
		}
		// Refused before Spring starts: a typo must not pass silently, nor a bad value
		// end in a stack trace seconds later.
		Optional<String> problem = CommandLineCheck.problem(args);
		if (problem.isPresent()) {
			System.err.println("Cifras: " + problem.get());
			System.exit(CifrasExit.USAGE);
		}
		Optional<String> schedule = Arrays.stream(args)
			.filter((arg) -> arg.startsWith(SCHEDULE_ARGUMENT))
			.map((arg) -> arg.substring(SCHEDULE_ARGUMENT.length()))
			.filter((cron) -> !cron.isBlank())
			.findFirst();
		if (schedule.isPresent()) {
			runOnSchedule(schedule.get(), args);
		}
		System.exit(runOnce(args, true));
	}

	/** One run in an application context of its own; returns its exit status. */
	static int runOnce(String[] args, boolean exitWhenBusy) {
		SpringApplication application = new SpringApplication(CifrasApplication.class);
		// The runner stops a running job at a chunk boundary before the context closes.
		application.setRegisterShutdownHook(false);
		application.addListeners(new ConfigurationGuard(exitWhenBusy), new SingleRunGuard(exitWhenBusy));
		return SpringApplication.exit(application.run(args));
	}

	/**
	 * Stays up and runs on a cron schedule (Chile time), each run in a fresh context: the
	 * run date, the lock and memory are those of that run. Ends with the process
	 * (SIGTERM, Ctrl+C).
	 */
	private static void runOnSchedule(String cron, String[] args) {
		CronExpression expression;
		try {
			expression = CronExpression.parse(cron);
		}
		catch (IllegalArgumentException ex) {
			System.err.println("Cifras: expresión cron no válida para --cifras.schedule: \"" + cron
					+ "\" (seis campos: segundo minuto hora día mes día-de-la-semana, p. ej. \"0 0 2 * * *\")");
			System.exit(CifrasExit.USAGE);
			return;
		}
		System.out
			.println("Cifras: ejecución programada \"" + cron + "\" (hora de Chile). Se detiene con Ctrl+C o SIGTERM.");
		while (true) {
			ZonedDateTime next = expression.next(ZonedDateTime.now(ChileTime.ZONE));
			if (next == null) {
				return;
			}
			try {
				Thread.sleep(Math.max(0, next.toInstant().toEpochMilli() - System.currentTimeMillis()));
				runOnce(args, false);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			catch (RuntimeException ex) {
				logger.error("La ejecución programada no se pudo hacer: {}", ex.getMessage());
			}
		}
	}

	/**
	 * Checks the configuration once Spring has gathered it (files, environment, command
	 * line) and before anything is locked or read: every problem on a line of its own and
	 * exit 2, no stack trace. A scheduled run with a broken configuration is skipped.
	 */
	static final class ConfigurationGuard implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

		private final boolean exitOnProblems;

		ConfigurationGuard(boolean exitOnProblems) {
			this.exitOnProblems = exitOnProblems;
		}

		@Override
		public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
			List<String> problems = ConfigurationCheck.problems(event.getEnvironment());
			if (problems.isEmpty()) {
				return;
			}
			problems.forEach((problem) -> System.err.println("Cifras: " + problem));
			System.err.println("Cifras: " + ((problems.size() == 1) ? "un problema" : problems.size() + " problemas")
					+ " de configuración; no se hizo nada.");
			if (this.exitOnProblems) {
				System.exit(CifrasExit.USAGE);
			}
			throw new ConfigurationProblems(problems);
		}

	}

	/**
	 * Takes the data folder's run lock, and on PostgreSQL the database's, before anything
	 * opens the database, and gives them back when the context closes or fails to start.
	 * A second run on the same folder or database exits at once (status 3), touching
	 * nothing; a scheduled run that finds either busy is skipped. In {@code --schedule}
	 * mode each run takes and releases them, so other runs may use the database between
	 * scheduled runs.
	 */
	static final class SingleRunGuard implements ApplicationListener<ApplicationEvent> {

		private final boolean exitWhenBusy;

		private RunLock lock;

		private DatabaseRunLock databaseLock;

		SingleRunGuard(boolean exitWhenBusy) {
			this.exitWhenBusy = exitWhenBusy;
		}

		@Override
		public void onApplicationEvent(ApplicationEvent event) {
			if (event instanceof ApplicationEnvironmentPreparedEvent prepared) {
				ConfigurableEnvironment environment = prepared.getEnvironment();
				Path dataDir = Path.of(environment.getProperty("cifras.data-dir", "data")).toAbsolutePath().normalize();
				// H2 refuses a database path implicitly relative to the working
				// directory.
				environment.getPropertySources()
					.addFirst(new MapPropertySource("cifrasDataDir", Map.of("cifras.data-dir", dataDir.toString())));
				acquire(dataDir);
				acquireDatabase(environment);
				if (environment.getProperty("cifras.fresh", Boolean.class, false)) {
					startFresh(environment, dataDir);
				}
			}
			else if (event instanceof ContextClosedEvent || event instanceof ApplicationFailedEvent) {
				release();
			}
		}

		private void acquire(Path dataDir) {
			try {
				Optional<RunLock> acquired = RunLock.tryAcquire(dataDir);
				if (acquired.isPresent()) {
					this.lock = acquired.get();
					return;
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException("No se pudo tomar el bloqueo de " + dataDir, ex);
			}
			busy("ya hay una ejecución en curso con la carpeta de datos " + dataDir + "; esta termina sin hacer nada.");
		}

		/**
		 * PostgreSQL may be shared by runs from other data folders or machines: its own
		 * lock, taken before the migrations and the recovery of interrupted runs.
		 */
		private void acquireDatabase(ConfigurableEnvironment environment) {
			String url = environment.getProperty("spring.datasource.url");
			if (!DatabaseRunLock.appliesTo(url)) {
				return;
			}
			try {
				Optional<DatabaseRunLock> acquired = DatabaseRunLock.tryAcquire(url,
						environment.getProperty("spring.datasource.username"),
						environment.getProperty("spring.datasource.password"));
				if (acquired.isPresent()) {
					this.databaseLock = acquired.get();
					return;
				}
			}
			catch (SQLException ex) {
				release();
				throw new IllegalStateException("No se pudo conectar a la base de datos "
						+ DatabaseRunLock.describe(url) + " para tomar su bloqueo: " + ex.getMessage(), ex);
			}
			release();
			busy("otra ejecución está usando la base de datos " + DatabaseRunLock.describe(url)
					+ " (desde otra carpeta de datos o en otro equipo); esta termina sin hacer nada.");
		}

		/**
		 * {@code --demo --fresh}: the folders are emptied while this run holds the data
		 * folder's lock, before the database is opened.
		 */
		private void startFresh(ConfigurableEnvironment environment, Path dataDir) {
			if (this.databaseLock != null) {
				release();
				System.err.println("Cifras: --fresh vacía la base de datos incorporada de la carpeta de datos; "
						+ "no se usa con PostgreSQL.");
				System.exit(CifrasExit.USAGE);
			}
			try {
				FreshStart.empty(Path.of(environment.getProperty("cifras.input-dir", "input")),
						Path.of(environment.getProperty("cifras.output-dir", "output")), dataDir);
			}
			catch (IOException ex) {
				throw new UncheckedIOException("No se pudieron vaciar las carpetas para empezar de nuevo", ex);
			}
		}

		private void busy(String message) {
			if (this.exitWhenBusy) {
				System.err.println("Cifras: " + message);
				System.exit(CifrasExit.ALREADY_RUNNING);
			}
			throw new IllegalStateException(message);
		}

		private void release() {
			if (this.databaseLock != null) {
				try {
					this.databaseLock.close();
				}
				catch (SQLException ex) {
					// released by the server when the session ends
				}
				this.databaseLock = null;
			}
			if (this.lock != null) {
				try {
					this.lock.close();
				}
				catch (IOException ex) {
					// released by the operating system when the process ends
				}
				this.lock = null;
			}
		}

	}

}
