package cl.sernac.cifras.report;

import cl.sernac.cifras.support.ChileanFormat;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import cl.sernac.cifras.aggregate.ChannelMix;
import cl.sernac.cifras.aggregate.MobileCoverage;
import cl.sernac.cifras.aggregate.MunicipalCoverage;
import cl.sernac.cifras.aggregate.QualityQueries.FileDecision;
import cl.sernac.cifras.aggregate.Shares;
import cl.sernac.cifras.reading.ChannelCatalog;
import cl.sernac.cifras.reading.RecordType;
import cl.sernac.cifras.support.Printable;
import cl.sernac.cifras.normalize.Territory;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * The report page, {@code index.html}, laid out like a statistics office's release: the
 * headline figures and the key findings in sentences, the numbered charts, the
 * year-by-year mix, the period account by channel and type, the mobile unit's and the
 * municipalities' coverage, the data quality, and the notes and definitions. Rendered by
 * Thymeleaf from {@code templates/informe.html}, every value escaped; it opens from disk
 * with no network (images by relative path, styles inline) and prints as a clean PDF.
 */
final class ReportPage {

	static final String FILE = "index.html";

	static final String TITLE = "SERNAC en cifras";

	private static final Locale CHILE = Locale.forLanguageTag("es-CL");

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd-MM-yyyy");

	/** Text longer than this may wrap in its cell; shorter text stays on one line. */
	private static final int WIDE_TEXT = 40;

	private static final int FOLDED_ROWS = 20;

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

	/** The kinds of chart in the order the page shows them, with a heading and a note. */
	private static final Map<String, String[]> CHART_KINDS = new LinkedHashMap<>();

	static {
		CHART_KINDS.put("participacion_anio", new String[] { "La mezcla de canales, año a año",
				"La participación de cada canal en el total del tipo de cada año: compara los años aunque el total"
						+ " cambie." });
		CHART_KINDS.put("por_canal_anio",
				new String[] { "Casos por canal y año", "Cuántos casos llegaron por cada canal, año a año." });
		CHART_KINDS.put("mensual", new String[] { "Serie mensual por canal",
				"Casos recibidos cada mes, o cada trimestre donde los meses tienen pocos casos: la estacionalidad y"
						+ " los cambios de tendencia." });
		CHART_KINDS.put("total_periodo", new String[] { "Totales del período por canal",
				"Casos del período por canal, de mayor a menor, con su participación." });
	}

	/** The table with a chart's figures, for a chart that names none. */
	private static final Map<String, String> CHART_TABLES = Map.of("participacion_anio",
			"tables/por_tipo_canal_anio.csv", "por_canal_anio", "tables/por_tipo_canal_anio.csv", "mensual",
			"tables/por_tipo_canal_mes.csv", "total_periodo", "tables/cuenta_periodo_canal.csv");

	private final TemplateEngine engine = new TemplateEngine();

	ReportPage() {
		ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver(ReportPage.class.getClassLoader());
		resolver.setPrefix("templates/");
		resolver.setSuffix(".html");
		resolver.setTemplateMode(TemplateMode.HTML);
		resolver.setCharacterEncoding("UTF-8");
		resolver.setCacheable(true);
		this.engine.setTemplateResolver(resolver);
	}

	/**
	 * @param account the public account's part of the page ({@code cuenta.html}), or null
	 */
	void write(Path outputDir, Model model, AccountPage account) throws IOException {
		String html = render(model, account);
		AtomicFiles.writeUtf8(outputDir.resolve(FILE), (writer) -> writer.write(html));
	}

	String render(Model model, AccountPage account) {
		Context context = new Context(CHILE);
		context.setVariable("page", model);
		context.setVariable("account", account);
		return this.engine.process("informe", context);
	}

	/** Builds what the page shows from the figures, tables and charts of the run. */
	static Model model(ReportFigures figures, ReportTables tables, List<ReportCharts.Chart> charts, Territory territory,
			RunSummary summary) {
		return new ModelBuilder(figures, tables, charts, territory, summary).build();
	}

	private static final class ModelBuilder {

		private final ReportFigures figures;

		private final ReportTables tables;

		private final List<ReportCharts.Chart> charts;

		private final Territory territory;

		private final RunSummary summary;

