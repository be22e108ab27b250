package cl.sernac.cifras.merge;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import cl.sernac.cifras.intake.FileLedger;
import cl.sernac.cifras.report.ChileanFormat;
import cl.sernac.cifras.source.SourceCatalog;
import cl.sernac.cifras.system.HaltPoints;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Applies staged files to the store, one file per transaction, in ledger order (SPEC rule
 * 1: the version ingested last wins). Each row is classified against the version it
 * replaces: the previous row with its key in the same file, or else the stored record. An
 * unchanged row leaves the stored version as it was: a re-delivery or an overlap changes
 * nothing.
 */
public class RecordMerger implements Tasklet {

	private static final Logger logger = LoggerFactory.getLogger(RecordMerger.class);

	/** Null-safe equality of everything a version carries. */
	private static final String SAME_CONTENT = "a.record_type = b.record_type"
			+ " AND a.subtype IS NOT DISTINCT FROM b.subtype AND a.channel = b.channel"
			+ " AND a.intake_day = b.intake_day AND a.comuna_code IS NOT DISTINCT FROM b.comuna_code"
			+ " AND a.region_code IS NOT DISTINCT FROM b.region_code AND a.rut_hash IS NOT DISTINCT FROM b.rut_hash"
			+ " AND a.folio IS NOT DISTINCT FROM b.folio AND a.organization IS NOT DISTINCT FROM b.organization"
			+ " AND a.place_code IS NOT DISTINCT FROM b.place_code";

	private static final String CLASSIFY = """
			SELECT
				SUM(CASE WHEN p.line_no IS NULL AND r.record_key IS NULL THEN 1 ELSE 0 END) AS records_new,
				SUM(CASE WHEN (p.line_no IS NOT NULL AND NOT (%1$s)) OR (p.line_no IS NULL
					AND r.record_key IS NOT NULL AND NOT (%2$s)) THEN 1 ELSE 0 END) AS records_updated,
				COUNT(*) AS records_staged
			FROM (SELECT s.*, LAG(s.line_no) OVER (PARTITION BY s.source_name, s.record_key ORDER BY s.line_no)
					AS prev_line FROM staged_row s WHERE s.file_id = ?) a
			LEFT JOIN staged_row p ON p.file_id = a.file_id AND p.line_no = a.prev_line
			LEFT JOIN intake_record r ON a.prev_line IS NULL AND r.source_name = a.source_name
				AND r.record_key = a.record_key
			""".formatted(SAME_CONTENT.replace("b.", "p."), SAME_CONTENT.replace("b.", "r."));

	private static final String MERGE = """
			MERGE INTO intake_record r
			USING (SELECT s.*, CASE WHEN CAST(? AS BOOLEAN) THEN NOT EXISTS (SELECT 1 FROM intake_record o
						WHERE o.folio = s.folio AND o.central = FALSE) ELSE s.folio IS NULL END AS counted
					FROM staged_row s WHERE s.file_id = ? AND NOT EXISTS (SELECT 1 FROM staged_row l
					WHERE l.file_id = s.file_id AND l.source_name = s.source_name AND l.record_key = s.record_key
					AND l.line_no > s.line_no)) a
			ON (r.source_name = a.source_name AND r.record_key = a.record_key)
			WHEN MATCHED AND NOT (%s) THEN UPDATE SET record_type = a.record_type, subtype = a.subtype, channel = a.channel,
				intake_day = a.intake_day, comuna_code = a.comuna_code, region_code = a.region_code,
				rut_hash = a.rut_hash, folio = a.folio, organization = a.organization, place_code = a.place_code,
				file_id = a.file_id, version_seq = CAST(? AS BIGINT) * 4294967296 + a.line_no,
				counted = a.counted
			WHEN NOT MATCHED THEN INSERT (source_name, record_key, central, record_type, subtype, channel, intake_day,
				comuna_code, region_code, rut_hash, folio, organization, place_code, file_id, version_seq, counted)
				VALUES (a.source_name, a.record_key, CAST(? AS BOOLEAN), a.record_type, a.subtype, a.channel, a.intake_day,
				a.comuna_code, a.region_code, a.rut_hash, a.folio, a.organization, a.place_code, a.file_id,
				CAST(? AS BIGINT) * 4294967296 + a.line_no, a.counted)
			"""
		.formatted(SAME_CONTENT.replace("b.", "r."));

