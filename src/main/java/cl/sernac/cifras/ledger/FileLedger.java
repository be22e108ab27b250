package cl.sernac.cifras.ledger;

import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cl.sernac.cifras.support.PersonalData;
import cl.sernac.cifras.support.Printable;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The ledger of files admitted to the store, by content hash, and of what each run
 * decided (tables {@code ingest_file} and {@code run_file}): the only writer of both. A
 * file's rejects and warnings are kept by {@link RejectsAndWarnings}, asked here when a
 * file is withdrawn, read again or merged.
 */
public class FileLedger {

	private final JdbcClient jdbc;

	private final RejectsAndWarnings rejectsAndWarnings;

	public FileLedger(JdbcClient jdbc, RejectsAndWarnings rejectsAndWarnings) {
		this.jdbc = jdbc;
		this.rejectsAndWarnings = rejectsAndWarnings;
	}

	/** The file under which this content was admitted before, if it was. */
	public Optional<AdmittedFile> admitted(String sha256) {
		return this.jdbc.sql("SELECT file_name, file_path, status FROM ingest_file WHERE sha256 = ?")
			.param(sha256)
			.query((rs, i) -> new AdmittedFile(rs.getString("file_name"), Path.of(rs.getString("file_path")),
					FileStatus.valueOf(rs.getString("status"))))
			.optional();
	}

	/**
	 * Admits a file: its content (hash and size) and its modification time as they were
	 * when it was hashed, and its place in the order records are applied.
	 */
	public long admit(long runId, Path file, FileFingerprint fingerprint, Instant modified, String sourceName) {
		long ordinal = this.jdbc.sql("SELECT COALESCE(MAX(ordinal), 0) + 1 FROM ingest_file")
			.query(Long.class)
			.single();
		this.jdbc
			.sql("INSERT INTO ingest_file (ordinal, run_id, file_name, file_path, sha256, size_bytes, modified_ns,"
					+ " source_name, status, planned_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(ordinal, runId, displayName(file.getFileName().toString()), file.toAbsolutePath().toString(),
					fingerprint.sha256(), fingerprint.size(), nanos(modified), sourceName, FileStatus.PLANNED.name(),
					Timestamp.from(Instant.now()))
			.update();
		return this.jdbc.sql("SELECT id FROM ingest_file WHERE ordinal = ?").param(ordinal).query(Long.class).single();
	}

	/**
	 * Takes back the admission of a file whose content is no longer the one admitted:
	 * nothing read from it stays, and its content is no longer known to the ledger, so
	 * the file is admitted again as it is then.
	 */
	public void withdraw(long fileId) {
		this.rejectsAndWarnings.forget(fileId);
		this.jdbc.sql("UPDATE run_file SET file_id = NULL WHERE file_id = ?").param(fileId).update();
		this.jdbc.sql("DELETE FROM ingest_file WHERE id = ? AND status = ?")
			.params(fileId, FileStatus.PLANNED.name())
			.update();
	}

	/**
	 * A file's name as the ledger keeps and every output shows it: printable, and with
	 * anything shaped like a RUT masked (a name is data from outside).
	 */
	public static String displayName(String fileName) {
		return PersonalData.mask(Printable.of(fileName));
	}

	/** The content hash a file was admitted with. */
	public String sha256(long fileId) {
		return this.jdbc.sql("SELECT sha256 FROM ingest_file WHERE id = ?").param(fileId).query(String.class).single();
	}

	/** A file admitted and not changed in content has a new modification time. */
	public void touched(long fileId, Instant modified) {
		this.jdbc.sql("UPDATE ingest_file SET modified_ns = ? WHERE id = ?").params(nanos(modified), fileId).update();
	}

	static long nanos(Instant instant) {
		return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
	}

	public void record(long runId, String fileName, FileOutcome outcome, String sourceName, Long fileId,
			String reason) {
		String name = displayName(fileName);
		this.jdbc.sql("DELETE FROM run_file WHERE run_id = ? AND file_name = ?").params(runId, name).update();
		this.jdbc
			.sql("INSERT INTO run_file (run_id, file_name, outcome, source_name, file_id, reason)"
					+ " VALUES (?, ?, ?, ?, ?, ?)")
			.params(runId, name, outcome.name(), sourceName, fileId, reason)
			.update();
	}

	/** Files admitted and not yet applied, in application order. */
	public List<PlannedFile> planned() {
		return files(FileStatus.PLANNED);
	}

	/** Every file of the ledger, in application order. */
	public List<PlannedFile> all() {
		return files(null);
	}

