package cl.sernac.cifras.report;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import cl.sernac.cifras.aggregate.CaseCells;
import cl.sernac.cifras.aggregate.CaseQueries;
import cl.sernac.cifras.aggregate.QualityQueries;
import cl.sernac.cifras.ledger.FileOutcome;
import cl.sernac.cifras.support.Printable;
import cl.sernac.cifras.normalize.RejectReason;
import cl.sernac.cifras.support.ChileTime;
import cl.sernac.cifras.support.Milestones;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Writes what every run leaves in the output folder: the machine-readable table of cases
 * by channel and year, the rejected rows, the run summary, and the planners' report
 * (tables, charts and {@code index.html}).
 * <p>
 * A report period asked for ({@code cifras.report.from-year}, {@code to-year}) in which
 * the store counts no case is refused before anything is written: the step ends with the
 * exit status {@link #EMPTY_PERIOD} and every output stays as it was. The run's reading
 * and merging are committed by then, so nothing is left to resume.
 */
public class OutputWriter implements Tasklet {

	private static final Logger logger = LoggerFactory.getLogger(OutputWriter.class);

	public static final String BY_CHANNEL_YEAR = "tables/by_channel_year.csv";

	public static final String REJECTS = "rejects.csv";

	/** The rejected rows for machines: the same rows as {@link #REJECTS}. */
	public static final String REJECTS_JSON = "rejects.json";

	/**
	 * Exit status of a run whose report period has no counted case: nothing was written.
	 * Its description says why, in Spanish.
	 */
	public static final String EMPTY_PERIOD = "EMPTY_PERIOD";

	/**
	 * Job parameter: a run resumed and finished just before this one, whose files the
	 * summary also lists.
	 */
	public static final String SUMMARY_FROM_RUN = "summary.from-run";

	private final QualityQueries quality;

	private final CaseQueries queries;

	private final Path outputDir;

	private final Path inputDir;

	private final LocalDate runDate;

	private final RunSummaryWriter summaryWriter = new RunSummaryWriter();

	private final ReportWriter plannerReport;

	private final ReportProperties reportProperties;

	private final ZoneId zone;

	/**
	 * Sources of lawsuits and activities: their rows are not cases, and stay out of the
	 * account from rows to cases.
	 */
	private java.util.Set<String> accountSources = java.util.Set.of();

	/**
	 * @param zone the zone of the summary's time ({@code cifras.time-zone})
	 */
	public OutputWriter(QualityQueries quality, CaseQueries queries, Path outputDir, Path inputDir, LocalDate runDate,
			ReportWriter plannerReport, ReportProperties reportProperties, ZoneId zone) {
		this.quality = quality;
		this.queries = queries;
		this.outputDir = outputDir;
		this.inputDir = inputDir;
		this.runDate = runDate;
		this.plannerReport = plannerReport;
		this.reportProperties = reportProperties;
		this.zone = zone;
	}

	/** Names the sources whose rows are lawsuits or activities rather than cases. */
	public OutputWriter accountSources(java.util.Set<String> names) {
		this.accountSources = java.util.Set.copyOf(names);
		return this;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
		long runId = chunkContext.getStepContext().getStepExecution().getJobExecution().getJobInstance().getId();
		Object from = chunkContext.getStepContext().getJobParameters().get(SUMMARY_FROM_RUN);
		Long resumedRunId = (from != null) ? Long.valueOf(from.toString()) : null;
		// One pass over the counted cases gives every figure of the outputs.
		CaseCells cells = this.queries.cells();
		RunSummary summary = summary(resumedRunId, runId, cells.total());
		Optional<String> refusal = emptyPeriod(cells, summary);
		if (refusal.isPresent()) {
			// what the run read and applied is still told, in the log only
			logSummary(summary);
			contribution.setExitStatus(new ExitStatus(EMPTY_PERIOD, refusal.get()));
			return RepeatStatus.FINISHED;
		}
		writeChannelYearTable(cells);
		Milestones.passed("output");
		writeRejects();
		this.summaryWriter.write(summary, this.outputDir);
		this.plannerReport.write(summary, cells);
		logSummary(summary);
		return RepeatStatus.FINISHED;
	}

	/**
	 * One log line per line of the summary: the log converters let no message break a
	 * line.
	 */
	private void logSummary(RunSummary summary) {
		this.summaryWriter.text(summary).lines().forEach((line) -> logger.info("{}", line));
	}

	/**
	 * Why the outputs must not be written: a report period was asked for and the store
	 * counts no case in it, so the report would be a page of zeros over a good one. A
	 * store with no case at all gives an empty report when no period was asked for.
	 * @return the reason, in Spanish, or empty when the outputs may be written
	 */
	Optional<String> emptyPeriod(CaseCells cells, RunSummary summary) {
		if (this.reportProperties.fromYear() == null && this.reportProperties.toYear() == null) {
			return Optional.empty();
		}
		Period period = Period.of(this.reportProperties, cells.yearRange(), this.runDate.getYear());
		if (cells.all().stream().anyMatch((cell) -> cell.records() > 0 && period.contains(cell.year()))) {
			return Optional.empty();
		}
		String data = cells.yearRange()
			.map((years) -> (years.first() == years.last()) ? "solo hay casos del " + years.first()
					: "hay casos del " + years.first() + " al " + years.last())
			.orElse("aún no hay casos contados");
		long files = summary.files().stream().filter(RunSummary.FileSummary::wasRead).count();
		String read = (files == 0) ? "" : (files == 1) ? " El archivo leído en esta ejecución sí quedó ingresado."
				: " Los " + files + " archivos leídos en esta ejecución sí quedaron ingresados.";
		// years written apart: the log's mask would take "2019-2020" for a RUT
		String asked = (period.from() == period.to()) ? "el " + period.from()
				: "del " + period.from() + " al " + period.to();
		return Optional.of("No hay casos contados en el período del informe (" + asked + "; " + data
				+ "): no se escribe ningún resultado y los de la carpeta de salida quedan como estaban." + read
				+ " Indique un período con datos (--from-year, --to-year).");
	}

	private void writeChannelYearTable(CaseCells cells) throws IOException {
		CsvTable table = new CsvTable(List.of("record_type", "subtype", "channel", "year", "records"));
		for (CaseQueries.ChannelYearCount count : cells.byChannelYear()) {
			table.row(count.recordType(), count.subtype(), count.channel(), count.year(), count.records());
		}
		table.writeTo(this.outputDir.resolve(BY_CHANNEL_YEAR));
	}

	/**
	 * Every rejected row of the store: {@code rejects.csv} for a spreadsheet in Chile,
	 * like the planners' tables (see {@link TableFiles}), and {@code rejects.json} for
	 * machines.
	 */
	private void writeRejects() throws IOException {
		Table table = new Table("rejects", "Filas rechazadas", "Filas rechazadas", Table.text("archivo"),
				Table.plain("linea"), Table.text("motivo"), Table.text("mensaje"));
		this.quality.rejectedRows((row) -> {
			RejectReason reason = RejectReason.ofCode(row.reason());
			String detail = row.detail();
			String message = (detail == null || detail.isEmpty()) ? reason.message() : reason.message() + ": " + detail;
			table.row(Printable.of(row.fileName()), row.line(), reason.code(), Printable.of(message));
		});
		AtomicFiles.writeUtf8(this.outputDir.resolve(REJECTS), (out) -> TableFiles.writeCsv(table, out));
		AtomicFiles.writeUtf8(this.outputDir.resolve(REJECTS_JSON), (out) -> writeJson(table, out));
	}

	private static void writeJson(Table table, Writer out) throws IOException {
		try (JsonGenerator json = new JsonFactory().createGenerator(out)) {
			json.useDefaultPrettyPrinter();
			json.writeStartArray();
			for (List<Object> row : table.rows()) {
				json.writeStartObject();
				json.writeStringField("file", (String) row.get(0));
				json.writeNumberField("line", (Long) row.get(1));
				json.writeStringField("reason", (String) row.get(2));
				json.writeStringField("message", (String) row.get(3));
				json.writeEndObject();
			}
			json.writeEndArray();
		}
	}

	/**
	 * What the run did, file by file; with a resumed run, what that one did too (it was
	 * finished by the same invocation, and its own summary is replaced by this one).
	 */
	RunSummary summary(Long resumedRunId, long runId, long casesInStore) {
		long fromRun = (resumedRunId != null) ? resumedRunId : runId;
		List<RunSummary.FileSummary> files = new ArrayList<>();
		for (QualityQueries.RunFile file : this.quality.runFiles(fromRun, runId)) {
			// Names and reasons (which may quote another file's name) come from outside.
			files.add(new RunSummary.FileSummary(Printable.of(file.fileName()), file.outcome(), file.sourceName(),
					Printable.of(file.reason()), file.rowsRead(), file.recordsNew(), file.recordsUpdated(),
					file.recordsUnchanged(), file.rowsRejected(), file.warnings(), file.rejectedByReason(),
					file.warningsByKind()));
		}
		RunSummary.Totals totals = new RunSummary.Totals(count(files, FileOutcome.ADMITTED),
				count(files, FileOutcome.ALREADY_INGESTED), count(files, FileOutcome.NOT_RECOGNIZED),
				sum(files, RunSummary.FileSummary::rowsRead), sum(files, RunSummary.FileSummary::recordsNew),
				sum(files, RunSummary.FileSummary::recordsUpdated),
				sum(files, RunSummary.FileSummary::recordsUnchanged), sum(files, RunSummary.FileSummary::rowsRejected),
				sum(files, RunSummary.FileSummary::warnings));
		return new RunSummary(runId, resumedRunId, ChileTime.now(this.zone), this.runDate.toString(),
				Printable.of(this.inputDir.toString()), files, totals, casesInStore, account(casesInStore));
	}

	/** How the rows of every applied file became the store's cases. */
	private RunSummary.Account account(long cases) {
		long records = this.queries.records();
		long[] sums = new long[4];
		for (QualityQueries.SourceRows source : this.quality.mergedRowsBySource()) {
			if (!this.accountSources.contains(source.sourceName())) {
				sums[0] += source.rowsRead();
				sums[1] += source.rowsRejected();
				sums[2] += source.recordsUnchanged();
				sums[3] += source.recordsUpdated();
			}
		}
		return new RunSummary.Account(sums[0], sums[1], sums[2], sums[3], records, records - cases, cases);
	}

	private static int count(List<RunSummary.FileSummary> files, FileOutcome outcome) {
		return (int) files.stream().filter((f) -> f.outcome() == outcome).count();
	}

	private static long sum(List<RunSummary.FileSummary> files,
			java.util.function.ToLongFunction<RunSummary.FileSummary> value) {
		return files.stream().filter(RunSummary.FileSummary::wasRead).mapToLong(value).sum();
	}

}