	/**
	 * Folios the records about to be replaced carry now: their cases are settled again.
	 */
	private static final String OLD_FOLIOS = """
			INSERT INTO affected_folio (folio)
			SELECT DISTINCT r.folio FROM intake_record r JOIN staged_row s ON s.file_id = ?
				AND r.source_name = s.source_name AND r.record_key = s.record_key
			WHERE r.folio IS NOT NULL
			""";

	private static final String NEW_FOLIOS = "INSERT INTO affected_folio (folio)"
			+ " SELECT DISTINCT folio FROM staged_row WHERE file_id = ? AND folio IS NOT NULL";

	/**
	 * Rule 2 for every record of an affected folio: a central record counts when no
	 * intake record carries its folio; of the intake records sharing a folio, the latest
	 * applied counts.
	 */
	private static final String SETTLE_FOLIOS = """
			MERGE INTO intake_record r
			USING (SELECT x.source_name, x.record_key, CASE
					WHEN x.central THEN NOT EXISTS (SELECT 1 FROM intake_record o
						WHERE o.folio = x.folio AND o.central = FALSE)
					ELSE NOT EXISTS (SELECT 1 FROM intake_record o
						WHERE o.folio = x.folio AND o.central = FALSE AND o.version_seq > x.version_seq)
					END AS counted
				FROM (SELECT DISTINCT folio FROM affected_folio) f
				JOIN intake_record x ON x.folio = f.folio) s
			ON (r.source_name = s.source_name AND r.record_key = s.record_key)
			WHEN MATCHED THEN UPDATE SET counted = s.counted
			""";

	private final JdbcTemplate jdbc;

	private final FileLedger ledger;

	private final SourceCatalog sources;

	public RecordMerger(JdbcTemplate jdbc, FileLedger ledger, SourceCatalog sources) {
		this.jdbc = jdbc;
		this.ledger = ledger;
		this.sources = sources;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
		if (!mergeNext()) {
			return RepeatStatus.FINISHED;
		}
		contribution.incrementWriteCount(1);
		return RepeatStatus.CONTINUABLE;
	}

	/**
	 * Applies the first staged file in ledger order, if any.
	 * @return whether a file was applied
	 */
	public boolean mergeNext() {
		List<FileLedger.PlannedFile> planned = this.ledger.planned();
		if (planned.isEmpty()) {
			// Staged rows of applied files are never read again; emptied at once, not row
			// by row.
			this.jdbc.execute("TRUNCATE TABLE staged_row");
			return false;
		}
		merge(planned.get(0));
		return true;
	}

	private void merge(FileLedger.PlannedFile file) {
		long fileId = file.id();
		boolean central = this.sources.get(file.sourceName()).profile().central();
		long[] counts = this.jdbc.queryForObject(CLASSIFY, (rs, i) -> new long[] { rs.getLong("records_new"),
				rs.getLong("records_updated"), rs.getLong("records_staged") }, fileId);
		long created = counts[0];
		long updated = counts[1];
		long staged = counts[2];
		long unchanged = staged - created - updated;
		// A central record's case depends only on the intake records carrying its folio,
		// so
		// the MERGE settles it; an intake file settles again every folio it touches.
		if (!central) {
			this.jdbc.update(OLD_FOLIOS, fileId);
		}
		this.jdbc.update(MERGE, central, fileId, file.ordinal(), central, file.ordinal());
		if (!central) {
			this.jdbc.update(NEW_FOLIOS, fileId);
			this.jdbc.update(SETTLE_FOLIOS);
			this.jdbc.update("DELETE FROM affected_folio");
		}
		HaltPoints.reached("merge");
		long rejected = count("SELECT COUNT(*) FROM rejected_row WHERE file_id = ?", fileId);
		long warnings = count("SELECT COUNT(*) FROM row_warning WHERE file_id = ?", fileId);
		this.jdbc.update(
				"UPDATE ingest_file SET status = ?, rows_read = ?, records_new = ?, records_updated = ?,"
						+ " records_unchanged = ?, rows_rejected = ?, warnings = ?, merged_at = ? WHERE id = ?",
				FileLedger.MERGED, staged + rejected, created, updated, unchanged, rejected, warnings,
				Timestamp.from(Instant.now()), fileId);
		logger.info("{}: {} filas, {} nuevos, {} actualizados, {} sin cambios, {} rechazadas", file.fileName(),
				ChileanFormat.integer(staged + rejected), ChileanFormat.integer(created),
				ChileanFormat.integer(updated), ChileanFormat.integer(unchanged), ChileanFormat.integer(rejected));
	}

	private long count(String sql, long fileId) {
		Long value = this.jdbc.queryForObject(sql, Long.class, fileId);
		return (value != null) ? value : 0;
	}

}
