package cl.sernac.cifras.system;

import java.lang.reflect.RecordComponent;
import java.nio.charset.Charset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;

import cl.sernac.cifras.normalize.AccountCodes;
import cl.sernac.cifras.report.AccountIndicator;
import cl.sernac.cifras.report.AccountProperties;
import cl.sernac.cifras.reading.ChannelCatalog;
import cl.sernac.cifras.reading.SourceProfile;

import cl.sernac.cifras.reading.RecordType;
import cl.sernac.cifras.reading.SoniSubtype;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * Checks the configuration as the application will read it (bundled
 * {@code application.yml}, a {@code config/application.yml}, the environment, the command
 * line) before anything is read: property names under {@code cifras.*}, the channel
 * catalogue, and every source profile (channel, type and subtype codes, required roles,
 * date formats, file patterns that overlap). Every problem is one line in Spanish naming
 * the profile and the property; all are listed at once.
 */
public final class ConfigurationCheck {

	static final String PREFIX = "Configuración: ";

	/**
	 * Variables of the environment that start like a property of Cifras but are read as
	 * variables, by the application, the scripts or the tests.
	 */
	private static final List<String> ENVIRONMENT_VARIABLES = List.of("CIFRAS_RUT_SECRET", "CIFRAS_DB_",
			"CIFRAS_JAVA_OPTS", "CIFRAS_CLASSPATH", "CIFRAS_HALT_AT", "CIFRAS_PAUSE_AT", "CIFRAS_TEST_");

	private static final String SOURCES = "cifras.sources";

	private static final String TARGETS = "cifras.account.targets";

	private ConfigurationCheck() {
	}

	/** Every problem of the configuration, one line each; empty when there is none. */
	public static List<String> problems(ConfigurableEnvironment environment) {
		Set<String> problems = new LinkedHashSet<>(names(environment));
		Binder binder = Binder.get(environment);
		ChannelCatalog channels;
		try {
			Map<String, ChannelCatalog.Entry> entries = ChannelCatalog.entries(binder);
			problems.addAll(channels(entries));
			channels = ChannelCatalog.of(entries);
		}
		catch (BindException ex) {
			problems.add(PREFIX + "valor no válido para " + ex.getName() + ": «" + value(ex) + "»");
			channels = ChannelCatalog.defaults();
		}
		try {
			Map<String, SourceProfile> profiles = new TreeMap<>(
					binder.bind(SOURCES, Bindable.mapOf(String.class, SourceProfile.class)).orElse(Map.of()));
			problems.addAll(profiles(profiles, channels));
		}
		catch (BindException ex) {
			problems.add(PREFIX + "valor no válido para " + ex.getName() + ": «" + value(ex) + "»");
		}
		try {
			List<AccountProperties.Target> targets = binder
				.bind(TARGETS, Bindable.listOf(AccountProperties.Target.class))
				.orElse(List.of());
			problems.addAll(targets(targets, channels));
		}
		catch (BindException ex) {
			problems.add(PREFIX + "valor no válido para " + ex.getName() + ": «" + value(ex) + "»");
		}
		return List.copyOf(problems);
	}

	/** Names under {@code cifras.*} that no property has, from every property source. */
	static List<String> names(ConfigurableEnvironment environment) {
		SortedSet<String> known = CommandLineCheck.knownNames();
		List<String> problems = new ArrayList<>();
		for (PropertySource<?> source : environment.getPropertySources()) {
			if (!(source instanceof EnumerablePropertySource<?> enumerable)) {
				continue;
			}
			boolean variables = StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME.equals(source.getName());
			for (String name : enumerable.getPropertyNames()) {
				String problem = variables ? variable(name, known) : property(name, known);
				if (problem != null) {
					problems.add(PREFIX + problem + " (" + origin(source) + ")");
				}
			}
		}
		return problems;
	}

