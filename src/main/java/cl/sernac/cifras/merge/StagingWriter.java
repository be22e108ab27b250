package cl.sernac.cifras.merge;

import java.util.ArrayList;
import java.util.List;

import cl.sernac.cifras.normalize.RowOutcome;
import cl.sernac.cifras.normalize.WarningKind;

import cl.sernac.cifras.system.HaltPoints;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStream;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes a chunk of one file's rows: accepted records to the staging table, rejects and
 * warnings to theirs. Everything is applied to the store later, file by file in order, so
 * files can be read in parallel without changing the result.
 */
public class StagingWriter implements ItemWriter<RowOutcome>, ItemStream {

	private static final String INSERT_STAGED = "INSERT INTO staged_row (file_id, line_no, source_name, record_key,"
			+ " record_type, subtype, channel, intake_day, comuna_code, region_code, rut_hash, folio, organization,"
			+ " place_code) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

	private final JdbcTemplate jdbc;

	private final long fileId;

	private final String sourceName;

	private final String readerName;

	public StagingWriter(JdbcTemplate jdbc, long fileId, String sourceName, String readerName) {
		this.jdbc = jdbc;
		this.fileId = fileId;
		this.sourceName = sourceName;
		this.readerName = readerName;
	}

	/**
	 * A file read from its start must not find rows of an earlier, abandoned attempt; a
	 * restart keeps them, since the reader resumes after the last committed chunk.
	 */
	@Override
	public void open(ExecutionContext executionContext) {
		if (!executionContext.containsKey(this.readerName + ".read.count")) {
			for (String table : List.of("staged_row", "rejected_row", "row_warning")) {
				this.jdbc.update("DELETE FROM " + table + " WHERE file_id = ?", this.fileId);
			}
		}
	}

	@Override
	public void write(Chunk<? extends RowOutcome> chunk) {
		List<Object[]> staged = new ArrayList<>(chunk.size());
		List<Object[]> rejected = new ArrayList<>();
		List<Object[]> warnings = new ArrayList<>();
		for (RowOutcome outcome : chunk) {
			if (outcome instanceof RowOutcome.Accepted row) {
				staged.add(new Object[] { this.fileId, row.line(), this.sourceName, row.recordKey(), row.recordType(),
						row.subtype(), row.channel(), row.intakeDay(), row.comunaCode(), row.regionCode(),
						row.rutHash(), row.folio(), row.organization(), row.placeCode() });
				for (WarningKind kind : row.warnings()) {
					warnings.add(new Object[] { this.fileId, row.line(), kind.code() });
				}
			}
			else if (outcome instanceof RowOutcome.Rejected row) {
				rejected.add(new Object[] { this.fileId, row.line(), row.reason().code(), row.detail() });
			}
		}
		if (!staged.isEmpty()) {
			this.jdbc.batchUpdate(INSERT_STAGED, staged);
		}
		if (!rejected.isEmpty()) {
			this.jdbc.batchUpdate("INSERT INTO rejected_row (file_id, line_no, reason, detail) VALUES (?, ?, ?, ?)",
					rejected);
		}
		if (!warnings.isEmpty()) {
			this.jdbc.batchUpdate("INSERT INTO row_warning (file_id, line_no, kind) VALUES (?, ?, ?)", warnings);
		}
		HaltPoints.reached("ingest");
	}

}
