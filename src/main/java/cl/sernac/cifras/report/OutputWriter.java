package cl.sernac.cifras.report;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import cl.sernac.cifras.aggregate.CaseCells;
import cl.sernac.cifras.aggregate.CaseQueries;
import cl.sernac.cifras.normalize.Printable;
import cl.sernac.cifras.normalize.RejectReason;
import cl.sernac.cifras.system.ChileTime;
import cl.sernac.cifras.system.HaltPoints;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Writes what every run leaves in the output folder: the machine-readable table of cases
 * by channel and year, the rejected rows, the run summary, and the planners' report
 * (tables, charts and {@code index.html}).
 */
public class OutputWriter implements Tasklet {

	private static final Logger logger = LoggerFactory.getLogger(OutputWriter.class);

	public static final String BY_CHANNEL_YEAR = "tables/by_channel_year.csv";

	public static final String REJECTS = "rejects.csv";

	/**
	 * Job parameter: a run resumed and finished just before this one, whose files the
	 * summary also lists.
	 */
	public static final String SUMMARY_FROM_RUN = "summary.from-run";

	private final JdbcClient jdbc;

	private final CaseQueries queries;

	private final Path outputDir;

	private final Path inputDir;

	private final LocalDate runDate;

	private final RunSummaryWriter summaryWriter = new RunSummaryWriter();

	private final PlannerReport plannerReport;

	public OutputWriter(JdbcClient jdbc, CaseQueries queries, Path outputDir, Path inputDir, LocalDate runDate,
			PlannerReport plannerReport) {
		this.jdbc = jdbc;
		this.queries = queries;
		this.outputDir = outputDir;
		this.inputDir = inputDir;
		this.runDate = runDate;
		this.plannerReport = plannerReport;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
		long runId = chunkContext.getStepContext().getStepExecution().getJobExecution().getJobInstance().getId();
		Object from = chunkContext.getStepContext().getJobParameters().get(SUMMARY_FROM_RUN);
		Long resumedRunId = (from != null) ? Long.valueOf(from.toString()) : null;
		// One pass over the counted cases gives every figure of the outputs.
		CaseCells cells = this.queries.cells();
		writeChannelYearTable(cells);
		HaltPoints.reached("output");
		writeRejects();
		RunSummary summary = summary(resumedRunId, runId, cells.total());
		this.summaryWriter.write(summary, this.outputDir);
		this.plannerReport.write(summary, cells);
		// One log line per line of the summary: the log converters let no message break a
		// line.
		this.summaryWriter.text(summary).lines().forEach((line) -> logger.info("{}", line));
		return RepeatStatus.FINISHED;
	}

	private void writeChannelYearTable(CaseCells cells) throws java.io.IOException {
		CsvTable table = new CsvTable(List.of("record_type", "subtype", "channel", "year", "records"));
		for (CaseQueries.ChannelYearCount count : cells.byChannelYear()) {
			table.row(count.recordType(), count.subtype(), count.channel(), count.year(), count.records());
		}
		table.writeTo(this.outputDir.resolve(BY_CHANNEL_YEAR));
	}

	private void writeRejects() throws java.io.IOException {
		CsvTable table = new CsvTable(List.of("archivo", "linea", "motivo", "mensaje"));
		this.jdbc
			.sql("SELECT f.file_name, r.line_no, r.reason, r.detail FROM rejected_row r"
					+ " JOIN ingest_file f ON f.id = r.file_id ORDER BY f.ordinal, r.line_no")
			.query((RowCallbackHandler) (rs) -> {
				RejectReason reason = RejectReason.ofCode(rs.getString("reason"));
				String detail = rs.getString("detail");
				String message = (detail == null || detail.isEmpty()) ? reason.message()
						: reason.message() + ": " + detail;
				table.row(Printable.of(rs.getString("file_name")), rs.getLong("line_no"), reason.code(),
						Printable.of(message));
			});
		table.writeTo(this.outputDir.resolve(REJECTS));
	}

