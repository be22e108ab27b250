package cl.sernac.cifras.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.Rectangle;
import java.awt.geom.Line2D;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.DateFormatSymbols;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.SimpleDateFormat;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import cl.sernac.cifras.aggregate.CaseCells.TypeChannelCount;
import cl.sernac.cifras.aggregate.ChannelMix;
import cl.sernac.cifras.aggregate.Shares;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.CategoryTextAnnotation;
import org.jfree.chart.axis.Axis;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.DateTickMarkPosition;
import org.jfree.chart.axis.DateTickUnit;
import org.jfree.chart.axis.DateTickUnitType;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.labels.CategoryItemLabelGenerator;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.time.Month;
import org.jfree.data.time.TimeSeries;
import org.jfree.data.time.TimeSeriesCollection;
import org.jfree.svg.SVGGraphics2D;

/**
 * The planners' charts, drawn with JFreeChart as PNG at 1600x900, the size of a projected
 * slide: for each record type, the channel mix per year (stacked bars), each channel's
 * share per year (100 % stacked bars), the monthly series by channel and the period's
 * totals by channel. A channel has the same colour in every chart ({@link Channels});
 * numbers are written the Chilean way.
 */
final class PlannerCharts {

	static final int WIDTH = 1600;

	static final int HEIGHT = 900;

	private static final String FONT = "SansSerif";

	private static final Font TITLE = new Font(FONT, Font.BOLD, 40);

	private static final Font SUBTITLE = new Font(FONT, Font.PLAIN, 26);

	private static final Font AXIS_LABEL = new Font(FONT, Font.PLAIN, 26);

	private static final Font TICK = new Font(FONT, Font.PLAIN, 24);

	private static final Font LEGEND = new Font(FONT, Font.PLAIN, 25);

	private static final Font ITEM = new Font(FONT, Font.BOLD, 22);

	private static final Font TOTAL = new Font(FONT, Font.BOLD, 24);

	private static final Color GRID = new Color(0xC8C8C8);

	private static final Rectangle LEGEND_BOX = new Rectangle(-11, -11, 22, 22);

	private static final Line2D LEGEND_LINE = new Line2D.Double(-18, 0, 18, 0);

	private static final Color TEXT = new Color(0x222222);

	private static final String NO_DATA = "Sin casos en el período";

	/**
	 * Segments smaller than this share of the tallest bar carry no label: it would not
	 * fit.
	 */
	private static final double LABEL_MIN_FRACTION = 0.045;

	private static final String[] SHORT_MONTHS = { "ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sep", "oct",
			"nov", "dic", "" };

	private final PlannerFigures figures;

	PlannerCharts(PlannerFigures figures) {
		this.figures = figures;
	}

	/** Each chart's drawing into {@code outputDir}, in the order the page shows them. */
	List<Callable<Chart>> drawings(Path outputDir) {
		List<Callable<Chart>> drawings = new ArrayList<>();
		for (String type : ChannelMix.TYPES) {
			drawings.add(() -> write(outputDir, type, "por_canal_anio", byYear(type)));
			drawings.add(() -> write(outputDir, type, "participacion_anio", sharesByYear(type)));
			drawings.add(() -> write(outputDir, type, "mensual", monthly(type)));
			drawings.add(() -> write(outputDir, type, "total_periodo", periodTotals(type)));
		}
		return drawings;
	}

	private Chart write(Path outputDir, String type, String kind, JFreeChart chart) throws IOException {
		String base = "charts/" + slug(type) + "_" + kind;
		Path png = outputDir.resolve(base + ".png");
		Files.createDirectories(png.getParent());
		AtomicFiles.write(png, (out) -> ChartUtils.writeChartAsPNG(out, chart, WIDTH, HEIGHT));
		AtomicFiles.write(outputDir.resolve(base + ".svg"), (out) -> out.write(svg(chart)));
		String subtitle = ((List<?>) chart.getSubtitles()).stream()
			.filter(TextTitle.class::isInstance)
			.map((t) -> ((TextTitle) t).getText())
			.findFirst()
			.orElse("");
		return new Chart(type, kind, base + ".png", base + ".svg", chart.getTitle().getText(), subtitle,
				chart.getTitle().getText() + ". " + subtitle + ".", null);
	}

