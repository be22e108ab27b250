package cl.sernac.cifras.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import cl.sernac.cifras.aggregate.AccountQueries;
import cl.sernac.cifras.normalize.AccountCodes;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * The account's charts, where a chart says more than a table: lawsuits started per year
 * by action type, and people reached by Educación Financiera per year by group. PNG at
 * 1600x900 and SVG, like the planners' charts; numbers written the Chilean way.
 */
final class AccountCharts {

	private static final String FONT = "SansSerif";

	/** Okabe-Ito colours, safe for colour blindness, not those of the channels. */
	private static final Color[] SERIES = { new Color(0x0072B2), new Color(0xE69F00), new Color(0x009E73) };

	private final AccountFigures figures;

	AccountCharts(AccountFigures figures) {
		this.figures = figures;
	}

	/** Draws the charts into {@code outputDir}; none when there is nothing to draw. */
	List<Drawn> write(Path outputDir) throws IOException {
		List<Drawn> drawn = new ArrayList<>();
		if (this.figures.anyLawsuits()) {
			drawn.add(write(outputDir, "cuenta_juicios_anio", lawsuits()));
		}
		if (this.figures.anyActivities()) {
			drawn.add(write(outputDir, "cuenta_personas_anio", reached()));
		}
		return drawn;
	}

	private static Drawn write(Path outputDir, String name, JFreeChart chart) throws IOException {
		String base = "charts/" + name;
		Path png = outputDir.resolve(base + ".png");
		Files.createDirectories(png.getParent());
		AtomicFiles.write(png,
				(out) -> ChartUtils.writeChartAsPNG(out, chart, PlannerCharts.WIDTH, PlannerCharts.HEIGHT));
		AtomicFiles.write(outputDir.resolve(base + ".svg"), (out) -> out.write(PlannerCharts.svg(chart)));
		return new Drawn(base + ".png", base + ".svg", chart.getTitle().getText());
	}

	JFreeChart lawsuits() {
		DefaultCategoryDataset dataset = new DefaultCategoryDataset();
		for (var action : AccountCodes.ACTIONS.entrySet()) {
			for (int year : this.figures.period().years()) {
				dataset.addValue(this.figures.started(action.getKey(), year), action.getValue(), String.valueOf(year));
			}
		}
		return bars("Juicios presentados por año, " + this.figures.period().label(),
				"Juicios presentados cada año, por tipo de acción", "Juicios", dataset, new BarRenderer());
	}

	JFreeChart reached() {
		DefaultCategoryDataset dataset = new DefaultCategoryDataset();
		List<String> groups = List.copyOf(AccountCodes.GROUPS.values());
		for (int year : this.figures.period().years()) {
			AccountQueries.Reached r = this.figures.reached(year);
			long[] values = { r.schoolchildren(), r.youngPeople(), r.olderAdults() };
			for (int i = 0; i < groups.size(); i++) {
				dataset.addValue(values[i], groups.get(i), String.valueOf(year));
			}
		}
		return bars("Personas alcanzadas por Educación Financiera, " + this.figures.period().label(),
				"Personas alcanzadas cada año, por grupo", "Personas", dataset, new StackedBarRenderer());
	}

	private static JFreeChart bars(String title, String subtitle, String valueLabel, DefaultCategoryDataset dataset,
			BarRenderer renderer) {
		CategoryAxis years = new CategoryAxis(null);
		NumberAxis values = new NumberAxis(valueLabel);
		values.setNumberFormatOverride(integerFormat());
		values.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
		CategoryPlot plot = new CategoryPlot(dataset, years, values, renderer);
		plot.setOrientation(PlotOrientation.VERTICAL);
		plot.setBackgroundPaint(Color.WHITE);
		plot.setRangeGridlinePaint(new Color(0xC8C8C8));
		plot.setRangeGridlineStroke(new BasicStroke(1f));
		plot.setOutlineVisible(false);
		renderer.setBarPainter(new StandardBarPainter());
		renderer.setShadowVisible(false);
		renderer.setItemMargin(0.05);
		for (int i = 0; i < SERIES.length; i++) {
			renderer.setSeriesPaint(i, SERIES[i]);
			// white on the dark blue and green, black on the orange
			renderer.setSeriesItemLabelPaint(i, (i == 1) ? Color.BLACK : Color.WHITE);
		}
		renderer.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}", integerFormat()));
		renderer.setDefaultItemLabelsVisible(true);
		renderer.setDefaultItemLabelFont(new Font(FONT, Font.BOLD, 22));
		renderer.setDefaultPositiveItemLabelPosition(new ItemLabelPosition(ItemLabelAnchor.CENTER, TextAnchor.CENTER));
		Font tick = new Font(FONT, Font.PLAIN, 24);
		years.setTickLabelFont(tick);
		values.setTickLabelFont(tick);
		values.setLabelFont(new Font(FONT, Font.PLAIN, 26));
		JFreeChart chart = new JFreeChart(title, new Font(FONT, Font.BOLD, 40), plot, true);
		chart.setBackgroundPaint(Color.WHITE);
		chart.addSubtitle(0, new TextTitle(subtitle, new Font(FONT, Font.PLAIN, 26)));
		LegendTitle legend = chart.getLegend();
		legend.setItemFont(new Font(FONT, Font.PLAIN, 25));
		legend.setPosition(RectangleEdge.BOTTOM);
		return chart;
	}

	private static DecimalFormat integerFormat() {
		DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(Locale.forLanguageTag("es-CL"));
		symbols.setGroupingSeparator('.');
		symbols.setDecimalSeparator(',');
		return new DecimalFormat("#,##0", symbols);
	}

	/** A chart drawn: its files and its title. */
	record Drawn(String file, String svg, String title) {
	}

}
