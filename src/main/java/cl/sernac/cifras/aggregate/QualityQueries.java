package cl.sernac.cifras.aggregate;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the store knows about the quality of what it was given: per file admitted, rows
 * read, records new, corrected and repeated, rows rejected by reason and warnings by
 * kind.
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
		Map<Long, Map<String, Long>> rejects = countsByFile(
				"SELECT file_id, reason, COUNT(*) FROM rejected_row GROUP BY file_id, reason");
		Map<Long, Map<String, Long>> warnings = countsByFile(
				"SELECT file_id, kind, COUNT(*) FROM row_warning GROUP BY file_id, kind");
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
		return this.jdbc
			.sql("SELECT file_name, outcome, reason FROM run_file WHERE run_id = ?"
					+ " AND outcome IN ('NOT_RECOGNIZED', 'DEFERRED', 'IGNORED') ORDER BY file_name")
			.param(runId)
			.query((rs, i) -> new FileDecision(rs.getString("file_name"), rs.getString("outcome"),
					rs.getString("reason")))
			.list();
	}

	private Map<String, Long> counts(String sql) {
		Map<String, Long> counts = new TreeMap<>();
		this.jdbc.sql(sql).query((RowCallbackHandler) (rs) -> counts.put(rs.getString(1), rs.getLong(2)));
		return counts;
	}

	private Map<Long, Map<String, Long>> countsByFile(String sql) {
		Map<Long, Map<String, Long>> counts = new HashMap<>();
		this.jdbc.sql(sql)
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
	 * @param outcome {@code NOT_RECOGNIZED}, {@code DEFERRED} or {@code IGNORED}
	 */
	public record FileDecision(String fileName, String outcome, String reason) {
	}

}
