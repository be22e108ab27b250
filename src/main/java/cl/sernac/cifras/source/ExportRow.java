package cl.sernac.cifras.source;

/**
 * One data row of an export, projected onto the roles its source profile names. Values
 * are raw (not yet trimmed or validated); a role the profile does not read is null.
 *
 * @param line the physical line where the record starts
 * @param problem why the row could not be projected, or null
 * @param fieldCount fields found in the row
 * @param headerFieldCount fields in the header
 */
public record ExportRow(long line, Problem problem, int fieldCount, int headerFieldCount, String[] keyParts,
		String date, String type, String subtype, String channel, String rut, String region, String comuna,
		String folio, String organization, String place) {

	public enum Problem {

		UNBALANCED_QUOTE, LINE_TOO_LONG, FIELD_COUNT, CONTROL_CHARACTERS

	}

	static ExportRow problem(long line, Problem problem, int fieldCount, int headerFieldCount) {
		return new ExportRow(line, problem, fieldCount, headerFieldCount, new String[0], null, null, null, null, null,
				null, null, null, null, null);
	}

}
