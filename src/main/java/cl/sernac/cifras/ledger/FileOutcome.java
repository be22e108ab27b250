package cl.sernac.cifras.ledger;

import java.util.EnumSet;
import java.util.Set;

/**
 * What a run decided about a file it found in the input folder ({@code run_file.outcome},
 * kept as the constant's name), with the Spanish words the run summary and the report use
 * for it.
 */
public enum FileOutcome {

	/** Admitted: its rows are read and applied in this run. */
	ADMITTED("ingresado", null),

	/**
	 * Same content as a file already ingested (under this or another name): nothing
	 * changes.
	 */
	ALREADY_INGESTED("ya ingresado", null),

	/**
	 * Matches no source, lacks a required column, is empty or unreadable: nothing of it
	 * is counted.
	 */
	NOT_RECOGNIZED("no ingresado", null),

	/** Still changing (being copied): left in place for a later run. */
	DEFERRED("pendiente", "aún se estaba copiando"),

	/** Read again from the archive by a rebuild. */
	REPROCESSED("reprocesado", null),

	/** Hidden file, link or anything that is not a regular file: ignored. */
	IGNORED("ignorado", null);

	/**
	 * Files a run saw and did not read, nor had read before: what the report lists as not
	 * ingested.
	 */
	public static final Set<FileOutcome> NOT_INGESTED = EnumSet.of(NOT_RECOGNIZED, DEFERRED, IGNORED);

	private final String label;

	private final String why;

	FileOutcome(String label, String why) {
		this.label = label;
		this.why = why;
	}

	/** The outcome inside a sentence: {@code no ingresado}, {@code pendiente}. */
	public String label() {
		return this.label;
	}

	/**
	 * The outcome in a table cell of the report, with its reason where the label alone
	 * does not tell it: {@code No ingresado}, {@code Pendiente: aún se estaba copiando}.
	 */
	public String cell() {
		String cell = Character.toUpperCase(this.label.charAt(0)) + this.label.substring(1);
		return (this.why != null) ? cell + ": " + this.why : cell;
	}

	/**
	 * Whether the run read the file's rows: admitted now, or reprocessed by a rebuild.
	 */
	public boolean read() {
		return this == ADMITTED || this == REPROCESSED;
	}

}
