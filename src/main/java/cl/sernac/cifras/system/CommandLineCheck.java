package cl.sernac.cifras.system;

import cl.sernac.cifras.support.ChileTime;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

import cl.sernac.cifras.admission.AdmissionSettings;
import cl.sernac.cifras.merge.RecordStoreProperties;
import cl.sernac.cifras.report.AccountProperties;
import cl.sernac.cifras.report.ReportProperties;

import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.SimpleCommandLinePropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * Checks the command line before the application starts: every {@code --key=value} must
 * name a property of Cifras or of Spring, and the values an operator types most must make
 * sense. A bad command line ends with one line in Spanish and exit 2, instead of a stack
 * trace seconds later, or a typo that silently changes nothing.
 */
public final class CommandLineCheck {

	/** The years a report period may name: SERNAC's records start in the 1990s. */
	public static final int FIRST_YEAR = 1990;

	public static final int LAST_YEAR = 2100;

	/** Read before the application context exists, so bound by no properties record. */
	static final List<String> COMMAND_LINE_NAMES = List.of("cifras.schedule", "cifras.fresh");

	/** Read from the environment, by the log's layout too, not bound by a record. */
	private static final List<String> UNBOUND_NAMES = List.of(ChileTime.PROPERTY);

	/** Spring's own properties are too many to list: their namespaces are accepted. */
	private static final List<String> SPRING_PREFIXES = List.of("spring.", "logging.", "server.", "management.");

	private static final Set<String> SPRING_NAMES = Set.of("debug", "trace");

	/**
	 * Source profiles and channels have free-form names; what is under them is checked
	 * with the rest of the configuration ({@link ConfigurationCheck}).
	 */
	private static final List<String> FREE_PREFIXES = List.of("cifras.sources.", "cifras.channels.",
			"cifras.account.targets");

	private static final List<Class<? extends Record>> PROPERTY_RECORDS = List.of(CifrasProperties.class,
			ReportProperties.class, AdmissionSettings.class, RecordStoreProperties.class, AccountProperties.class);

	private static final String FROM_YEAR = "cifras.report.from-year";

	private static final String TO_YEAR = "cifras.report.to-year";

	private CommandLineCheck() {
	}

	/** What is wrong with the command line, in Spanish; empty when nothing is. */
	public static Optional<String> problem(String[] args) {
		SortedSet<String> known = knownNames();
		for (String arg : args) {
			if (!arg.startsWith("--") || arg.length() == 2) {
				return Optional.of("argumento no reconocido: «" + arg
						+ "» (las propiedades se dan como --nombre=valor; vea scripts/run.sh --help)");
			}
			int equals = arg.indexOf('=');
			String name = arg.substring(2, (equals < 0) ? arg.length() : equals);
			if (!isKnown(name, known)) {
				return Optional.of("propiedad desconocida --" + name + suggestion(name, known));
			}
		}
		return values(args);
	}

	/** The version of this build, from the Maven-filtered {@code application.yml}. */
	public static String version() {
		return applicationYaml().getProperty("cifras.version", "desconocida");
	}

	static SortedSet<String> knownNames() {
		SortedSet<String> names = new TreeSet<>(COMMAND_LINE_NAMES);
		names.addAll(UNBOUND_NAMES);
		for (Class<? extends Record> type : PROPERTY_RECORDS) {
			String prefix = prefix(type);
			for (RecordComponent component : type.getRecordComponents()) {
				names.add(prefix + "." + kebab(component.getName()));
			}
		}
		for (Object key : applicationYaml().keySet()) {
			names.add(key.toString().replaceAll("\\[\\d+]", ""));
		}
		return Collections.unmodifiableSortedSet(names);
	}

	static boolean isKnown(String name, Set<String> known) {
		String canonical = canonical(name);
		if (SPRING_NAMES.contains(canonical) || SPRING_PREFIXES.stream().anyMatch(canonical::startsWith)) {
			return true;
		}
		for (String prefix : FREE_PREFIXES) {
			if (canonical.startsWith(canonical(prefix)) && canonical.length() > canonical(prefix).length()) {
				return true;
			}
		}
		return known.stream().anyMatch((k) -> canonical(k).equals(canonical));
	}

	/** The nearest known name, when it is near enough to be the one meant. */
	static String suggestion(String name, Set<String> known) {
		String nearest = null;
		int best = Integer.MAX_VALUE;
		for (String candidate : known) {
			String typed = name.toLowerCase(Locale.ROOT);
			int distance = distance(typed, candidate);
			if (candidate.startsWith("cifras.")) {
				// "--chunk-size=5" for "--cifras.chunk-size=5"
				distance = Math.min(distance, distance(typed, candidate.substring("cifras.".length())));
			}
			if (distance < best) {
				best = distance;
				nearest = candidate;
			}
		}
		if (nearest != null && best <= Math.max(2, name.length() / 3)) {
			return "; ¿quiso decir --" + nearest + "?";
		}
		return " (vea scripts/run.sh --help)";
	}

