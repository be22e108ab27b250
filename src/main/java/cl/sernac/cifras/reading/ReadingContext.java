package cl.sernac.cifras.reading;

/**
 * What the reading step of one file keeps in its execution context, for itself on a
 * restart and for the stages that look at a file's reading afterwards (its progress, the
 * check of a changed file, a rebuild's left-out files).
 */
public final class ReadingContext {

	/** The file's row in the ledger. */
	public static final String FILE_ID = "fileId";

	/** The prefix of the reader's position in the step's execution context. */
	public static final String READER_NAME = "exportFileItemReader";

	public static final String FILE_PATH = "filePath";

	/** The source profile the file is read with. */
	public static final String SOURCE_NAME = "sourceName";

	public static final String FILE_BYTES = "fileBytes";

	private ReadingContext() {
	}

}
