package cl.sernac.cifras.report;

import cl.sernac.cifras.support.ChileanFormat;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.text.SimpleDateFormat;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import java.util.concurrent.Callable;
import java.util.function.Function;

import cl.sernac.cifras.aggregate.CaseCells.TypeChannelCount;
import cl.sernac.cifras.aggregate.ChannelMix;
import cl.sernac.cifras.aggregate.Shares;
import cl.sernac.cifras.reading.RecordType;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.DateTickMarkPosition;
import org.jfree.chart.axis.DateTickUnit;
import org.jfree.chart.axis.DateTickUnitType;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.axis.ValueTick;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.time.Month;
import org.jfree.data.time.Quarter;
import org.jfree.data.time.RegularTimePeriod;
import org.jfree.data.time.TimeSeries;
import org.jfree.data.time.TimeSeriesCollection;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The planners' charts, in the house style of {@link ChartStyle}: a PNG at 1600x900 (a
 * projected slide, with its title, subtitle and source line) and, for the page, which
 * writes those as text, the same drawing as SVG and one drawn for phones. For each record
 * type: each channel's share per year (the mix chart, lines labelled at their ends), the
 * cases per channel and year, the monthly series (quarterly where months hold few cases)
 * and the period's totals by channel. A channel has the same colour in every chart
 * ({@link Channels}); channels with a small share are drawn apart on their own scale, so
 * that none is a sliver without a number.
 */
final class ReportCharts {

	static final int WIDTH = ChartStyle.SLIDE.width();

	static final int HEIGHT = ChartStyle.SLIDE.height();

	/** Channels below this share (in %) of a type are drawn apart, on their own scale. */
	static final double SMALL_SHARE = 5;

	/** Months whose busiest channel stays below this are shown by quarter. */
	static final int FEW_PER_MONTH = 30;

	/** At most this many years of bars per channel; more would not read. */
	private static final int MOST_BAR_YEARS = 4;

	private static final String[] MONTHS = { "enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
			"septiembre", "octubre", "noviembre", "diciembre" };

	private static final String APART = " · abajo, con escala propia, los canales con menos del 5\u00a0%";

	private static final TimeZone CHILE = TimeZone.getTimeZone("America/Santiago");

	private final ReportFigures figures;

	private final String source;

	private final MixFindings findings;

	private final ChartStyle.Canvas canvas;

	/**
	 * @param source the line under every chart, {@link ReportNotes#source}
	 */
	ReportCharts(ReportFigures figures, String source) {
		this(figures, source, ChartStyle.SLIDE);
	}

	ReportCharts(ReportFigures figures, String source, ChartStyle.Canvas canvas) {
		this.figures = figures;
		this.source = source;
		this.findings = MixFindings.of(figures);
		this.canvas = canvas;
	}

	static final List<String> KINDS = List.of("participacion_anio", "por_canal_anio", "mensual", "total_periodo");

	/**
	 * Each chart's drawing into {@code outputDir}, in the order the page shows them: a
	 * slide as PNG and SVG, and a drawing for phones as SVG.
	 */
	List<Callable<Chart>> drawings(Path outputDir) {
		List<Callable<Chart>> drawings = new ArrayList<>();
		for (String type : RecordType.codes()) {
			for (String kind : KINDS) {
				drawings.add(() -> write(outputDir, "charts/" + slug(type) + "_" + kind, type, kind,
						(canvas) -> new ReportCharts(this.figures, this.source, canvas).draw(type, kind)));
			}
		}
		return drawings;
	}

