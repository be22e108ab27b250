package cl.sernac.cifras.report;

import java.awt.geom.Area;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import cl.sernac.cifras.aggregate.CaseCells.TypeChannelCount;
import cl.sernac.cifras.aggregate.ChannelMix;
import cl.sernac.cifras.aggregate.MobileCoverage;
import cl.sernac.cifras.aggregate.MunicipalCoverage;
import cl.sernac.cifras.reading.RecordType;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.entity.ChartEntity;
import org.jfree.chart.entity.XYAnnotationEntity;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The charts' editorial style, checked on what JFreeChart renders: a finding for a title,
 * a source line, labels that never overlap (from the areas the rendered labels took),
 * every channel of the mix with its number, small channels and few cases set apart.
 */
class ReportChartsTests {

	private static final String SOURCE = "Fuente: registros de atención de SERNAC, Dirección Regional de Valparaíso"
			+ " · Cifras, 01-12-2026";

	/** The demo's cases per type, channel and year 2014-2016 (SPEC's account). */
	private static final List<String> DEMO = List.of("CONSULTA CALL_CENTER 13505 14377 15684",
			"CONSULTA INTERNET 4171 5097 6178", "CONSULTA OFICINA 6205 5851 5674", "CONSULTA MUNICIPAL 5141 6992 8432",
			"CONSULTA MOVIL 300 329 369", "RECLAMO CALL_CENTER 319 340 371", "RECLAMO INTERNET 15668 18466 21824",
			"RECLAMO OFICINA 2224 2097 2034", "RECLAMO MUNICIPAL 4684 6371 7682", "RECLAMO MOVIL 72 79 89",
			"RECLAMO CONVENIO 182 258 319", "SONI INTERNET 20 23 25", "SONI OFICINA 37 41 45");

	/** Six channels with nearly equal shares: every label wants the same place. */
	private static final List<String> CROWDED = List.of("CONSULTA CALL_CENTER 1000 1010 1000",
			"CONSULTA INTERNET 1001 1000 1002", "CONSULTA OFICINA 1002 990 1001", "CONSULTA MUNICIPAL 999 1000 1003",
			"CONSULTA MOVIL 1003 1005 999", "CONSULTA CONVENIO 998 1001 1004");

	@Test
	void everyChartStatesAFindingAndItsSource() {
		ReportCharts charts = charts(DEMO);
		for (String type : RecordType.codes()) {
			for (ReportCharts.Drawn drawn : all(charts, type)) {
				assertThat(ChartStyle.source(drawn.chart())).isEqualTo(SOURCE);
				assertThat(drawn.chart().getTitle().getText()).matches(".*\\d.*");
				assertThat(ChartStyle.subtitle(drawn.chart())).contains("2014-2016");
				assertThat(drawn.chart().getLegend()).isNull();
			}
		}
		assertThat(charts.sharesByYear("CONSULTA").chart().getTitle().getText())
			.isEqualTo("Las plataformas municipales pasaron del 17,5 % al 23,2 % de las consultas");
		assertThat(charts.byYear("RECLAMO").chart().getTitle().getText())
			.isEqualTo("Los reclamos aumentaron un 39,6 % entre el 2014 y el 2016");
		assertThat(charts.periodTotals("SONI").chart().getTitle().getText())
			.isEqualTo("La oficina regional recibió el 64,4 % de los SONI del período");
	}

	@Test
	void noLabelOverlapsAnotherInAnyChart() {
		for (ChartStyle.Canvas canvas : List.of(ChartStyle.SLIDE, ChartStyle.PHONE)) {
			for (List<String> data : List.of(DEMO, CROWDED)) {
				ReportCharts charts = charts(data, canvas);
				for (String type : RecordType.codes()) {
					for (ReportCharts.Drawn drawn : all(charts, type)) {
						ChartRenderingInfo info = render(drawn.chart(), canvas);
						assertNoOverlap(labelAreas(info), dataAreas(info), drawn.chart().getTitle().getText());
					}
				}
			}
		}
	}