	private static String property(String name, SortedSet<String> known) {
		String plain = name.replaceAll("\\[[^]]*]", "");
		if (!plain.toLowerCase(Locale.ROOT).startsWith("cifras.")) {
			return null;
		}
		String[] parts = plain.split("\\.");
		if (parts.length > 3 && canonical(parts[1]).equals("sources")) {
			String nearest = unknownPath(SourceProfile.class, List.of(parts).subList(3, parts.length));
			if (nearest == null) {
				return null;
			}
			return "fuente «" + parts[2] + "», propiedad desconocida " + name
					+ suggestion(nearest, "cifras.sources." + parts[2] + ".");
		}
		if (parts.length > 3 && canonical(parts[1]).equals("account") && canonical(parts[2]).equals("targets")) {
			String nearest = unknownPath(AccountProperties.Target.class, List.of(parts).subList(3, parts.length));
			if (nearest == null) {
				return null;
			}
			return "meta, propiedad desconocida " + name + suggestion(nearest, TARGETS + "[].");
		}
		if (parts.length > 3 && canonical(parts[1]).equals("channels")) {
			String nearest = unknownPath(ChannelCatalog.Entry.class, List.of(parts).subList(3, parts.length));
			if (nearest == null) {
				return null;
			}
			return "canal «" + parts[2] + "», propiedad desconocida " + name
					+ suggestion(nearest, "cifras.channels." + parts[2] + ".");
		}
		if (CommandLineCheck.isKnown(plain, known)) {
			return null;
		}
		return "propiedad desconocida " + name + suggestion(nearest(plain, known), "");
	}

	private static String variable(String name, SortedSet<String> known) {
		String upper = name.toUpperCase(Locale.ROOT);
		if (!upper.startsWith("CIFRAS_") || ENVIRONMENT_VARIABLES.stream().anyMatch(upper::startsWith)) {
			return null;
		}
		String canonical = canonical(name);
		if (canonical.startsWith("cifrassources") || canonical.startsWith("cifraschannels")
				|| known.stream().anyMatch((k) -> canonical(k).equals(canonical))) {
			return null;
		}
		String nearest = nearest(name.toLowerCase(Locale.ROOT).replace('_', '.'), known);
		return "variable desconocida " + name + ((nearest != null)
				? "; ¿quiso decir " + nearest.toUpperCase(Locale.ROOT).replaceAll("[.-]", "_") + "?" : "");
	}

	/**
	 * Null when the path names a property of the record type; else the nearest name of
	 * the level where it went wrong, or an empty string when none is near.
	 */
	static String unknownPath(Class<?> type, List<String> path) {
		Class<?> current = type;
		for (int i = 0; i < path.size(); i++) {
			if (current == null || !current.isRecord()) {
				return null;
			}
			RecordComponent match = null;
			List<String> names = new ArrayList<>();
			for (RecordComponent component : current.getRecordComponents()) {
				names.add(kebab(component.getName()));
				if (canonical(component.getName()).equals(canonical(path.get(i)))) {
					match = component;
				}
			}
			if (match == null) {
				String nearest = nearest(path.get(i).toLowerCase(Locale.ROOT), names);
				if (nearest == null) {
					return "";
				}
				List<String> corrected = new ArrayList<>(path);
				corrected.set(i, nearest);
				return String.join(".", corrected);
			}
			if (Map.class.isAssignableFrom(match.getType()) || Collection.class.isAssignableFrom(match.getType())) {
				return null;
			}
			current = match.getType();
		}
		return null;
	}

