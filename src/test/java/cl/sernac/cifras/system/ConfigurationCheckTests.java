package cl.sernac.cifras.system;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each mistake in the configuration gives its own line, naming the profile and the
 * property.
 */
class ConfigurationCheckTests {

	@Test
	void theBundledConfigurationHasNoProblem() {
		assertThat(ConfigurationCheck.problems(environment(Map.of()))).isEmpty();
	}

	@Test
	void anUnknownChannelCodeIsRefusedWithTheNearestOne() {
		assertThat(problems(Map.of("cifras.sources.portal.channel-values.MUNICIPL[0]", "municipal")))
			.containsExactly("Configuración: fuente «portal», cifras.sources.portal.channel-values: canal desconocido "
					+ "«MUNICIPL»; ¿quiso decir MUNICIPAL?");
		assertThat(problems(Map.of("cifras.sources.oficina.channel", "OFICINAS"))).containsExactly(
				"Configuración: fuente «oficina», cifras.sources.oficina.channel: canal desconocido «OFICINAS»; "
						+ "¿quiso decir OFICINA?");
	}

	@Test
	void unknownTypeAndSubtypeCodesAreRefused() {
		assertThat(problems(Map.of("cifras.sources.oficina.type-values.RECLAMOS[0]", "r",
				"cifras.sources.oficina.subtype-values.SUJERENCIA[0]", "s")))
			.containsExactlyInAnyOrder(
					"Configuración: fuente «oficina», cifras.sources.oficina.type-values: tipo desconocido «RECLAMOS»; "
							+ "¿quiso decir RECLAMO?",
					"Configuración: fuente «oficina», cifras.sources.oficina.subtype-values: subtipo desconocido "
							+ "«SUJERENCIA»; ¿quiso decir SUGERENCIA?");
	}

	@Test
	void unknownPropertyNamesAreRefusedFromEverySource() {
		assertThat(problems(Map.of("cifras.sources.portal.chanel", "INTERNET"))).containsExactly(
				"Configuración: fuente «portal», propiedad desconocida cifras.sources.portal.chanel; ¿quiso decir "
						+ "cifras.sources.portal.channel? (en config/application.yml)");
		assertThat(problems(Map.of("cifras.sources.portal.colums.date", "fecha"))).containsExactly(
				"Configuración: fuente «portal», propiedad desconocida cifras.sources.portal.colums.date; ¿quiso decir "
						+ "cifras.sources.portal.columns.date? (en config/application.yml)");
		assertThat(problems(Map.of("cifras.sources.portal.columns.fecha", "fecha"))).containsExactly(
				"Configuración: fuente «portal», propiedad desconocida cifras.sources.portal.columns.fecha "
						+ "(en config/application.yml)");
		assertThat(problems(Map.of("cifras.chunk-sise", "5")))
			.containsExactly("Configuración: propiedad desconocida cifras.chunk-sise; ¿quiso decir cifras.chunk-size? "
					+ "(en config/application.yml)");
		assertThat(problems(Map.of("cifras.channels.totem.colour", "#000000", "cifras.channels.totem.label", "Tótems",
				"cifras.channels.totem.order", "7")))
			.containsExactlyInAnyOrder(
					"Configuración: canal «totem», propiedad desconocida cifras.channels.totem.colour; ¿quiso decir "
							+ "cifras.channels.totem.color? (en config/application.yml)",
					"Configuración: canal «totem», cifras.channels.totem.color: falta el color (se escribe #RRGGBB, "
							+ "p. ej. #0072B2)");
	}