	/** Levenshtein distance: insertions, deletions and substitutions. */
	static int distance(String a, String b) {
		int[] previous = new int[b.length() + 1];
		int[] current = new int[b.length() + 1];
		for (int j = 0; j <= b.length(); j++) {
			previous[j] = j;
		}
		for (int i = 1; i <= a.length(); i++) {
			current[0] = i;
			for (int j = 1; j <= b.length(); j++) {
				int substitution = previous[j - 1] + ((a.charAt(i - 1) == b.charAt(j - 1)) ? 0 : 1);
				current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
			}
			int[] swap = previous;
			previous = current;
			current = swap;
		}
		return previous[b.length()];
	}

	/**
	 * The values given on the command line, bound as the application will bind them; the
	 * years and the input folder checked further.
	 */
	private static Optional<String> values(String[] args) {
		Binder binder = new Binder(ConfigurationPropertySources.from(new SimpleCommandLinePropertySource(args)));
		Optional<String> years = years(raw(binder, FROM_YEAR), raw(binder, TO_YEAR));
		if (years.isPresent()) {
			return years;
		}
		try {
			for (Class<? extends Record> type : PROPERTY_RECORDS) {
				String prefix = prefix(type);
				for (RecordComponent component : type.getRecordComponents()) {
					if (!Map.class.isAssignableFrom(component.getType())
							&& !java.util.Collection.class.isAssignableFrom(component.getType())) {
						binder.bind(prefix + "." + kebab(component.getName()), boxed(component.getType()));
					}
				}
			}
			boolean demo = binder.bind("cifras.demo", Boolean.class).orElse(false);
			boolean fresh = binder.bind("cifras.fresh", Boolean.class).orElse(false);
			String input = raw(binder, "cifras.input-dir");
			if (input != null && !demo) {
				// the default folder, and the one the demo fills, are made when missing
				Path folder = Path.of(input);
				if (!Files.exists(folder)) {
					return Optional.of("la carpeta de entrada «" + input + "» no existe (--cifras.input-dir)");
				}
				if (!Files.isDirectory(folder)) {
					return Optional.of("«" + input + "» no es una carpeta (--cifras.input-dir)");
				}
			}
			if (fresh) {
				return freshStart(binder, demo, input);
			}
		}
		catch (BindException ex) {
			String value = (ex.getProperty() != null) ? String.valueOf(ex.getProperty().getValue()) : "";
			return Optional.of("valor no válido para --" + ex.getName() + ": «" + value + "»");
		}
		return Optional.empty();
	}

	static Optional<String> years(String from, String to) {
		for (String[] year : List.of(new String[] { FROM_YEAR, from }, new String[] { TO_YEAR, to })) {
			if (year[1] != null && !isYear(year[1])) {
				return Optional.of("--" + year[0] + " debe ser un año de cuatro cifras entre " + FIRST_YEAR + " y "
						+ LAST_YEAR + ", no «" + year[1] + "»");
			}
		}
		if (from != null && to != null && Integer.parseInt(from) > Integer.parseInt(to)) {
			return Optional.of("el año inicial del informe (--" + FROM_YEAR + "=" + from
					+ ") es posterior al año final (--" + TO_YEAR + "=" + to + ")");
		}
		return Optional.empty();
	}

	private static boolean isYear(String value) {
		return value.matches("[0-9]{4}") && Integer.parseInt(value) >= FIRST_YEAR
				&& Integer.parseInt(value) <= LAST_YEAR;
	}

	private static Optional<String> freshStart(Binder binder, boolean demo, String input) {
		if (!demo) {
			return Optional.of("--cifras.fresh solo se usa con la demostración (scripts/run.sh --demo --fresh)");
		}
		if (raw(binder, "cifras.schedule") != null) {
			return Optional.of("--cifras.fresh no se combina con --cifras.schedule");
		}
		return FreshStart.refusal(Path.of((input != null) ? input : "input"),
				Path.of(Optional.ofNullable(raw(binder, "cifras.output-dir")).orElse("output")),
				Path.of(Optional.ofNullable(raw(binder, "cifras.data-dir")).orElse("data")));
	}

	/** A value as typed, stripped; null when not given or blank. */
	private static String raw(Binder binder, String name) {
		String value = binder.bind(name, String.class).map(String::strip).orElse("");
		return value.isEmpty() ? null : value;
	}

	private static String prefix(Class<? extends Record> type) {
		ConfigurationProperties annotation = type.getAnnotation(ConfigurationProperties.class);
		return annotation.value().isEmpty() ? annotation.prefix() : annotation.value();
	}

	private static Class<?> boxed(Class<?> type) {
		if (type == int.class) {
			return Integer.class;
		}
		if (type == boolean.class) {
			return Boolean.class;
		}
		return type;
	}

	private static String kebab(String camel) {
		return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
	}

	/** Spring's relaxed binding: case, dashes and underscores do not matter. */
	private static String canonical(String name) {
		return name.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "").replaceAll("\\[[^]]*]", "");
	}

	private static Properties applicationYaml() {
		YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
		yaml.setResources(new ClassPathResource("application.yml"));
		return yaml.getObject();
	}

}