	private static void assertNoOverlap(List<Rectangle2D> labels, List<Rectangle2D> areas, String chart) {
		assertThat(labels.isEmpty()).as("labels in %s", chart).isEqualTo(chart.startsWith("Sin "));
		for (int i = 0; i < labels.size(); i++) {
			// a plot clips its labels to its data area
			Rectangle2D label = labels.get(i);
			assertThat(areas.stream().anyMatch((area) -> area.contains(label))).as("label %d inside %s", i, chart)
				.isTrue();
			for (int j = i + 1; j < labels.size(); j++) {
				Area overlap = new Area(labels.get(i));
				overlap.intersect(new Area(labels.get(j)));
				Rectangle2D common = overlap.getBounds2D();
				assertThat(common.getWidth() * common.getHeight()).as("labels %d and %d of %s", i, j, chart)
					.isLessThan(1.0);
			}
		}
	}

	@Test
	void everyChannelOfTheMixCarriesItsShareAtBothEnds() {
		ReportCharts charts = charts(DEMO);
		List<String> texts = labelTexts(charts.sharesByYear("RECLAMO").chart());
		assertThat(texts).contains("Call center  1,1 % (\u22120,2 pp)", "SERNAC Móvil  0,3 % (0,0 pp)",
				"Servicios en convenio  1,0 % (+0,2 pp)", "Internet  67,5 % (\u22120,2 pp)",
				"Plataformas municipales  23,8 % (+3,5 pp)", "Oficina regional  6,3 % (\u22123,3 pp)");
		assertThat(texts).contains("1,4 %", "0,3 %", "0,8 %", "67,7 %", "20,2 %", "9,6 %");
		assertThat(labelTexts(charts.byYear("RECLAMO").chart())).hasSize(18).contains("2014: 72", "2016: 21.824");
		assertThat(labelTexts(charts.periodTotals("CONSULTA").chart())).contains("998 (1,0 %)");
	}

	@Test
	void smallChannelsAreDrawnApartOnTheirOwnScale() {
		ReportCharts charts = charts(DEMO);
		CombinedDomainXYPlot mix = (CombinedDomainXYPlot) charts.sharesByYear("RECLAMO").chart().getPlot();
		List<XYPlot> panels = mix.getSubplots();
		assertThat(panels).hasSize(2);
		assertThat(seriesNames(panels.get(1))).containsExactly("Call center", "SERNAC Móvil", "Servicios en convenio");
		assertThat(panels.get(1).getRangeAxis().getUpperBound()).isEqualTo(2.0);
		CombinedDomainXYPlot monthly = (CombinedDomainXYPlot) charts.monthly("CONSULTA").chart().getPlot();
		assertThat(seriesNames(monthly.getSubplots().get(1))).containsExactly("SERNAC Móvil");
		assertThat(charts.monthly("SONI").chart().getPlot()).isNotInstanceOf(CombinedDomainXYPlot.class);
	}

	@Test
	void fewCasesAMonthAreShownByQuarter() {
		ReportCharts charts = charts(DEMO);
		assertThat(ChartStyle.subtitle(charts.monthly("SONI").chart())).contains("cada trimestre");
		assertThat(((XYPlot) charts.monthly("SONI").chart().getPlot()).getDataset().getItemCount(0)).isEqualTo(12);
		assertThat(ChartStyle.subtitle(charts.monthly("RECLAMO").chart())).contains("cada mes");
	}

	@Test
	void valueAxesEndNearTheDataWithRoundTicks() {
		assertThat(ChartStyle.roundStep(55_958)).isEqualTo(20_000);
		assertThat(ChartStyle.roundStep(67.7)).isEqualTo(20);
		assertThat(ChartStyle.roundStep(13)).isEqualTo(5);
		assertThat(ChartStyle.roundStep(1.4)).isEqualTo(1);
		ReportCharts charts = charts(DEMO);
		XYPlot large = ((CombinedDomainXYPlot) charts.sharesByYear("RECLAMO").chart().getPlot()).getSubplots().get(0);
		assertThat(large.getRangeAxis().getUpperBound()).isEqualTo(80.0);
	}

