package cl.sernac.cifras.aggregate;

import cl.sernac.cifras.aggregate.CaseQueries.ChannelYearCount;
import cl.sernac.cifras.merge.StoreFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static cl.sernac.cifras.merge.StoreFixture.row;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The figures read from the counted cases.
 */
class CaseQueriesTests {

	private StoreFixture store;

	private CountedCaseQueries cases;

	@BeforeEach
	void openStore() {
		this.store = new StoreFixture();
		this.cases = this.store.cases();
	}

	@AfterEach
	void closeStore() {
		this.store.close();
	}

	@Test
	void nothingCountedInAnEmptyStore() {
		assertThat(this.cases.byChannelYear()).isEmpty();
		assertThat(this.cases.mobileUnitComunas()).isEmpty();
		assertThat(this.cases.municipalOrganizations()).isEmpty();
		assertThat(this.cases.totalCases()).isZero();
	}

	@Test
	void byChannelYearGroupsByTypeSubtypeChannelAndIntakeYear() {
		// given records of several types, channels and years, on both sides of new year
		this.store.stage(this.store.admit("callcenter_2015.csv"), row("1001").type("CONSULTA").day(20141231),
				row("1002").type("CONSULTA").day(20140101), row("1003").type("CONSULTA").day(20150101),
				row("1004").type("RECLAMO").day(20151231));
		this.store.stage(this.store.admit("oficina_2015.csv"), row("1").soni("DISCONFORMIDAD").day(20150601),
				row("2").soni("RECONOCIMIENTO").day(20150602), row("3").soni("RECONOCIMIENTO").day(20160101),
				row("4").type("CONSULTA").day(20160315));
		this.store.stage(this.store.admit("portal_2016.csv"), row("R-2015-0000001").type("RECLAMO").day(20150707),
				row("S-2016-0000001").soni("SUGERENCIA").day(20160808));
		// when the store is counted
		this.store.mergeAll();
		// then every non-empty combination appears once, in code order, subtype empty but
		// for SONI
		assertThat(this.cases.byChannelYear()).containsExactly(
				new ChannelYearCount("CONSULTA", "", "CALL_CENTER", 2014, 2),
				new ChannelYearCount("CONSULTA", "", "CALL_CENTER", 2015, 1),
				new ChannelYearCount("CONSULTA", "", "OFICINA", 2016, 1),
				new ChannelYearCount("RECLAMO", "", "CALL_CENTER", 2015, 1),
				new ChannelYearCount("RECLAMO", "", "INTERNET", 2015, 1),
				new ChannelYearCount("SONI", "DISCONFORMIDAD", "OFICINA", 2015, 1),
				new ChannelYearCount("SONI", "RECONOCIMIENTO", "OFICINA", 2015, 1),
				new ChannelYearCount("SONI", "RECONOCIMIENTO", "OFICINA", 2016, 1),
				new ChannelYearCount("SONI", "SUGERENCIA", "INTERNET", 2016, 1));
		assertThat(this.cases.totalCases()).isEqualTo(10);
	}

	@Test
	void mobileUnitComunasAreTheDistinctPlacesOfMobileUnitCases() {
		// given visits to Valparaíso (twice, on two days), Viña del Mar and a place not
		// recognised
		this.store.stage(this.store.admit("movil_2015.csv"),
				row("2015-03-02|VALPARAISO|1").day(20150302).comuna("05101").place("05101"),
				row("2015-03-02|VALPARAISO|2").type("RECLAMO").day(20150302).comuna("05101").place("05101"),
				row("2015-04-10|VALPARAISO|1").day(20150410).comuna("05101").place("05101"),
				row("2015-05-05|VINA DEL MAR|1").day(20150505).comuna("05109").place("05109"),
				row("2015-06-06|NINGUNA PARTE|1").day(20150606));
		// and a call-center record of a consumer of another comuna
		this.store.stage(this.store.admit("callcenter_2015.csv"), row("1001").comuna("05801"));
		// when the store is counted
		this.store.mergeAll();
		// then the mobile unit visited two comunas
		assertThat(this.cases.mobileUnitComunas()).containsExactly("05101", "05109");
		assertThat(this.cases.byChannelYear()).containsExactly(
				new ChannelYearCount("CONSULTA", "", "CALL_CENTER", 2015, 1),
				new ChannelYearCount("CONSULTA", "", "MOVIL", 2015, 4),
				new ChannelYearCount("RECLAMO", "", "MOVIL", 2015, 1));
	}

	@Test
	void mobileUnitComunasFollowCorrections() {
		// given a visit recorded in Valparaíso, then corrected to Viña del Mar
		this.store.stage(this.store.admit("movil_2015_01.csv"),
				row("2015-03-02|X|1").day(20150302).comuna("05101").place("05101"));
		this.store.stage(this.store.admit("movil_2015_02.csv"),
				row("2015-03-02|X|1").day(20150302).comuna("05109").place("05109"));
		// when the store is counted
		this.store.mergeAll();
		// then only the corrected place counts
		assertThat(this.cases.mobileUnitComunas()).containsExactly("05109");
	}

	@Test
	void municipalOrganizationsAreTheDistinctOrganizationsOfMunicipalCases() {
		// given records of a municipality and a provincial government, one of them
		// matched to the portal
		this.store.stage(this.store.admit("municipal_2015.csv"),
				row("MUNICIPALIDAD DE QUILPUE|1").organization("MUNICIPALIDAD DE QUILPUE"),
				row("MUNICIPALIDAD DE QUILPUE|2").organization("MUNICIPALIDAD DE QUILPUE").folio("R-2015-0000001"),
				row("GOBERNACION PROVINCIAL DE SAN ANTONIO|1").organization("GOBERNACION PROVINCIAL DE SAN ANTONIO"));
		// and a partner service, and portal rows registered by municipalities (no
		// organization)
		this.store.stage(this.store.admit("convenio_2015.csv"), row("CHILEATIENDE|1").organization("CHILEATIENDE"));
		this.store.stage(this.store.admit("portal_2015.csv"), row("R-2015-0000001").channel("MUNICIPAL"),
				row("R-2015-0000002").channel("MUNICIPAL"));
		// when the store is counted
		this.store.mergeAll();
		// then the municipal organizations are the two, each once
		assertThat(this.cases.municipalOrganizations()).containsExactly("GOBERNACION PROVINCIAL DE SAN ANTONIO",
				"MUNICIPALIDAD DE QUILPUE");
		assertThat(this.cases.byChannelYear()).containsExactly(
				new ChannelYearCount("CONSULTA", "", "CONVENIO", 2015, 1),
				new ChannelYearCount("CONSULTA", "", "MUNICIPAL", 2015, 4));
	}

}
