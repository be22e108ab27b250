package cl.sernac.cifras.system;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import cl.sernac.cifras.ChildRun;
import cl.sernac.cifras.CifrasRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The configuration is checked at start, wherever it comes from; a channel declared in
 * the catalogue is a channel like the six of SPEC.
 */
class ConfigurationCheckFunctionalTests {

	@TempDir
	Path root;

	@Test
	void aBrokenConfigurationStopsTheStartWithEveryProblemAndExit2() throws Exception {
		// given a config/application.yml with mistakes in the folder the run starts from
		Path workingDirectory = Files.createDirectories(this.root.resolve("work"));
		Files.createDirectories(workingDirectory.resolve("config"));
		Files.writeString(workingDirectory.resolve("config/application.yml"), """
				cifras:
				  chunk-sise: 5000
				  sources:
				    portal:
				      channel-values:
				        MUNICIPL: [municipal]
				    movil:
				      date-formats: ["yyyy-MM-dd'T"]
				    totem:
				      file-pattern: "*.csv"
				      channel: OFICINA
				      key-columns: [id]
				      columns:
				        date: fecha
				      date-formats: ["yyyy-MM-dd"]
				      type-values:
				        CONSULTA: [c]
				""", StandardCharsets.UTF_8);
		CifrasRun run = CifrasRun.in(this.root);
		Files.writeString(run.input().resolve("movil_2017_01.csv"), "fecha,comuna_visitada,correlativo,tipo,rut\n");

		// when the application starts with it, and a misspelt property on the command
		// line
		ChildRun child = ChildRun.startIn(workingDirectory, run, "--cifras.sources.oficina.chanel=OFICINA");
		int exit = child.waitForExit(120);

		// then it says every problem in one line each, and does nothing
		String output = child.output();
		assertThat(exit).as(output).isEqualTo(CifrasExit.USAGE);
		assertThat(output).contains(
				"Cifras: Configuración: propiedad desconocida cifras.chunk-sise; ¿quiso decir cifras.chunk-size? "
						+ "(en config/application.yml)",
				"Cifras: Configuración: fuente «oficina», propiedad desconocida cifras.sources.oficina.chanel; "
						+ "¿quiso decir cifras.sources.oficina.channel? (en la línea de órdenes)",
				"Cifras: Configuración: fuente «portal», cifras.sources.portal.channel-values: canal desconocido "
						+ "«MUNICIPL»; ¿quiso decir MUNICIPAL?",
				"Cifras: Configuración: fuente «movil», cifras.sources.movil.date-formats: formato de fecha no válido "
						+ "«yyyy-MM-dd'T»",
				"Cifras: Configuración: fuente «totem», cifras.sources.totem.columns.type: falta la columna del tipo",
				"Cifras: Configuración: las fuentes «movil» y «totem» reconocen los mismos archivos: «movil_x.csv»",
				"problemas de configuración; no se hizo nada.");
		assertThat(output).doesNotContain("\tat ").doesNotContain("Exception");
		assertThat(run.data()).doesNotExist();
		assertThat(run.input().resolve("movil_2017_01.csv")).exists();
	}

	@Test
	void aTargetForAnIndicatorThatDoesNotExistStopsTheStartWithExit2() throws Exception {
		// given targets in config/application.yml, one for no indicator the account has
		Path workingDirectory = Files.createDirectories(this.root.resolve("work"));
		Files.createDirectories(workingDirectory.resolve("config"));
		Files.writeString(workingDirectory.resolve("config/application.yml"), """
				cifras:
				  account:
				    targets:
				      - indicator: comunas-movil
				        year: 2017
				        value: 314
				        sentence: "Sernac Móvil se ha planteado el desafío de alcanzar 314 comunas"
				      - indicator: ferias-de-consumo
				        year: 2017
				        value: 20
				        sentense: "Veinte ferias"
				""", StandardCharsets.UTF_8);
		CifrasRun run = CifrasRun.in(this.root);

		// when the application starts with it
		ChildRun child = ChildRun.startIn(workingDirectory, run);
		int exit = child.waitForExit(120);

		// then it names the target, the unknown indicator and the misspelt property, and
		// does nothing
		String output = child.output();
		assertThat(exit).as(output).isEqualTo(CifrasExit.USAGE);
		assertThat(output).contains(
				"Cifras: Configuración: meta 2, cifras.account.targets[1].indicator: indicador desconocido "
						+ "«ferias-de-consumo»; se conocen comunas-movil, personas-educacion-financiera, "
						+ "establecimientos-educacion-financiera, juicios-interes-general, consultas, reclamos, soni",
				"Cifras: Configuración: meta, propiedad desconocida cifras.account.targets[1].sentense; "
						+ "¿quiso decir cifras.account.targets[].sentence? (en config/application.yml)",
				"Cifras: Configuración: meta 2, cifras.account.targets[1].sentence: falta la frase que presenta la meta",
				"problemas de configuración; no se hizo nada.");
		assertThat(run.data()).doesNotExist();
	}