	private List<PlannedFile> files(FileStatus status) {
		String sql = "SELECT id, ordinal, file_name, file_path, source_name, size_bytes, modified_ns FROM ingest_file"
				+ ((status != null) ? " WHERE status = ?" : "") + " ORDER BY ordinal";
		JdbcClient.StatementSpec statement = this.jdbc.sql(sql);
		if (status != null) {
			statement = statement.param(status.name());
		}
		return statement
			.query((rs, i) -> new PlannedFile(rs.getLong("id"), rs.getLong("ordinal"), rs.getString("file_name"),
					Path.of(rs.getString("file_path")), rs.getString("source_name"), rs.getLong("size_bytes"),
					(Long) rs.getObject("modified_ns", Long.class)))
			.list();
	}

	public void moved(long fileId, Path newPath) {
		this.jdbc.sql("UPDATE ingest_file SET file_path = ? WHERE id = ?").params(newPath.toString(), fileId).update();
	}

	/**
	 * Marks every file of the ledger to be read again, its rejects and warnings dropped
	 * (a rebuild; the record store is emptied by its owner).
	 */
	public void readAllAgain() {
		this.rejectsAndWarnings.forgetAll();
		this.jdbc
			.sql("UPDATE ingest_file SET status = ?, rows_read = NULL, records_new = NULL,"
					+ " records_updated = NULL, records_unchanged = NULL, rows_rejected = NULL, warnings = NULL,"
					+ " merged_at = NULL")
			.param(FileStatus.PLANNED.name())
			.update();
	}

	/**
	 * Records that a file's rows are in the record store: its rows read (staged plus
	 * rejected), what they brought, and its rejects and warnings as read.
	 */
	public void merged(long fileId, long rowsStaged, long recordsNew, long recordsUpdated, long recordsUnchanged) {
		long rejected = this.rejectsAndWarnings.rejected(fileId);
		long warnings = this.rejectsAndWarnings.warnings(fileId);
		this.jdbc
			.sql("UPDATE ingest_file SET status = ?, rows_read = ?, records_new = ?, records_updated = ?,"
					+ " records_unchanged = ?, rows_rejected = ?, warnings = ?, merged_at = ? WHERE id = ?")
			.params(FileStatus.MERGED.name(), rowsStaged + rejected, recordsNew, recordsUpdated, recordsUnchanged,
					rejected, warnings, Timestamp.from(Instant.now()), fileId)
			.update();
	}

	/** The name a file was admitted under. */
	public String fileName(long fileId) {
		return this.jdbc.sql("SELECT file_name FROM ingest_file WHERE id = ?")
			.param(fileId)
			.query(String.class)
			.single();
	}

	/**
	 * A file a rebuild cannot read any more: kept in the ledger, never read by a night.
	 */
	public void leftOut(long fileId) {
		this.jdbc.sql("UPDATE ingest_file SET status = ? WHERE id = ?")
			.params(FileStatus.LEFT_OUT.name(), fileId)
			.update();
	}

	/** Files merged into the record store, by id, with their content hash. */
	public Map<Long, String> mergedHashes() {
		Map<Long, String> hashes = new HashMap<>();
		this.jdbc.sql("SELECT id, sha256 FROM ingest_file WHERE status = ?")
			.param(FileStatus.MERGED.name())
			.query((RowCallbackHandler) (rs) -> hashes.put(rs.getLong(1), rs.getString(2)));
		return hashes;
	}

	/** Every file of the ledger, merged or not, by id, with its content hash. */
	public Map<Long, String> allHashes() {
		Map<Long, String> hashes = new HashMap<>();
		this.jdbc.sql("SELECT id, sha256 FROM ingest_file")
			.query((RowCallbackHandler) (rs) -> hashes.put(rs.getLong(1), rs.getString(2)));
		return hashes;
	}

	/**
	 * Whether any file's rows were merged into the record store (and so any RUT hashed
	 * with the store's key).
	 */
	public boolean anyMerged() {
		return !this.jdbc.sql("SELECT 1 FROM ingest_file WHERE status = ? FETCH FIRST 1 ROWS ONLY")
			.param(FileStatus.MERGED.name())
			.query(Integer.class)
			.list()
			.isEmpty();
	}

	/**
	 * A file of the ledger: where it is, and its size and modification time when admitted
	 * (the time is null for files admitted by earlier versions).
	 */
	public record PlannedFile(long id, long ordinal, String fileName, Path path, String sourceName, long sizeBytes,
			Long modifiedNanos) {

		/**
		 * Whether the file is still, by its size and modification time, the one admitted.
		 */
		public boolean unchanged(long size, Instant modified) {
			return size == this.sizeBytes && (this.modifiedNanos == null || this.modifiedNanos == nanos(modified));
		}

	}

	/** The admitted file of a content: its name, where it is now, and its status. */
	public record AdmittedFile(String fileName, Path path, FileStatus status) {

		public boolean waiting() {
			return this.status == FileStatus.PLANNED;
		}

	}

}