	/**
	 * Checks of the targets: a known indicator (and channel, for those counted by
	 * channel), a year, a value above zero, a sentence, and one target per indicator,
	 * channel and year.
	 */
	static List<String> targets(List<AccountProperties.Target> targets, ChannelCatalog channels) {
		List<String> problems = new ArrayList<>();
		Set<String> seen = new java.util.HashSet<>();
		for (int i = 0; i < targets.size(); i++) {
			AccountProperties.Target target = targets.get(i);
			String at = PREFIX + "meta " + (i + 1) + ", " + TARGETS + "[" + i + "].";
			AccountIndicator indicator = AccountIndicator.of(target.indicator()).orElse(null);
			if (indicator == null) {
				problems.add(at + "indicator: "
						+ (blank(target.indicator())
								? "falta el indicador; se conocen " + String.join(", ", AccountIndicator.codes())
								: unknownLower("indicador", target.indicator().strip(), AccountIndicator.codes())));
			}
			if (!blank(target.channel())) {
				if (indicator != null && !indicator.byChannel()) {
					problems.add(at + "channel: el indicador «" + indicator.code() + "» no se cuenta por canal");
				}
				else if (!channels.contains(target.channel().strip())) {
					problems.add(at + "channel: " + unknown("canal", target.channel().strip(), channels.codes()));
				}
			}
			if (target.year() == null || target.year() < 2000 || target.year() > 2100) {
				problems.add(at + "year: " + ((target.year() == null) ? "falta el año de la meta"
						: "año no válido «" + target.year() + "»"));
			}
			if (target.value() == null || target.value() <= 0) {
				problems.add(at + "value: " + ((target.value() == null) ? "falta la cifra de la meta"
						: "la cifra de la meta debe ser mayor que 0"));
			}
			if (blank(target.sentence())) {
				problems.add(at + "sentence: falta la frase que presenta la meta");
			}
			if (indicator != null && target.year() != null && !seen.add(indicator.code() + "|"
					+ (blank(target.channel()) ? "" : target.channel().strip()) + "|" + target.year())) {
				problems.add(at + "indicator: ya hay una meta de «" + indicator.code() + "»"
						+ (blank(target.channel()) ? "" : " del canal " + target.channel().strip()) + " para "
						+ target.year());
			}
		}
		return problems;
	}

	private static String unknownLower(String what, String code, List<String> known) {
		String nearest = nearest(code.toLowerCase(Locale.ROOT), known);
		return what + " desconocido «" + code + "»"
				+ ((nearest != null) ? "; ¿quiso decir " + nearest + "?" : "; se conocen " + String.join(", ", known));
	}

	/** Checks of the channel catalogue's entries. */
	static List<String> channels(Map<String, ChannelCatalog.Entry> entries) {
		List<String> problems = new ArrayList<>();
		Map<String, String> keysByCode = new TreeMap<>();
		new TreeMap<>(entries).forEach((key, entry) -> {
			String property = ChannelCatalog.PREFIX + "." + key;
			String code = ChannelCatalog.code(key, entry);
			if (!code.matches("[A-Z0-9_]+")) {
				problems.add(PREFIX + "canal «" + key + "», " + property + ".code: el código «" + code
						+ "» debe tener solo mayúsculas, cifras y _");
			}
			String other = keysByCode.putIfAbsent(code, key);
			if (other != null) {
				problems.add(PREFIX + "canal «" + key + "», " + property + ".code: el código «" + code
						+ "» ya es el del canal «" + other + "»");
			}
			if (entry.label() == null || entry.label().isBlank()) {
				problems.add(PREFIX + "canal «" + key + "», " + property + ".label: falta el nombre del canal");
			}
			if (ChannelCatalog.color(entry.color()).isEmpty()) {
				problems.add(PREFIX + "canal «" + key + "», " + property + ".color: "
						+ ((entry.color() == null) ? "falta el color" : "color no válido «" + entry.color() + "»")
						+ " (se escribe #RRGGBB, p. ej. #0072B2)");
			}
			if (entry.order() == null) {
				problems.add(PREFIX + "canal «" + key + "», " + property + ".order: falta el orden del canal");
			}
		});
		return problems;
	}