	@Test
	void anApplicationStartedOtherwiseRefusesABrokenConfigurationToo() throws Exception {
		CifrasRun run = CifrasRun.in(this.root);
		assertThatThrownBy(() -> run.run("--cifras.sources.portal.channel=INTERNE")).rootCause()
			.isInstanceOf(ConfigurationProblems.class)
			.hasMessage("Configuración: fuente «portal», cifras.sources.portal.channel: canal desconocido «INTERNE»; "
					+ "¿quiso decir INTERNET?");
	}

	@Test
	void aChannelDeclaredInTheCatalogueIsShownLikeTheOthers() throws Exception {
		// given a new channel in the catalogue and a source that uses it
		Path config = this.root.resolve("application.yml");
		Files.writeString(config, """
				cifras:
				  channels:
				    totem:
				      code: TOTEM
				      label: Tótems de autoatención
				      color: "#F0E442"
				      order: 7
				  sources:
				    totem:
				      file-pattern: "totem_*.csv"
				      encoding: UTF-8
				      delimiter: ";"
				      channel: TOTEM
				      key-columns: [id_totem, correlativo]
				      columns:
				        date: fecha
				        type: tipo
				      date-formats: ["yyyy-MM-dd"]
				      type-values:
				        CONSULTA: [consulta, c]
				        RECLAMO: [reclamo, r]
				""", StandardCharsets.UTF_8);
		CifrasRun run = CifrasRun.in(this.root);
		Files.writeString(run.input().resolve("totem_2017_01.csv"), """
				id_totem;correlativo;fecha;tipo
				T1;1;2017-01-10;C
				T1;2;2017-01-11;r
				T2;1;2017-02-01;c
				""", StandardCharsets.UTF_8);
		Files.writeString(run.input().resolve("movil_2017_01.csv"), """
				fecha,comuna_visitada,correlativo,tipo,rut
				2017-01-12,Quilpué,1,CONSULTA,
				""", StandardCharsets.UTF_8);

		// when the pipeline runs with it
		int exit = run.run("--spring.config.additional-location=file:" + config);

		// then the channel is counted, named and coloured as declared, after the six
		assertThat(exit).isZero();
		assertThat(Files.readAllLines(run.output().resolve("tables/by_channel_year.csv"))).containsExactly(
				"record_type,subtype,channel,year,records", "CONSULTA,,MOVIL,2017,1", "CONSULTA,,TOTEM,2017,2",
				"RECLAMO,,TOTEM,2017,1");
		List<String> mix = Files.readAllLines(run.output().resolve("tables/por_tipo_canal_anio.csv"),
				StandardCharsets.UTF_8);
		assertThat(String.join("\n", mix)).contains("Consultas;SERNAC Móvil;2017;1")
			.contains("Consultas;Tótems de autoatención;2017;2");
		assertThat(String.join("\n", mix).indexOf("SERNAC Móvil"))
			.isLessThan(String.join("\n", mix).indexOf("Tótems de autoatención"));
		String page = Files.readString(run.output().resolve("index.html"));
		assertThat(page).contains("Tótems de autoatención").contains("#F0E442").doesNotContain(">TOTEM<");
	}

}
