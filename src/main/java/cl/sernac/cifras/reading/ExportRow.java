package cl.sernac.cifras.reading;

/**
 * One data row of an export, projected onto the roles its source profile names. Values
 * are raw (not yet trimmed or validated); a role the profile does not read is null.
 *
 * @param line the physical line where the record starts
 * @param problem why the row could not be projected, or null
 * @param fieldCount fields found in the row
 * @param headerFieldCount fields in the header
 * @param fields the values of the profile's further fields ({@code programme},
 * {@code state}...), by field name; a field without a column nor a fixed value is absent
 */
public record ExportRow(long line, Problem problem, int fieldCount, int headerFieldCount, String[] keyParts,
		String date, String type, String subtype, String channel, String rut, String region, String comuna,
		String folio, String organization, String place, java.util.Map<String, String> fields) {

	public ExportRow(long line, Problem problem, int fieldCount, int headerFieldCount, String[] keyParts, String date,
			String type, String subtype, String channel, String rut, String region, String comuna, String folio,
			String organization, String place) {
		this(line, problem, fieldCount, headerFieldCount, keyParts, date, type, subtype, channel, rut, region, comuna,
				folio, organization, place, java.util.Map.of());
	}

	/** The value of a further field; null when the row has none. */
	public String field(String name) {
		return (this.fields != null) ? this.fields.get(name) : null;
	}

	public enum Problem {

		UNBALANCED_QUOTE, LINE_TOO_LONG, FIELD_COUNT, CONTROL_CHARACTERS

	}

	static ExportRow problem(long line, Problem problem, int fieldCount, int headerFieldCount) {
		return new ExportRow(line, problem, fieldCount, headerFieldCount, new String[0], null, null, null, null, null,
				null, null, null, null, null);
	}

}