		ModelBuilder(ReportFigures figures, ReportTables tables, List<ReportCharts.Chart> charts, Territory territory,
				RunSummary summary) {
			this.figures = figures;
			this.tables = tables;
			this.charts = charts;
			this.territory = territory;
			this.summary = summary;
		}

		Model build() {
			Period period = this.figures.period();
			String region = this.territory.regionName(this.figures.regionCode());
			String office = ReportNotes.office(region);
			String source = ReportNotes.source(office, OffsetDateTime.parse(this.summary.producedAt()).toLocalDate());
			return new Model(TITLE, office, period.label(), headline(region), chartGroups(source), mixTables(),
					periodTables(), mobile(region), municipal(), quality(), ReportNotes.definitions(period), source,
					produced());
		}

		private Headline headline(String region) {
			Period period = this.figures.period();
			List<Card> cards = new ArrayList<>();
			List<String> parts = new ArrayList<>();
			for (String type : RecordType.codes()) {
				long total = this.figures.periodTotal(type);
				parts.add(Labels.typeCount(type, total));
				List<Line> channels = new ArrayList<>();
				this.figures.periodByChannel(type)
					.forEach((channel, records) -> channels.add(new Line(ChileanFormat.integer(records),
							Channels.name(channel), percent(Shares.share(records, total)), Channels.hex(channel))));
				List<Line> subtypes = new ArrayList<>();
				if (RecordType.SONI.is(type)) {
					this.figures.periodSoniBySubtype()
						.forEach((subtype, records) -> subtypes.add(new Line(ChileanFormat.integer(records),
								Labels.subtypeNoun(subtype, records), percent(Shares.share(records, total)), null)));
				}
				cards.add(new Card(ChileanFormat.integer(total), Labels.typePlural(type), channels, subtypes));
			}
			// the abbreviation is spelled out where a reader first meets it
			String sentence = period.phrase() + " recibimos " + String.join(", ", parts.subList(0, parts.size() - 1))
					+ " y " + parts.get(parts.size() - 1) + " (" + Labels.SONI_IN_FULL + ").";
			if (this.figures.years().isEmpty()) {
				sentence = "Aún no hay casos contados: las cifras aparecen cuando se ingresan exportaciones.";
			}
			else if (this.figures.periodCounts().isEmpty()) {
				sentence = period.phrase() + " no hay casos contados.";
			}
			MobileCoverage.Coverage mobile = this.figures.mobile().years(period.from(), period.to());
			MunicipalCoverage.Count municipal = this.figures.municipal().count(period.from(), period.to());
			List<String> notes = List.of(
					Channels.name(ChannelCatalog.MOBILE_UNIT) + " visitó " + mobile.visited().size() + " de las "
							+ mobile.regionTotal() + " comunas de la región de " + region + ".",
					plural(municipal.municipalities(), "municipalidad", "municipalidades") + " y "
							+ plural(municipal.provincialGovernments(), "gobernación provincial",
									"gobernaciones provinciales")
							+ " enviaron registros por las plataformas municipales.");
			return new Headline(sentence, cards, findings(), notes);
		}

		/**
		 * One sentence per type: the channel whose share moved most between the period's
		 * first and last year.
		 */
		private List<String> findings() {
			MixFindings mix = MixFindings.of(this.figures);
			List<String> findings = new ArrayList<>();
			for (String type : RecordType.codes()) {
				mix.sentence(type).ifPresent(findings::add);
			}
			return findings;
		}

		/**
		 * The charts in groups by kind, the mix first (the planners' question), numbered
		 * in the order the page shows them.
		 */
		private List<ChartGroup> chartGroups(String source) {
			List<String> kinds = new ArrayList<>(CHART_KINDS.keySet());
			this.charts.stream()
				.map(ReportCharts.Chart::kind)
				.distinct()
				.filter((k) -> !kinds.contains(k))
				.forEach(kinds::add);
			List<ChartGroup> groups = new ArrayList<>();
			int number = 0;
			for (String kind : kinds) {
				List<ChartView> views = new ArrayList<>();
				for (ReportCharts.Chart chart : this.charts) {
					if (chart.kind().equals(kind)) {
						number++;
						String table = (chart.table() != null) ? chart.table() : CHART_TABLES.get(kind);
						views.add(ChartView.of(chart, number, table, source));
					}
				}
				if (!views.isEmpty()) {
					String[] words = CHART_KINDS.getOrDefault(kind, new String[] { "Otros gráficos", "" });
					groups.add(new ChartGroup("graficos-" + kind.replace('_', '-'), words[0], words[1], views));
				}
			}
			return groups;
		}

