package cl.sernac.cifras.reading;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.boot.context.properties.bind.ConstructorBinding;

/**
 * How one source system's export is read: everything that differs between exports is
 * here, so a new source or a renamed column is a configuration change.
 *
 * @param filePattern glob matched case-insensitively against the file name
 * ({@code callcenter_*.csv})
 * @param encoding the export's usual encoding; a byte-order mark overrides it
 * @param delimiter field delimiter; {@code \t} is accepted for TAB
 * @param channel channel of every record, unless {@code channelColumn} is set
 * @param channelColumn column holding the intake channel (the portal's
 * {@code canal_origen})
 * @param channelValues channel code to the column values that mean it ({@code ""} matches
 * an empty cell)
 * @param keyColumns columns that together identify a record (rule 1)
 * @param central whether this is the central case system, whose key is the central folio
 * (rule 2)
 * @param columns the columns the pipeline reads, by role
 * @param dateFormats accepted patterns of the date column, tried in order
 * @param typeValues record type code to the values that mean it
 * @param subtypeValues SONI subtype code to the values that mean it
 * @param records the key space of the profile's records (rule 1): profiles that name the
 * same one read editions of one export, and a record of one is replaced by the same
 * record of the other; the profile's own name when empty
 * @param constants a fixed value by role ({@code type}, {@code subtype}, {@code channel},
 * or any other role): the role's column is not read, every record has this value
 * @param defaults a value by role for files whose header lacks the role's column: the
 * column is then optional
 * @param headerLine the physical line of the header (1 is the first); the first non-blank
 * line when empty
 * @param headerSearchLines when set, the header is the first line among the first this
 * many that has every required column
 * @param kind what the export's rows are: {@code caso} (consultations, complaints and
 * SONI, the default), {@code juicio} (the legal unit's lawsuits) or {@code actividad}
 * (the office's activity log); see {@link Kind}
 * @param fields further columns by field name ({@code programme}, {@code state},
 * {@code school}...), each one or more names; a field is a role like those of
 * {@code columns}: required unless given a default or a constant
 */
