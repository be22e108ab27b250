package cl.sernac.cifras.report;

import cl.sernac.cifras.normalize.Territory;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class InstitutionsTests {

	private final Institutions institutions = new Institutions(Territory.load());

	@Test
	void officialSpellingOfThePlaceIsRestored() {
		assertThat(this.institutions.name("MUNICIPALIDAD DE QUILPUE")).isEqualTo("Municipalidad de Quilpué");
		assertThat(this.institutions.name("MUNICIPALIDAD DE VINA DEL MAR")).isEqualTo("Municipalidad de Viña del Mar");
		assertThat(this.institutions.name("MUNICIPALIDAD DE LA CALERA")).isEqualTo("Municipalidad de Calera");
		assertThat(this.institutions.name("GOBERNACION PROVINCIAL DE SAN ANTONIO"))
			.isEqualTo("Gobernación Provincial de San Antonio");
	}

	@Test
	void otherNamesAreWrittenInTitleCase() {
		assertThat(this.institutions.name("GOBERNACION PROVINCIAL DE MARGA MARGA"))
			.isEqualTo("Gobernación Provincial de Marga Marga");
		assertThat(this.institutions.name("CORPORACION DE ASISTENCIA JUDICIAL"))
			.isEqualTo("Corporacion de Asistencia Judicial");
	}

	@Test
	void kind() {
		assertThat(Institutions.kind("GOBERNACION PROVINCIAL DE SAN ANTONIO")).isEqualTo("Gobernación provincial");
		assertThat(Institutions.kind("MUNICIPALIDAD DE QUILPUE")).isEqualTo("Municipalidad");
	}

}