	/**
	 * Draws a chart and writes it: the slide as PNG with its title, subtitle and source;
	 * for the page, which writes those as text, the same drawing as SVG and the phone's.
	 * @param base the files' path without extension, relative to the output folder
	 */
	static Chart write(Path outputDir, String base, String type, String kind, Function<ChartStyle.Canvas, Drawn> draw)
			throws IOException {
		Drawn slide = draw.apply(ChartStyle.SLIDE);
		String title = slide.chart().getTitle().getText();
		String subtitle = ChartStyle.subtitle(slide.chart());
		String alt = title + ". " + subtitle + "."
				+ (slide.figures().isEmpty() ? "" : " " + String.join("; ", slide.figures()) + ".");
		ChartStyle.writePng(slide.chart(), ChartStyle.SLIDE, outputDir.resolve(base + ".png"));
		ChartStyle.writeSvg(ChartStyle.untitled(slide.chart()), ChartStyle.SLIDE, outputDir.resolve(base + ".svg"));
		ChartStyle.writeSvg(ChartStyle.untitled(draw.apply(ChartStyle.PHONE).chart()), ChartStyle.PHONE,
				outputDir.resolve(base + "_movil.svg"));
		return new Chart(type, kind, base + ".png", base + ".svg", base + "_movil.svg", title, subtitle, alt,
				slide.table());
	}

	/** One of the {@link #KINDS} of chart of a type. */
	Drawn draw(String type, String kind) {
		return switch (kind) {
			case "participacion_anio" -> sharesByYear(type);
			case "por_canal_anio" -> byYear(type);
			case "mensual" -> monthly(type);
			case "total_periodo" -> periodTotals(type);
			default -> throw new IllegalArgumentException(kind);
		};
	}

	/**
	 * The mix chart: each channel's share of the type per year, one line per channel,
	 * labelled at its ends with the share and, at the right, the channel and the change
	 * in points. Channels under {@link #SMALL_SHARE} go in a panel below with their own
	 * scale.
	 */
	Drawn sharesByYear(String type) {
		List<Integer> years = yearsWithCases(type);
		List<String> channels = periodChannels(type);
		List<String> large = new ArrayList<>();
		List<String> small = new ArrayList<>();
		for (String channel : channels) {
			double highest = years.stream().mapToDouble((year) -> share(type, channel, year)).max().orElse(0);
			(highest >= SMALL_SHARE ? large : small).add(channel);
		}
		if (large.isEmpty()) {
			large = small;
			small = List.of();
		}
		int firstYear = years.isEmpty() ? 0 : years.get(0);
		int lastYear = years.isEmpty() ? 0 : years.get(years.size() - 1);
		NumberAxis yearAxis = new NumberAxis() {

			// no year ticks in the room kept for the labels
			@Override
			public List refreshTicks(Graphics2D g2, AxisState state, Rectangle2D dataArea, RectangleEdge edge) {
				List<?> ticks = super.refreshTicks(g2, state, dataArea, edge);
				return ticks.stream()
					.filter((tick) -> ((ValueTick) tick).getValue() <= lastYear + 0.01
							&& ((ValueTick) tick).getValue() >= firstYear - 0.01)
					.toList();
			}

		};
		ChartStyle.axis(yearAxis);
		yearAxis.setTickUnit(new NumberTickUnit(1, new DecimalFormat("0")));
		List<XYPlot> panels = new ArrayList<>();
		for (List<String> group : List.of(large, small)) {
			if (!group.isEmpty() || panels.isEmpty()) {
				panels.add(sharePanel(type, group, years, yearAxis));
			}
		}
		Period period = this.figures.period();
		String title = this.findings.finding(type)
			.map(MixFindings.Finding::title)
			.orElse(years.isEmpty() ? "Sin " + Labels.typePlural(type) + " en el período"
					: "Participación de cada canal en " + Labels.typeWithArticle(type) + " del " + years.get(0));
		String subtitle = "Porcentaje de " + Labels.typeWithArticle(type) + " de cada año, por canal, " + period.label()
				+ (small.isEmpty() ? "" : APART);
		JFreeChart chart = ChartStyle.chart(combined(yearAxis, panels), title, subtitle, this.source);
		List<String> figures = new ArrayList<>();
		if (!years.isEmpty()) {
			int first = years.get(0);
			int last = years.get(years.size() - 1);
			List<Rectangle2D> areas = ChartStyle.dataAreas(chart, this.canvas);
			double widest = 0;
			Map<String, String> ends = new LinkedHashMap<>();
			for (String channel : channels) {
				String separator = this.canvas.narrow() ? "\n" : "  ";
				String end = Channels.name(channel) + separator + ChileanFormat.percent(shareOf(type, channel, last));
				if (first != last) {
					end += " (" + ChartStyle.minus(ChileanFormat.points(pointChange(type, channel, first, last))) + ")";
					figures.add(Channels.name(channel) + ": " + ChileanFormat.percent(shareOf(type, channel, first))
							+ " en " + first + " y " + ChileanFormat.percent(shareOf(type, channel, last)) + " en "
							+ last);
				}
				else {
					figures.add(Channels.name(channel) + ": " + ChileanFormat.percent(shareOf(type, channel, last)));
				}
				ends.put(channel, end);
				widest = Math.max(widest, width(end));
			}
			double width = areas.get(0).getWidth();
			double left = (first != last) ? 110 : 40;
			double right = widest + 40;
			double perYear = (width - left - right) / Math.max(1, last - first);
			yearAxis.setRange(first - left / perYear, last + right / perYear);
			for (int p = 0; p < panels.size(); p++) {
				XYPlot panel = panels.get(p);
				List<String> group = (p == 0) ? large : small;
				Rectangle2D area = areas.get(p);
				labelEnds(panel, area, group, (channel) -> share(type, channel, last), last, 12 / perYear,
						(channel) -> ends.get(channel), TextAnchor.CENTER_LEFT);
				if (first != last) {
					labelEnds(panel, area, group, (channel) -> share(type, channel, first), first, -12 / perYear,
							(channel) -> ChileanFormat.percent(shareOf(type, channel, first)), TextAnchor.CENTER_RIGHT);
				}
			}
		}
		return new Drawn(chart, figures, "tables/por_tipo_canal_anio.csv");
	}

