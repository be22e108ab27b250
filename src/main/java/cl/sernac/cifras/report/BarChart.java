package cl.sernac.cifras.report;

import java.awt.Color;
import java.awt.Paint;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;

/**
 * Horizontal bars in the house style: one row per category (a channel, a year), one or
 * more bars in it, each labelled after its end with its figure, so that no value axis is
 * needed and no bar is left without its number.
 */
final class BarChart {

	private BarChart() {
	}

	/**
	 * @param categories the rows' names, top to bottom
	 * @param bars the bars, each placed on the category axis (row {@code i} is at
	 * {@code i})
	 * @param table the CSV file with the figures, relative to the output folder
	 */
	static ReportCharts.Drawn draw(List<String> categories, List<Bar> bars, String title, String subtitle,
			String source, String table, ChartStyle.Canvas canvas) {
		XYIntervalSeriesCollection dataset = new XYIntervalSeriesCollection();
		XYIntervalSeries series = new XYIntervalSeries(title);
		for (Bar bar : bars) {
			series.add(bar.at(), bar.at() - bar.width() / 2, bar.at() + bar.width() / 2, bar.value(), 0, bar.value());
		}
		dataset.addSeries(series);
		XYBarRenderer renderer = new XYBarRenderer() {

			@Override
			public Paint getItemPaint(int row, int column) {
				return bars.get(column).color();
			}

		};
		renderer.setUseYInterval(true);
		renderer.setBarPainter(new StandardXYBarPainter());
		renderer.setShadowVisible(false);
		renderer.setDrawBarOutline(false);
		SymbolAxis names = new SymbolAxis(null, categories.toArray(String[]::new));
		ChartStyle.axis(names);
		names.setTickLabelFont(ChartStyle.LABEL);
		names.setTickLabelPaint(ChartStyle.TEXT);
		names.setGridBandsVisible(false);
		names.setInverted(true);
		names.setRange(-0.6, Math.max(0.6, categories.size() - 0.4));
		NumberAxis values = new NumberAxis();
		ChartStyle.axis(values);
		values.setVisible(false);
		long highest = bars.stream().mapToLong(Bar::value).max().orElse(0);
		values.setRange(0, Math.max(1, highest));
		XYPlot plot = new XYPlot(dataset, names, values, renderer);
		plot.setOrientation(PlotOrientation.HORIZONTAL);
		plot.setRangeGridlinesVisible(false);
		plot.setDomainGridlinesVisible(false);
		JFreeChart chart = ChartStyle.chart(plot, title, subtitle, source);
		if (bars.isEmpty()) {
			names.setVisible(false);
			return new ReportCharts.Drawn(chart, List.of(), table);
		}
		Rectangle2D area = ChartStyle.dataAreas(chart, canvas).get(0);
		double widest = bars.stream()
			.mapToDouble((bar) -> ChartStyle.width(bar.label(), ChartStyle.LABEL))
			.max()
			.orElse(0);
		double room = area.getWidth() - widest - 24;
		values.setRange(0, Math.max(1, highest * area.getWidth() / Math.max(room, area.getWidth() / 3)));
		double gap = 10 * values.getUpperBound() / area.getWidth();
		for (Bar bar : bars) {
			plot.addAnnotation(ChartStyle.label(bar.label(), bar.at(), bar.value() + gap, TextAnchor.CENTER_LEFT,
					ChartStyle.LABEL, ChartStyle.TEXT));
		}
		List<String> figures = new ArrayList<>();
		for (int c = 0; c < categories.size(); c++) {
			int index = c;
			figures.add(categories.get(c) + ": " + String.join(", ",
					bars.stream().filter((bar) -> Math.round(bar.at()) == index).map(Bar::label).toList()));
		}
		return new ReportCharts.Drawn(chart, figures, table);
	}

	/** Bars keep the thickness they have for five categories when there are fewer. */
	static double thinness(int categories) {
		return Math.min(1, categories / 5.0);
	}

	/** The colour mixed with white: 0 leaves it, 1 makes it white. */
	static Color lighter(Color color, double amount) {
		return new Color((int) Math.round(color.getRed() + (255 - color.getRed()) * amount),
				(int) Math.round(color.getGreen() + (255 - color.getGreen()) * amount),
				(int) Math.round(color.getBlue() + (255 - color.getBlue()) * amount));
	}

	/**
	 * @param at the bar's centre on the category axis
	 * @param label the text written after the bar's end
	 */
	record Bar(double at, double width, long value, Color color, String label) {
	}

}
