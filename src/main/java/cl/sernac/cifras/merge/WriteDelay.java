package cl.sernac.cifras.merge;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * While files are merged, an H2 store writes its commits to disk in the background, at
 * most {@value #MERGE_MILLIS} ms after them, instead of at each commit: a page that
 * several files change is written once. A process killed meanwhile loses at most that
 * much of the last commits, records and ledger together, so the next run merges those
 * files again from their staging, which is kept until {@link #restore()} has made every
 * commit durable again. Outside the merge, and whenever the store is opened (the URL says
 * {@code WRITE_DELAY=0}), every commit reaches the file at once. Nothing is changed on
 * other databases.
 */
class WriteDelay {

	static final int MERGE_MILLIS = 500;

	private final JdbcTemplate jdbc;

	private Boolean h2;

	WriteDelay(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** Lets commits be written in the background (H2). */
	void relax() {
		if (isH2()) {
			this.jdbc.execute("SET WRITE_DELAY " + MERGE_MILLIS);
		}
	}

	/** Writes every commit made so far to disk, and each later one at once (H2). */
	void restore() {
		if (isH2()) {
			this.jdbc.execute("SET WRITE_DELAY 0");
			this.jdbc.execute("CHECKPOINT SYNC");
		}
	}

	private boolean isH2() {
		if (this.h2 == null) {
			String product = this.jdbc.execute(
					(ConnectionCallback<String>) (connection) -> connection.getMetaData().getDatabaseProductName());
			this.h2 = "H2".equals(product);
		}
		return this.h2;
	}

}