		/**
		 * Per type, channels in rows and for every year its records, share and change of
		 * share.
		 */
		private List<HtmlTable> mixTables() {
			List<HtmlTable> result = new ArrayList<>();
			List<Integer> years = this.figures.years();
			if (years.isEmpty()) {
				return result;
			}
			ChannelMix mix = this.figures.mix();
			for (String type : mix.types()) {
				List<HeaderCell> groups = new ArrayList<>(List.of(new HeaderCell("", 1)));
				List<String> header = new ArrayList<>(List.of("Canal"));
				for (int year : years) {
					boolean first = year == years.get(0);
					groups.add(new HeaderCell(String.valueOf(year), first ? 2 : 4));
					header.add("Casos");
					header.add("%");
					if (!first) {
						// points for shares, percent for counts: never in one column
						header.add("Cambio (pp)");
						header.add("Variación (%)");
					}
				}
				List<List<Cell>> rows = new ArrayList<>();
				for (String channel : mix.channels(type)) {
					List<Cell> row = new ArrayList<>(List.of(Cell.channel(channel)));
					for (ChannelMix.Row r : mix.rows(type)) {
						if (r.channel().equals(channel)) {
							row.add(Cell.number(ChileanFormat.integer(r.records())));
							row.add(Cell.number(percent(r.share())));
							if (r.year() != years.get(0)) {
								row.add(Cell.number(points(r.shareChange())));
								row.add(Cell.number(change(r.recordsChange())));
							}
						}
					}
					rows.add(row);
				}
				List<Cell> total = new ArrayList<>(List.of(Cell.total("Total")));
				for (ChannelMix.Total t : mix.totals(type)) {
					total.add(Cell.total(ChileanFormat.integer(t.records())));
					total.add(Cell.total((t.records() > 0) ? "100,0 %" : "—"));
					if (t.year() != years.get(0)) {
						// the total's share is always 100 %: no change in points
						total.add(Cell.total(""));
						total.add(Cell.total(change(t.change())));
					}
				}
				rows.add(total);
				result.add(new HtmlTable("tabla-mezcla-" + ReportCharts.slug(type), Labels.type(type),
						"tables/por_tipo_canal_anio.csv", groups, header, rows));
			}
			return result;
		}

		private List<HtmlTable> periodTables() {
			HtmlTable account = html(this.tables.periodByChannelAndType());
			List<HeaderCell> groups = new ArrayList<>(List.of(new HeaderCell("", 1)));
			List<String> header = new ArrayList<>(List.of("Canal"));
			for (String type : RecordType.codes()) {
				groups.add(new HeaderCell(Labels.type(type), 2));
				header.addAll(List.of("Casos", "%"));
			}
			// the channels with their colour, as in the charts
			List<String> channels = this.tables.periodChannels();
			List<List<Cell>> rows = new ArrayList<>();
			for (int i = 0; i < account.rows().size(); i++) {
				List<Cell> cells = new ArrayList<>(account.rows().get(i));
				if (i < channels.size()) {
					cells.set(0, Cell.channel(channels.get(i)));
				}
				rows.add(cells);
			}
			return List.of(new HtmlTable(account.id(), account.title(), account.csv(), groups, header, rows),
					html(this.tables.soniBySubtypeYear()));
		}

		private Coverage mobile(String region) {
			Period period = this.figures.period();
			MobileCoverage.Coverage coverage = this.figures.mobile().years(period.from(), period.to());
			String sentence = "En el período " + period.label() + ", " + Channels.name(ChannelCatalog.MOBILE_UNIT)
					+ " atendió en " + coverage.visited().size() + " de las " + coverage.regionTotal()
					+ " comunas de la región de " + region + ".";
			List<String> notes = new ArrayList<>();
			notes.add(coverage.notVisited().isEmpty() ? "Visitó todas las comunas de la región."
					: "No visitó: " + names(coverage.notVisited()) + ".");
			if (!coverage.outsideRegion().isEmpty()) {
				notes.add("Además atendió fuera de la región, en " + names(coverage.outsideRegion()) + ".");
			}
			return new Coverage(sentence, notes,
					List.of(html(this.tables.mobileCoverage()), html(this.tables.mobileByComuna())));
		}

