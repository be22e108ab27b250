package cl.sernac.cifras.ledger;

import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The rows of an admitted file that were rejected, and the warnings on the rows accepted
 * (tables {@code rejected_row} and {@code row_warning}): kept with the ledger, since they
 * belong to a file as it was read and outlive its staging. The only writer of both
 * tables; reasons and kinds are the codes the normalizer gives them.
 */
public class RejectsAndWarnings {

	private final JdbcTemplate jdbc;

	public RejectsAndWarnings(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** Adds the rejected rows of a chunk read, in the reading's transaction. */
	public void addRejected(List<Rejected> rows) {
		if (rows.isEmpty()) {
			return;
		}
		this.jdbc.batchUpdate("INSERT INTO rejected_row (file_id, line_no, reason, detail) VALUES (?, ?, ?, ?)",
				rows.stream().map((r) -> new Object[] { r.fileId(), r.line(), r.reason(), r.detail() }).toList());
	}

	/** Adds the warnings of a chunk read, in the reading's transaction. */
	public void addWarnings(List<Warning> warnings) {
		if (warnings.isEmpty()) {
			return;
		}
		this.jdbc.batchUpdate("INSERT INTO row_warning (file_id, line_no, kind) VALUES (?, ?, ?)",
				warnings.stream().map((w) -> new Object[] { w.fileId(), w.line(), w.kind() }).toList());
	}

	/** Drops what a reading of a file found: it is read again from its start. */
	public void forget(long fileId) {
		for (String table : List.of("rejected_row", "row_warning")) {
			this.jdbc.update("DELETE FROM " + table + " WHERE file_id = ?", fileId);
		}
	}

	/** Drops what every reading found: every file is read again (a rebuild). */
	public void forgetAll() {
		for (String table : List.of("rejected_row", "row_warning")) {
			this.jdbc.update("DELETE FROM " + table);
		}
	}

	/** Rows of a file rejected. */
	public long rejected(long fileId) {
		return count("SELECT COUNT(*) FROM rejected_row WHERE file_id = ?", fileId);
	}

	/** Warnings on the rows of a file. */
	public long warnings(long fileId) {
		return count("SELECT COUNT(*) FROM row_warning WHERE file_id = ?", fileId);
	}

	private long count(String sql, long fileId) {
		Long value = this.jdbc.queryForObject(sql, Long.class, fileId);
		return (value != null) ? value : 0;
	}

	/**
	 * A rejected row: its line in the file, the reason's code and what the reason alone
	 * does not say (may be empty).
	 */
	public record Rejected(long fileId, long line, String reason, String detail) {
	}

	/** A warning on an accepted row: its line in the file and the kind's code. */
	public record Warning(long fileId, long line, String kind) {
	}

}
