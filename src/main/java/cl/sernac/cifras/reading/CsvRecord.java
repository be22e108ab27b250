package cl.sernac.cifras.reading;

/**
 * One CSV record as parsed: the physical line where it starts, its fields, and a syntax
 * problem if it could not be parsed (then {@code fields} is empty).
 */
public record CsvRecord(long line, String[] fields, Problem problem) {

	static final String[] NO_FIELDS = new String[0];

	public enum Problem {

		/**
		 * A quoted field was still open after the line limit or at the end of the file.
		 */
		UNBALANCED_QUOTE,

		/**
		 * A physical line was longer than the limit; it was skipped without being
		 * buffered.
		 */
		LINE_TOO_LONG

	}

	public boolean isBlank() {
		if (this.problem != null) {
			return false;
		}
		for (String field : this.fields) {
			if (!field.isBlank()) {
				return false;
			}
		}
		return true;
	}

}