		private Coverage municipal() {
			Period period = this.figures.period();
			MunicipalCoverage.Count count = this.figures.municipal().count(period.from(), period.to());
			String sentence = "En el período " + period.label() + ", "
					+ plural(count.municipalities(), "municipalidad", "municipalidades") + " y "
					+ plural(count.provincialGovernments(), "gobernación provincial", "gobernaciones provinciales")
					+ " enviaron " + plural(count.records(), "registro", "registros") + ".";
			return new Coverage(sentence, List.of(),
					List.of(html(this.tables.municipalCoverage()), html(this.tables.municipalities())));
		}

		private Quality quality() {
			List<Line> rejects = new ArrayList<>();
			long rejected = 0;
			for (String code : Labels.reasonCodes()) {
				long count = this.figures.rejectedByReason().getOrDefault(code, 0L);
				rejected += count;
				if (count > 0) {
					rejects.add(new Line(ChileanFormat.integer(count), Labels.reasonMessage(code), code, null));
				}
			}
			List<Line> warnings = new ArrayList<>();
			long warned = 0;
			for (String code : Labels.warningCodes()) {
				long count = this.figures.warningsByKind().getOrDefault(code, 0L);
				warned += count;
				if (count > 0) {
					warnings.add(new Line(ChileanFormat.integer(count), Labels.warningMessage(code), code, null));
				}
			}
			List<Decision> notIngested = new ArrayList<>();
			for (FileDecision decision : this.figures.notIngested()) {
				notIngested.add(new Decision(Printable.of(decision.fileName()), decision.outcome().cell(),
						(decision.reason() != null) ? Printable.of(decision.reason()) : ""));
			}
			RunSummary.Account a = this.summary.account();
			List<Line> account = List.of(new Line(ChileanFormat.integer(a.rowsRead()), "Filas leídas", null, null),
					new Line(ChileanFormat.integer(a.rowsRejected()), "− rechazadas", null, null),
					new Line(ChileanFormat.integer(a.rowsRepeated()), "− repetidas sin cambios (misma clave)", null,
							null),
					new Line(ChileanFormat.integer(a.corrections()), "− correcciones de un registro anterior", null,
							null),
					new Line(ChileanFormat.integer(a.records()), "= registros (una versión por clave)", null, null),
					new Line(ChileanFormat.integer(a.joinedByFolio()), "− unidos a otro por folio central", null, null),
					new Line(ChileanFormat.integer(a.cases()), "= casos contados", null, null));
			return new Quality(ChileanFormat.integer(rejected), rejects, ChileanFormat.integer(warned), warnings,
					notIngested, html(this.tables.fileQuality()), account);
		}

		private Produced produced() {
			OffsetDateTime at = OffsetDateTime.parse(this.summary.producedAt());
			return new Produced(at.format(DATE), at.format(TIME), String.valueOf(this.summary.runId()),
					LocalDate.parse(this.summary.runDate()).format(DATE),
					plural(this.figures.files().size(), "archivo", "archivos"),
					ChileanFormat.integer(this.summary.casesInStore()));
		}

		private String names(List<String> codes) {
			List<String> names = codes.stream().map(this.tables::comunaName).toList();
			if (names.size() == 1) {
				return names.get(0);
			}
			return String.join(", ", names.subList(0, names.size() - 1)) + " y " + names.get(names.size() - 1);
		}

	}

	/** A table as the page shows it: numbers the Chilean way, a link to its CSV file. */
	static HtmlTable html(Table table) {
		List<List<Cell>> rows = new ArrayList<>();
		for (List<Object> values : table.rows()) {
			List<Cell> row = new ArrayList<>();
			boolean total = values.contains("Total");
			for (int i = 0; i < values.size(); i++) {
				Table.Kind kind = table.columns().get(i).kind();
				String text = htmlCell(values.get(i), kind);
				row.add(new Cell(text, kind != Table.Kind.TEXT, null, total, text.length() > WIDE_TEXT));
			}
			rows.add(row);
		}
		return new HtmlTable("tabla-" + table.name(), table.title(), table.csvFile(), List.of(),
				table.columns().stream().map(Table.Column::name).toList(), rows);
	}

