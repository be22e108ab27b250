package cl.sernac.cifras.ledger;

/**
 * What a run decided about a file it found in the input folder.
 */
public enum FileOutcome {

	/** Admitted: its rows are read and applied in this run. */
	ADMITTED,

	/**
	 * Same content as a file already ingested (under this or another name): nothing
	 * changes.
	 */
	ALREADY_INGESTED,

	/**
	 * Matches no source, lacks a required column, is empty or unreadable: nothing of it
	 * is counted.
	 */
	NOT_RECOGNIZED,

	/** Still changing (being copied): left in place for a later run. */
	DEFERRED,

	/** Read again from the archive by a rebuild. */
	REPROCESSED,

	/** Hidden file, link or anything that is not a regular file: ignored. */
	IGNORED

}
