package cl.sernac.cifras.reading;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The six default {@link SourceProfile}s of {@code application.yml} and
 * {@link SourceCatalog}'s file-name matching.
 */
class SourceProfileTests {

	@Test
	void eightDefaultProfiles() {
		// given application.yml

		// when
		Map<String, SourceProfile> profiles = DefaultSourceProfiles.all();

		// then
		assertThat(profiles).containsOnlyKeys("callcenter", "portal", "oficina", "municipal", "movil", "convenio",
				"juicios", "actividades");
		assertThat(profiles.get("juicios").recordKind()).isEqualTo(SourceProfile.Kind.JUICIO);
		assertThat(profiles.get("juicios").requiredColumns()).containsExactly("tribunal", "rol", "fecha_presentacion",
				"tipo_accion", "comuna", "estado", "fecha_termino", "resultado");
		assertThat(profiles.get("actividades").recordKind()).isEqualTo(SourceProfile.Kind.ACTIVIDAD);
		assertThat(profiles.get("oficina").requiredColumns()).doesNotContain("PROGRAMA");
		assertThat(profiles.get("oficina").columnNames("programme")).containsExactly("PROGRAMA");
		assertThat(profiles.get("movil").recordKind()).isEqualTo(SourceProfile.Kind.CASO);
		assertThat(profiles.get("callcenter").encoding()).isEqualTo("windows-1252");
		assertThat(profiles.get("callcenter").delimiterChar()).isEqualTo(';');
		assertThat(profiles.get("callcenter").channel()).isEqualTo("CALL_CENTER");
		assertThat(profiles.get("callcenter").keyColumns()).containsExactly("ID_LLAMADA");
		assertThat(profiles.get("callcenter").dateFormats()).containsExactly("dd/MM/yyyy HH:mm:ss");
		assertThat(profiles.get("portal").encoding()).isEqualTo("UTF-8");
		assertThat(profiles.get("portal").delimiterChar()).isEqualTo(',');
		assertThat(profiles.get("portal").central()).isTrue();
		assertThat(profiles.get("portal").channelColumn()).isEqualTo("canal_origen");
		assertThat(profiles.get("portal").channelValues()).containsExactlyInAnyOrderEntriesOf(Map.of("INTERNET",
				List.of("", "internet"), "MUNICIPAL", List.of("municipal"), "CONVENIO", List.of("convenio")));
		assertThat(profiles.get("portal").subtypeValues()).containsOnlyKeys("DISCONFORMIDAD", "RECONOCIMIENTO",
				"SUGERENCIA");
		assertThat(profiles.get("oficina").encoding()).isEqualTo("windows-1252");
		assertThat(profiles.get("oficina").typeValues()).containsOnlyKeys("CONSULTA", "RECLAMO", "SONI");
		assertThat(profiles.get("municipal").keyColumns()).containsExactly("Municipio", "ID Registro");
		assertThat(profiles.get("municipal").columns().organization()).containsExactly("Municipio");
		assertThat(profiles.get("municipal").dateFormats()).containsExactly("d/M/yyyy");
		assertThat(profiles.get("movil").keyColumns()).containsExactly("fecha", "comuna_visitada", "correlativo");
		assertThat(profiles.get("movil").columns().place()).containsExactly("comuna_visitada");
		assertThat(profiles.get("convenio").delimiter()).isEqualTo("\\t");
		assertThat(profiles.get("convenio").delimiterChar()).isEqualTo('\t');
		assertThat(profiles.get("convenio").typeValues()).containsExactlyInAnyOrderEntriesOf(
				Map.of("CONSULTA", List.of("c", "consulta"), "RECLAMO", List.of("r", "reclamo")));
		assertThat(profiles.values()).filteredOn(SourceProfile::central).hasSize(1);
	}

	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource(textBlock = """
			callcenter_2014.csv,          callcenter
			CALLCENTER_2015.CSV,          callcenter
			callcenter_resumen.csv,       callcenter
			portal_2015 (copia).csv,      portal
			Portal_2016.csv,              portal
			oficina_2015.csv,             oficina
			municipal_2015 (copia).csv,   municipal
			MOVIL_2016.csv,               movil
			convenio_2016.Csv,            convenio
			""")
	void fileNamesMatchTheirSourceIgnoringCase(String fileName, String source) {
		// given the default catalog
		SourceCatalog catalog = DefaultSourceProfiles.catalog();

		// when
		Optional<SourceCatalog.Source> match = catalog.match(fileName);

		// then
		assertThat(match).map(SourceCatalog.Source::name).contains(source);
		assertThat(match).map(SourceCatalog.Source::profile).contains(DefaultSourceProfiles.get(source));
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(textBlock = """
			notas_analista.txt
			callcenter_2015.csv.part
			callcenter_2015.txt
			copia de callcenter_2015.csv
			callcenter2015.csv
			""")
	void otherFileNamesMatchNothing(String fileName) {
		// given the default catalog
		SourceCatalog catalog = DefaultSourceProfiles.catalog();

		// when
		Optional<SourceCatalog.Source> match = catalog.match(fileName);

		// then
		assertThat(match).isEmpty();
	}

	@Test
	void summaryFileMatchesCallCenterButLacksItsColumns() throws Exception {
		// given callcenter_resumen.csv (MES;TOTAL), whose name fits callcenter_*.csv
		Path file = Path.of("src/test/resources/samples/callcenter_resumen.csv");
		SourceCatalog.Source source = DefaultSourceProfiles.catalog()
			.match(file.getFileName().toString())
			.orElseThrow();

		// when
		ExportHeader header = ExportFileItemReader.readHeader(file, source.profile(), DefaultSourceProfiles.LIMITS);

		// then it is not ingested: every required column is missing
		assertThat(source.name()).isEqualTo("callcenter");
		assertThat(header.missingColumns()).containsExactly("ID_LLAMADA", "FECHA_HORA", "TIPO_ATENCION", "RUT",
				"REGION", "COMUNA");
	}

	@Test
	void getBySourceName() {
		// given the default catalog
		SourceCatalog catalog = DefaultSourceProfiles.catalog();

		// when
		SourceCatalog.Source movil = catalog.get("movil");

		// then
		assertThat(movil.name()).isEqualTo("movil");
		assertThat(movil.profile().channel()).isEqualTo("MOVIL");
		assertThat(catalog.profiles().keySet()).containsExactly("actividades", "callcenter", "convenio", "juicios",
				"movil", "municipal", "oficina", "portal");
		assertThatIllegalArgumentException().isThrownBy(() -> catalog.get("fax")).withMessage("Unknown source 'fax'");
	}

	@ParameterizedTest(name = "''{0}'' -> {1}")
	@CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
			;      | 59
			,      | 44
			\\t    | 9
			tab    | 9
			TAB    | 9
			""")
	void delimiters(String delimiter, int expectedChar) {
		// given
		SourceProfile profile = profile("x_*.csv", delimiter, List.of("id"), "INTERNET");

		// when
		char delimiterChar = profile.delimiterChar();

		// then
		assertThat((int) delimiterChar).isEqualTo(expectedChar);
	}

	@Test
	void delimiterMustBeOneCharacter() {
		// given
		SourceProfile profile = profile("x_*.csv", ";;", List.of("id"), "INTERNET");

		// when / then
		assertThatIllegalArgumentException().isThrownBy(profile::delimiterChar)
			.withMessage("Delimiter must be one character: ';;'");
	}

	@Test
	void defaultsForEncodingAndDelimiter() {
		// given a profile that names neither
		SourceProfile profile = new SourceProfile("x_*.csv", null, null, "INTERNET", null, null, List.of("id"), false,
				columns(), List.of("yyyy-MM-dd"), Map.of("CONSULTA", List.of("consulta")), null);

		// when / then
		assertThat(profile.encoding()).isEqualTo("UTF-8");
		assertThat(profile.delimiterChar()).isEqualTo(',');
		assertThat(profile.channelValues()).isEmpty();
		assertThat(profile.subtypeValues()).isEmpty();
	}

	@Test
	void catalogRejectsIncompleteProfiles() {
		// given profiles each missing something the pipeline needs
		SourceProfile noPattern = profile(" ", ",", List.of("id"), "INTERNET");
		SourceProfile noKey = profile("x_*.csv", ",", List.of(), "INTERNET");
		SourceProfile noChannel = profile("x_*.csv", ",", List.of("id"), null);
		SourceProfile badDelimiter = profile("x_*.csv", "ab", List.of("id"), "INTERNET");

		// when / then
		assertThatIllegalStateException().isThrownBy(() -> new SourceCatalog(Map.of("x", noPattern)))
			.withMessage("Source profile 'x': file-pattern is required");
		assertThatIllegalStateException().isThrownBy(() -> new SourceCatalog(Map.of("x", noKey)))
			.withMessage("Source profile 'x': key-columns is required");
		assertThatIllegalStateException().isThrownBy(() -> new SourceCatalog(Map.of("x", noChannel)))
			.withMessage("Source profile 'x': channel or channel-column is required");
		assertThatIllegalArgumentException().isThrownBy(() -> new SourceCatalog(Map.of("x", badDelimiter)))
			.withMessage("Delimiter must be one character: 'ab'");
	}

	@Test
	void globCharactersAreTheOnlySpecialOnes() {
		// given a pattern with regex metacharacters and '?'
		SourceProfile profile = profile("export(1).v?.csv", ",", List.of("id"), "INTERNET");

		// when / then
		assertThat(profile.matches("export(1).v2.csv")).isTrue();
		assertThat(profile.matches("EXPORT(1).V9.CSV")).isTrue();
		assertThat(profile.matches("export1.v2.csv")).isFalse();
		assertThat(profile.matches("export(1)xv2.csv")).isFalse();
		assertThat(profile.matches("export(1).v22.csv")).isFalse();
	}

	private static SourceProfile profile(String pattern, String delimiter, List<String> keyColumns, String channel) {
		return new SourceProfile(pattern, "UTF-8", delimiter, channel, null, null, keyColumns, false, columns(),
				List.of("yyyy-MM-dd"), Map.of("CONSULTA", List.of("consulta")), null);
	}

	private static SourceProfile.Columns columns() {
		return new SourceProfile.Columns("fecha", "tipo", null, null, null, null, null, null, null);
	}

}
