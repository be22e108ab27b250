package cl.sernac.cifras.reading;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The configured source profiles, and which one a file belongs to.
 */
public final class SourceCatalog {

	private final Map<String, SourceProfile> profiles;

	public SourceCatalog(Map<String, SourceProfile> profiles) {
		this.profiles = new TreeMap<>(profiles);
		this.profiles.forEach((name, profile) -> validate(name, profile));
	}

	/**
	 * The source a file name belongs to; the first in name order when several patterns
	 * match.
	 */
	public Optional<Source> match(String fileName) {
		return this.profiles.entrySet()
			.stream()
			.filter((entry) -> entry.getValue().matches(fileName))
			.findFirst()
			.map((entry) -> new Source(entry.getKey(), entry.getValue()));
	}

	public Source get(String name) {
		SourceProfile profile = this.profiles.get(name);
		if (profile == null) {
			throw new IllegalArgumentException("Unknown source '" + name + "'");
		}
		return new Source(name, profile);
	}

	public Map<String, SourceProfile> profiles() {
		return this.profiles;
	}

	private static void validate(String name, SourceProfile profile) {
		String problem = null;
		if (profile.filePattern() == null || profile.filePattern().isBlank()) {
			problem = "file-pattern is required";
		}
		else if (profile.keyColumns().isEmpty()) {
			problem = "key-columns is required";
		}
		else if ((profile.columns() == null || profile.columns().date() == null)
				&& !profile.constants().containsKey("date")) {
			problem = "columns.date is required";
		}
		else if ((profile.columns() == null || profile.columns().type() == null)
				&& !profile.constants().containsKey("type") && !profile.defaults().containsKey("type")) {
			problem = "columns.type or constants.type is required";
		}
		else if (profile.dateFormats().isEmpty()) {
			problem = "date-formats is required";
		}
		else if (profile.typeValues().isEmpty() && !profile.constants().containsKey("type")) {
			problem = "type-values is required";
		}
		else if (!profile.allRoles().containsAll(profile.constants().keySet())
				|| !profile.allRoles().containsAll(profile.defaults().keySet())) {
			problem = "constants and defaults take roles among " + profile.allRoles();
		}
		else if (SourceProfile.Kind.of(profile.kind()) == null) {
			problem = "kind is one of caso, juicio, actividad";
		}
		else if (profile.headerLine() != null && profile.headerLine() < 1) {
			problem = "header-line starts at 1";
		}
		else if (profile.headerSearchLines() != null && profile.headerSearchLines() < 1) {
			problem = "header-search-lines must be at least 1";
		}
		else if (profile.headerLine() != null && profile.headerSearchLines() != null) {
			problem = "header-line and header-search-lines exclude each other";
		}
		else if (profile.records() != null && profile.records().length() > 60) {
			problem = "records is at most 60 characters";
		}
		else if ((profile.channel() == null || profile.channel().isBlank()) && !profile.readsChannel()
				&& profile.recordKind() == SourceProfile.Kind.CASO) {
			problem = "channel or channel-column is required";
		}
		if (problem != null) {
			throw new IllegalStateException("Source profile '" + name + "': " + problem);
		}
		profile.delimiterChar();
		java.nio.charset.Charset.forName(profile.encoding());
	}

	/** A profile with its name. */
	public record Source(String name, SourceProfile profile) {

		/**
		 * The key space of the source's records (rule 1): the profile's {@code records},
		 * or its name.
		 */
		public String keySpace() {
			String records = this.profile.records();
			return (records != null && !records.isBlank()) ? records.strip() : this.name;
		}

	}

}
