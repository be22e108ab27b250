package cl.sernac.cifras.check;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import cl.sernac.cifras.normalize.Territory;
import cl.sernac.cifras.reading.ReadLimits;
import cl.sernac.cifras.reading.SourceCatalog;
import cl.sernac.cifras.support.ChileTime;
import cl.sernac.cifras.system.CifrasExit;
import cl.sernac.cifras.system.CifrasProperties;
import cl.sernac.cifras.system.CommandLineCheck;

import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

/**
 * {@code --check FILE...}: the configuration is read as a run reads it (its files and
 * {@code --key=value} properties), and nothing else is started: no database, no lock, no
 * data folder.
 */
public final class CheckCommand {

	/** The first argument that asks for a check instead of a run. */
	public static final String ARGUMENT = "--check";

	private CheckCommand() {
	}

	/**
	 * Checks the files among the arguments (the others are properties).
	 * @return the exit status: 0 when every file is readable, 1 when one is not, 2 for a
	 * bad command line
	 */
	public static int run(List<String> args) {
		List<Path> files = new ArrayList<>();
		List<String> properties = new ArrayList<>();
		for (String arg : args) {
			if (arg.startsWith("--")) {
				properties.add(arg);
			}
			else {
				files.add(Path.of(arg));
			}
		}
		if (files.isEmpty()) {
			System.err.println("Cifras: --check necesita al menos un archivo");
			return CifrasExit.USAGE;
		}
		String[] propertyArgs = properties.toArray(String[]::new);
		Optional<String> problem = CommandLineCheck.problem(propertyArgs);
		if (problem.isPresent()) {
			System.err.println("Cifras: " + problem.get());
			return CifrasExit.USAGE;
		}
		SpringApplication application = new SpringApplication(CheckConfiguration.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		application.setBannerMode(Banner.Mode.OFF);
		application.setLogStartupInfo(false);
		application.setRegisterShutdownHook(false);
		try (ConfigurableApplicationContext context = application.run(propertyArgs)) {
			CifrasProperties cifras = context.getBean(CifrasProperties.class);
			LocalDate runDate = (cifras.runDate() != null) ? cifras.runDate()
					: LocalDate.now(ChileTime.zone(context.getEnvironment().getProperty(ChileTime.PROPERTY, "")));
			ExportCheck check = new ExportCheck(new SourceCatalog(cifras.sources()),
					new ReadLimits(cifras.maxLineChars(), cifras.maxRecordLines()), Territory.load(), runDate);
			return check.check(files, System.out) ? CifrasExit.OK : CifrasExit.FAILED;
		}
	}

	/** Only the configuration of Cifras. */
	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(CifrasProperties.class)
	static class CheckConfiguration {

	}

}
