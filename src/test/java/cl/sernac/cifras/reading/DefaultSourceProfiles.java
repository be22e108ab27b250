package cl.sernac.cifras.reading;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * The six source profiles exactly as {@code application.yml} configures them, bound with
 * Spring Boot's binder (the same binding the application applies to
 * {@code cifras.sources}) but without starting a Spring context.
 */
public final class DefaultSourceProfiles {

	/** Limits used by the tests that read the samples: the application's defaults. */
	public static final ReadLimits LIMITS = new ReadLimits(100_000, 200);

	private static Map<String, SourceProfile> profiles;

	private DefaultSourceProfiles() {
	}

	/** The profiles by source name, bound once. */
	public static synchronized Map<String, SourceProfile> all() {
		if (profiles == null) {
			try {
				List<PropertySource<?>> sources = new YamlPropertySourceLoader().load("app",
						new ClassPathResource("application.yml"));
				profiles = Map.copyOf(new Binder(ConfigurationPropertySources.from(sources))
					.bind("cifras.sources", Bindable.mapOf(String.class, SourceProfile.class))
					.get());
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return profiles;
	}

	public static SourceProfile get(String name) {
		SourceProfile profile = all().get(name);
		if (profile == null) {
			throw new IllegalArgumentException("No default profile '" + name + "'");
		}
		return profile;
	}

	public static SourceCatalog catalog() {
		return new SourceCatalog(all());
	}

}