public record SourceProfile(String filePattern, String encoding, String delimiter, String channel, String channelColumn,
		Map<String, List<String>> channelValues, List<String> keyColumns, boolean central, Columns columns,
		List<String> dateFormats, Map<String, List<String>> typeValues, Map<String, List<String>> subtypeValues,
		String records, Map<String, String> constants, Map<String, String> defaults, Integer headerLine,
		Integer headerSearchLines, String kind, Map<String, List<String>> fields) {

	/** What the rows of an export are, and so how they are checked and stored. */
	public enum Kind {

		/** Consultations, complaints and SONI (SPEC). */
		CASO,
		/** Lawsuits of the legal unit (SPEC-ACCOUNT). */
		JUICIO,
		/** Activities of the office's log (SPEC-ACCOUNT). */
		ACTIVIDAD;

		/** The kind a profile's {@code kind} names; null when it names none. */
		public static Kind of(String name) {
			if (name == null || name.isBlank()) {
				return CASO;
			}
			for (Kind kind : values()) {
				if (kind.name().equalsIgnoreCase(name.strip())) {
					return kind;
				}
			}
			return null;
		}

	}

	/**
	 * The roles a column can have, as named in {@code columns}, constants and defaults.
	 */
	public static final List<String> ROLES = List.of("date", "type", "subtype", "rut", "region", "comuna", "folio",
			"organization", "place", "channel");

	/**
	 * Column names by role; a role left empty is not read. Each role takes one name or a
	 * list of names (the same column across the export's editions): the first of them
	 * found in the header is read.
	 */
	public record Columns(List<String> date, List<String> type, List<String> subtype, List<String> rut,
			List<String> region, List<String> comuna, List<String> folio, List<String> organization, List<String> place,
			List<String> channel) {

		@ConstructorBinding
		public Columns {
		}

		/** One name by role; the channel, if read, from {@code channel-column}. */
		public Columns(String date, String type, String subtype, String rut, String region, String comuna, String folio,
				String organization, String place) {
			this(names(date), names(type), names(subtype), names(rut), names(region), names(comuna), names(folio),
					names(organization), names(place), null);
		}

		private static List<String> names(String name) {
			return (name != null) ? List.of(name) : null;
		}

		/** The accepted names of a role of {@link #ROLES}, none when not read. */
		public List<String> of(String role) {
			List<String> names = switch (role) {
				case "date" -> this.date;
				case "type" -> this.type;
				case "subtype" -> this.subtype;
				case "rut" -> this.rut;
				case "region" -> this.region;
				case "comuna" -> this.comuna;
				case "folio" -> this.folio;
				case "organization" -> this.organization;
				case "place" -> this.place;
				case "channel" -> this.channel;
				default -> null;
			};
			return (names != null) ? names.stream().filter((n) -> n != null && !n.isBlank()).toList() : List.of();
		}

	}

	/**
	 * The profile as it was before constants, defaults, key spaces and header finding.
	 */
	public SourceProfile(String filePattern, String encoding, String delimiter, String channel, String channelColumn,
			Map<String, List<String>> channelValues, List<String> keyColumns, boolean central, Columns columns,
			List<String> dateFormats, Map<String, List<String>> typeValues, Map<String, List<String>> subtypeValues) {
		this(filePattern, encoding, delimiter, channel, channelColumn, channelValues, keyColumns, central, columns,
				dateFormats, typeValues, subtypeValues, null, null, null, null, null, null, null);
	}

	/** The profile as it was before kinds and further fields. */
	public SourceProfile(String filePattern, String encoding, String delimiter, String channel, String channelColumn,
			Map<String, List<String>> channelValues, List<String> keyColumns, boolean central, Columns columns,
			List<String> dateFormats, Map<String, List<String>> typeValues, Map<String, List<String>> subtypeValues,
			String records, Map<String, String> constants, Map<String, String> defaults, Integer headerLine,
			Integer headerSearchLines) {
		this(filePattern, encoding, delimiter, channel, channelColumn, channelValues, keyColumns, central, columns,
				dateFormats, typeValues, subtypeValues, records, constants, defaults, headerLine, headerSearchLines,
				null, null);
	}

	/** The kind of the profile's rows; {@link Kind#CASO} when {@code kind} names none. */
	public Kind recordKind() {
		Kind recordKind = Kind.of(this.kind);
		return (recordKind != null) ? recordKind : Kind.CASO;
	}

	/** The names of the further fields, in the order they are configured. */
	public List<String> fieldNames() {
		return List.copyOf(this.fields.keySet());
	}

	/** Every role a constant or a default can be given: {@link #ROLES} and the fields. */
	public Set<String> allRoles() {
		Set<String> roles = new java.util.LinkedHashSet<>(ROLES);
		roles.addAll(this.fields.keySet());
		return roles;
	}

	@ConstructorBinding
	public SourceProfile {
		constants = (constants != null) ? Map.copyOf(constants) : Map.of();
		defaults = (defaults != null) ? Map.copyOf(defaults) : Map.of();
		if (constants.containsKey("channel")) {
			channel = constants.get("channel");
		}
		channelValues = (channelValues != null) ? channelValues : Map.of();
		keyColumns = (keyColumns != null) ? keyColumns : List.of();
		dateFormats = (dateFormats != null) ? dateFormats : List.of();
		typeValues = (typeValues != null) ? typeValues : Map.of();
		subtypeValues = (subtypeValues != null) ? subtypeValues : Map.of();
		encoding = (encoding != null) ? encoding : "UTF-8";
		delimiter = (delimiter != null) ? delimiter : ",";
		fields = (fields != null) ? java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields)) : Map.of();
	}

	/**
	 * Every column that must be in the header for the file to be ingested, by its first
	 * name.
	 */
	public Set<String> requiredColumns() {
		return requiredNames().keySet();
	}

	/**
	 * Every column that must be in the header, by its first name, with all the names it
	 * is accepted under: the key columns ({@code a|b} for a key column under two names),
	 * then the roles' columns, except roles given a constant or a default.
	 */
	public Map<String, List<String>> requiredNames() {
		Map<String, List<String>> required = new LinkedHashMap<>();
		for (String key : this.keyColumns) {
			List<String> names = keyColumnNames(key);
			required.putIfAbsent(names.get(0), names);
		}
		for (String role : allRoles()) {
			List<String> names = columnNames(role);
			if (!names.isEmpty() && !this.constants.containsKey(role) && !this.defaults.containsKey(role)) {
				required.putIfAbsent(names.get(0), names);
			}
		}
		return required;
	}

	/** The accepted names of a key column ({@code a|b}). */
	static List<String> keyColumnNames(String keyColumn) {
		return Arrays.stream(keyColumn.split("\\|")).map(String::strip).filter((n) -> !n.isEmpty()).toList();
	}

	/**
	 * The accepted names of a role's column; none when the role is not read. The
	 * channel's are {@code channel-column} then {@code columns.channel}.
	 */
	public List<String> columnNames(String role) {
		List<String> names = (this.columns != null) ? this.columns.of(role) : List.of();
		if (names.isEmpty() && this.fields.containsKey(role)) {
			names = this.fields.get(role).stream().filter((n) -> n != null && !n.isBlank()).toList();
		}
		if (role.equals("channel") && this.channelColumn != null && !this.channelColumn.isBlank()) {
			List<String> channelNames = new ArrayList<>(List.of(this.channelColumn));
			channelNames.addAll(names);
			return List.copyOf(channelNames);
		}
		return names;
	}

	/** Whether the channel is read from a column (else it is {@code channel}). */
	public boolean readsChannel() {
		return !columnNames("channel").isEmpty() && !this.constants.containsKey("channel");
	}

	public char delimiterChar() {
		String d = this.delimiter;
		if (d.equals("\\t") || d.equalsIgnoreCase("tab")) {
			return '\t';
		}
		if (d.length() != 1) {
			throw new IllegalArgumentException("Delimiter must be one character: '" + d + "'");
		}
		return d.charAt(0);
	}

	public boolean matches(String fileName) {
		return fileNamePattern().matcher(fileName).matches();
	}

	Pattern fileNamePattern() {
		StringBuilder regex = new StringBuilder();
		for (char c : this.filePattern.toCharArray()) {
			switch (c) {
				case '*' -> regex.append(".*");
				case '?' -> regex.append('.');
				default -> regex.append(Pattern.quote(String.valueOf(c)));
			}
		}
		// A glob's * matches any character, a line break too: such a file is still its
		// source's, and its name is made printable wherever it is shown.
		return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.DOTALL);
	}

}