	/**
	 * What the run did, file by file; with a resumed run, what that one did too (it was
	 * finished by the same invocation, and its own summary is replaced by this one).
	 */
	RunSummary summary(Long resumedRunId, long runId, long casesInStore) {
		long fromRun = (resumedRunId != null) ? resumedRunId : runId;
		Map<Long, Map<String, Long>> rejects = countsByFile(
				"SELECT r.file_id, r.reason, COUNT(*) FROM rejected_row r JOIN run_file f ON f.file_id = r.file_id"
						+ " WHERE f.run_id BETWEEN ? AND ? GROUP BY r.file_id, r.reason",
				fromRun, runId);
		Map<Long, Map<String, Long>> warnings = countsByFile(
				"SELECT w.file_id, w.kind, COUNT(*) FROM row_warning w JOIN run_file f ON f.file_id = w.file_id"
						+ " WHERE f.run_id BETWEEN ? AND ? GROUP BY w.file_id, w.kind",
				fromRun, runId);
		List<RunSummary.FileSummary> files = new ArrayList<>();
		this.jdbc.sql("""
				SELECT rf.file_name, rf.outcome, rf.source_name, rf.reason, rf.file_id, f.rows_read, f.records_new,
					f.records_updated, f.records_unchanged, f.rows_rejected, f.warnings
				FROM run_file rf LEFT JOIN ingest_file f ON f.id = rf.file_id
				WHERE rf.run_id BETWEEN ? AND ? ORDER BY rf.run_id, rf.file_name
				""").params(fromRun, runId).query((RowCallbackHandler) (rs) -> {
			long fileId = rs.getLong("file_id");
			// Names and reasons (which may quote another file's name) come from outside.
			files.add(new RunSummary.FileSummary(Printable.of(rs.getString("file_name")), rs.getString("outcome"),
					rs.getString("source_name"), Printable.of(rs.getString("reason")), rs.getLong("rows_read"),
					rs.getLong("records_new"), rs.getLong("records_updated"), rs.getLong("records_unchanged"),
					rs.getLong("rows_rejected"), rs.getLong("warnings"), rejects.getOrDefault(fileId, Map.of()),
					warnings.getOrDefault(fileId, Map.of())));
		});
		RunSummary.Totals totals = new RunSummary.Totals(count(files, "ADMITTED"), count(files, "ALREADY_INGESTED"),
				count(files, "NOT_RECOGNIZED"), sum(files, RunSummary.FileSummary::rowsRead),
				sum(files, RunSummary.FileSummary::recordsNew), sum(files, RunSummary.FileSummary::recordsUpdated),
				sum(files, RunSummary.FileSummary::recordsUnchanged), sum(files, RunSummary.FileSummary::rowsRejected),
				sum(files, RunSummary.FileSummary::warnings));
		return new RunSummary(runId, resumedRunId, LocalDateTime.now(ChileTime.ZONE).withNano(0).toString(),
				this.runDate.toString(), Printable.of(this.inputDir.toString()), files, totals, casesInStore);
	}

	private Map<Long, Map<String, Long>> countsByFile(String sql, long fromRun, long runId) {
		Map<Long, Map<String, Long>> counts = new HashMap<>();
		this.jdbc.sql(sql)
			.params(fromRun, runId)
			.query((RowCallbackHandler) (rs) -> counts.computeIfAbsent(rs.getLong(1), (id) -> new TreeMap<>())
				.put(rs.getString(2), rs.getLong(3)));
		return counts;
	}

	private static int count(List<RunSummary.FileSummary> files, String outcome) {
		return (int) files.stream().filter((f) -> outcome.equals(f.outcome())).count();
	}

	private static long sum(List<RunSummary.FileSummary> files,
			java.util.function.ToLongFunction<RunSummary.FileSummary> value) {
		return files.stream().filter(RunSummary.FileSummary::wasRead).mapToLong(value).sum();
	}

}
