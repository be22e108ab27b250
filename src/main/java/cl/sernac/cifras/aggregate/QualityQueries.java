package cl.sernac.cifras.aggregate;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import cl.sernac.cifras.ledger.FileOutcome;
import cl.sernac.cifras.ledger.FileStatus;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the store knows about the quality of what it was given: per file admitted, rows
 * read, records new, corrected and repeated, rows rejected by reason and warnings by
 * kind; what each run decided about the files it saw; the rejected rows themselves. Reads
 * the ledger's tables, never writes them.
 */
public class QualityQueries {

	private final JdbcClient jdbc;

	private final ZoneId zone;

	/**
	 * @param zone the zone times are shown in ({@code cifras.time-zone}), that of the run
	 * summary and the log
	 */
	public QualityQueries(JdbcClient jdbc, ZoneId zone) {
		this.jdbc = jdbc;
		this.zone = zone;
	}

	/** Every file applied to the store, in the order it was applied. */
	public List<FileQuality> files() {
		Map<Long, Map<String, Long>> rejects = rejectsByFile("");
		Map<Long, Map<String, Long>> warnings = warningsByFile("");
		return this.jdbc.sql("""
				SELECT id, file_name, source_name, merged_at, rows_read, records_new, records_updated,
					records_unchanged, rows_rejected, warnings
				FROM ingest_file WHERE merged_at IS NOT NULL ORDER BY ordinal
				""").query((rs, i) -> {
			long id = rs.getLong("id");
			// Written as the instant it was (Timestamp.from(Instant)): read back as that
			// instant, then shown in the zone of every other time, whatever the server's.
			Timestamp mergedAt = rs.getTimestamp("merged_at");
			LocalDateTime appliedAt = LocalDateTime.ofInstant(mergedAt.toInstant(), this.zone);
			return new FileQuality(rs.getString("file_name"), rs.getString("source_name"), appliedAt,
					rs.getLong("rows_read"), rs.getLong("records_new"), rs.getLong("records_updated"),
					rs.getLong("records_unchanged"), rs.getLong("rows_rejected"), rs.getLong("warnings"),
					rejects.getOrDefault(id, Map.of()), warnings.getOrDefault(id, Map.of()));
		}).list();
	}

	/** Rejected rows in the whole store by reason code. */
	public Map<String, Long> rejectedByReason() {
		return counts("SELECT reason, COUNT(*) FROM rejected_row GROUP BY reason");
	}

	/** Warnings in the whole store by kind code. */
	public Map<String, Long> warningsByKind() {
		return counts("SELECT kind, COUNT(*) FROM row_warning GROUP BY kind");
	}

	/**
	 * Files a run saw and did not read: not recognized, still being copied, or ignored
	 * (hidden files, links).
	 */
	public List<FileDecision> notIngested(long runId) {
		String outcomes = FileOutcome.NOT_INGESTED.stream()
			.map((outcome) -> "'" + outcome.name() + "'")
			.collect(Collectors.joining(", "));
		return this.jdbc
			.sql("SELECT file_name, outcome, reason FROM run_file WHERE run_id = ? AND outcome IN (" + outcomes
					+ ") ORDER BY file_name")
			.param(runId)
			.query((rs, i) -> new FileDecision(rs.getString("file_name"), FileOutcome.valueOf(rs.getString("outcome")),
					rs.getString("reason")))
			.list();
	}

	/**
	 * Every file the runs from {@code fromRun} to {@code toRun} saw, by run and name,
	 * with what each file read brought (zeros for a file not read).
	 */
	public List<RunFile> runFiles(long fromRun, long toRun) {
		String ofTheRuns = "WHERE file_id IN (SELECT file_id FROM run_file WHERE run_id BETWEEN ? AND ?)";
		Map<Long, Map<String, Long>> rejects = rejectsByFile(ofTheRuns, fromRun, toRun);
		Map<Long, Map<String, Long>> warnings = warningsByFile(ofTheRuns, fromRun, toRun);
		return this.jdbc.sql("""
				SELECT rf.file_name, rf.outcome, rf.source_name, rf.reason, rf.file_id, f.rows_read, f.records_new,
					f.records_updated, f.records_unchanged, f.rows_rejected, f.warnings
				FROM run_file rf LEFT JOIN ingest_file f ON f.id = rf.file_id
				WHERE rf.run_id BETWEEN ? AND ? ORDER BY rf.run_id, rf.file_name
				""").params(fromRun, toRun).query((rs, i) -> {
			long fileId = rs.getLong("file_id");
			return new RunFile(rs.getString("file_name"), FileOutcome.valueOf(rs.getString("outcome")),
					rs.getString("source_name"), rs.getString("reason"), rs.getLong("rows_read"),
					rs.getLong("records_new"), rs.getLong("records_updated"), rs.getLong("records_unchanged"),
					rs.getLong("rows_rejected"), rs.getLong("warnings"), rejects.getOrDefault(fileId, Map.of()),
					warnings.getOrDefault(fileId, Map.of()));
		}).list();
	}

