package cl.sernac.cifras.report;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import cl.sernac.cifras.aggregate.CaseCells;
import cl.sernac.cifras.aggregate.QualityQueries;
import cl.sernac.cifras.normalize.Territory;

/**
 * Writes what planners read at the end of every run: the tables (CSV and one workbook),
 * the charts and {@code index.html}, the page that ties them together. The page is
 * written last, so that the files it links to are in place when it appears.
 */
public class ReportWriter {

	private final QualityQueries quality;

	private final Territory territory;

	private final ReportProperties properties;

	private final Path outputDir;

	private final LocalDate runDate;

	private final ReportPage page = new ReportPage();

	private AccountReport account;

	/**
	 * Adds the rest of the public account (lawsuits, activities, targets) to the report.
	 */
	public ReportWriter account(AccountReport account) {
		this.account = account;
		return this;
	}

	public ReportWriter(QualityQueries quality, Territory territory, ReportProperties properties, Path outputDir,
			LocalDate runDate) {
		this.quality = quality;
		this.territory = territory;
		this.properties = properties;
		this.outputDir = outputDir;
		this.runDate = runDate;
	}

	public void write(RunSummary summary, CaseCells cells) throws IOException {
		ReportFigures figures = ReportFigures.read(cells, this.quality, this.territory, this.properties,
				this.runDate.getYear(), summary.runId());
		ReportTables tables = new ReportTables(figures, this.territory);
		AccountReport.Prepared account = (this.account != null) ? this.account.prepare(figures.period()) : null;
		List<Table> all = (account != null) ? AccountReport.withAccount(tables.all(), account) : tables.all();
		for (Table table : all) {
			TableFiles.writeCsv(table, this.outputDir);
		}
		String office = ReportNotes.office(this.territory.regionName(figures.regionCode()));
		LocalDate produced = OffsetDateTime.parse(summary.producedAt()).toLocalDate();
		TableFiles.Cover cover = new TableFiles.Cover(ReportPage.TITLE, office, figures.period().label(),
				ReportNotes.source(office, produced), ReportNotes.date(produced),
				ReportNotes.definitions(figures.period()));
		// The charts and the workbook are drawn at once, on every core.
		List<ReportCharts.Chart> charts = Concurrently.run(
				new ReportCharts(figures, ReportNotes.source(office, produced)).drawings(this.outputDir),
				() -> TableFiles.writeWorkbook(cover, all, this.outputDir.resolve(TableFiles.WORKBOOK)));
		AccountPage accountPage = (account != null)
				? account.page(this.outputDir, ReportNotes.source(office, produced), charts.size() + 1) : null;
		this.page.write(this.outputDir, ReportPage.model(figures, tables, charts, this.territory, summary),
				accountPage);
	}

}
