package cl.sernac.cifras.system;

/**
 * Exit statuses of the command line, documented in the README.
 */
public final class CifrasExit {

	/** The run completed, with rejected rows or not. */
	public static final int OK = 0;

	/** The run could not complete; the next run resumes it. */
	public static final int FAILED = 1;

	/**
	 * Bad command line, or a report period in which the store counts no case: its run
	 * read and applied its files and wrote no output.
	 */
	public static final int USAGE = 2;

	/**
	 * Another run holds the data folder or, on PostgreSQL, the database: nothing was
	 * done.
	 */
	public static final int ALREADY_RUNNING = 3;

	/**
	 * A rebuild completed but left out archived files the current configuration cannot
	 * read: their records are not counted; later runs are normal runs.
	 */
	public static final int FILES_LEFT_OUT = 4;

	private CifrasExit() {
	}

}
