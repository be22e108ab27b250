package cl.sernac.cifras.source;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

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
 */
public record SourceProfile(String filePattern, String encoding, String delimiter, String channel, String channelColumn,
		Map<String, List<String>> channelValues, List<String> keyColumns, boolean central, Columns columns,
		List<String> dateFormats, Map<String, List<String>> typeValues, Map<String, List<String>> subtypeValues) {

	/**
	 * Column names by role; a role left empty is not read.
	 */
	public record Columns(String date, String type, String subtype, String rut, String region, String comuna,
			String folio, String organization, String place) {

		List<String> all() {
			List<String> names = new ArrayList<>();
			for (String name : new String[] { this.date, this.type, this.subtype, this.rut, this.region, this.comuna,
					this.folio, this.organization, this.place }) {
				if (name != null && !name.isBlank()) {
					names.add(name);
				}
			}
			return names;
		}

	}

	public SourceProfile {
		channelValues = (channelValues != null) ? channelValues : Map.of();
		keyColumns = (keyColumns != null) ? keyColumns : List.of();
		dateFormats = (dateFormats != null) ? dateFormats : List.of();
		typeValues = (typeValues != null) ? typeValues : Map.of();
		subtypeValues = (subtypeValues != null) ? subtypeValues : Map.of();
		encoding = (encoding != null) ? encoding : "UTF-8";
		delimiter = (delimiter != null) ? delimiter : ",";
	}

	/** Every column that must be in the header for the file to be ingested. */
	public Set<String> requiredColumns() {
		Set<String> required = new LinkedHashSet<>(this.keyColumns);
		required.addAll(this.columns.all());
		if (this.channelColumn != null && !this.channelColumn.isBlank()) {
			required.add(this.channelColumn);
		}
		return required;
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
