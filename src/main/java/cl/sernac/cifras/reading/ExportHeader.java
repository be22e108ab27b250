package cl.sernac.cifras.reading;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cl.sernac.cifras.support.Text;

/**
 * A header row resolved against a source profile: where each role's column is. Columns
 * are found by name, ignoring case, accents, spaces, {@code _}, {@code -} and order
 * ({@link #nameKey}); a role listed under several names reads the first one the header
 * has; unknown columns are ignored.
 */
public final class ExportHeader {

	private final int fieldCount;

	private final long line;

	private final Map<String, Integer> indexByName;

	private final List<String> missing;

	private final int[] keyIndexes;

	/** Column index of each role, in the order of {@link #project}; -1 when not read. */
	private final int date, type, subtype, channel, rut, region, comuna, folio, organization, place;

	/**
	 * Value of each role whose column is not read: a constant, or a missing column's
	 * default.
	 */
	private final Map<String, String> fixed;

	/** The profile's further fields, and the column index of each; -1 when not read. */
	private final String[] fieldNames;

	private final int[] fieldIndexes;

	public ExportHeader(SourceProfile profile, String[] headerFields) {
		this(profile, headerFields, 1);
	}

	/**
	 * @param profile the source profile
	 * @param headerFields the header's fields
	 * @param line the physical line of the header
	 */
	public ExportHeader(SourceProfile profile, String[] headerFields, long line) {
		this.fieldCount = headerFields.length;
		this.line = line;
		this.indexByName = new HashMap<>();
		for (int i = 0; i < headerFields.length; i++) {
			this.indexByName.putIfAbsent(nameKey(headerFields[i]), i);
		}
		this.missing = new ArrayList<>();
		for (Map.Entry<String, List<String>> required : profile.requiredNames().entrySet()) {
			if (indexOf(required.getValue()) < 0) {
				this.missing.add(required.getKey());
			}
		}
		this.keyIndexes = profile.keyColumns()
			.stream()
			.mapToInt((key) -> indexOf(SourceProfile.keyColumnNames(key)))
			.toArray();
		this.fixed = new HashMap<>();
		this.date = roleIndex(profile, "date");
		this.type = roleIndex(profile, "type");
		this.subtype = roleIndex(profile, "subtype");
		this.channel = roleIndex(profile, "channel");
		this.rut = roleIndex(profile, "rut");
		this.region = roleIndex(profile, "region");
		this.comuna = roleIndex(profile, "comuna");
		this.folio = roleIndex(profile, "folio");
		this.organization = roleIndex(profile, "organization");
		this.place = roleIndex(profile, "place");
		this.fieldNames = profile.fieldNames().toArray(new String[0]);
		this.fieldIndexes = new int[this.fieldNames.length];
		for (int i = 0; i < this.fieldNames.length; i++) {
			this.fieldIndexes[i] = roleIndex(profile, this.fieldNames[i]);
		}
	}

	/**
	 * A column name as compared: folded ({@link Text#fold}) and without spaces, {@code _}
	 * and {@code -}, so {@code Date received}, {@code date_received} and
	 * {@code DATE-RECEIVED} are one column.
	 * @param name a column name
	 * @return the name's comparison key
	 */
	public static String nameKey(String name) {
		String folded = Text.fold(name);
		StringBuilder key = new StringBuilder(folded.length());
		for (int i = 0; i < folded.length(); i++) {
			char c = folded.charAt(i);
			if (c != ' ' && c != '_' && c != '-') {
				key.append(c);
			}
		}
		return key.toString();
	}

	private int roleIndex(SourceProfile profile, String role) {
		String constant = profile.constants().get(role);
		if (constant != null) {
			this.fixed.put(role, constant);
			return -1;
		}
		int index = indexOf(profile.columnNames(role));
		if (index < 0 && profile.defaults().containsKey(role)) {
			this.fixed.put(role, profile.defaults().get(role));
		}
		return index;
	}

