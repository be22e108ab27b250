package cl.sernac.cifras.ledger;

/**
 * Where an admitted file stands in the ledger ({@code ingest_file.status}, kept as the
 * constant's name).
 */
public enum FileStatus {

	/** Admitted; its rows are to be read and merged. */
	PLANNED,

	/** Its rows are in the record store. */
	MERGED,

	/**
	 * Left out by a rebuild: the current configuration cannot read it. Nightly runs do
	 * not read it; the next rebuild tries it again.
	 */
	LEFT_OUT

}
