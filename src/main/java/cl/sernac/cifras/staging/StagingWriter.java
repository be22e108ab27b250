package cl.sernac.cifras.staging;

import java.util.ArrayList;
import java.util.List;

import cl.sernac.cifras.ledger.RejectsAndWarnings;
import cl.sernac.cifras.normalize.RowOutcome;
import cl.sernac.cifras.normalize.WarningKind;
import cl.sernac.cifras.support.Milestones;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStream;
import org.springframework.batch.infrastructure.item.ItemWriter;

/**
 * Writes a chunk of one file's rows: accepted records to the file's staging, rejects and
 * warnings to their keeper ({@link RejectsAndWarnings}). Everything is applied to the
 * store later, file by file in order, so files can be read in parallel without changing
 * the result.
 *
 * <p>
 * The staging's length is saved with each chunk's commit; a reading that restarts after a
 * crash cuts the staging back to it, so a row is staged once whatever the crash.
 */
public class StagingWriter implements ItemWriter<RowOutcome>, ItemStream {

	private static final String STAGED_BYTES = "staging.bytes";

	private final RejectsAndWarnings rejectsAndWarnings;

	private final StagingArea staging;

	private final long fileId;

	private final String readerName;

	private StagingArea.Appender appender;

	public StagingWriter(RejectsAndWarnings rejectsAndWarnings, StagingArea staging, long fileId, String readerName) {
		this.rejectsAndWarnings = rejectsAndWarnings;
		this.staging = staging;
		this.fileId = fileId;
		this.readerName = readerName;
	}

	/**
	 * A file read from its start must not find rows of an earlier, abandoned attempt; a
	 * restart keeps what the last committed chunk had written, since the reader resumes
	 * after it.
	 */
	@Override
	public void open(ExecutionContext executionContext) {
		boolean resumed = executionContext.containsKey(this.readerName + ".read.count");
		if (!resumed) {
			this.rejectsAndWarnings.forget(this.fileId);
		}
		long keep = (resumed && executionContext.containsKey(STAGED_BYTES)) ? executionContext.getLong(STAGED_BYTES)
				: 0;
		this.appender = this.staging.append(this.fileId, keep);
	}

	@Override
	public void update(ExecutionContext executionContext) {
		if (this.appender != null) {
			executionContext.putLong(STAGED_BYTES, this.appender.length());
		}
	}

	@Override
	public void close() {
		if (this.appender != null) {
			this.appender.close();
			this.appender = null;
		}
	}

	@Override
	public void write(Chunk<? extends RowOutcome> chunk) {
		List<RejectsAndWarnings.Rejected> rejected = new ArrayList<>();
		List<RejectsAndWarnings.Warning> warnings = new ArrayList<>();
		for (RowOutcome outcome : chunk) {
			if (outcome instanceof RowOutcome.Accepted row) {
				this.appender.add(row);
				for (WarningKind kind : row.warnings()) {
					warnings.add(new RejectsAndWarnings.Warning(this.fileId, row.line(), kind.code()));
				}
			}
			else if (outcome instanceof RowOutcome.Rejected row) {
				rejected
					.add(new RejectsAndWarnings.Rejected(this.fileId, row.line(), row.reason().code(), row.detail()));
			}
		}
		this.appender.flush();
		this.rejectsAndWarnings.addRejected(rejected);
		this.rejectsAndWarnings.addWarnings(warnings);
		Milestones.passed("ingest");
	}

}
