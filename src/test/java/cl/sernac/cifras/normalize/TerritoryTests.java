package cl.sernac.cifras.normalize;

import cl.sernac.cifras.support.Text;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class TerritoryTests {

	private static final Path REFERENCE = Path.of("src/main/resources/reference");

	private static Territory territory;

	@BeforeAll
	static void load() {
		territory = Territory.load();
	}

	@Test
	void counts() {
		assertThat(territory.regionCount()).isEqualTo(16);
		assertThat(territory.comunaCount()).isEqualTo(346);
		assertThat(territory.regionCodes()).hasSize(16).first().isEqualTo("01");
		assertThat(territory.comunasOfRegion("05")).hasSize(38);
		assertThat(territory.comunasOfRegion("13")).hasSize(52);
		assertThat(territory.comunasOfRegion("16")).hasSize(21);
		int total = territory.regionCodes().stream().mapToInt((code) -> territory.comunasOfRegion(code).size()).sum();
		assertThat(total).isEqualTo(346);
	}

	@Test
	void comunasOfRegionAreSortedCodesOfThatRegion() {
		List<String> codes = territory.comunasOfRegion("05");
		assertThat(codes).isSorted().allMatch((code) -> code.startsWith("05"));
		assertThat(codes).contains("05101", "05109", "05502", "05703");
		assertThat(codes).allMatch((code) -> territory.regionOfComuna(code).equals("05"));
	}

	@Test
	void names() {
		assertThat(territory.regionName("05")).isEqualTo("Valparaíso");
		assertThat(territory.regionOfficialName("05")).isEqualTo("Región de Valparaíso");
		assertThat(territory.regionName("16")).isEqualTo("Ñuble");
		assertThat(territory.comunaName("05109")).isEqualTo("Viña del Mar");
		assertThat(territory.comunaName("05502")).isEqualTo("Calera");
		assertThat(territory.comunaName("05703")).isEqualTo("Llaillay");
		assertThat(territory.regionOfComuna("05109")).isEqualTo("05");
		assertThat(territory.regionOfComuna("13101")).isEqualTo("13");
	}

	@Test
	void unknownCodesAreRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> territory.regionName("99"));
		assertThatIllegalArgumentException().isThrownBy(() -> territory.regionName(null));
		assertThatIllegalArgumentException().isThrownBy(() -> territory.comunaName("99999"));
		assertThatIllegalArgumentException().isThrownBy(() -> territory.regionOfComuna(null));
		assertThatIllegalArgumentException().isThrownBy(() -> territory.comunasOfRegion("5"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "Región de Valparaíso", "VALPARAISO", "Valparaíso", "Valparaiso", "valparaiso", "V", "v",
			"5", "05", " 05 ", "VALPO", "Region de Valparaiso", "REGION DE VALPARAISO", "Valparaíso\u00A0", "V Región",
			"Región V", "V Región de Valparaíso", "5 Valparaiso" })
	void valparaisoSpellings(String raw) {
		assertThat(territory.regionCode(raw)).as(raw).contains("05");
	}

	@ParameterizedTest
	@ValueSource(strings = { "13", "RM", "R.M.", "XIII", "Metropolitana", "METROPOLITANA",
			"Región Metropolitana de Santiago", "Region Metropolitana", "Metropolitana de Santiago" })
	void metropolitanaSpellings(String raw) {
		assertThat(territory.regionCode(raw)).as(raw).contains("13");
	}

	@Test
	void otherRegionSpellings() {
		assertThat(territory.regionCode("Region del Maule")).contains("07");
		assertThat(territory.regionCode("Región del Maule")).contains("07");
		assertThat(territory.regionCode("VII")).contains("07");
		assertThat(territory.regionCode("O'Higgins")).contains("06");
		assertThat(territory.regionCode("OHiggins")).contains("06");
		assertThat(territory.regionCode("Región del Libertador General Bernardo O'Higgins")).contains("06");
		assertThat(territory.regionCode("Libertador General Bernardo O'Higgins")).contains("06");
		assertThat(territory.regionCode("Región de la Araucanía")).contains("09");
		assertThat(territory.regionCode("Araucania")).contains("09");
		assertThat(territory.regionCode("Region de Los Rios")).contains("14");
		assertThat(territory.regionCode("Ñuble")).contains("16");
		assertThat(territory.regionCode("NUBLE")).contains("16");
		assertThat(territory.regionCode("XVI")).contains("16");
		assertThat(territory.regionCode("Biobio")).contains("08");
		assertThat(territory.regionCode("Aysén")).contains("11");
		assertThat(territory.regionCode("Magallanes")).contains("12");
		assertThat(territory.regionCode("I")).contains("01");
		assertThat(territory.regionCode("1")).contains("01");
		assertThat(territory.regionCode("AyP")).contains("15");
	}

	@Test
	void everyRegionResolvesByEachOfItsForms() throws IOException {
		for (String line : dataLines("regiones.csv")) {
			String[] fields = line.split(",", -1);
			String code = fields[0];
			assertThat(territory.regionCode(code)).as(code).contains(code);
			assertThat(territory.regionCode(String.valueOf(Integer.parseInt(code)))).as(code).contains(code);
			assertThat(territory.regionCode(fields[1])).as(fields[1]).contains(code);
			assertThat(territory.regionCode(fields[2])).as(fields[2]).contains(code);
			assertThat(territory.regionCode(fields[3])).as(fields[3]).contains(code);
			assertThat(territory.regionCode(Text.fold(fields[2]))).as(fields[2]).contains(code);
			assertThat(territory.regionCode(Text.fold(fields[3]))).as(fields[3]).contains(code);
			assertThat(territory.regionName(code)).isEqualTo(fields[2]);
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "", " ", "Narnia", "Región de Narnia", "XX", "17", "0", "REGION", "V Region del Maule" })
	void unknownRegions(String raw) {
		assertThat(territory.regionCode(raw)).as(raw).isEmpty();
	}

	@Test
	void nullRegionIsEmpty() {
		assertThat(territory.regionCode(null)).isEmpty();
	}

	@Test
	void comunaSpellings() {
		assertThat(territory.comunaCode("Viña del Mar")).contains("05109");
		assertThat(territory.comunaCode("VINA DEL MAR")).contains("05109");
		assertThat(territory.comunaCode(" viña  del mar ")).contains("05109");
		assertThat(territory.comunaCode("Concón")).contains("05103");
		assertThat(territory.comunaCode("concon")).contains("05103");
		assertThat(territory.comunaCode("CONCON")).contains("05103");
		assertThat(territory.comunaCode("Valparaíso")).contains("05101");
		assertThat(territory.comunaCode("Quilpué")).contains("05801");
		assertThat(territory.comunaCode("Ñuñoa")).contains("13120");
		assertThat(territory.comunaCode("NUNOA")).contains("13120");
		assertThat(territory.comunaCode("O'Higgins")).contains("11302");
		assertThat(territory.comunaCode("OHiggins")).contains("11302");
	}

	@Test
	void comunaAliases() {
		assertThat(territory.comunaCode("La Calera")).contains("05502");
		assertThat(territory.comunaCode("Calera")).contains("05502");
		assertThat(territory.comunaCode("Calera de Tango")).contains("13403");
		assertThat(territory.comunaCode("Llaillay")).contains("05703");
		assertThat(territory.comunaCode("Llay-Llay")).contains("05703");
		assertThat(territory.comunaCode("Llay Llay")).contains("05703");
		assertThat(territory.comunaCode("LlayLlay")).contains("05703");
		assertThat(territory.comunaCode("LLAY - LLAY")).contains("05703");
		assertThat(territory.comunaCode("Til Til")).contains("13303");
		assertThat(territory.comunaCode("Til-Til")).contains("13303");
		assertThat(territory.comunaCode("Los Angeles")).contains("08301");
	}

	@Test
	void comunaCodesAreAccepted() {
		assertThat(territory.comunaCode("05109")).contains("05109");
		assertThat(territory.comunaCode("5109")).contains("05109");
		assertThat(territory.comunaCode("99999")).isEmpty();
		assertThat(territory.comunaCode("05")).isEmpty();
	}

	@Test
	void everyAliasResolvesToItsCode() throws IOException {
		List<String> lines = dataLines("aliases.csv");
		assertThat(lines).isNotEmpty();
		for (String line : lines) {
			String[] fields = line.split(",", -1);
			String level = fields[0];
			String code = fields[1];
			String alias = fields[2];
			Optional<String> resolved = switch (level) {
				case "region" -> territory.regionCode(alias);
				case "comuna" -> territory.comunaCode(alias);
				default -> Optional.of(code);
			};
			assertThat(resolved).as("%s alias %s", level, alias).contains(code);
			if (level.equals("comuna")) {
				assertThat(territory.comunaCode(Text.fold(alias))).as(alias).contains(code);
				assertThat(territory.comunaName(code)).isEqualTo(fields[3]);
			}
		}
	}

	@Test
	void everyOfficialComunaNameResolvesToItsOwnCode() throws IOException {
		List<String> lines = dataLines("comunas.csv");
		assertThat(lines).hasSize(346);
		for (String line : lines) {
			String[] fields = line.split(",", -1);
			String code = fields[4];
			String name = fields[5];
			assertThat(territory.comunaCode(name)).as(name).contains(code);
			assertThat(territory.comunaCode(Text.fold(name))).as(name).contains(code);
			assertThat(territory.comunaCode(name.toLowerCase(java.util.Locale.ROOT))).as(name).contains(code);
			assertThat(territory.comunaName(code)).isEqualTo(name);
			assertThat(territory.regionOfComuna(code)).isEqualTo(fields[0]);
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "  ", "Villa Inexistente", "Narnia", "Región de Valparaíso", "-", "Santiago Norte" })
	void unknownComunas(String raw) {
		assertThat(territory.comunaCode(raw)).as(raw).isEmpty();
	}

	@Test
	void nullComunaIsEmpty() {
		assertThat(territory.comunaCode(null)).isEmpty();
	}

	@Test
	void referenceFilesHoldNoQuotes() throws IOException {
		// The catalog reader handles quotes anyway; this documents the data as shipped.
		for (String file : List.of("regiones.csv", "comunas.csv", "aliases.csv")) {
			assertThat(Files.readString(REFERENCE.resolve(file), StandardCharsets.UTF_8)).as(file).doesNotContain("\"");
		}
	}

	@Test
	void referenceCsvSplitHonoursQuotes() {
		assertThat(ReferenceCsv.split("a,\"b,c\",\"d \"\"e\"\"\",")).containsExactly("a", "b,c", "d \"e\"", "");
	}

	/** Data lines of a reference file, header dropped. */
	private static List<String> dataLines(String file) throws IOException {
		List<String> lines = Files.readAllLines(REFERENCE.resolve(file), StandardCharsets.UTF_8);
		return lines.subList(1, lines.size()).stream().filter((line) -> !line.isBlank()).toList();
	}

}
