package cl.sernac.cifras.report;

import java.awt.image.BufferedImage;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import cl.sernac.cifras.CifrasRun;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The planners' report on the demo data set, which counted correctly gives SPEC's
 * 2014-2016 account: its figures, the page as a browser shows it, and no personal data
 * anywhere.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoReportFunctionalTests {

	@TempDir
	static Path root;

	private CifrasRun run;

	private int exitCode;

	private Document renderedPage;

	@BeforeAll
	void runOnTheDemoData() {
		// given an empty input folder filled with the demo data set, when the pipeline
		// runs
		this.run = new CifrasRun(root.resolve("input"), root.resolve("output"), root.resolve("data"));
		this.exitCode = this.run.run("--cifras.demo=true");
	}

	@Test
	void completes() {
		assertThat(this.exitCode).isZero();
	}

	@Test
	void periodAccountIsSpecsAccount() throws Exception {
		assertThat(csv("cuenta_periodo.csv")).contains("2014-2016;Consultas;Call center;43566;44,3",
				"2014-2016;Consultas;Internet;15446;15,7", "2014-2016;Consultas;Oficina regional;17730;18,0",
				"2014-2016;Consultas;Plataformas municipales;20565;20,9", "2014-2016;Consultas;SERNAC Móvil;998;1,0",
				"2014-2016;Consultas;Total;98305;100,0", "2014-2016;Reclamos;Servicios en convenio;759;0,9",
				"2014-2016;Reclamos;Internet;55958;67,4", "2014-2016;Reclamos;Oficina regional;6355;7,6",
				"2014-2016;Reclamos;Call center;1030;1,2", "2014-2016;Reclamos;SERNAC Móvil;240;0,3",
				"2014-2016;Reclamos;Plataformas municipales;18737;22,6", "2014-2016;Reclamos;Total;83079;100,0",
				"2014-2016;SONI;Total;191;100,0");
		Map<String, Long> soni = new HashMap<>();
		for (String line : csv("soni_subtipo_anio.csv").subList(1, csv("soni_subtipo_anio.csv").size())) {
			String[] cells = line.split(";");
			soni.merge(cells[0], Long.parseLong(cells[2]), Long::sum);
		}
		assertThat(soni).isEqualTo(Map.of("Disconformidad", 60L, "Reconocimiento", 126L, "Sugerencia", 5L));
		assertThat(csv("movil_cobertura.csv")).anyMatch((line) -> line.startsWith("Período 2014-2016;36;38;94,7;"));
		assertThat(csv("municipios_cobertura.csv")).anyMatch((line) -> line.startsWith("Período 2014-2016;20;2;"));
	}

	/**
	 * Every share and change of the year-by-year table, recomputed here in integers: a
	 * share in tenths of a percent is {@code round(1000 * part / whole)}, halves away
	 * from zero.
	 */
	@Test
	void everyShareAndChangeFollowsTheRoundingRule() throws Exception {
		List<String> lines = csv("por_tipo_canal_anio.csv");
		Map<String, long[]> previous = new HashMap<>();
		Map<String, Long> totals = new HashMap<>();
		for (String line : lines.subList(1, lines.size())) {
			String[] cells = line.split(";", -1);
			totals.merge(cells[0] + cells[2], Long.parseLong(cells[3]), Long::sum);
		}
		for (String line : lines.subList(1, lines.size())) {
			String[] cells = line.split(";", -1);
			int year = Integer.parseInt(cells[2]);
			long records = Long.parseLong(cells[3]);
			long total = Long.parseLong(cells[4]);
			assertThat(total).as(line).isEqualTo(totals.get(cells[0] + cells[2]));
			assertThat(cells[5]).as(line).isEqualTo(tenths(1000L * records, total));
			long[] before = previous.get(cells[0] + cells[1] + (year - 1));
			if (before == null) {
				assertThat(cells[6] + cells[7]).as(line).isEmpty();
			}
			else {
				assertThat(cells[6]).as(line).isEqualTo(tenths(1000L * (records - before[0]), before[0]));
				assertThat(cells[7]).as(line)
					.isEqualTo(tenths(1000L * (records * before[1] - before[0] * total), total * before[1]));
			}
			previous.put(cells[0] + cells[1] + year, new long[] { records, total });
		}
		assertThat(lines).contains("Consultas;Call center;2015;14377;32646;44,0;6,5;-2,0");
	}

	@Test
	void pageRendersInABrowserWithTheHeadlineAndEveryChart() throws Exception {
		HeadlessChromium chromium = HeadlessChromium.required();
		String dom = chromium.dumpDom(this.run.output().resolve("index.html"), Files.createTempDirectory(root, "page"));
		Matcher headline = Pattern.compile("<section id=\"titular\">(.*?)</section>", Pattern.DOTALL).matcher(dom);
		assertThat(headline.find()).as("headline section").isTrue();
		assertThat(text(headline.group(1)))
			.contains("Entre el 2014 y el 2016 recibimos 98.305 consultas, 83.079 reclamos y 191 SONI"
					+ " («Su opinión nos interesa»).")
			.contains("43.566 Call center", "55.958 Internet", "SERNAC Móvil visitó 36 de las 38 comunas",
					"20 municipalidades y 2 gobernaciones provinciales");
		// the planners' 12 charts and the public account's 2
		assertThat(dom).contains("data-images=\"14/14\"")
			.contains("data-svg=\"14/14\"")
			.contains("data-images-loaded=\"true\"");
	}

	@Test
	void idsAreUniqueAndEveryMenuLinkLandsOnItsSection() throws Exception {
		Document page = renderedPage();
		List<String> ids = page.select("[id]").eachAttr("id");
		assertThat(ids).isNotEmpty().doesNotHaveDuplicates();
		Elements menu = page.select("nav.toc a");
		assertThat(menu).hasSizeGreaterThanOrEqualTo(8);
		for (Element link : menu) {
			assertThat(link.attr("href")).as(link.text()).startsWith("#");
			Element target = page.getElementById(link.attr("href").substring(1));
			assertThat(target).as(link.text()).isNotNull();
			assertThat(target.tagName()).as(link.text()).isEqualTo("section");
			assertThat(target.selectFirst("h2")).as(link.text()).isNotNull();
		}
		// and every section is in the menu
		assertThat(menu.eachAttr("href")).containsExactlyElementsOf(
				page.select("main > section").eachAttr("id").stream().map((id) -> "#" + id).toList());
	}

	@Test
	void headingsGoDownOneLevelAtATime() throws Exception {
		Elements headings = renderedPage().select("h1, h2, h3, h4, h5, h6");
		assertThat(headings.first().tagName()).isEqualTo("h1");
		assertThat(headings.select("h1")).hasSize(1);
		int level = 1;
		for (Element heading : headings) {
			int next = heading.tagName().charAt(1) - '0';
			assertThat(next).as(heading.text()).isLessThanOrEqualTo(level + 1);
			level = next;
		}
	}

	/**
	 * Each chart as a statistics office shows it: its number, the finding as its title,
	 * what it measures, the source and the production date, its data and a PNG for
	 * slides; the page shows the SVG.
	 */
	@Test
	void everyChartHasItsNumberTitleSourceAndData() throws Exception {
		Elements figures = renderedPage().select("#graficos figure");
		assertThat(figures).hasSize(12);
		String today = DateTimeFormatter.ofPattern("dd-MM-yyyy").format(LocalDate.now());
		for (int i = 0; i < figures.size(); i++) {
			Element figure = figures.get(i);
			assertThat(figure.selectFirst(".number").text()).isEqualTo("Gráfico " + (i + 1));
			assertThat(figure.selectFirst("h4").text()).isNotBlank();
			assertThat(figure.selectFirst(".subtitle").text()).isNotBlank();
			assertThat(figure.selectFirst("figcaption").text()).contains(
					"Fuente: registros de atención de SERNAC, Dirección Regional de Valparaíso · Cifras, " + today);
			Element image = figure.selectFirst("img");
			assertThat(image.attr("src")).startsWith("charts/").endsWith(".svg");
			assertThat(image.attr("alt")).isNotBlank();
			assertThat(this.run.output().resolve(image.attr("src"))).isRegularFile();
			List<String> links = figure.select("figcaption a").eachAttr("href");
			assertThat(links).anyMatch((link) -> link.startsWith("tables/") && link.endsWith(".csv"))
				.contains(image.attr("src").replace(".svg", ".png"));
			for (String link : links) {
				assertThat(this.run.output().resolve(link)).as(link).isRegularFile();
			}
		}
		// the mix first: it answers the planners' question
		assertThat(figures.first().selectFirst("img").attr("src")).isEqualTo("charts/consultas_participacion_anio.svg");
	}

	/**
	 * One sentence per type: the channel whose share moved most from the period's first
	 * year to its last, recomputed here from the year-by-year table.
	 */
	@Test
	void findingSentencesMatchTheFigures() throws Exception {
		List<String> lines = csv("por_tipo_canal_anio.csv");
		Map<String, String> subjects = Map.of("Call center", "El call center pasó", "Internet", "Internet pasó",
				"Oficina regional", "La oficina regional pasó", "Plataformas municipales",
				"Las plataformas municipales pasaron", "SERNAC Móvil", "SERNAC Móvil pasó", "Servicios en convenio",
				"Los servicios en convenio pasaron");
		Map<String, String> types = new LinkedHashMap<>();
		types.put("Consultas", "las consultas");
		types.put("Reclamos", "los reclamos");
		types.put("SONI", "los SONI");
		List<String> expected = new ArrayList<>();
		for (Map.Entry<String, String> type : types.entrySet()) {
			Map<String, String[]> first = new LinkedHashMap<>();
			Map<String, String[]> last = new HashMap<>();
			for (String line : lines.subList(1, lines.size())) {
				String[] cells = line.split(";", -1);
				if (cells[0].equals(type.getKey()) && cells[2].equals("2014")) {
					first.put(cells[1], cells);
				}
				if (cells[0].equals(type.getKey()) && cells[2].equals("2016")) {
					last.put(cells[1], cells);
				}
			}
			String moved = null;
			BigDecimal most = null;
			for (String channel : first.keySet()) {
				BigDecimal change = fraction(last.get(channel)).subtract(fraction(first.get(channel)));
				if (most == null || change.abs().compareTo(most.abs()) > 0) {
					moved = channel;
					most = change;
				}
			}
			String[] before = first.get(moved);
			String[] after = last.get(moved);
			String points = tenths(
					1000L * (Long.parseLong(after[3]) * Long.parseLong(before[4])
							- Long.parseLong(before[3]) * Long.parseLong(after[4])),
					Long.parseLong(after[4]) * Long.parseLong(before[4]));
			points = points.startsWith("-") ? "\u2212" + points.substring(1)
					: points.equals("0,0") ? points : "+" + points;
			expected.add(subjects.get(moved) + " del " + before[5] + " % al " + after[5] + " % de " + type.getValue()
					+ " entre el 2014 y el 2016 (" + points + " pp).");
		}
		assertThat(expected).contains("Las plataformas municipales pasaron del 17,5 % al 23,2 % de las consultas"
				+ " entre el 2014 y el 2016 (+5,7 pp).");
		assertThat(renderedPage().select("#titular .findings li").eachText()).containsExactlyElementsOf(expected);
	}

	@Test
	void spanishAsReadersWriteIt() throws Exception {
		Document page = renderedPage().clone();
		// the page's own words: the charts' titles are the charts'
		page.select("#graficos figure h4").remove();
		String text = page.body().text();
		assertThat(text).contains("5 sugerencias", "126 reconocimientos", "60 disconformidades")
			.doesNotContain("5 sugerencia ", "los consultas");
		// SONI is spelled out once, where a reader first meets it
		assertThat(text.split("Su opinión nos interesa", -1)).hasSizeBetween(2, 3);
		assertThat(text.indexOf("«Su opinión nos interesa»"))
			.isLessThan(text.indexOf("SONI", text.indexOf("SONI") + 4));
		for (Element table : page.select("table[id^=tabla-mezcla-]")) {
			List<String> header = table.select("thead tr:last-child th").stream().map(Element::text).toList();
			for (Element row : table.select("tbody tr")) {
				List<String> cells = row.select("td").stream().map(Element::text).toList();
				for (int i = 0; i < header.size(); i++) {
					String cell = cells.get(i);
					// negative changes with the minus sign, never a hyphen
					assertThat(cell).as(table.id()).doesNotStartWith("-");
					if (header.get(i).equals("Cambio (pp)")) {
						assertThat(cell).as(table.id() + " " + cells.get(0)).matches("|—|[+\u2212]?[0-9]+,[0-9] pp");
					}
					if (header.get(i).equals("Variación (%)")) {
						assertThat(cell).as(table.id() + " " + cells.get(0)).matches("—|[+\u2212]?[0-9.]+,[0-9] %");
					}
				}
			}
		}
		assertThat(page.select("table[id^=tabla-mezcla-] td").eachText()).contains("\u22125,7 %", "\u22122,0 pp");
		// every column has a header
		assertThat(page.select("thead tr:last-child th")).extracting(Element::text).doesNotContain("");
	}

	@Test
	void periodAccountReadsLikeThePublicAccount() throws Exception {
		Element table = renderedPage().getElementById("tabla-cuenta_periodo_canal");
		assertThat(table.select("thead tr.groups th")).extracting(Element::text)
			.containsExactly("", "Consultas", "Reclamos", "SONI");
		assertThat(table.select("tbody tr").eachText()).contains(
				"Plataformas municipales 20.565 20,9 % 18.737 22,6 % 0 0,0 %",
				"Total 98.305 100,0 % 83.079 100,0 % 191 100,0 %");
		assertThat(csv("cuenta_periodo_canal.csv")).contains("Internet;15446;15,7;55958;67,4;68;35,6",
				"Total;98305;100,0;83079;100,0;191;100,0");
	}

	@Test
	void noHorizontalScrollingOnAPhone() throws Exception {
		HeadlessChromium chromium = HeadlessChromium.required();
		Path work = Files.createTempDirectory(root, "phone");
		// a phone's screen, 375 px wide: the page in a frame of that width, whose size
		// the
		// page's own script records
		Path phone = work.resolve("phone.html");
		Files.writeString(phone, """
				<!DOCTYPE html><html><body style="margin:0">
				<iframe id="page" src="%s" width="375" height="800" style="border:0"></iframe>
				<script>
				  document.getElementById('page').addEventListener('load', function () {
				    var body = this.contentDocument.body;
				    document.body.setAttribute('data-scroll-width', body.getAttribute('data-scroll-width'));
				    document.body.setAttribute('data-inner-width', body.getAttribute('data-inner-width'));
				    document.body.setAttribute('data-images', body.getAttribute('data-images'));
				    var phone = Array.prototype.filter.call(this.contentDocument.images, function (image) {
				      return /_movil\\.svg$/.test(image.currentSrc);
				    });
				    document.body.setAttribute('data-phone-charts', String(phone.length));
				  });
				</script></body></html>
				""".formatted(this.run.output().resolve("index.html").toUri()));
		Document dom = Jsoup.parse(chromium.dumpDom(phone, work, "--allow-file-access-from-files"));
		assertThat(dom.body().attr("data-inner-width")).isEqualTo("375");
		assertThat(Integer.parseInt(dom.body().attr("data-scroll-width"))).isLessThanOrEqualTo(375);
		// and the charts drawn for a phone, every one loaded
		assertThat(dom.body().attr("data-phone-charts")).isEqualTo("14");
		assertThat(dom.body().attr("data-images")).isEqualTo("14/14");
	}

	/**
	 * WCAG AA: every text of the page against the background it is drawn on, 4.5:1, or
	 * 3:1 for large text, measured on the styles the browser computed.
	 */
	@Test
	void textContrastIsAtLeastAA() throws Exception {
		HeadlessChromium chromium = HeadlessChromium.required();
		Path work = Files.createTempDirectory(root, "contrast");
		Path check = work.resolve("contrast.html");
		Files.writeString(check,
				"""
						<!DOCTYPE html><html><body>
						<iframe id="page" src="%s" width="1280" height="900"></iframe>
						<script>
						  function rgb(text) { return text.match(/[0-9.]+/g).map(Number); }
						  function luminance(c) {
						    var l = c.slice(0, 3).map(function (v) { v /= 255; return v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); });
						    return 0.2126 * l[0] + 0.7152 * l[1] + 0.0722 * l[2];
						  }
						  document.getElementById('page').addEventListener('load', function () {
						    var doc = this.contentDocument, view = doc.defaultView, checked = 0, failures = [];
						    doc.querySelectorAll('body *').forEach(function (element) {
						      var own = Array.prototype.some.call(element.childNodes, function (n) { return n.nodeType === 3 && n.textContent.trim(); });
						      if (!own || element.closest('script, style')) { return; }
						      var style = view.getComputedStyle(element), background = null;
						      for (var e = element; e && !background; e = e.parentElement) {
						        var b = rgb(view.getComputedStyle(e).backgroundColor);
						        if (b.length < 4 || b[3] > 0) { background = b; }
						      }
						      var fg = rgb(style.color), bg = background || [255, 255, 255];
						      var a = luminance(fg), c = luminance(bg);
						      var ratio = (Math.max(a, c) + 0.05) / (Math.min(a, c) + 0.05);
						      var size = parseFloat(style.fontSize), bold = parseInt(style.fontWeight, 10) >= 700;
						      var needed = (size >= 24 || (bold && size >= 18.66)) ? 3 : 4.5;
						      checked++;
						      if (ratio < needed) { failures.push(element.tagName + ' ' + element.textContent.trim().slice(0, 30) + ' ' + ratio.toFixed(2)); }
						    });
						    document.body.setAttribute('data-checked', String(checked));
						    document.body.setAttribute('data-failures', failures.join(' | '));
						  });
						</script></body></html>
						"""
					.formatted(this.run.output().resolve("index.html").toUri()));
		Document dom = Jsoup.parse(chromium.dumpDom(check, work, "--allow-file-access-from-files"));
		assertThat(Integer.parseInt(dom.body().attr("data-checked"))).isGreaterThan(500);
		assertThat(dom.body().attr("data-failures")).isEmpty();
	}

	@Test
	void printedToPdfTheReportHasEverySection() throws Exception {
		HeadlessChromium chromium = HeadlessChromium.required();
		Path pdf = chromium.printToPdf(this.run.output().resolve("index.html"), Files.createTempDirectory(root, "pdf"));
		String text;
		int pages;
		try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
			text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
			pages = document.getNumberOfPages();
		}
		assertThat(pages).isGreaterThan(5);
		List<String> sections = renderedPage().select("main > section h2").eachText();
		assertThat(sections).hasSizeGreaterThanOrEqualTo(8);
		for (String heading : sections) {
			assertThat(text).contains(heading);
		}
		// a table folded on the screen is printed whole: its last row is in the PDF
		List<String> municipalities = csv("municipios.csv");
		String lastInstitution = municipalities.get(municipalities.size() - 1).split(";")[0];
		assertThat(renderedPage().select("#tabla-municipios").parents().is("details")).isTrue();
		assertThat(text).contains(lastInstitution);
		assertThat(text).contains("Gráfico 12", "Regla del folio central", "Fuente: registros de atención de SERNAC")
			// the menu is for the screen
			.doesNotContain("Mezcla año a año Cuenta del período");
	}

	@Test
	void chartsAreSlidesOf1600By900() throws Exception {
		try (Stream<Path> charts = Files.list(this.run.output().resolve("charts"))) {
			List<Path> files = charts.toList();
			List<Path> pngs = files.stream().filter((file) -> file.toString().endsWith(".png")).toList();
			assertThat(pngs).hasSize(14);
			// each chart as PNG, SVG and SVG for phones
			assertThat(files).hasSize(42).allSatisfy((file) -> assertThat(file.toString()).matches(".*\\.(png|svg)"));
			assertThat(files).filteredOn((file) -> file.toString().endsWith("_movil.svg")).hasSize(14);
			for (Path chart : pngs) {
				BufferedImage image = ImageIO.read(chart.toFile());
				assertThat(image.getWidth()).as(chart.toString()).isEqualTo(1600);
				assertThat(image.getHeight()).as(chart.toString()).isEqualTo(900);
			}
		}
	}

	@Test
	void noPersonalDataInAnyOutput() throws Exception {
		PersonalDataScan inputs = PersonalDataScan.ofInputs(this.run.input());
		assertThat(inputs.ruts()).hasSizeGreaterThan(10_000);
		assertThat(inputs.names()).hasSizeGreaterThan(100);
		inputs.assertNoneIn(this.run.output());
	}

	/** The page as the browser rendered it, once for the class. */
	private Document renderedPage() throws Exception {
		if (this.renderedPage == null) {
			HeadlessChromium chromium = HeadlessChromium.required();
			this.renderedPage = Jsoup.parse(
					chromium.dumpDom(this.run.output().resolve("index.html"), Files.createTempDirectory(root, "page")));
		}
		return this.renderedPage;
	}

	/** A channel's records over its type's total in a row of the year-by-year table. */
	private static BigDecimal fraction(String[] cells) {
		return new BigDecimal(cells[3]).divide(new BigDecimal(cells[4]), 12, RoundingMode.HALF_EVEN);
	}

	/**
	 * {@code numerator / denominator} rounded to a tenth, halves away from zero, as
	 * {@code 12,5}.
	 */
	private static String tenths(long numerator, long denominator) {
		if (denominator == 0) {
			return "";
		}
		BigInteger n = BigInteger.valueOf(numerator)
			.abs()
			.multiply(BigInteger.TWO)
			.add(BigInteger.valueOf(denominator));
		long rounded = n.divide(BigInteger.valueOf(2 * denominator)).longValueExact() * Long.signum(numerator);
		return ((rounded < 0) ? "-" : "") + Math.abs(rounded) / 10 + "," + Math.abs(rounded) % 10;
	}

	/** The text of some markup, tags removed and spaces collapsed. */
	private static String text(String html) {
		return html.replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ").replace(" .", ".").replace(" ,", ",");
	}

	private List<String> csv(String name) throws Exception {
		String text = Files.readString(this.run.output().resolve("tables").resolve(name), StandardCharsets.UTF_8);
		return List.of(text.substring(1).split("\r\n"));
	}

}
