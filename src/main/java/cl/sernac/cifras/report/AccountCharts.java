package cl.sernac.cifras.report;

import cl.sernac.cifras.support.ChileanFormat;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import cl.sernac.cifras.aggregate.AccountQueries;
import cl.sernac.cifras.normalize.AccountCodes;

/**
 * The account's charts, where a chart says more than a table: lawsuits started per year
 * by action type, and people reached by Educación Financiera per year by group. Drawn
 * like the planners' charts ({@link ChartStyle}, {@link BarChart}): a finding for a
 * title, each bar labelled with its group and number; written as PNG, SVG and the phone's
 * SVG.
 */
final class AccountCharts {

	/**
	 * The groups of a year, one shade each of a colour no channel uses, darker for the
	 * first.
	 */
	private static final Color SERIES = new Color(0x332288);

	private final AccountFigures figures;

	private final String source;

	AccountCharts(AccountFigures figures, String source) {
		this.figures = figures;
		this.source = source;
	}

	/** Draws the charts into {@code outputDir}; none when there is nothing to draw. */
	List<ReportCharts.Chart> write(Path outputDir) throws IOException {
		List<ReportCharts.Chart> charts = new ArrayList<>();
		if (this.figures.anyLawsuits()) {
			charts.add(ReportCharts.write(outputDir, "charts/cuenta_juicios_anio", "JUICIO", "cuenta_juicios_anio",
					this::lawsuits));
		}
		if (this.figures.anyActivities()) {
			charts.add(ReportCharts.write(outputDir, "charts/cuenta_personas_anio", "ACTIVIDAD", "cuenta_personas_anio",
					this::reached));
		}
		return charts;
	}

	ReportCharts.Drawn lawsuits(ChartStyle.Canvas canvas) {
		Period period = this.figures.period();
		long total = 0;
		List<long[]> byYear = new ArrayList<>();
		for (int year : period.years()) {
			long[] counts = AccountCodes.ACTIONS.keySet()
				.stream()
				.mapToLong((action) -> this.figures.started(action, year))
				.toArray();
			total += Arrays.stream(counts).sum();
			byYear.add(counts);
		}
		long first = byYear.stream().mapToLong((counts) -> counts[0]).sum();
		String title = "Presentamos " + ChileanFormat.integer(total) + ((total == 1) ? " juicio " : " juicios ")
				+ inPeriod(period) + ((first < total) ? ": " + ChileanFormat.integer(first) + " de "
						+ AccountCodes.ACTIONS.values().iterator().next().toLowerCase(Locale.ROOT) : "");
		return bars(AccountCodes.ACTIONS, byYear, title,
				"Juicios presentados cada año, por tipo de acción, " + period.label(),
				"tables/cuenta_juicios_presentados.csv", canvas);
	}

	ReportCharts.Drawn reached(ChartStyle.Canvas canvas) {
		Period period = this.figures.period();
		long total = 0;
		List<long[]> byYear = new ArrayList<>();
		for (int year : period.years()) {
			AccountQueries.Reached r = this.figures.reached(year);
			long[] counts = { r.schoolchildren(), r.youngPeople(), r.olderAdults() };
			total += r.schoolchildren() + r.youngPeople() + r.olderAdults();
			byYear.add(counts);
		}
		String title = "Educación Financiera llegó a " + ChileanFormat.integer(total)
				+ ((total == 1) ? " persona " : " personas ") + inPeriod(period);
		return bars(AccountCodes.GROUPS, byYear, title,
				"Personas alcanzadas cada año por Educación Financiera, por grupo, " + period.label(),
				"tables/cuenta_educacion.csv", canvas);
	}

	/** {@code entre el 2014 y el 2016}, {@code en el 2016}. */
	private static String inPeriod(Period period) {
		String phrase = period.phrase();
		return Character.toLowerCase(phrase.charAt(0)) + phrase.substring(1);
	}

	/** One row per year, one bar per group in it, each labelled with its group's name. */
	private ReportCharts.Drawn bars(Map<String, String> groups, List<long[]> byYear, String title, String subtitle,
			String table, ChartStyle.Canvas canvas) {
		Period period = this.figures.period();
		List<String> names = List.copyOf(groups.values());
		List<BarChart.Bar> bars = new ArrayList<>();
		double slot = 0.8 * BarChart.thinness(period.years().size()) / names.size();
		for (int y = 0; y < byYear.size(); y++) {
			for (int g = 0; g < names.size(); g++) {
				long value = byYear.get(y)[g];
				bars.add(new BarChart.Bar(y + (g - (names.size() - 1) / 2.0) * slot, slot * 0.86, value,
						BarChart.lighter(SERIES, 0.6 * g / Math.max(1, names.size() - 1)),
						names.get(g) + ": " + ChileanFormat.integer(value)));
			}
		}
		List<String> years = period.years().stream().map(String::valueOf).toList();
		return BarChart.draw(years, bars, title, subtitle, this.source, table, canvas);
	}

}