	private int indexOf(List<String> names) {
		for (String name : names) {
			Integer index = this.indexByName.get(nameKey(name));
			if (index != null) {
				return index;
			}
		}
		return -1;
	}

	/** The physical line of the header in its file. */
	public long line() {
		return this.line;
	}

	/**
	 * Finds the header of a file as its profile says: on its {@code header-line}, as the
	 * first line among the first {@code header-search-lines} that has every required
	 * column, or else as the first non-blank line. Blank lines are skipped; the reader is
	 * left on the line after the header, so data rows keep their physical line numbers.
	 * @param records the file's records, from its beginning
	 * @param profile the source profile
	 * @return the header, or why there is none (in Spanish, for the analyst)
	 * @throws IOException when the file cannot be read
	 */
	public static Found find(CsvRecordReader records, SourceProfile profile) throws IOException {
		if (profile.headerLine() != null) {
			int wanted = profile.headerLine();
			CsvRecord record = ExportFileItemReader.nextNonBlank(records);
			while (record != null && record.line() < wanted) {
				record = ExportFileItemReader.nextNonBlank(records);
			}
			if (record == null || record.line() != wanted || record.problem() != null) {
				return Found.none("No se encontró el encabezado en la línea " + wanted
						+ ((record == null) ? " (el archivo termina antes)"
								: " (la línea está vacía o no se puede leer)")
						+ ". Columnas esperadas: " + expected(profile));
			}
			ExportHeader header = new ExportHeader(profile, record.fields(), record.line());
			return header.missing.isEmpty() ? new Found(header, null)
					: Found
						.none("No se encontró el encabezado en la línea " + wanted + ": faltan columnas obligatorias: "
								+ String.join(", ", header.missing) + ". Columnas esperadas: " + expected(profile));
		}
		if (profile.headerSearchLines() != null) {
			int lines = profile.headerSearchLines();
			ExportHeader closest = null;
			CsvRecord record = ExportFileItemReader.nextNonBlank(records);
			while (record != null && record.line() <= lines) {
				if (record.problem() == null) {
					ExportHeader header = new ExportHeader(profile, record.fields(), record.line());
					if (header.missing.isEmpty()) {
						return new Found(header, null);
					}
					if (closest == null || header.missing.size() < closest.missing.size()) {
						closest = header;
					}
				}
				record = ExportFileItemReader.nextNonBlank(records);
			}
			if (closest == null) {
				return Found.none("Archivo vacío o sin fila de encabezado en sus primeras " + lines
						+ " líneas. Columnas esperadas: " + expected(profile));
			}
			return Found
				.none("No se encontró el encabezado en las primeras " + lines + " líneas: la más parecida es la línea "
						+ closest.line + ", a la que le faltan columnas obligatorias: "
						+ String.join(", ", closest.missing) + ". Columnas esperadas: " + expected(profile));
		}
		CsvRecord first = ExportFileItemReader.nextNonBlank(records);
		if (first == null || first.problem() != null) {
			return Found.none("Archivo vacío o sin fila de encabezado");
		}
		ExportHeader header = new ExportHeader(profile, first.fields(), first.line());
		return header.missing.isEmpty() ? new Found(header, null)
				: Found.none("Faltan columnas obligatorias: " + String.join(", ", header.missing)
						+ " (encabezado en la línea " + first.line() + "). Columnas esperadas: " + expected(profile));
	}

	/**
	 * The required columns, each with its other accepted names: {@code fecha (o date)}.
	 */
	static String expected(SourceProfile profile) {
		List<String> columns = new ArrayList<>();
		for (List<String> names : profile.requiredNames().values()) {
			columns.add((names.size() == 1) ? names.get(0)
					: names.get(0) + " (o " + String.join(", ", names.subList(1, names.size())) + ")");
		}
		return String.join(", ", columns);
	}

