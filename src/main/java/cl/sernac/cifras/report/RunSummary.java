package cl.sernac.cifras.report;

import java.util.List;
import java.util.Map;

import cl.sernac.cifras.ledger.FileOutcome;

/**
 * What one run did, file by file: for analysts in Spanish and for machines as JSON.
 *
 * @param runId the run's number
 * @param resumedRunId the number of an interrupted run finished just before this one,
 * whose files are listed too; null when there was none
 * @param producedAt date and time in the configured zone ({@code cifras.time-zone},
 * Chile's by default), ISO-8601 with its offset: {@code 2026-12-01T21:03:00-03:00}
 * @param runDate the day of the run, ISO-8601
 * @param files every file the run saw (and the resumed run, first), in name order
 * @param totals sums over the files the run admitted
 * @param casesInStore cases counted in the whole store after the run
 * @param account how the rows of every file applied became the cases of the store
 */
public record RunSummary(long runId, Long resumedRunId, String producedAt, String runDate, String inputDir,
		List<FileSummary> files, Totals totals, long casesInStore, Account account) {

	/**
	 * @param outcome what the run decided about the file (its name in the JSON)
	 * @param reason why a file was not admitted, or null
	 * @param rejectedByReason rejected rows by reason code
	 * @param warningsByKind warnings by kind code
	 */
	public record FileSummary(String file, FileOutcome outcome, String source, String reason, long rowsRead,
			long recordsNew, long recordsUpdated, long recordsUnchanged, long rowsRejected, long warnings,
			Map<String, Long> rejectedByReason, Map<String, Long> warningsByKind) {

		/**
		 * Whether the run read the file's rows: admitted now, or reprocessed by a
		 * rebuild.
		 */
		public boolean wasRead() {
			return this.outcome.read();
		}

	}

	public record Totals(int filesAdmitted, int filesAlreadyIngested, int filesNotRecognized, long rowsRead,
			long recordsNew, long recordsUpdated, long recordsUnchanged, long rowsRejected, long warnings) {
	}

	/**
	 * From rows to cases, over the whole store: every row read is rejected, a repeat of
	 * the version its key already had, a correction of it, or a new record; of the
	 * records, those joined to another by a central folio (rule 2) are not cases of their
	 * own. So {@code rowsRead = rowsRejected + rowsRepeated + corrections + records} and
	 * {@code records - joinedByFolio = cases}.
	 */
	public record Account(long rowsRead, long rowsRejected, long rowsRepeated, long corrections, long records,
			long joinedByFolio, long cases) {

		public boolean addsUp() {
			return this.rowsRead == this.rowsRejected + this.rowsRepeated + this.corrections + this.records
					&& this.records - this.joinedByFolio == this.cases;
		}

	}

	public List<FileSummary> notRecognized() {
		return this.files.stream().filter((f) -> f.outcome() == FileOutcome.NOT_RECOGNIZED).toList();
	}

}
