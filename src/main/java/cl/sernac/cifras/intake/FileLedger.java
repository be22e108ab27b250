package cl.sernac.cifras.intake;

import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The ledger of files admitted to the store, by content hash, and of what each run
 * decided.
 */
public class FileLedger {

	public static final String PLANNED = "PLANNED";

	public static final String MERGED = "MERGED";

	private final JdbcClient jdbc;

	public FileLedger(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The name under which this content was admitted before, if it was. */
	public Optional<String> admittedName(String sha256) {
		return this.jdbc.sql("SELECT file_name FROM ingest_file WHERE sha256 = ?")
			.param(sha256)
			.query(String.class)
			.optional();
	}

	public long admit(long runId, Path file, FileFingerprint fingerprint, String sourceName) {
		long ordinal = this.jdbc.sql("SELECT COALESCE(MAX(ordinal), 0) + 1 FROM ingest_file")
			.query(Long.class)
			.single();
		this.jdbc
			.sql("INSERT INTO ingest_file (ordinal, run_id, file_name, file_path, sha256, size_bytes, source_name,"
					+ " status, planned_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(ordinal, runId, file.getFileName().toString(), file.toAbsolutePath().toString(),
					fingerprint.sha256(), fingerprint.size(), sourceName, PLANNED, Timestamp.from(Instant.now()))
			.update();
		return this.jdbc.sql("SELECT id FROM ingest_file WHERE ordinal = ?").param(ordinal).query(Long.class).single();
	}

	public void record(long runId, String fileName, FileOutcome outcome, String sourceName, Long fileId,
			String reason) {
		this.jdbc.sql("DELETE FROM run_file WHERE run_id = ? AND file_name = ?").params(runId, fileName).update();
		this.jdbc
			.sql("INSERT INTO run_file (run_id, file_name, outcome, source_name, file_id, reason)"
					+ " VALUES (?, ?, ?, ?, ?, ?)")
			.params(runId, fileName, outcome.name(), sourceName, fileId, reason)
			.update();
	}

	/** Files admitted and not yet applied, in application order. */
	public List<PlannedFile> planned() {
		return files("WHERE status = '" + PLANNED + "'");
	}

	/** Every file of the ledger, in application order. */
	public List<PlannedFile> all() {
		return files("");
	}

	private List<PlannedFile> files(String where) {
		return this.jdbc
			.sql("SELECT id, ordinal, file_name, file_path, source_name FROM ingest_file " + where
					+ " ORDER BY ordinal")
			.query((rs, i) -> new PlannedFile(rs.getLong("id"), rs.getLong("ordinal"), rs.getString("file_name"),
					Path.of(rs.getString("file_path")), rs.getString("source_name")))
			.list();
	}

	public void moved(long fileId, Path newPath) {
		this.jdbc.sql("UPDATE ingest_file SET file_path = ? WHERE id = ?").params(newPath.toString(), fileId).update();
	}

	/**
	 * Empties the store and marks every file of the ledger to be read again (rebuild).
	 */
	public void resetStore() {
		for (String table : List.of("intake_record", "case_cell", "rejected_row", "row_warning")) {
			this.jdbc.sql("DELETE FROM " + table).update();
		}
		this.jdbc
			.sql("UPDATE ingest_file SET status = ?, rows_read = NULL, records_new = NULL,"
					+ " records_updated = NULL, records_unchanged = NULL, rows_rejected = NULL, warnings = NULL,"
					+ " merged_at = NULL")
			.param(PLANNED)
			.update();
	}

	/** A file admitted to the store and waiting to be read or applied. */
	public record PlannedFile(long id, long ordinal, String fileName, Path path, String sourceName) {
	}

}