	/**
	 * A header found, or why there is none.
	 *
	 * @param header the header, null when none was found
	 * @param problem why there is no header, null when found
	 */
	public record Found(ExportHeader header, String problem) {

		static Found none(String problem) {
			return new Found(null, problem);
		}

	}

	/**
	 * Required columns the header lacks; the file is not ingested when any is missing.
	 */
	public List<String> missingColumns() {
		return this.missing;
	}

	public int fieldCount() {
		return this.fieldCount;
	}

	/** Projects a parsed record onto the profile's roles. */
	ExportRow project(CsvRecord record) {
		if (record.problem() != null) {
			ExportRow.Problem problem = (record.problem() == CsvRecord.Problem.LINE_TOO_LONG)
					? ExportRow.Problem.LINE_TOO_LONG : ExportRow.Problem.UNBALANCED_QUOTE;
			return ExportRow.problem(record.line(), problem, 0, this.fieldCount);
		}
		String[] fields = record.fields();
		if (fields.length != this.fieldCount) {
			return ExportRow.problem(record.line(), ExportRow.Problem.FIELD_COUNT, fields.length, this.fieldCount);
		}
		String[] keyParts = new String[this.keyIndexes.length];
		for (int i = 0; i < keyParts.length; i++) {
			keyParts[i] = value(fields, this.keyIndexes[i]);
		}
		ExportRow row = new ExportRow(record.line(), null, fields.length, this.fieldCount, keyParts,
				value(fields, this.date, "date"), value(fields, this.type, "type"),
				value(fields, this.subtype, "subtype"), value(fields, this.channel, "channel"),
				value(fields, this.rut, "rut"), value(fields, this.region, "region"),
				value(fields, this.comuna, "comuna"), value(fields, this.folio, "folio"),
				value(fields, this.organization, "organization"), value(fields, this.place, "place"),
				fieldValues(fields));
		return hasControlCharacters(row)
				? ExportRow.problem(record.line(), ExportRow.Problem.CONTROL_CHARACTERS, fields.length, this.fieldCount)
				: row;
	}

	private Map<String, String> fieldValues(String[] fields) {
		if (this.fieldNames.length == 0) {
			return Map.of();
		}
		if (this.fieldNames.length == 1) {
			// the programme of the office's and the mobile unit's rows: no map to grow
			String value = value(fields, this.fieldIndexes[0], this.fieldNames[0]);
			return (value != null) ? Map.of(this.fieldNames[0], value) : Map.of();
		}
		Map<String, String> values = new HashMap<>(this.fieldNames.length * 2);
		for (int i = 0; i < this.fieldNames.length; i++) {
			String value = value(fields, this.fieldIndexes[i], this.fieldNames[i]);
			if (value != null) {
				values.put(this.fieldNames[i], value);
			}
		}
		return values;
	}

	private static String value(String[] fields, int index) {
		return (index >= 0) ? fields[index] : null;
	}

	private String value(String[] fields, int index, String role) {
		return (index >= 0) ? fields[index] : this.fixed.isEmpty() ? null : this.fixed.get(role);
	}

	/**
	 * NUL, ESC and other C0 controls in a value the pipeline uses (free text is never
	 * read).
	 */
	private static boolean hasControlCharacters(ExportRow row) {
		for (String key : row.keyParts()) {
			if (hasControl(key)) {
				return true;
			}
		}
		return hasControl(row.date()) || hasControl(row.type()) || hasControl(row.subtype())
				|| hasControl(row.channel()) || hasControl(row.rut()) || hasControl(row.region())
				|| hasControl(row.comuna()) || hasControl(row.folio()) || hasControl(row.organization())
				|| hasControl(row.place()) || row.fields().values().stream().anyMatch(ExportHeader::hasControl);
	}

	private static boolean hasControl(String value) {
		if (value == null) {
			return false;
		}
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if ((c < 0x20 && c != '\t') || c == 0x7F) {
				return true;
			}
		}
		return false;
	}

}
