package cl.sernac.cifras.reading;

import java.awt.Color;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.PropertiesPropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * The intake channels, declared under {@code cifras.channels}: per channel its code (what
 * profiles and the store use), its Spanish label, its colour in every chart and table,
 * its place in every list of channels, and how a sentence names it. A new channel is
 * declared once here and a profile may then name it.
 *
 * <p>
 * The catalogue in use is process-wide: the application context sets it when it starts
 * ({@link #use}); until then it is the one of the bundled {@code application.yml}.
 */
public final class ChannelCatalog {

	public static final String PREFIX = "cifras.channels";

	/**
	 * The mobile unit's channel: its cases say the comuna where the unit stood, which the
	 * report counts as a comuna visited.
	 */
	public static final String MOBILE_UNIT = "MOVIL";

	/**
	 * The municipal platforms' channel: its cases name the municipality or provincial
	 * government whose platform took them.
	 */
	public static final String MUNICIPAL_PLATFORMS = "MUNICIPAL";

	private static final Color UNKNOWN_COLOR = new Color(0x8C8C8C);

	private static volatile ChannelCatalog current;

	private final Map<String, Channel> byCode;

	private ChannelCatalog(List<Channel> channels) {
		List<Channel> sorted = new ArrayList<>(channels);
		sorted.sort(Comparator.comparingInt(Channel::order).thenComparing(Channel::code));
		this.byCode = new LinkedHashMap<>();
		sorted.forEach((channel) -> this.byCode.putIfAbsent(channel.code(), channel));
	}

	/** The catalogue bound from configuration entries, by their key. */
	public static ChannelCatalog of(Map<String, Entry> entries) {
		List<Channel> channels = new ArrayList<>();
		entries.forEach((key, entry) -> channels.add(new Channel(code(key, entry), label(key, entry),
				color(entry.color()).orElse(UNKNOWN_COLOR), (entry.order() != null) ? entry.order() : Integer.MAX_VALUE,
				subject(key, entry), Boolean.TRUE.equals(entry.plural()))));
		return new ChannelCatalog(channels);
	}

	/** The entries under {@code cifras.channels} of a binder. */
	public static Map<String, Entry> entries(Binder binder) {
		return binder.bind(PREFIX, Bindable.mapOf(String.class, Entry.class)).orElse(Map.of());
	}

	public static ChannelCatalog bind(Binder binder) {
		return of(entries(binder));
	}

	/** The catalogue of the bundled {@code application.yml}. */
	public static ChannelCatalog defaults() {
		YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
		yaml.setResources(new ClassPathResource("application.yml"));
		return bind(new Binder(
				ConfigurationPropertySources.from(new PropertiesPropertySource("application.yml", yaml.getObject()))));
	}

	/** The catalogue in use. */
	public static ChannelCatalog current() {
		ChannelCatalog catalog = current;
		if (catalog == null) {
			catalog = defaults();
			current = catalog;
		}
		return catalog;
	}

	/** Makes a catalogue the one in use (at the start of the application). */
	public static void use(ChannelCatalog catalog) {
		current = catalog;
	}

	/** The code of an entry: its {@code code}, else its key in upper case. */
	public static String code(String key, Entry entry) {
		if (entry.code() != null && !entry.code().isBlank()) {
			return entry.code().strip();
		}
		return key.toUpperCase(Locale.ROOT).replace('-', '_');
	}

	private static String label(String key, Entry entry) {
		return (entry.label() != null && !entry.label().isBlank()) ? entry.label().strip() : code(key, entry);
	}

	private static String subject(String key, Entry entry) {
		return (entry.subject() != null && !entry.subject().isBlank()) ? entry.subject().strip()
				: "el canal " + label(key, entry);
	}

	/** A colour written {@code #RRGGBB}; empty when it is not one. */
	public static Optional<Color> color(String value) {
		if (value == null || !value.strip().matches("#[0-9A-Fa-f]{6}")) {
			return Optional.empty();
		}
		return Optional.of(new Color(Integer.parseInt(value.strip().substring(1), 16)));
	}

	/** Channel codes in the catalogue's order. */
	public List<String> codes() {
		return List.copyOf(this.byCode.keySet());
	}

	public boolean contains(String code) {
		return this.byCode.containsKey(code);
	}

	public Optional<Channel> get(String code) {
		return Optional.ofNullable(this.byCode.get(code));
	}

	/**
	 * The label shown to people; a code the catalogue does not hold is shown as it is.
	 */
	public String label(String code) {
		Channel channel = this.byCode.get(code);
		return (channel != null) ? channel.label() : code;
	}

	/** The colour of a channel; grey for a code the catalogue does not hold. */
	public Color colorOf(String code) {
		Channel channel = this.byCode.get(code);
		return (channel != null) ? channel.color() : UNKNOWN_COLOR;
	}

	/** Catalogue order; codes it does not hold come after, by name. */
	public Comparator<String> order() {
		List<String> codes = codes();
		return Comparator.<String>comparingInt((code) -> {
			int index = codes.indexOf(code);
			return (index >= 0) ? index : Integer.MAX_VALUE;
		}).thenComparing(Comparator.naturalOrder());
	}

	/**
	 * A channel as configured.
	 *
	 * @param code channel code used by profiles and the store ({@code CALL_CENTER}); the
	 * entry's key in upper case when empty
	 * @param label Spanish name shown in tables, charts and the report
	 * @param color colour as {@code #RRGGBB}
	 * @param order place in every list of channels, smallest first
	 * @param subject how a sentence names the channel, lower case, with its article
	 * ({@code las plataformas municipales}); {@code el canal} and the label when empty
	 * @param plural whether a verb after the subject goes in plural ({@code true} for
	 * {@code las plataformas municipales}); singular when empty
	 */
	public record Entry(String code, String label, String color, Integer order, String subject, Boolean plural) {
	}

	/**
	 * A channel of the catalogue.
	 *
	 * @param subject how a sentence names it, lower case, with its article
	 * @param plural whether a verb after the subject goes in plural
	 */
	public record Channel(String code, String label, Color color, int order, String subject, boolean plural) {
	}

}
