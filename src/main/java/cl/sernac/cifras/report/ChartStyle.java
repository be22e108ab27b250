package cl.sernac.cifras.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.Rectangle;
import java.awt.font.FontRenderContext;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYLineAnnotation;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.Axis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.svg.SVGGraphics2D;

/**
 * The editorial style of every chart, in one place: a title that states the finding, a
 * subtitle with what is measured, its unit and period, a source line, few gridlines at
 * round values, axes that end near the data, no axis titles the title already says, and
 * labels written beside the data instead of a legend. Labels are placed apart from each
 * other here and carry their text as a tool tip, so that the rendered chart lists where
 * each one landed.
 */
final class ChartStyle {

	/** A projected slide, the PNG's size and the page's on a wide screen. */
	static final Canvas SLIDE = new Canvas(1600, 900);

	/** A phone held upright: the same text sizes on a narrower, taller drawing. */
	static final Canvas PHONE = new Canvas(720, 1000);

	private static final String FONT = "SansSerif";

	static final Font TITLE = new Font(FONT, Font.BOLD, 36);

	static final Font SUBTITLE = new Font(FONT, Font.PLAIN, 24);

	static final Font SOURCE = new Font(FONT, Font.PLAIN, 19);

	static final Font TICK = new Font(FONT, Font.PLAIN, 22);

	static final Font LABEL = new Font(FONT, Font.PLAIN, 21);

	static final Font LABEL_BOLD = new Font(FONT, Font.BOLD, 21);

	static final Color TEXT = new Color(0x1F2328);

	static final Color MUTED = new Color(0x57606A);

	static final Color GRID = new Color(0xD8DCE0);

	static final Color LEADER = new Color(0x9AA1A8);

	/** Vertical room of one line of label text, in pixels. */
	static final double LINE = 26;

	/** How text is measured: antialiased, fractional metrics, as JFreeChart draws it. */
	private static final FontRenderContext MEASURE = new FontRenderContext(null, true, true);

	private static final String NO_DATA = "Sin casos en el período";

	private ChartStyle() {
	}

	/**
	 * A chart in the house style, without legend.
	 * @param title the finding, a sentence without final stop
	 * @param subtitle what is measured, its unit and period
	 * @param source the source and production line
	 */
	static JFreeChart chart(Plot plot, String title, String subtitle, String source) {
		JFreeChart chart = new JFreeChart(title, TITLE, plot, false);
		chart.setBackgroundPaint(Color.WHITE);
		chart.setPadding(new RectangleInsets(18, 28, 14, 36));
		chart.getTitle().setPaint(TEXT);
		chart.getTitle().setHorizontalAlignment(HorizontalAlignment.LEFT);
		chart.getTitle().setTextAlignment(HorizontalAlignment.LEFT);
		chart.getTitle().setMargin(0, 0, 6, 0);
		chart.addSubtitle(text(subtitle, SUBTITLE, MUTED, RectangleEdge.TOP, new RectangleInsets(0, 0, 18, 0)));
		chart.addSubtitle(text(source, SOURCE, MUTED, RectangleEdge.BOTTOM, new RectangleInsets(14, 0, 0, 0)));
		plot.setBackgroundPaint(Color.WHITE);
		plot.setOutlineVisible(false);
		plot.setNoDataMessage(NO_DATA);
		plot.setNoDataMessageFont(SUBTITLE);
		plot.setNoDataMessagePaint(MUTED);
		return chart;
	}

	private static TextTitle text(String text, Font font, Paint paint, RectangleEdge edge, RectangleInsets margin) {
		TextTitle title = new TextTitle(text, font);
		title.setPaint(paint);
		title.setPosition(edge);
		title.setHorizontalAlignment(HorizontalAlignment.LEFT);
		title.setMargin(margin);
		title.setTextAlignment(HorizontalAlignment.LEFT);
		return title;
	}

	/** The subtitle of a chart in the house style. */
	static String subtitle(JFreeChart chart) {
		return ((TextTitle) chart.getSubtitle(0)).getText();
	}

	/** The source line of a chart in the house style. */
	static String source(JFreeChart chart) {
		return ((TextTitle) chart.getSubtitle(1)).getText();
	}

	/**
	 * The chart without its title, subtitle and source line, where the page writes them
	 * as text. Labels keep their places: the plot only grows taller, so they grow apart.
	 */
	static JFreeChart untitled(JFreeChart chart) {
		chart.setTitle((TextTitle) null);
		chart.clearSubtitles();
		return chart;
	}

	/** An axis without axis line or title, its ticks in the house font. */
	static void axis(Axis axis) {
		axis.setLabel(null);
		axis.setAxisLineVisible(false);
		axis.setTickMarksVisible(false);
		axis.setTickLabelFont(TICK);
		axis.setTickLabelPaint(MUTED);
	}

	/**
	 * A value axis from zero to just above the largest value, with four or five round
	 * ticks: 0, 20.000, 40.000, 60.000 for a largest value of 55.958.
	 */
	static void roundAxis(NumberAxis axis, double largest, NumberFormat format) {
		axis(axis);
		double step = roundStep(largest);
		double upper = Math.max(step, Math.ceil(largest / step) * step);
		axis.setRange(0, upper);
		axis.setTickUnit(new NumberTickUnit(step, format));
	}

	/** A round step that leaves at most five intervals from zero to {@code largest}. */
	static double roundStep(double largest) {
		if (!(largest > 0)) {
			return 1;
		}
		double magnitude = Math.pow(10, Math.floor(Math.log10(largest / 5)));
		for (double multiple : new double[] { 1, 2, 2.5, 5, 10 }) {
			double step = multiple * magnitude;
			if (Math.ceil(largest / step - 1e-9) <= 5 && step >= 1) {
				return step;
			}
		}
		return Math.max(1, 10 * magnitude);
	}