	/** The chart as SVG, drawn by the same code as the PNG, text kept as text. */
	static byte[] svg(JFreeChart chart) {
		SVGGraphics2D graphics = new SVGGraphics2D(WIDTH, HEIGHT);
		chart.draw(graphics, new Rectangle(0, 0, WIDTH, HEIGHT));
		return graphics.getSVGDocument().getBytes(StandardCharsets.UTF_8);
	}

	JFreeChart byYear(String type) {
		Period period = this.figures.period();
		List<String> channels = periodChannels(type);
		DefaultCategoryDataset dataset = new DefaultCategoryDataset();
		Map<Integer, Long> totals = new HashMap<>();
		for (String channel : channels) {
			for (int year : period.years()) {
				long records = records(type, channel, year);
				dataset.addValue(records, Channels.name(channel), String.valueOf(year));
				totals.merge(year, records, Long::sum);
			}
		}
		JFreeChart chart = stackedBars(Labels.type(type) + " por canal, " + period.label(),
				"Número de " + Labels.typeReceived(type) + " cada año, por canal de ingreso", Labels.type(type),
				dataset, channels, false);
		CategoryPlot plot = chart.getCategoryPlot();
		long highest = totals.values().stream().mapToLong(Long::longValue).max().orElse(0);
		((BarRenderer) plot.getRenderer()).setDefaultItemLabelGenerator(labels((row, column,
				value) -> (value >= LABEL_MIN_FRACTION * highest && value > 0) ? ChileanFormat.integer(value) : null));
		for (Map.Entry<Integer, Long> total : totals.entrySet()) {
			if (total.getValue() > 0) {
				CategoryTextAnnotation annotation = new CategoryTextAnnotation(
						"Total " + ChileanFormat.integer(total.getValue()), String.valueOf(total.getKey()),
						total.getValue());
				annotation.setFont(TOTAL);
				annotation.setPaint(TEXT);
				annotation.setTextAnchor(TextAnchor.BOTTOM_CENTER);
				plot.addAnnotation(annotation);
			}
		}
		plot.getRangeAxis().setUpperMargin(0.10);
		return chart;
	}

	JFreeChart sharesByYear(String type) {
		Period period = this.figures.period();
		List<String> channels = periodChannels(type);
		DefaultCategoryDataset dataset = new DefaultCategoryDataset();
		Map<String, BigDecimal> shares = new HashMap<>();
		for (ChannelMix.Row row : this.figures.mix().rows(type)) {
			if (period.contains(row.year()) && channels.contains(row.channel())) {
				dataset.addValue(row.records(), Channels.name(row.channel()), String.valueOf(row.year()));
				shares.put(Channels.name(row.channel()) + '|' + row.year(), row.share());
			}
		}
		JFreeChart chart = stackedBars(
				"Participación de cada canal en los " + Labels.typePlural(type) + ", " + period.label(),
				"Porcentaje del total de " + Labels.typePlural(type) + " de cada año", "Participación", dataset,
				channels, true);
		CategoryPlot plot = chart.getCategoryPlot();
		((BarRenderer) plot.getRenderer()).setDefaultItemLabelGenerator(labels((row, column, value) -> {
			BigDecimal share = shares.get(dataset.getRowKey(row) + "|" + dataset.getColumnKey(column));
			return (share != null && share.doubleValue() >= 100 * LABEL_MIN_FRACTION) ? ChileanFormat.percent(share)
					: null;
		}));
		NumberAxis axis = (NumberAxis) plot.getRangeAxis();
		axis.setNumberFormatOverride(new DecimalFormat("0 %", symbols()));
		axis.setTickUnit(new NumberTickUnit(0.2));
		axis.setRange(0, 1);
		return chart;
	}