	/** Checks of every source profile, and of the profiles' patterns pairwise. */
	static List<String> profiles(Map<String, SourceProfile> profiles, ChannelCatalog channels) {
		List<String> problems = new ArrayList<>();
		profiles.forEach((name, profile) -> problems.addAll(profile(name, profile, channels)));
		List<String> names = new ArrayList<>(profiles.keySet());
		for (int i = 0; i < names.size(); i++) {
			for (int j = i + 1; j < names.size(); j++) {
				String overlap = overlap(names.get(i), profiles.get(names.get(i)), names.get(j),
						profiles.get(names.get(j)));
				if (overlap != null) {
					problems.add(overlap);
				}
			}
		}
		return problems;
	}

	static List<String> profile(String name, SourceProfile profile, ChannelCatalog channels) {
		List<String> problems = new ArrayList<>();
		String at = PREFIX + "fuente «" + name + "», " + SOURCES + "." + name + ".";
		if (blank(profile.filePattern())) {
			problems.add(at + "file-pattern: falta el patrón de los nombres de archivo");
		}
		if (profile.keyColumns().isEmpty()) {
			problems.add(at + "key-columns: faltan las columnas que identifican un registro");
		}
		if (profile.columnNames("date").isEmpty() && !profile.constants().containsKey("date")
				&& !profile.defaults().containsKey("date")) {
			problems.add(at + "columns.date: falta la columna de la fecha");
		}
		boolean fixedType = profile.constants().containsKey("type") || profile.defaults().containsKey("type");
		if (profile.columns() == null || (profile.columns().type() == null && !fixedType)) {
			problems.add(at + "columns.type: falta la columna del tipo (o constants.type)");
		}
		SourceProfile.Kind kind = SourceProfile.Kind.of(profile.kind());
		if (kind == null) {
			problems.add(at + "kind: clase de registros desconocida «" + profile.kind()
					+ "»; se conocen caso, juicio, actividad");
			kind = SourceProfile.Kind.CASO;
		}
		boolean cases = kind == SourceProfile.Kind.CASO;
		if (blank(profile.channel()) && !profile.readsChannel() && cases) {
			problems.add(at + "channel: falta el canal (o channel-column)");
		}
		List<String> fields = switch (kind) {
			case JUICIO -> AccountCodes.LAWSUIT_FIELDS;
			case ACTIVIDAD -> AccountCodes.ACTIVITY_FIELDS;
			case CASO -> List.of();
		};
		for (String field : fields) {
			if (profile.columnNames(field).isEmpty() && !profile.constants().containsKey(field)
					&& !profile.defaults().containsKey(field)) {
				problems.add(at + "fields." + field + ": falta la columna del campo «" + field + "»");
			}
		}
		if (!blank(profile.channel()) && !channels.contains(profile.channel().strip())) {
			problems.add(at + "channel: " + unknown("canal", profile.channel().strip(), channels.codes()));
		}
		for (String code : profile.channelValues().keySet()) {
			if (!channels.contains(code)) {
				problems.add(at + "channel-values: " + unknown("canal", code, channels.codes()));
			}
		}
		if (profile.typeValues().isEmpty() && !fixedType) {
			problems.add(at + "type-values: faltan los valores de cada tipo");
		}
		List<String> types = switch (kind) {
			case JUICIO -> List.copyOf(AccountCodes.ACTIONS.keySet());
			case ACTIVIDAD -> List.copyOf(AccountCodes.LINES.keySet());
			case CASO -> RecordType.codes();
		};
		List<String> subtypes = (kind == SourceProfile.Kind.ACTIVIDAD) ? List.copyOf(AccountCodes.MECHANISMS.keySet())
				: SoniSubtype.codes();
		for (String code : profile.typeValues().keySet()) {
			if (!types.contains(code)) {
				problems.add(at + "type-values: " + unknown("tipo", code, types));
			}
		}
		for (String code : profile.subtypeValues().keySet()) {
			if (!subtypes.contains(code)) {
				problems.add(at + "subtype-values: " + unknown("subtipo", code, subtypes));
			}
		}
		if (profile.dateFormats().isEmpty()) {
			problems.add(at + "date-formats: faltan los formatos de la fecha");
		}
		for (String format : profile.dateFormats()) {
			try {
				DateTimeFormatter.ofPattern(format);
			}
			catch (IllegalArgumentException ex) {
				problems.add(at + "date-formats: formato de fecha no válido «" + format + "»");
			}
		}
		try {
			profile.delimiterChar();
		}
		catch (IllegalArgumentException ex) {
			problems.add(at + "delimiter: el separador debe ser un carácter (o \\t), no «" + profile.delimiter() + "»");
		}
		try {
			Charset.forName(profile.encoding());
		}
		catch (IllegalArgumentException ex) {
			problems.add(at + "encoding: codificación desconocida «" + profile.encoding() + "»");
		}
		return problems;
	}

