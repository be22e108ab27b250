package cl.sernac.cifras.source;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cl.sernac.cifras.normalize.Text;

/**
 * A header row resolved against a source profile: where each role's column is. Columns
 * are found by name, ignoring case, accents, surrounding spaces and order; unknown
 * columns are ignored.
 */
public final class ExportHeader {

	private final int fieldCount;

	private final Map<String, Integer> indexByName;

	private final List<String> missing;

	private final int[] keyIndexes;

	/** Column index of each role, in the order of {@link #project}; -1 when not read. */
	private final int date, type, subtype, channel, rut, region, comuna, folio, organization, place;

	public ExportHeader(SourceProfile profile, String[] headerFields) {
		this.fieldCount = headerFields.length;
		this.indexByName = new HashMap<>();
		for (int i = 0; i < headerFields.length; i++) {
			this.indexByName.putIfAbsent(Text.fold(headerFields[i]), i);
		}
		this.missing = new ArrayList<>();
		for (String required : profile.requiredColumns()) {
			if (!this.indexByName.containsKey(Text.fold(required))) {
				this.missing.add(required);
			}
		}
		this.keyIndexes = profile.keyColumns().stream().mapToInt(this::indexOf).toArray();
		SourceProfile.Columns columns = profile.columns();
		this.date = indexOf(columns.date());
		this.type = indexOf(columns.type());
		this.subtype = indexOf(columns.subtype());
		this.channel = indexOf(profile.channelColumn());
		this.rut = indexOf(columns.rut());
		this.region = indexOf(columns.region());
		this.comuna = indexOf(columns.comuna());
		this.folio = indexOf(columns.folio());
		this.organization = indexOf(columns.organization());
		this.place = indexOf(columns.place());
	}

	private int indexOf(String column) {
		if (column == null || column.isBlank()) {
			return -1;
		}
		return this.indexByName.getOrDefault(Text.fold(column), -1);
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
				value(fields, this.date), value(fields, this.type), value(fields, this.subtype),
				value(fields, this.channel), value(fields, this.rut), value(fields, this.region),
				value(fields, this.comuna), value(fields, this.folio), value(fields, this.organization),
				value(fields, this.place));
		return hasControlCharacters(row)
				? ExportRow.problem(record.line(), ExportRow.Problem.CONTROL_CHARACTERS, fields.length, this.fieldCount)
				: row;
	}

	private static String value(String[] fields, int index) {
		return (index >= 0) ? fields[index] : null;
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
				|| hasControl(row.place());
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