	JFreeChart monthly(String type) {
		Period period = this.figures.period();
		List<String> channels = periodChannels(type);
		Map<String, Long> counts = new HashMap<>();
		for (TypeChannelCount count : this.figures.monthly()) {
			if (count.recordType().equals(type) && period.contains(count.period() / 100)) {
				counts.put(count.channel() + '|' + count.period(), count.records());
			}
		}
		int lastMonth = this.figures.monthly().stream().mapToInt(TypeChannelCount::period).max().orElse(0);
		TimeSeriesCollection dataset = new TimeSeriesCollection();
		for (String channel : channels) {
			TimeSeries series = new TimeSeries(Channels.name(channel));
			for (int year : period.years()) {
				for (int month = 1; month <= 12 && year * 100 + month <= lastMonth; month++) {
					series.add(new Month(month, year), counts.getOrDefault(channel + '|' + (year * 100 + month), 0L));
				}
			}
			dataset.addSeries(series);
		}
		DateAxis time = new MonthAxis();
		time.setDateFormatOverride(new SimpleDateFormat("MMM yyyy", spanishMonths()));
		int months = (dataset.getSeriesCount() > 0) ? dataset.getSeries(0).getItemCount() : 0;
		time.setTickUnit(new DateTickUnit(DateTickUnitType.MONTH, monthStep(months)));
		time.setTickMarkPosition(DateTickMarkPosition.START);
		if (months > 1) {
			// from the first month to the last, so that no tick falls outside the period
			time.setRange(dataset.getSeries(0).getTimePeriod(0).getStart(),
					dataset.getSeries(0).getTimePeriod(months - 1).getStart());
		}
		NumberAxis values = new NumberAxis(Labels.type(type) + " por mes");
		XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
		for (int i = 0; i < channels.size(); i++) {
			renderer.setSeriesPaint(i, Channels.color(channels.get(i)));
			renderer.setSeriesStroke(i, new BasicStroke(4.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
		}
		renderer.setLegendLine(LEGEND_LINE);
		XYPlot plot = new XYPlot(dataset, time, values, renderer);
		JFreeChart chart = new JFreeChart(Labels.type(type) + " por mes y canal, " + period.label(), TITLE, plot, true);
		style(chart, "Número de " + Labels.typeReceived(type) + " cada mes, por canal de ingreso");
		plot.setDomainGridlinePaint(GRID);
		plot.setRangeGridlinePaint(GRID);
		plot.setNoDataMessage(NO_DATA);
		plot.setNoDataMessageFont(SUBTITLE);
		styleAxis(time);
		styleAxis(values);
		values.setNumberFormatOverride(integerFormat());
		values.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
		if (months == 0) {
			hideAxes(plot.getDomainAxis(), values);
		}
		return chart;
	}

	JFreeChart periodTotals(String type) {
		Period period = this.figures.period();
		long total = this.figures.periodTotal(type);
		List<Map.Entry<String, Long>> channels = new ArrayList<>(this.figures.periodByChannel(type).entrySet());
		channels.sort(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()));
		DefaultCategoryDataset dataset = new DefaultCategoryDataset();
		List<String> codes = new ArrayList<>();
		for (Map.Entry<String, Long> channel : channels) {
			dataset.addValue(channel.getValue(), Labels.type(type), Channels.name(channel.getKey()));
			codes.add(channel.getKey());
		}
		BarRenderer renderer = new BarRenderer() {

			@Override
			public Paint getItemPaint(int row, int column) {
				return Channels.color(codes.get(column));
			}

		};
		CategoryAxis categories = new CategoryAxis(null);
		NumberAxis values = new NumberAxis(Labels.type(type) + " en el período");
		CategoryPlot plot = new CategoryPlot(dataset, categories, values, renderer);
		plot.setOrientation(PlotOrientation.HORIZONTAL);
		plot.setRangeAxisLocation(AxisLocation.BOTTOM_OR_LEFT);
		renderer.setDefaultItemLabelGenerator(labels((row, column, value) -> ChileanFormat.integer(value) + " ("
				+ ChileanFormat.percent(Shares.share(value, total)) + ")"));
		renderer.setDefaultItemLabelsVisible(true);
		renderer.setDefaultItemLabelFont(ITEM);
		renderer.setDefaultItemLabelPaint(TEXT);
		renderer.setDefaultPositiveItemLabelPosition(
				new ItemLabelPosition(ItemLabelAnchor.OUTSIDE3, TextAnchor.CENTER_LEFT));
		renderer.setItemLabelAnchorOffset(8);
		renderer.setBarPainter(new StandardBarPainter());
		renderer.setShadowVisible(false);
		renderer.setMaximumBarWidth(0.14);
		JFreeChart chart = new JFreeChart(Labels.type(type) + " por canal, total " + period.label(), TITLE, plot,
				false);
		style(chart, "Total del período: " + Labels.typeCount(type, total));
		plot.setRangeGridlinePaint(GRID);
		plot.setNoDataMessage(NO_DATA);
		plot.setNoDataMessageFont(SUBTITLE);
		styleAxis(categories);
		styleAxis(values);
		categories.setTickLabelFont(LEGEND);
		values.setNumberFormatOverride(integerFormat());
		values.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
		values.setUpperMargin(0.28);
		if (channels.isEmpty()) {
			hideAxes(categories, values);
		}
		return chart;
	}

	private JFreeChart stackedBars(String title, String subtitle, String valueLabel, CategoryDataset dataset,
			List<String> channels, boolean percentages) {
		StackedBarRenderer renderer = new StackedBarRenderer(percentages);
		for (int i = 0; i < channels.size(); i++) {
			renderer.setSeriesPaint(i, Channels.color(channels.get(i)));
			renderer.setSeriesItemLabelPaint(i, Channels.textColor(channels.get(i)));
		}
		renderer.setBarPainter(new StandardBarPainter());
		renderer.setShadowVisible(false);
		renderer.setDrawBarOutline(true);
		renderer.setDefaultOutlinePaint(Color.WHITE);
		renderer.setDefaultOutlineStroke(new BasicStroke(1.5f));
		renderer.setMaximumBarWidth(0.22);
		renderer.setDefaultItemLabelsVisible(true);
		renderer.setDefaultItemLabelFont(ITEM);
		renderer.setDefaultPositiveItemLabelPosition(new ItemLabelPosition(ItemLabelAnchor.CENTER, TextAnchor.CENTER));
		renderer.setDefaultLegendShape(LEGEND_BOX);
		CategoryAxis years = new CategoryAxis("Año");
		NumberAxis values = new NumberAxis(valueLabel);
		CategoryPlot plot = new CategoryPlot(dataset, years, values, renderer);
		plot.setOrientation(PlotOrientation.VERTICAL);
		plot.setRangeGridlinePaint(GRID);
		plot.setNoDataMessage(NO_DATA);
		plot.setNoDataMessageFont(SUBTITLE);
		JFreeChart chart = new JFreeChart(title, TITLE, plot, true);
		style(chart, subtitle);
		styleAxis(years);
		styleAxis(values);
		years.setCategoryLabelPositions(CategoryLabelPositions.STANDARD);
		values.setNumberFormatOverride(integerFormat());
		values.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
		if (channels.isEmpty()) {
			hideAxes(years, values);
		}
		return chart;
	}

	/** A chart without data shows its message alone, not the axes of an empty range. */
	private static void hideAxes(Axis... axes) {
		for (Axis axis : axes) {
			axis.setVisible(false);
		}
	}

	private static void style(JFreeChart chart, String subtitle) {
		chart.setBackgroundPaint(Color.WHITE);
		chart.setPadding(new RectangleInsets(16, 24, 16, 40));
		chart.getTitle().setPaint(TEXT);
		chart.getTitle().setHorizontalAlignment(HorizontalAlignment.LEFT);
		chart.getTitle().setMargin(0, 0, 4, 0);
		TextTitle sub = new TextTitle(subtitle, SUBTITLE);
		sub.setPaint(new Color(0x555555));
		sub.setHorizontalAlignment(HorizontalAlignment.LEFT);
		sub.setMargin(0, 0, 16, 0);
		chart.addSubtitle(sub);
		chart.getPlot().setBackgroundPaint(Color.WHITE);
		chart.getPlot().setOutlineVisible(false);
		LegendTitle legend = chart.getLegend();
		if (legend != null) {
			legend.setItemFont(LEGEND);
			legend.setPosition(RectangleEdge.BOTTOM);
			legend.setFrame(BlockBorder.NONE);
			legend.setItemLabelPadding(new RectangleInsets(4, 6, 4, 22));
			legend.setMargin(new RectangleInsets(16, 0, 0, 0));
		}
	}

	private static void styleAxis(Axis axis) {
		axis.setLabelFont(AXIS_LABEL);
		axis.setLabelPaint(TEXT);
		axis.setTickLabelFont(TICK);
		axis.setTickLabelPaint(TEXT);
		axis.setAxisLineVisible(false);
	}

	/** Channels with cases of the type in the period, in their fixed order. */
	private List<String> periodChannels(String type) {
		return List.copyOf(this.figures.periodByChannel(type).keySet());
	}

	private long records(String type, String channel, int year) {
		return this.figures.mix()
			.rows(type)
			.stream()
			.filter((row) -> row.channel().equals(channel) && row.year() == year)
			.mapToLong(ChannelMix.Row::records)
			.sum();
	}

	static String slug(String type) {
		return Labels.typePlural(type).toLowerCase(Locale.ROOT);
	}

	/**
	 * A month step that leaves at most eight labels on the time axis, so that they never
	 * touch.
	 */
	static int monthStep(int months) {
		for (int step : new int[] { 1, 2, 3, 6, 12, 24, 60 }) {
			if (months / step <= 8) {
				return step;
			}
		}
		return 120;
	}

	private static DateFormatSymbols spanishMonths() {
		DateFormatSymbols symbols = DateFormatSymbols.getInstance(Locale.forLanguageTag("es-CL"));
		symbols.setShortMonths(SHORT_MONTHS);
		return symbols;
	}

	private static DecimalFormat integerFormat() {
		return new DecimalFormat("#,##0", symbols());
	}

	private static DecimalFormatSymbols symbols() {
		DecimalFormatSymbols symbols = new DecimalFormatSymbols(Locale.ROOT);
		symbols.setGroupingSeparator('.');
		symbols.setDecimalSeparator(',');
		return symbols;
	}

	private static CategoryItemLabelGenerator labels(ItemLabel label) {
		return new CategoryItemLabelGenerator() {

			@Override
			public String generateRowLabel(CategoryDataset data, int row) {
				return data.getRowKey(row).toString();
			}

			@Override
			public String generateColumnLabel(CategoryDataset data, int column) {
				return data.getColumnKey(column).toString();
			}

			@Override
			public String generateLabel(CategoryDataset data, int row, int column) {
				Number value = data.getValue(row, column);
				return (value != null) ? label.text(row, column, value.longValue()) : null;
			}

		};
	}

	/**
	 * A time axis whose ticks fall on months that divide the year evenly: January, then
	 * every step.
	 */
	private static final class MonthAxis extends DateAxis {

		@Override
		protected Date nextStandardDate(Date date, DateTickUnit unit) {
			Calendar calendar = Calendar.getInstance(getTimeZone(), getLocale());
			calendar.setTime(date);
			int step = unit.getMultiple();
			boolean onBoundary = calendar.get(Calendar.DAY_OF_MONTH) == 1 && calendar.get(Calendar.HOUR_OF_DAY) == 0
					&& calendar.get(Calendar.MINUTE) == 0 && calendar.get(Calendar.SECOND) == 0
					&& calendar.get(Calendar.MILLISECOND) == 0;
			calendar.set(calendar.get(Calendar.YEAR), calendar.get(Calendar.MONTH), 1, 0, 0, 0);
			calendar.set(Calendar.MILLISECOND, 0);
			if (!onBoundary) {
				calendar.add(Calendar.MONTH, 1);
			}
			while (calendar.get(Calendar.MONTH) % step != 0) {
				calendar.add(Calendar.MONTH, 1);
			}
			return calendar.getTime();
		}

	}

	@FunctionalInterface
	private interface ItemLabel {

		String text(int row, int column, long value);

	}

	/**
	 * A chart as the page and the tests know it.
	 *
	 * @param file the PNG, relative to the output folder
	 * @param svg the same chart as SVG, relative to the output folder
	 * @param title the finding the chart shows, as its title says it
	 * @param subtitle what is measured, its unit and period
	 * @param alt the text that replaces the image for who cannot see it: the title and
	 * the figures drawn
	 * @param table the CSV file with the chart's figures, relative to the output folder,
	 * or null
	 */
	record Chart(String type, String kind, String file, String svg, String title, String subtitle, String alt,
			String table) {
	}

}