	private XYPlot sharePanel(String type, List<String> channels, List<Integer> years, NumberAxis yearAxis) {
		XYSeriesCollection dataset = new XYSeriesCollection();
		XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
		double highest = 0;
		for (int i = 0; i < channels.size(); i++) {
			XYSeries series = new XYSeries(Channels.name(channels.get(i)));
			for (int year : years) {
				double share = share(type, channels.get(i), year);
				series.add(year, share);
				highest = Math.max(highest, share);
			}
			dataset.addSeries(series);
			renderer.setSeriesPaint(i, Channels.color(channels.get(i)));
			renderer.setSeriesStroke(i, new BasicStroke(4f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
			renderer.setSeriesShape(i, new Ellipse2D.Double(-6, -6, 12, 12));
		}
		NumberAxis shares = new NumberAxis();
		ChartStyle.roundAxis(shares, highest, ChartStyle.percents());
		XYPlot plot = new XYPlot(dataset, yearAxis, shares, renderer);
		ChartStyle.gridlines(plot);
		return plot;
	}

	/**
	 * Labels at one end of the lines of a panel, moved apart where they would touch, with
	 * a thin leader to their point when moved.
	 */
	private static void labelEnds(XYPlot panel, Rectangle2D area, List<String> channels, ValueOf valueOf, double x,
			double offset, TextOf textOf, TextAnchor anchor) {
		ValueAxis axis = panel.getRangeAxis();
		int lines = (int) channels.stream()
			.mapToLong((channel) -> textOf.text(channel).lines().count())
			.max()
			.orElse(1);
		double[] wanted = new double[channels.size()];
		for (int i = 0; i < wanted.length; i++) {
			wanted[i] = axis.valueToJava2D(valueOf.value(channels.get(i)), area, RectangleEdge.LEFT);
		}
		double room = ChartStyle.LINE * lines;
		// annotations are clipped to the data area: every line of every label stays in it
		double[] placed = ChartStyle.spread(wanted, room, area.getMinY() + room / 2, area.getMaxY() - room / 2);
		boolean right = anchor == TextAnchor.CENTER_LEFT;
		for (int i = 0; i < wanted.length; i++) {
			String channel = channels.get(i);
			List<String> text = textOf.text(channel).lines().toList();
			for (int k = 0; k < text.size(); k++) {
				double y = placed[i] + (k - (text.size() - 1) / 2.0) * ChartStyle.LINE;
				panel.addAnnotation(
						ChartStyle.label(text.get(k), x + offset, axis.java2DToValue(y, area, RectangleEdge.LEFT),
								anchor, (right && k == 0) ? ChartStyle.LABEL_BOLD : ChartStyle.LABEL,
								right ? Channels.color(channel) : ChartStyle.TEXT));
			}
			if (Math.abs(placed[i] - wanted[i]) > 4) {
				panel.addAnnotation(ChartStyle.leader(x + offset * 0.25, valueOf.value(channel), x + offset * 0.85,
						axis.java2DToValue(placed[i], area, RectangleEdge.LEFT)));
			}
		}
	}

	/**
	 * A channel's name at the end of its line: on two lines where the chart is narrow.
	 */
	private String lineName(String channel) {
		return this.canvas.narrow() ? folded(Channels.name(channel)) : Channels.name(channel);
	}

	/** Width of the widest line of a label. */
	private static double width(String label) {
		return label.lines().mapToDouble((line) -> ChartStyle.width(line, ChartStyle.LABEL_BOLD)).max().orElse(0);
	}

	/** A name on two lines, split at the space nearest its middle, when it is long. */
	private static String folded(String name) {
		int middle = name.length() / 2;
		int best = -1;
		for (int i = name.indexOf(' '); i >= 0; i = name.indexOf(' ', i + 1)) {
			if (best < 0 || Math.abs(i - middle) < Math.abs(best - middle)) {
				best = i;
			}
		}
		return (name.length() > 14 && best > 0) ? name.substring(0, best) + "\n" + name.substring(best + 1) : name;
	}

	/**
	 * Cases per channel and year as horizontal bars, one group per channel, every bar
	 * labelled with its year and number.
	 */
	Drawn byYear(String type) {
		List<Integer> years = yearsWithCases(type);
		if (years.size() > MOST_BAR_YEARS) {
			years = List.of(years.get(0), years.get(years.size() - 1));
		}
		List<String> channels = periodChannels(type);
		List<BarChart.Bar> bars = new ArrayList<>();
		double slot = 0.8 * BarChart.thinness(channels.size()) / Math.max(1, years.size());
		for (int c = 0; c < channels.size(); c++) {
			String channel = channels.get(c);
			for (int k = 0; k < years.size(); k++) {
				int year = years.get(k);
				long records = records(type, channel, year);
				double lighter = (years.size() > 1) ? 0.55 * (years.size() - 1 - k) / (years.size() - 1) : 0;
				bars.add(new BarChart.Bar(c + (k - (years.size() - 1) / 2.0) * slot, slot * 0.86, records,
						BarChart.lighter(Channels.color(channel), lighter),
						year + ": " + ChileanFormat.integer(records)));
			}
		}
		Period period = this.figures.period();
		String title;
		if (years.size() >= 2) {
			long first = total(type, years.get(0));
			long last = total(type, years.get(years.size() - 1));
			BigDecimal change = Shares.percentChange(last, first);
			String verb = (change.signum() > 0) ? "aumentaron" : "disminuyeron";
			title = (change.signum() == 0)
					? capitalized(Labels.typeWithArticle(type)) + " se mantuvieron en " + ChileanFormat.integer(last)
							+ " entre el " + years.get(0) + " y el " + years.get(years.size() - 1)
					: capitalized(Labels.typeWithArticle(type)) + " " + verb + " un "
							+ ChileanFormat.percent(change.abs()) + " entre el " + years.get(0) + " y el "
							+ years.get(years.size() - 1);
		}
		else {
			title = years.isEmpty() ? "Sin " + Labels.typePlural(type) + " en el período"
					: capitalized(Labels.typeReceived(type)) + " en el " + years.get(0) + ", por canal";
		}
		String subtitle = "Número de " + Labels.typeReceived(type) + " cada año, por canal, " + period.label()
				+ ((years.size() == 2 && yearsWithCases(type).size() > MOST_BAR_YEARS) ? " (primer y último año)" : "");
		return BarChart.draw(channels.stream().map(Channels::name).toList(), bars, title, subtitle, this.source,
				"tables/por_tipo_canal_anio.csv", this.canvas);
	}

	/** The period's cases by channel, largest first, each with its number and share. */
	Drawn periodTotals(String type) {
		long total = this.figures.periodTotal(type);
		List<Map.Entry<String, Long>> counts = new ArrayList<>(this.figures.periodByChannel(type).entrySet());
		counts.sort(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()));
		List<String> channels = counts.stream().map(Map.Entry::getKey).toList();
		List<BarChart.Bar> bars = new ArrayList<>();
		for (int c = 0; c < counts.size(); c++) {
			long records = counts.get(c).getValue();
			bars.add(new BarChart.Bar(c, 0.62 * BarChart.thinness(counts.size()), records,
					Channels.color(channels.get(c)),
					ChileanFormat.integer(records) + " (" + ChileanFormat.percent(Shares.share(records, total)) + ")"));
		}
		Period period = this.figures.period();
		String title;
		if (counts.isEmpty()) {
			title = "Sin " + Labels.typePlural(type) + " en el período";
		}
		else {
			MixFindings.Subject top = MixFindings.subject(channels.get(0));
			title = capitalized(top.name()) + " " + (top.plural() ? "recibieron" : "recibió") + " el "
					+ ChileanFormat.percent(Shares.share(counts.get(0).getValue(), total)) + " de "
					+ Labels.typeWithArticle(type) + " del período";
		}
		String subtitle = capitalized(Labels.typeReceived(type)) + " en el período " + period.label()
				+ ", por canal; total: " + Labels.typeCount(type, total);
		return BarChart.draw(channels.stream().map(Channels::name).toList(), bars, title, subtitle, this.source,
				"tables/cuenta_periodo.csv", this.canvas);
	}

	/**
	 * The monthly series by channel, by quarter where months hold few cases; channels
	 * with a small share of the type go in a panel below with their own scale, so that
	 * they are not tangled near zero. Each line is named at its end.
	 */
	Drawn monthly(String type) {
		Period period = this.figures.period();
		List<String> channels = periodChannels(type);
		Map<String, Long> counts = new HashMap<>();
		int busiest = 0;
		for (TypeChannelCount count : this.figures.monthly()) {
			if (count.recordType().equals(type) && period.contains(count.period() / 100)) {
				counts.put(count.channel() + '|' + count.period(), count.records());
				busiest = (int) Math.max(busiest, count.records());
			}
		}
		int lastMonth = this.figures.monthly().stream().mapToInt(TypeChannelCount::period).max().orElse(0);
		boolean quarterly = busiest < FEW_PER_MONTH;
		List<RegularTimePeriod> times = new ArrayList<>();
		for (int year : period.years()) {
			for (int month = 1; month <= 12 && year * 100 + month <= lastMonth; month++) {
				RegularTimePeriod time = quarterly ? new Quarter((month - 1) / 3 + 1, year) : new Month(month, year);
				if (!times.contains(time)) {
					times.add(time);
				}
			}
		}
		long total = this.figures.periodTotal(type);
		List<String> large = new ArrayList<>();
		List<String> small = new ArrayList<>();
		for (String channel : channels) {
			long records = this.figures.periodByChannel(type).getOrDefault(channel, 0L);
			(100.0 * records / Math.max(1, total) >= SMALL_SHARE ? large : small).add(channel);
		}
		if (large.isEmpty()) {
			large = small;
			small = List.of();
		}
		Map<RegularTimePeriod, Long> byTime = new LinkedHashMap<>();
		Map<String, TimeSeries> series = new LinkedHashMap<>();
		for (String channel : channels) {
			TimeSeries line = new TimeSeries(Channels.name(channel));
			for (RegularTimePeriod time : times) {
				line.add(time, 0L);
			}
			series.put(channel, line);
		}
		for (int year : period.years()) {
			for (int month = 1; month <= 12 && year * 100 + month <= lastMonth; month++) {
				RegularTimePeriod time = quarterly ? new Quarter((month - 1) / 3 + 1, year) : new Month(month, year);
				for (String channel : channels) {
					long records = counts.getOrDefault(channel + '|' + (year * 100 + month), 0L);
					TimeSeries line = series.get(channel);
					line.update(time, line.getValue(time).longValue() + records);
					byTime.merge(time, records, Long::sum);
				}
			}
		}
		long lastTime = times.isEmpty() ? 0 : times.get(times.size() - 1).getLastMillisecond(chileCalendar());
		DateAxis timeAxis = new DateAxis() {

			// no year ticks in the room kept for the labels
			@Override
			public List refreshTicks(Graphics2D g2, AxisState state, Rectangle2D dataArea, RectangleEdge edge) {
				List<?> ticks = super.refreshTicks(g2, state, dataArea, edge);
				return ticks.stream().filter((tick) -> ((ValueTick) tick).getValue() <= lastTime).toList();
			}

		};
		ChartStyle.axis(timeAxis);
		timeAxis.setTimeZone(CHILE);
		timeAxis.setTickUnit(new DateTickUnit(DateTickUnitType.YEAR, 1, new SimpleDateFormat("yyyy")));
		timeAxis.setTickMarkPosition(DateTickMarkPosition.MIDDLE);
		List<XYPlot> panels = new ArrayList<>();
		for (List<String> group : List.of(large, small)) {
			if (!group.isEmpty() || panels.isEmpty()) {
				TimeSeriesCollection dataset = new TimeSeriesCollection(CHILE);
				XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
				double highest = 0;
				for (int i = 0; i < group.size(); i++) {
					TimeSeries line = series.get(group.get(i));
					dataset.addSeries(line);
					highest = Math.max(highest, line.getMaxY());
					renderer.setSeriesPaint(i, Channels.color(group.get(i)));
					renderer.setSeriesStroke(i, new BasicStroke(3.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
				}
				NumberAxis values = new NumberAxis();
				ChartStyle.roundAxis(values, highest, ChartStyle.integers());
				XYPlot plot = new XYPlot(dataset, timeAxis, values, renderer);
				ChartStyle.gridlines(plot);
				for (int year : period.years()) {
					if (year > period.from()) {
						ValueMarker boundary = new ValueMarker(new Month(1, year).getFirstMillisecond(chileCalendar()),
								ChartStyle.GRID, new BasicStroke(1f));
						plot.addDomainMarker(boundary);
					}
				}
				panels.add(plot);
			}
		}
		String unit = quarterly ? "cada trimestre" : "cada mes";
		String title;
		if (byTime.values().stream().allMatch((n) -> n == 0)) {
			title = "Sin " + Labels.typePlural(type) + " en el período";
		}
		else {
			Map.Entry<RegularTimePeriod, Long> peak = byTime.entrySet()
				.stream()
				.max(Map.Entry.<RegularTimePeriod, Long>comparingByValue()
					.thenComparing((e) -> -e.getKey().getFirstMillisecond()))
				.orElseThrow();
			title = (quarterly ? "El trimestre con más " : "El mes con más ") + Labels.typePlural(type) + " fue "
					+ timeName(peak.getKey()) + ", con " + ChileanFormat.integer(peak.getValue());
		}
		String subtitle = capitalized(Labels.typeReceived(type)) + " " + unit + ", por canal, " + period.label()
				+ (quarterly ? " (por trimestre: los meses tienen muy pocos casos)" : "")
				+ (small.isEmpty() ? "" : APART);
		JFreeChart chart = ChartStyle.chart(combined(timeAxis, panels), title, subtitle, this.source);
		List<String> figures = new ArrayList<>();
		if (!times.isEmpty()) {
			RegularTimePeriod first = times.get(0);
			RegularTimePeriod last = times.get(times.size() - 1);
			List<Rectangle2D> areas = ChartStyle.dataAreas(chart, this.canvas);
			double widest = channels.stream().mapToDouble((channel) -> width(lineName(channel))).max().orElse(0);
			double start = first.getFirstMillisecond(chileCalendar());
			double end = last.getMiddleMillisecond(chileCalendar());
			double perPixel = (end - start) / Math.max(1, areas.get(0).getWidth() - widest - 30);
			timeAxis.setRange(new Date((long) start), new Date((long) (end + (widest + 30) * perPixel)));
			for (int p = 0; p < panels.size(); p++) {
				List<String> group = (p == 0) ? large : small;
				labelEnds(panels.get(p), areas.get(p), group,
						(channel) -> series.get(channel).getValue(last).doubleValue(), end, 12 * perPixel,
						this::lineName, TextAnchor.CENTER_LEFT);
			}
			for (String channel : channels) {
				figures.add(Channels.name(channel) + ": "
						+ Labels.typeCount(type, this.figures.periodByChannel(type).getOrDefault(channel, 0L))
						+ " en el período");
			}
		}
		return new Drawn(chart, figures, "tables/por_tipo_canal_mes.csv");
	}

	private static Calendar chileCalendar() {
		return Calendar.getInstance(CHILE, Locale.ROOT);
	}

	private static String timeName(RegularTimePeriod time) {
		if (time instanceof Quarter quarter) {
			int firstMonth = (quarter.getQuarter() - 1) * 3;
			return MONTHS[firstMonth] + "-" + MONTHS[firstMonth + 2] + " de " + quarter.getYear();
		}
		Month month = (Month) time;
		return MONTHS[month.getMonth() - 1] + " de " + month.getYearValue();
	}

	/** One plot, or panels stacked over a shared axis, the first taller. */
	private XYPlot combined(ValueAxis shared, List<XYPlot> panels) {
		if (panels.size() == 1) {
			return panels.get(0);
		}
		CombinedDomainXYPlot plot = new CombinedDomainXYPlot(shared);
		plot.setGap(64);
		plot.add(panels.get(0), 3);
		plot.add(panels.get(1), this.canvas.narrow() ? 2 : 1);
		return plot;
	}

	/** Years of the period with cases of the type, first to last. */
	private List<Integer> yearsWithCases(String type) {
		Period period = this.figures.period();
		return this.figures.mix()
			.yearsWithRecords(type, period.from(), period.to())
			.stream()
			.map(ChannelMix.Total::year)
			.toList();
	}

	/** Channels with cases of the type in the period, in their fixed order. */
	private List<String> periodChannels(String type) {
		return List.copyOf(this.figures.periodByChannel(type).keySet());
	}

	private long records(String type, String channel, int year) {
		return this.figures.mix().records(type, channel, year);
	}

	private long total(String type, int year) {
		return this.figures.mix().total(type, year);
	}

	private BigDecimal shareOf(String type, String channel, int year) {
		BigDecimal share = Shares.share(records(type, channel, year), total(type, year));
		return (share != null) ? share : BigDecimal.ZERO;
	}

	/** The exact share, for drawing. */
	private double share(String type, String channel, int year) {
		long total = total(type, year);
		return (total > 0) ? 100.0 * records(type, channel, year) / total : 0;
	}

	private BigDecimal pointChange(String type, String channel, int first, int last) {
		return Shares.pointChange(records(type, channel, last), total(type, last), records(type, channel, first),
				total(type, first));
	}

	private static String capitalized(String text) {
		return Character.toUpperCase(text.charAt(0)) + text.substring(1);
	}

	static String slug(String type) {
		return Labels.typePlural(type).toLowerCase(Locale.ROOT);
	}

	@FunctionalInterface
	private interface ValueOf {

		double value(String channel);

	}

	@FunctionalInterface
	private interface TextOf {

		String text(String channel);

	}

	/**
	 * A chart drawn, with what its alt text lists and the table with its figures.
	 */
	record Drawn(JFreeChart chart, List<String> figures, String table) {
	}

	/**
	 * A chart as the page and the tests know it.
	 *
	 * @param file the PNG, relative to the output folder
	 * @param svg the same chart as SVG, relative to the output folder
	 * @param phoneSvg the chart drawn for a phone's narrow screen, as SVG
	 * @param title the finding the chart shows, as its title says it
	 * @param subtitle what is measured, its unit and period
	 * @param alt the text that replaces the image for who cannot see it: the title and
	 * the figures drawn
	 * @param table the CSV file with the chart's figures, relative to the output folder,
	 * or null
	 */
	record Chart(String type, String kind, String file, String svg, String phoneSvg, String title, String subtitle,
			String alt, String table) {
	}

}