	@Test
	void environmentVariablesAreCheckedButTheOnesReadAsVariablesAreNot() {
		StandardEnvironment environment = environment(Map.of());
		environment.getPropertySources()
			.addLast(new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
					Map.of("CIFRAS_CHUNK_SIZE", "5", "CIFRAS_CHUNKSIZ", "5", "CIFRAS_RUT_SECRET", "x", "CIFRAS_DB_URL",
							"jdbc:postgresql://h/c", "CIFRAS_SOURCES_PORTAL_CHANNEL", "INTERNET", "CIFRAS_TIME_ZONE",
							"UTC", "PATH", "/bin")));
		assertThat(ConfigurationCheck.problems(environment)).containsExactly(
				"Configuración: variable desconocida CIFRAS_CHUNKSIZ; ¿quiso decir CIFRAS_CHUNK_SIZE? (en el entorno)");
	}

	@Test
	void everyDocumentedPropertyIsKnown() {
		assertThat(problems(Map.of("cifras.time-zone", "UTC", "cifras.records.memory-limit", "512MB",
				"cifras.intake.archive", "false", "cifras.report.region", "05", "cifras.chunkSize", "10")))
			.isEmpty();
	}

	@Test
	void accountProfilesTakeTheirOwnCodesAndKinds() {
		assertThat(problems(Map.of("cifras.sources.actividades.type-values.VOLUNTARIADO[0]", "voluntariado",
				"cifras.sources.juicios.kind", "juicios")))
			.contains(
					"Configuración: fuente «actividades», cifras.sources.actividades.type-values: tipo desconocido «VOLUNTARIADO»; se conocen EDUCACION_FINANCIERA, EDUCACION_GENERAL, ESTUDIO, SONDEO_PRECIOS, CAMPANA, PRENSA, PARTICIPACION",
					"Configuración: fuente «juicios», cifras.sources.juicios.kind: clase de registros desconocida «juicios»; se conocen caso, juicio, actividad");
	}

	@Test
	void targetsNameAKnownIndicatorAndChannel() {
		Map<String, Object> targets = new java.util.LinkedHashMap<>();
		targets.put("cifras.account.targets[0].indicator", "comunas-movil");
		targets.put("cifras.account.targets[0].year", "2017");
		targets.put("cifras.account.targets[0].value", "314");
		targets.put("cifras.account.targets[0].sentence",
				"Sernac Móvil se ha planteado el desafío de alcanzar 314 comunas");
		targets.put("cifras.account.targets[1].indicator", "consultas");
		targets.put("cifras.account.targets[1].channel", "MOVIL");
		targets.put("cifras.account.targets[1].year", "2017");
		targets.put("cifras.account.targets[1].value", "1000");
		targets.put("cifras.account.targets[1].sentence", "Mil consultas");
		assertThat(problems(targets)).isEmpty();
		targets.put("cifras.account.targets[2].indicator", "comunas-mobil");
		targets.put("cifras.account.targets[2].year", "2017");
		targets.put("cifras.account.targets[2].value", "0");
		targets.put("cifras.account.targets[3].indicator", "juicios-interes-general");
		targets.put("cifras.account.targets[3].channel", "MOVIL");
		targets.put("cifras.account.targets[3].year", "2017");
		targets.put("cifras.account.targets[3].value", "80");
		targets.put("cifras.account.targets[3].sentence", "Ochenta juicios");
		targets.put("cifras.account.targets[4].indicator", "comunas-movil");
		targets.put("cifras.account.targets[4].year", "2017");
		targets.put("cifras.account.targets[4].value", "300");
		targets.put("cifras.account.targets[4].sentence", "Otra vez");
		assertThat(problems(targets)).containsExactly(
				"Configuración: meta 3, cifras.account.targets[2].indicator: indicador desconocido «comunas-mobil»; ¿quiso decir comunas-movil?",
				"Configuración: meta 3, cifras.account.targets[2].value: la cifra de la meta debe ser mayor que 0",
				"Configuración: meta 3, cifras.account.targets[2].sentence: falta la frase que presenta la meta",
				"Configuración: meta 4, cifras.account.targets[3].channel: el indicador «juicios-interes-general» no se cuenta por canal",
				"Configuración: meta 5, cifras.account.targets[4].indicator: ya hay una meta de «comunas-movil» para 2017");
	}

	@Test
	void aBadDateFormatIsRefused() {
		assertThat(problems(Map.of("cifras.sources.movil.date-formats[0]", "yyyy-MM-dd'T"))).containsExactly(
				"Configuración: fuente «movil», cifras.sources.movil.date-formats: formato de fecha no válido "
						+ "«yyyy-MM-dd'T»");
	}

	@Test
	void aRequiredRoleWithoutAColumnIsRefused() {
		Map<String, Object> totem = totem();
		totem.remove("cifras.sources.totem.columns.type");
		assertThat(problems(totem)).containsExactly(
				"Configuración: fuente «totem», cifras.sources.totem.columns.type: falta la columna del tipo (o constants.type)");
	}

	@Test
	void overlappingFilePatternsAreRefusedNamingAFileBothWouldTake() {
		Map<String, Object> totem = totem();
		totem.put("cifras.sources.totem.file-pattern", "portal_2015*.csv");
		assertThat(problems(totem)).containsExactly("Configuración: las fuentes «portal» y «totem» reconocen los "
				+ "mismos archivos: «portal_2015x.csv» coincide con cifras.sources.portal.file-pattern «portal_*.csv» "
				+ "y con cifras.sources.totem.file-pattern «portal_2015*.csv»");
		totem.put("cifras.sources.totem.file-pattern", "*.CSV");
		assertThat(problems(totem)).hasSize(8).allSatisfy((line) -> assertThat(line).contains("«totem»"));
		totem.put("cifras.sources.totem.file-pattern", "totem_??.csv");
		assertThat(problems(totem)).isEmpty();
	}

	@Test
	void aNewChannelInTheCatalogueMayBeNamedByAProfile() {
		Map<String, Object> totem = totem();
		totem.put("cifras.sources.totem.channel", "TOTEM");
		assertThat(problems(totem)).containsExactly("Configuración: fuente «totem», cifras.sources.totem.channel: "
				+ "canal desconocido «TOTEM»; se conocen CALL_CENTER, INTERNET, OFICINA, MUNICIPAL, MOVIL, CONVENIO");
		totem.putAll(Map.of("cifras.channels.totem.label", "Tótems", "cifras.channels.totem.color", "#F0E442",
				"cifras.channels.totem.order", "7"));
		assertThat(problems(totem)).isEmpty();
	}

	@Test
	void everyProblemIsListedAtOnce() {
		assertThat(problems(Map.of("cifras.chunk-sise", "5", "cifras.sources.portal.channel-values.MUNICIPL[0]", "m",
				"cifras.sources.movil.date-formats[0]", "yyyy-MM-dd'T", "cifras.channels.oficina.color", "verde")))
			.hasSize(4);
	}

	/** A seventh source that is right as it is. */
	private static Map<String, Object> totem() {
		Map<String, Object> totem = new LinkedHashMap<>();
		totem.put("cifras.sources.totem.file-pattern", "totem_*.csv");
		totem.put("cifras.sources.totem.channel", "OFICINA");
		totem.put("cifras.sources.totem.key-columns[0]", "id");
		totem.put("cifras.sources.totem.columns.date", "fecha");
		totem.put("cifras.sources.totem.columns.type", "tipo");
		totem.put("cifras.sources.totem.date-formats[0]", "yyyy-MM-dd");
		totem.put("cifras.sources.totem.type-values.CONSULTA[0]", "c");
		return totem;
	}

	private static List<String> problems(Map<String, Object> configuration) {
		return ConfigurationCheck.problems(environment(configuration));
	}

	/**
	 * The bundled application.yml with a {@code config/application.yml} over it, as
	 * Spring gathers them.
	 */
	private static StandardEnvironment environment(Map<String, Object> configuration) {
		StandardEnvironment environment = new StandardEnvironment();
		MutablePropertySources sources = environment.getPropertySources();
		sources.remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
		sources.remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
		sources.addLast(new MapPropertySource(
				"Config resource 'file [config/application.yml]' via location 'optional:file:./config/'",
				configuration));
		try {
			new YamlPropertySourceLoader().load("application.yml", new ClassPathResource("application.yml"))
				.forEach(sources::addLast);
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		return environment;
	}

}