	/**
	 * A file name both profiles would take, found among the names each pattern generates
	 * (every {@code *} empty or standing for the other's plainest name, every {@code ?} a
	 * letter); null when none is.
	 */
	static String overlap(String first, SourceProfile a, String second, SourceProfile b) {
		if (blank(a.filePattern()) || blank(b.filePattern())) {
			return null;
		}
		for (String candidate : candidates(a.filePattern(), b.filePattern())) {
			if (a.matches(candidate) && b.matches(candidate)) {
				return PREFIX + "las fuentes «" + first + "» y «" + second + "» reconocen los mismos archivos: «"
						+ candidate + "» coincide con " + SOURCES + "." + first + ".file-pattern «" + a.filePattern()
						+ "» y con " + SOURCES + "." + second + ".file-pattern «" + b.filePattern() + "»";
			}
		}
		return null;
	}

	private static List<String> candidates(String a, String b) {
		List<String> candidates = new ArrayList<>();
		for (String[] pair : List.of(new String[] { a, b }, new String[] { b, a })) {
			String plainOther = pair[1].replace("*", "").replace('?', 'a');
			candidates.add(pair[0].replace("*", "x").replace('?', 'a'));
			candidates.add(pair[0].replace("*", "").replace('?', 'a'));
			candidates.add(pair[0].replace("*", plainOther).replace('?', 'a'));
		}
		return candidates;
	}

	private static String unknown(String what, String code, List<String> known) {
		String nearest = nearest(code.toUpperCase(Locale.ROOT), known);
		return what + " desconocido «" + code + "»"
				+ ((nearest != null) ? "; ¿quiso decir " + nearest + "?" : "; se conocen " + String.join(", ", known));
	}

	private static String suggestion(String nearest, String prefix) {
		return (nearest != null && !nearest.isEmpty()) ? "; ¿quiso decir " + prefix + nearest + "?" : "";
	}

	/** The nearest name, when it is near enough to be the one meant. */
	static String nearest(String typed, Collection<String> names) {
		String nearest = null;
		int best = Integer.MAX_VALUE;
		for (String candidate : names) {
			int distance = CommandLineCheck.distance(typed.toLowerCase(Locale.ROOT),
					candidate.toLowerCase(Locale.ROOT));
			if (distance < best) {
				best = distance;
				nearest = candidate;
			}
		}
		return (nearest != null && best <= Math.max(2, typed.length() / 3)) ? nearest : null;
	}

	private static String origin(PropertySource<?> source) {
		String name = source.getName();
		if (name.equals(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME)) {
			return "en el entorno";
		}
		if (name.equals(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME)) {
			return "en las propiedades de Java";
		}
		if (name.equals("commandLineArgs")) {
			return "en la línea de órdenes";
		}
		int open = name.indexOf('[');
		int close = name.indexOf(']', open + 1);
		if (open >= 0 && close > open) {
			return "en " + name.substring(open + 1, close);
		}
		return "en " + name;
	}

	private static String value(BindException ex) {
		return (ex.getProperty() != null) ? String.valueOf(ex.getProperty().getValue()) : "";
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}

	private static String kebab(String camel) {
		return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
	}

	private static String canonical(String name) {
		return name.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "").replace(".", "");
	}

}
