package cl.sernac.cifras;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Optional;

import cl.sernac.cifras.system.CifrasExit;
import cl.sernac.cifras.system.RunLock;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;

@SpringBootApplication
public class CifrasApplication {

	public static void main(String[] args) {
		SpringApplication application = new SpringApplication(CifrasApplication.class);
		// The runner stops a running job at a chunk boundary before the context closes.
		application.setRegisterShutdownHook(false);
		application.addListeners(new SingleRunGuard());
		System.exit(SpringApplication.exit(application.run(args)));
	}

	/**
	 * Takes the data folder's run lock before anything opens the database; a second run exits at
	 * once, touching nothing.
	 */
	static final class SingleRunGuard implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

		private RunLock lock;

		@Override
		public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
			Path dataDir = Path.of(event.getEnvironment().getProperty("cifras.data-dir", "data"));
			try {
				Optional<RunLock> acquired = RunLock.tryAcquire(dataDir);
				if (acquired.isEmpty()) {
					System.err.println("Cifras: ya hay una ejecución en curso con la carpeta de datos " + dataDir
							+ "; esta termina sin hacer nada.");
					System.exit(CifrasExit.ALREADY_RUNNING);
				}
				this.lock = acquired.get();
			}
			catch (IOException ex) {
				throw new UncheckedIOException("No se pudo tomar el bloqueo de " + dataDir, ex);
			}
		}

	}

}