	static String htmlCell(Object value, Table.Kind kind) {
		if (value == null) {
			return "—";
		}
		return switch (kind) {
			case TEXT -> value.toString().isEmpty() ? "—" : value.toString();
			case PLAIN -> String.valueOf(((Number) value).longValue());
			case COUNT -> ChileanFormat.integer(((Number) value).longValue());
			case SHARE -> ChileanFormat.percent((BigDecimal) value);
			case CHANGE -> ChileanFormat.signedPercent((BigDecimal) value);
			case POINTS -> ChileanFormat.points((BigDecimal) value);
		};
	}

	private static String percent(BigDecimal share) {
		return (share != null) ? ChileanFormat.percent(share) : "—";
	}

	private static String points(BigDecimal change) {
		return (change != null) ? ChileanFormat.points(change) : "—";
	}

	private static String change(BigDecimal change) {
		return (change != null) ? ChileanFormat.signedPercent(change) : "—";
	}

	private static String plural(long count, String one, String many) {
		return ChileanFormat.integer(count) + " " + ((count == 1) ? one : many);
	}

	/**
	 * @param notes the notes and definitions
	 * @param source the source line under every chart and table
	 */
	record Model(String title, String office, String period, Headline headline, List<ChartGroup> chartGroups,
			List<HtmlTable> mixTables, List<HtmlTable> periodTables, Coverage mobile, Coverage municipal,
			Quality quality, List<ReportNotes.Note> notes, String source, Produced produced) {
	}

	/**
	 * @param sentence the account's sentence: "Entre el 2014 y el 2016 recibimos ..."
	 * @param cards one per record type
	 * @param findings the key findings, one sentence each
	 * @param notes the mobile unit's and the municipalities' coverage
	 */
	record Headline(String sentence, List<Card> cards, List<String> findings, List<String> notes) {
	}

	record Card(String figure, String noun, List<Line> channels, List<Line> subtypes) {
	}

	/**
	 * @param detail a share, or a code
	 * @param color the channel's colour, or null
	 */
	record Line(String figure, String label, String detail, String color) {
	}

	record ChartGroup(String id, String title, String note, List<ChartView> charts) {
	}

	/**
	 * @param number {@code Gráfico 1}
	 * @param title the finding the chart shows
	 * @param svg the chart shown on the page, relative to the output folder
	 * @param phoneSvg the chart drawn for a phone's screen, or null
	 * @param png the same chart for slides
	 * @param alt the text that replaces the chart, with its figures
	 * @param table the CSV file with the chart's figures
	 * @param source the source and production line
	 */
	record ChartView(String id, String number, String title, String subtitle, String svg, String phoneSvg, String png,
			String alt, String table, String source) {

		static ChartView of(ReportCharts.Chart chart, int number, String table, String source) {
			return new ChartView("grafico-" + number, "Gráfico " + number, chart.title(), chart.subtitle(), chart.svg(),
					chart.phoneSvg(), chart.file(), chart.alt(), table, source);
		}

	}

	/**
	 * @param csv the table's file, relative to the output folder, or null
	 * @param groups an optional header row above the column names (years over their
	 * columns)
	 */
	record HtmlTable(String id, String title, String csv, List<HeaderCell> groups, List<String> header,
			List<List<Cell>> rows) {

		/**
		 * Long tables are folded on the page, one click away, so that the page reads top
		 * to bottom.
		 */
		public boolean folded() {
			return this.rows.size() > FOLDED_ROWS;
		}

	}

	record HeaderCell(String text, int span) {
	}

	/**
	 * @param color a channel's colour shown as a swatch before the text, or null
	 */
	record Cell(String text, boolean number, String color, boolean total, boolean wide) {

		static Cell number(String text) {
			return new Cell(text, true, null, false, false);
		}

		static Cell total(String text) {
			return new Cell(text, !"Total".equals(text), null, true, false);
		}

		static Cell channel(String code) {
			return new Cell(Channels.name(code), false, Channels.hex(code), false, false);
		}

	}

	record Coverage(String sentence, List<String> notes, List<HtmlTable> tables) {
	}

	record Quality(String rejected, List<Line> rejects, String warned, List<Line> warnings, List<Decision> notIngested,
			HtmlTable files, List<Line> account) {
	}

	record Decision(String file, String outcome, String reason) {
	}

	record Produced(String date, String time, String runId, String runDate, String files, String cases) {
	}

}
