package cl.sernac.cifras.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import cl.sernac.cifras.aggregate.AccountQueries;
import cl.sernac.cifras.normalize.Territory;

/**
 * The public account beyond the cases, as the report adds it: its tables (CSV and
 * workbook sheets, beside the planners'), its charts and its part of the page. Left out
 * altogether when the store holds no lawsuit nor activity.
 */
public class AccountReport {

	private final AccountQueries queries;

	private final AccountProperties properties;

	private final Territory territory;

	private final String region;

	public AccountReport(AccountQueries queries, AccountProperties properties, Territory territory, String region) {
		this.queries = queries;
		this.properties = properties;
		this.territory = territory;
		this.region = region;
	}

	/** The account's figures for the period; null when there is nothing to show. */
	Prepared prepare(Period period) {
		AccountFigures figures = AccountFigures.read(this.queries, period, this.territory.comunasOfRegion(this.region),
				this.properties.programme());
		if (!figures.any()) {
			return null;
		}
		return new Prepared(figures, new AccountTables(figures, this.properties.targets()),
				Path.of(this.properties.texts()));
	}

	/** The planners' tables, then the account's. */
	static List<Table> withAccount(List<Table> tables, Prepared account) {
		List<Table> all = new java.util.ArrayList<>(tables);
		all.addAll(account.all());
		return all;
	}

	/** The account of one run's report. */
	record Prepared(AccountFigures figures, AccountTables tables, Path texts) {

		List<Table> all() {
			return this.tables.all();
		}

		/**
		 * Draws the charts and reads the texts: the page's part.
		 * @param source the source line of every chart
		 * @param firstNumber the number of the account's first chart on the page
		 */
		AccountPage page(Path outputDir, String source, int firstNumber) throws IOException {
			List<ReportCharts.Chart> charts = new AccountCharts(this.figures, source).write(outputDir);
			return AccountPage.of(this.figures, this.tables, charts, AccountTexts.read(this.texts), source,
					firstNumber);
		}

	}

}