	static void gridlines(XYPlot plot) {
		plot.setBackgroundPaint(Color.WHITE);
		plot.setOutlineVisible(false);
		plot.setRangeGridlinePaint(GRID);
		plot.setRangeGridlineStroke(new BasicStroke(1f));
		plot.setDomainGridlinesVisible(false);
		plot.setAxisOffset(new RectangleInsets(0, 0, 0, 0));
	}

	static NumberFormat integers() {
		return new DecimalFormat("#,##0", symbols());
	}

	/** Ticks of a share in percent: {@code 20 %}. */
	static NumberFormat percents() {
		return new DecimalFormat("0' %'", symbols());
	}

	private static DecimalFormatSymbols symbols() {
		DecimalFormatSymbols symbols = new DecimalFormatSymbols(Locale.ROOT);
		symbols.setGroupingSeparator('.');
		symbols.setDecimalSeparator(',');
		return symbols;
	}

	/** A signed figure with the typographic minus: {@code −1,3 pp}. */
	static String minus(String text) {
		return text.startsWith("-") ? "\u2212" + text.substring(1) : text;
	}

	/**
	 * A label written beside the data. Its text is also its tool tip, so that the
	 * rendered chart records the area it took.
	 */
	static XYTextAnnotation label(String text, double x, double y, TextAnchor anchor, Font font, Paint paint) {
		XYTextAnnotation label = new XYTextAnnotation(text, x, y);
		label.setFont(font);
		label.setPaint(paint);
		label.setTextAnchor(anchor);
		label.setToolTipText(text);
		return label;
	}

	/** A thin line from a point to its label when the label had to move away from it. */
	static XYLineAnnotation leader(double x1, double y1, double x2, double y2) {
		return new XYLineAnnotation(x1, y1, x2, y2, new BasicStroke(1.2f), LEADER);
	}

	/**
	 * Where labels wanted at {@code wanted} (pixels, downwards) go so that no two are
	 * closer than {@code gap}, each moved as little as possible, all within
	 * {@code [top, bottom]}.
	 * @return the positions, in the order of {@code wanted}
	 */
	static double[] spread(double[] wanted, double gap, double top, double bottom) {
		int n = wanted.length;
		Integer[] order = new Integer[n];
		for (int i = 0; i < n; i++) {
			order[i] = i;
		}
		Arrays.sort(order, Comparator.comparingDouble((Integer i) -> wanted[i]));
		double[] placed = new double[n];
		for (int k = 0; k < n; k++) {
			double y = Math.max(wanted[order[k]], top);
			if (k > 0) {
				y = Math.max(y, placed[order[k - 1]] + gap);
			}
			placed[order[k]] = y;
		}
		for (int k = n - 1; k >= 0; k--) {
			double limit = (k == n - 1) ? bottom : placed[order[k + 1]] - gap;
			placed[order[k]] = Math.min(placed[order[k]], limit);
		}
		return placed;
	}

	/**
	 * The data area of each plot of a chart once laid out: the chart is drawn once off
	 * screen, at its final size. Labels do not change the layout, so a second drawing
	 * with them has the same areas.
	 */
	static List<Rectangle2D> dataAreas(JFreeChart chart, Canvas canvas) {
		ChartRenderingInfo info = new ChartRenderingInfo();
		BufferedImage image = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
		Graphics2D g2 = image.createGraphics();
		try {
			chart.draw(g2, canvas.bounds(), info);
		}
		finally {
			g2.dispose();
		}
		PlotRenderingInfo plot = info.getPlotInfo();
		List<Rectangle2D> areas = new ArrayList<>();
		if (plot.getSubplotCount() == 0) {
			areas.add(plot.getDataArea());
		}
		for (int i = 0; i < plot.getSubplotCount(); i++) {
			areas.add(plot.getSubplotInfo(i).getDataArea());
		}
		return areas;
	}

	/**
	 * Width of a text in pixels, in a font, as the charts' antialiased drawing sets it.
	 */
	static double width(String text, Font font) {
		return font.getStringBounds(text, MEASURE).getWidth();
	}

	/** Writes the chart as PNG, complete or not at all. */
	static void writePng(JFreeChart chart, Canvas canvas, Path png) throws IOException {
		AtomicFiles.write(png, (out) -> ChartUtils.writeChartAsPNG(out, chart, canvas.width(), canvas.height()));
	}

	/** Writes the chart as SVG, complete or not at all. */
	static void writeSvg(JFreeChart chart, Canvas canvas, Path svg) throws IOException {
		AtomicFiles.write(svg, (out) -> out.write(svg(chart, canvas)));
	}

	/** The chart as SVG, drawn by the same code as the PNG, text kept as text. */
	static byte[] svg(JFreeChart chart, Canvas canvas) {
		SVGGraphics2D graphics = new SVGGraphics2D(canvas.width(), canvas.height());
		chart.draw(graphics, canvas.bounds());
		// a standalone SVG needs no document type declaration
		return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + graphics.getSVGElement() + "\n")
			.getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * The size a chart is drawn at, in pixels.
	 */
	record Canvas(int width, int height) {

		Rectangle bounds() {
			return new Rectangle(0, 0, this.width, this.height);
		}

		/** Too narrow for a label and its line side by side: labels take two lines. */
		boolean narrow() {
			return this.width < 1000;
		}

	}

}
