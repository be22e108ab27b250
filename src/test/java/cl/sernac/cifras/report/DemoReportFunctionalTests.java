package cl.sernac.cifras.report;

import java.awt.image.BufferedImage;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import cl.sernac.cifras.CifrasRun;
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
			.contains("Entre el 2014 y el 2016 recibimos 98.305 consultas, 83.079 reclamos y 191 SONI.")
			.contains("43.566 Call center", "55.958 Internet", "SERNAC Móvil visitó 36 de las 38 comunas",
					"20 municipalidades y 2 gobernaciones provinciales");
		// the planners' 12 charts and the public account's 2
		assertThat(dom).contains("data-images=\"14/14\"").contains("data-images-loaded=\"true\"");
	}

	@Test
	void chartsAreSlidesOf1600By900() throws Exception {
		try (Stream<Path> charts = Files.list(this.run.output().resolve("charts"))) {
			List<Path> files = charts.toList();
			assertThat(files).hasSize(12);
			for (Path chart : files) {
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
