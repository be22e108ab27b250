package cl.sernac.cifras.report;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import cl.sernac.cifras.CifrasRun;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rest of the public account on the demo data set, which counted correctly gives the
 * figures of the 2014-2016 account listed at the end of SPEC-ACCOUNT: in the tables and
 * on the page as a browser shows it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoAccountFunctionalTests {

	@TempDir
	static Path root;

	private CifrasRun run;

	private int exitCode;

	@BeforeAll
	void runOnTheDemoData() {
		this.run = new CifrasRun(root.resolve("input"), root.resolve("output"), root.resolve("data"));
		this.exitCode = this.run.run("--cifras.demo=true");
	}

	@Test
	void completes() {
		assertThat(this.exitCode).isZero();
	}

	@Test
	void lawsuitsAreTheAccounts() throws Exception {
		assertThat(csv("cuenta_juicios_presentados.csv"))
			.anyMatch((l) -> l.startsWith("Interés general;") && l.endsWith(";241"));
		assertThat(csv("cuenta_juicios_terminados.csv")).contains("Interés general;Total 2014-2016;76;23;99");
	}

	@Test
	void territorialProgrammeIsTheAccounts() throws Exception {
		assertThat(csv("cuenta_programas.csv")).contains("SERNAC en tu barrio;1012;242",
				"Canal SERNAC Móvil (todos los programas);998;240");
	}

	@Test
	void informationEducationAndParticipationAreTheAccounts() throws Exception {
		assertThat(csv("cuenta_informacion.csv"))
			.anyMatch((l) -> l.startsWith("Estudios sobre calidad y seguridad en el consumo;") && l.endsWith(";6"))
			.anyMatch((l) -> l.startsWith("Sondeos de precios;") && l.endsWith(";146"))
			.anyMatch((l) -> l.startsWith("Campañas a nivel local;") && l.endsWith(";27"))
			.anyMatch((l) -> l.startsWith("Apariciones en prensa verificadas;") && l.endsWith(";503"));
		assertThat(csv("cuenta_educacion.csv")).contains("Total 2014-2016;185;12567;2680;2082;17329;32;997")
			.anyMatch((l) -> l.startsWith("2014;") && l.endsWith(";997"));
		assertThat(csv("cuenta_participacion.csv")).anyMatch((l) -> l.startsWith("Total;") && l.endsWith(";12"));
	}

	@Test
	void theChallengesAreForTheYearAfterThePeriod() throws Exception {
		assertThat(csv("cuenta_metas.csv")).containsExactly("Año;Indicador;Canal;Meta;Alcanzado;% de la meta;Desafío",
				"2017;Comunas visitadas por SERNAC Móvil;Todos;314;;;Sernac Móvil se ha planteado el desafío de alcanzar 314 comunas",
				"2017;Personas alcanzadas por Educación Financiera (escolares, jóvenes y adultos mayores);Todos;123802;;;"
						+ "Educación Financiera se ha planteado el desafío de llegar a 123.802 personas entre escolares, jóvenes y adultos mayores",
				"2017;Establecimientos educacionales en Educación Financiera;Todos;462;;;"
						+ "Se ha planteado el desafío de contar con 462 establecimientos educacionales participando al cierre del año");
	}

	@Test
	void thePageShowsEveryFigureOfTheAccount() throws Exception {
		HeadlessChromium chromium = HeadlessChromium.required();
		String dom = chromium.dumpDom(this.run.output().resolve("index.html"), Files.createTempDirectory(root, "page"));
		String text = dom.replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ");
		assertThat(text).contains("Entre el 2014 y el 2016 realizamos 241 Juicios de Interés General.",
				"Cerramos 99 juicios de los cuales 76 tuvieron resultado favorable y 23 desfavorable.",
				"a través de «SERNAC en tu barrio» ingresamos 1.012 consultas y 242 reclamos; el canal SERNAC Móvil"
						+ " registró 998 consultas y 240 reclamos.",
				"SERNAC Móvil visitó 36 de las 38 comunas de la región.",
				"Entre el 2014 y el 2016 realizamos 6 estudios sobre calidad y seguridad en el consumo, 146 sondeos de"
						+ " precios y 27 campañas a nivel local, y logramos 503 apariciones en prensa verificadas.",
				"Como servicio organizamos 185 actividades de Educación Financiera, llegando a 12.567 escolares,"
						+ " 2.680 jóvenes y 2.082 adultos mayores.",
				"32 establecimientos educacionales participaron en Educación Financiera.",
				"En 2014, además, realizamos 997 actividades para público general.",
				"Entre el 2014 y el 2016 realizamos 12 mecanismos de Participación Ciudadana (3 cuentas públicas, 2"
						+ " consultas ciudadanas, 4 sesiones del consejo consultivo, 2 conversatorios, 1 otro).",
				"Sernac Móvil se ha planteado el desafío de alcanzar 314 comunas (2017). Meta: 314. Aún no hay datos de 2017.",
				"Meta: 123.802. Aún no hay datos de 2017.", "Meta: 462. Aún no hay datos de 2017.");
		// the account's sections after SERNAC en cifras, in the account's order, ids
		// never clashing with the page's
		List<String> order = List.of("id=\"municipios\"", "id=\"cuenta-juicios\"", "id=\"cuenta-red\"",
				"id=\"cuenta-informacion\"", "id=\"cuenta-educacion\"", "id=\"cuenta-participacion\"",
				"id=\"cuenta-desafios\"", "id=\"calidad\"");
		int previous = -1;
		for (String id : order) {
			int at = dom.indexOf(id);
			assertThat(at).as(id).isGreaterThan(previous);
			previous = at;
		}
		List<String> ids = java.util.regex.Pattern.compile("\\sid=\"([^\"]+)\"")
			.matcher(dom)
			.results()
			.map((m) -> m.group(1))
			.toList();
		List<String> accountIds = ids.stream()
			.filter((id) -> id.startsWith("cuenta") && !id.equals("cuenta_periodo"))
			.toList();
		assertThat(ids).doesNotHaveDuplicates();
		assertThat(accountIds).containsExactly("cuenta", "cuenta-publica", "cuenta-juicios", "cuenta-red",
				"cuenta-informacion", "cuenta-educacion", "cuenta-participacion", "cuenta-desafios");
	}

	@Test
	void theWorkbookHoldsTheAccountsTables() throws Exception {
		try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(
				Files.newInputStream(this.run.output().resolve("tables/sernac_en_cifras.xlsx")))) {
			List<String> sheets = new java.util.ArrayList<>();
			workbook.forEach((sheet) -> sheets.add(sheet.getSheetName()));
			assertThat(sheets).contains("Juicios presentados", "Juicios terminados", "Programas", "Información",
					"Educación en Consumo", "Participación Ciudadana", "Desafíos");
		}
	}

	private List<String> csv(String name) throws Exception {
		String text = Files.readString(this.run.output().resolve("tables").resolve(name), StandardCharsets.UTF_8);
		assertThat(text).startsWith("\uFEFF");
		return List.of(text.substring(1).split("\r\n"));
	}

}