	/** Every rejected row of the store, by file in ledger order, then by line. */
	public void rejectedRows(Consumer<RejectedRow> rows) {
		this.jdbc
			.sql("SELECT f.file_name, r.line_no, r.reason, r.detail FROM rejected_row r"
					+ " JOIN ingest_file f ON f.id = r.file_id ORDER BY f.ordinal, r.line_no")
			.query((RowCallbackHandler) (rs) -> rows.accept(new RejectedRow(rs.getString("file_name"),
					rs.getLong("line_no"), rs.getString("reason"), rs.getString("detail"))));
	}

	/** What the rows of the files merged became, summed by source. */
	public List<SourceRows> mergedRowsBySource() {
		return this.jdbc
			.sql("SELECT source_name, COALESCE(SUM(rows_read), 0), COALESCE(SUM(rows_rejected), 0),"
					+ " COALESCE(SUM(records_unchanged), 0), COALESCE(SUM(records_updated), 0)"
					+ " FROM ingest_file WHERE status = ? GROUP BY source_name")
			.param(FileStatus.MERGED.name())
			.query((rs, i) -> new SourceRows(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
					rs.getLong(5)))
			.list();
	}

	private Map<Long, Map<String, Long>> rejectsByFile(String where, Object... params) {
		return countsByFile("SELECT file_id, reason, COUNT(*) FROM rejected_row " + where + " GROUP BY file_id, reason",
				params);
	}

	private Map<Long, Map<String, Long>> warningsByFile(String where, Object... params) {
		return countsByFile("SELECT file_id, kind, COUNT(*) FROM row_warning " + where + " GROUP BY file_id, kind",
				params);
	}

	private Map<String, Long> counts(String sql) {
		Map<String, Long> counts = new TreeMap<>();
		this.jdbc.sql(sql).query((RowCallbackHandler) (rs) -> counts.put(rs.getString(1), rs.getLong(2)));
		return counts;
	}

	private Map<Long, Map<String, Long>> countsByFile(String sql, Object... params) {
		Map<Long, Map<String, Long>> counts = new HashMap<>();
		this.jdbc.sql(sql)
			.params(params)
			.query((RowCallbackHandler) (rs) -> counts.computeIfAbsent(rs.getLong(1), (id) -> new TreeMap<>())
				.put(rs.getString(2), rs.getLong(3)));
		return counts;
	}

	/**
	 * @param appliedAt when the file was applied, in the configured zone
	 * @param recordsNew records whose key the store did not have
	 * @param recordsUpdated corrections: a new version of a record already delivered
	 * @param recordsUnchanged repeated rows: overlaps and duplicates that changed nothing
	 * @param rejectedByReason rejected rows by reason code
	 * @param warningsByKind warnings by kind code
	 */
	public record FileQuality(String fileName, String sourceName, LocalDateTime appliedAt, long rowsRead,
			long recordsNew, long recordsUpdated, long recordsUnchanged, long rowsRejected, long warnings,
			Map<String, Long> rejectedByReason, Map<String, Long> warningsByKind) {
	}

	/**
	 * @param outcome one of {@link FileOutcome#NOT_INGESTED}
	 */
	public record FileDecision(String fileName, FileOutcome outcome, String reason) {
	}

	/**
	 * A file a run saw, and what its rows brought if the run read it.
	 *
	 * @param reason why a file was not admitted, or null
	 * @param rejectedByReason rejected rows by reason code
	 * @param warningsByKind warnings by kind code
	 */
	public record RunFile(String fileName, FileOutcome outcome, String sourceName, String reason, long rowsRead,
			long recordsNew, long recordsUpdated, long recordsUnchanged, long rowsRejected, long warnings,
			Map<String, Long> rejectedByReason, Map<String, Long> warningsByKind) {
	}

	/**
	 * A rejected row: its file's name, its line, the reason's code and what the reason
	 * alone does not say (null or empty when nothing).
	 */
	public record RejectedRow(String fileName, long line, String reason, String detail) {
	}

	/**
	 * The rows of a source's merged files: read, rejected, repeated without change, and
	 * corrections of an earlier version.
	 */
	public record SourceRows(String sourceName, long rowsRead, long rowsRejected, long recordsUnchanged,
			long recordsUpdated) {
	}

}