	@Test
	void labelsAreSpreadNoCloserThanTheirGap() {
		double[] placed = ChartStyle.spread(new double[] { 100, 101, 99, 300, 102 }, 20, 0, 400);
		assertThat(placed).containsExactly(119, 139, 99, 300, 159);
		double[] squeezed = ChartStyle.spread(new double[] { 395, 396, 399 }, 20, 0, 400);
		assertThat(squeezed).containsExactly(360, 380, 400);
	}

	private static List<ReportCharts.Drawn> all(ReportCharts charts, String type) {
		return List.of(charts.sharesByYear(type), charts.byYear(type), charts.monthly(type), charts.periodTotals(type));
	}

	private static List<String> seriesNames(XYPlot plot) {
		List<String> names = new ArrayList<>();
		for (int i = 0; i < plot.getDataset().getSeriesCount(); i++) {
			names.add(plot.getDataset().getSeriesKey(i).toString());
		}
		return names;
	}

	private static ChartRenderingInfo render(JFreeChart chart, ChartStyle.Canvas canvas) {
		ChartRenderingInfo info = new ChartRenderingInfo();
		BufferedImage image = new BufferedImage(canvas.width(), canvas.height(), BufferedImage.TYPE_INT_RGB);
		chart.draw(image.createGraphics(), canvas.bounds(), info);
		return info;
	}

	private static List<Rectangle2D> dataAreas(ChartRenderingInfo info) {
		List<Rectangle2D> areas = new ArrayList<>(List.of(info.getPlotInfo().getDataArea()));
		for (int i = 0; i < info.getPlotInfo().getSubplotCount(); i++) {
			areas.add(info.getPlotInfo().getSubplotInfo(i).getDataArea());
		}
		return areas;
	}

	private static List<ChartEntity> labels(ChartRenderingInfo info) {
		List<ChartEntity> labels = new ArrayList<>();
		for (Object entity : info.getEntityCollection().getEntities()) {
			if (entity instanceof XYAnnotationEntity label) {
				labels.add(label);
			}
		}
		return labels;
	}

	private static List<Rectangle2D> labelAreas(ChartRenderingInfo info) {
		return labels(info).stream().map((label) -> label.getArea().getBounds2D()).toList();
	}

	private static List<String> labelTexts(JFreeChart chart) {
		return labels(render(chart, ChartStyle.SLIDE)).stream().map(ChartEntity::getToolTipText).toList();
	}

	/**
	 * Charts of 2014-2016 from yearly counts, each year's cases spread over its months.
	 */
	private static ReportCharts charts(List<String> data) {
		return charts(data, ChartStyle.SLIDE);
	}

	private static ReportCharts charts(List<String> data, ChartStyle.Canvas canvas) {
		List<TypeChannelCount> yearly = new ArrayList<>();
		List<TypeChannelCount> monthly = new ArrayList<>();
		List<TypeChannelCount> period = new ArrayList<>();
		for (String line : data) {
			String[] f = line.split(" ");
			long sum = 0;
			for (int y = 0; y < 3; y++) {
				long records = Long.parseLong(f[2 + y]);
				sum += records;
				yearly.add(new TypeChannelCount(f[0], f[1], 2014 + y, records));
				for (int m = 1; m <= 12; m++) {
					long share = records / 12 + ((m <= records % 12) ? 1 : 0);
					if (share > 0) {
						monthly.add(new TypeChannelCount(f[0], f[1], (2014 + y) * 100 + m, share));
					}
				}
			}
			period.add(new TypeChannelCount(f[0], f[1], 0, sum));
		}
		ReportFigures figures = new ReportFigures(new Period(2014, 2016), List.of(2014, 2015, 2016),
				ChannelMix.of(yearly, 2014, 2016), monthly, period, List.of(), MobileCoverage.of(List.of(), List.of()),
				MunicipalCoverage.of(List.of()), "05", List.of(), Map.of(), Map.of(), List.of());
		return new ReportCharts(figures, SOURCE, canvas);
	}

}
