package cl.sernac.cifras.aggregate;

import cl.sernac.cifras.aggregate.CaseQueries.ChannelYearCount;
import cl.sernac.cifras.merge.StoreFixture;
import cl.sernac.cifras.merge.StoreFixture.FileStats;
import cl.sernac.cifras.merge.StoreFixture.StagedFile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static cl.sernac.cifras.merge.StoreFixture.row;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rule 2: a portal (central) row and a municipal or partner row with the same central
 * folio are one case, counted with the municipal or partner row's channel, type and date
 * (view {@code counted_case}).
 */
class CountedCaseTests {

	/** The store the rules are checked on; one merger for all files, as in one run. */
	StoreFixture newStore() {
		return new StoreFixture();
	}

	private static final String FOLIO = "R-2015-0012345";

	private static final String QUILPUE = "MUNICIPALIDAD DE QUILPUE";

	private StoreFixture store;

	private CountedCaseQueries cases;

	@BeforeEach
	void openStore() {
		this.store = newStore();
		this.cases = this.store.cases();
	}

	@AfterEach
	void closeStore() {
		this.store.close();
	}

	@Test
	void portalAndMunicipalRowsWithTheSameFolioAreOneMunicipalCaseOfTheIntakeYear() {
		// given a complaint taken by a municipality on 30 December 2015, entered
		// centrally in
		// January 2016 (and typed there as a consultation)
		this.store.stage(this.store.admit("municipal_2015.csv"),
				row(QUILPUE + "|12").type("RECLAMO").day(20151230).comuna("05801").folio(FOLIO).organization(QUILPUE));
		this.store.stage(this.store.admit("portal_2016.csv"),
				row(FOLIO).type("CONSULTA").day(20160104).channel("MUNICIPAL").comuna("05101"));
		// when both are applied
		this.store.mergeAll();
		// then it is one case: the municipal complaint of 2015
		assertThat(this.store.recordCount()).isEqualTo(2);
		assertThat(this.cases.totalCases()).isEqualTo(1);
		assertThat(this.cases.byChannelYear())
			.containsExactly(new ChannelYearCount("RECLAMO", "", "MUNICIPAL", 2015, 1));
		assertThat(this.store.records().queryForObject("SELECT comuna_code FROM counted_case", String.class))
			.isEqualTo("05801");
		assertThat(this.cases.municipalOrganizations()).containsExactly(QUILPUE);
	}

	@Test
	void portalRowFromAMunicipalityCountsAsMunicipalBeforeTheMunicipalExportArrives() {
		// given only the portal's copy of a case a municipality registered
		this.store.stage(this.store.admit("portal_2015.csv"),
				row(FOLIO).type("RECLAMO").day(20150310).channel("MUNICIPAL"));
		// when it is applied
		this.store.mergeAll();
		// then it counts once, under the municipal channel, with no municipality known
		assertThat(this.cases.totalCases()).isEqualTo(1);
		assertThat(this.cases.byChannelYear())
			.containsExactly(new ChannelYearCount("RECLAMO", "", "MUNICIPAL", 2015, 1));
		assertThat(this.cases.municipalOrganizations()).isEmpty();
	}

	@Test
	void portalInternetRowWithTheFolioOfAPartnerRowCountsUnderConvenio() {
		// given a portal row that says internet and a partner row with its folio
		this.store.stage(this.store.admit("portal_2015.csv"),
				row(FOLIO).type("RECLAMO").day(20150402).channel("INTERNET"));
		this.store.stage(this.store.admit("convenio_2015.csv"),
				row("CHILEATIENDE|77").type("CONSULTA").day(20150331).folio(FOLIO).organization("CHILEATIENDE"));
		// when both are applied
		this.store.mergeAll();
		// then it is one partner-service case with the partner row's type
		assertThat(this.cases.totalCases()).isEqualTo(1);
		assertThat(this.cases.byChannelYear())
			.containsExactly(new ChannelYearCount("CONSULTA", "", "CONVENIO", 2015, 1));
	}

	@Test
	void twoNonCentralRowsWithTheSameFolioAreOneCaseTheLatestApplied() {
		// given a central case whose folio a municipality and, later, a partner service
		// both carry
		this.store.stage(this.store.admit("convenio_2015.csv"),
				row("CHILEATIENDE|77").type("RECLAMO").day(20150301).folio(FOLIO).organization("CHILEATIENDE"));
		this.store.stage(this.store.admit("municipal_2015.csv"),
				row(QUILPUE + "|12").type("CONSULTA").day(20150302).folio(FOLIO).organization(QUILPUE));
		this.store.stage(this.store.admit("portal_2015.csv"), row(FOLIO).type("RECLAMO").day(20150305));
		// when they are applied
		this.store.mergeAll();
		// then one case counts: the municipal row, applied last
		assertThat(this.store.recordCount()).isEqualTo(3);
		assertThat(this.cases.totalCases()).isEqualTo(1);
		assertThat(this.cases.byChannelYear())
			.containsExactly(new ChannelYearCount("CONSULTA", "", "MUNICIPAL", 2015, 1));
	}

	@Test
	void twoNonCentralRowsWithTheSameFolioInOneFileAreOneCaseTheLaterLine() {
		// given two municipalities of one export that both registered the same central
		// case
		this.store.stage(this.store.admit("municipal_2015.csv"),
				row(QUILPUE + "|12").type("CONSULTA").folio(FOLIO).organization(QUILPUE),
				row("MUNICIPALIDAD DE VILLA ALEMANA|3").type("RECLAMO")
					.folio(FOLIO)
					.organization("MUNICIPALIDAD DE VILLA ALEMANA"));
		// when it is applied
		this.store.mergeAll();
		// then one case counts, the later line's
		assertThat(this.cases.totalCases()).isEqualTo(1);
		assertThat(this.cases.byChannelYear())
			.containsExactly(new ChannelYearCount("RECLAMO", "", "MUNICIPAL", 2015, 1));
		assertThat(this.cases.municipalOrganizations()).containsExactly("MUNICIPALIDAD DE VILLA ALEMANA");
	}

	@Test
	void intakeRowFirstThenPortalRow() {
		// given the municipal row applied
		this.store.stage(this.store.admit("municipal_2015.csv"),
				row(QUILPUE + "|12").type("RECLAMO").day(20151230).folio(FOLIO).organization(QUILPUE));
		this.store.mergeAll();
		assertThat(this.cases.byChannelYear())
			.containsExactly(new ChannelYearCount("RECLAMO", "", "MUNICIPAL", 2015, 1));
		// when the portal row arrives in a later file
		this.store.stage(this.store.admit("portal_2016.csv"),
				row(FOLIO).type("CONSULTA").day(20160104).channel("INTERNET"));
		this.store.mergeAll();
		// then it is still the one municipal case
		assertThat(this.cases.totalCases()).isEqualTo(1);
		assertThat(this.cases.byChannelYear())
			.containsExactly(new ChannelYearCount("RECLAMO", "", "MUNICIPAL", 2015, 1));
	}

	@Test
	void portalRowFirstThenIntakeRow() {
		// given the portal row applied: it counts under its own channel
		this.store.stage(this.store.admit("portal_2016.csv"),
				row(FOLIO).type("CONSULTA").day(20160104).channel("INTERNET"));
		this.store.mergeAll();
		assertThat(this.cases.byChannelYear())
			.containsExactly(new ChannelYearCount("CONSULTA", "", "INTERNET", 2016, 1));
		// when the municipal row arrives in a later file
		this.store.stage(this.store.admit("municipal_2015.csv"),
				row(QUILPUE + "|12").type("RECLAMO").day(20151230).folio(FOLIO).organization(QUILPUE));
		this.store.mergeAll();
		// then the case moves to the municipal row's channel, type and year
		assertThat(this.cases.totalCases()).isEqualTo(1);
		assertThat(this.cases.byChannelYear())
			.containsExactly(new ChannelYearCount("RECLAMO", "", "MUNICIPAL", 2015, 1));
	}

	@Test
	void rowsWithoutFolioAreEachTheirOwnCase() {
		// given municipal and partner rows without folio, and portal rows matched by no
		// one
		this.store.stage(this.store.admit("municipal_2015.csv"),
				row(QUILPUE + "|12").type("RECLAMO").organization(QUILPUE),
				row(QUILPUE + "|13").type("RECLAMO").organization(QUILPUE));
		this.store.stage(this.store.admit("convenio_2015.csv"),
				row("CHILEATIENDE|77").type("CONSULTA").organization("CHILEATIENDE"));
		this.store.stage(this.store.admit("portal_2015.csv"), row("R-2015-0000001").type("RECLAMO"),
				row("R-2015-0000002").type("RECLAMO").channel("CONVENIO"));
		// when they are applied
		this.store.mergeAll();
		// then each row is a case
		assertThat(this.cases.totalCases()).isEqualTo(5);
		assertThat(this.cases.byChannelYear()).containsExactly(
				new ChannelYearCount("CONSULTA", "", "CONVENIO", 2015, 1),
				new ChannelYearCount("RECLAMO", "", "CONVENIO", 2015, 1),
				new ChannelYearCount("RECLAMO", "", "INTERNET", 2015, 1),
				new ChannelYearCount("RECLAMO", "", "MUNICIPAL", 2015, 2));
	}

	@Test
	void nonCentralRowWithAFolioTheCentralSystemDoesNotHaveIsItsOwnCase() {
		// given a municipal row whose folio no portal row carries, and an unrelated
		// portal row
		this.store.stage(this.store.admit("municipal_2015.csv"),
				row(QUILPUE + "|12").type("RECLAMO").folio(FOLIO).organization(QUILPUE));
		this.store.stage(this.store.admit("portal_2015.csv"), row("R-2015-0099999").type("CONSULTA"));
		// when they are applied
		this.store.mergeAll();
		// then both count
		assertThat(this.cases.totalCases()).isEqualTo(2);
		assertThat(this.cases.byChannelYear()).containsExactly(
				new ChannelYearCount("CONSULTA", "", "INTERNET", 2015, 1),
				new ChannelYearCount("RECLAMO", "", "MUNICIPAL", 2015, 1));
	}

	@Test
	void correctionThatRemovesTheFolioSplitsTheCase() {
		// given a municipal row matched to a portal row
		this.store.stage(this.store.admit("municipal_2015_01.csv"),
				row(QUILPUE + "|12").type("RECLAMO").folio(FOLIO).organization(QUILPUE));
		this.store.stage(this.store.admit("portal_2015.csv"), row(FOLIO).type("CONSULTA").channel("INTERNET"));
		this.store.mergeAll();
		assertThat(this.cases.totalCases()).isEqualTo(1);
		// when a later municipal export corrects the row: it had no folio
		this.store.stage(this.store.admit("municipal_2015_02.csv"),
				row(QUILPUE + "|12").type("RECLAMO").organization(QUILPUE));
		this.store.mergeAll();
		// then they are two cases
		assertThat(this.cases.totalCases()).isEqualTo(2);
		assertThat(this.cases.byChannelYear()).containsExactly(
				new ChannelYearCount("CONSULTA", "", "INTERNET", 2015, 1),
				new ChannelYearCount("RECLAMO", "", "MUNICIPAL", 2015, 1));
	}

	@Test
	void unchangedRedeliveryDoesNotChangeWhichRowOfAFolioCounts() {
		// given a municipal row and a later partner row with the same folio: the partner
		// row counts
		this.store.stage(this.store.admit("municipal_2015_01.csv"),
				row(QUILPUE + "|12").type("RECLAMO").folio(FOLIO).organization(QUILPUE));
		this.store.stage(this.store.admit("convenio_2015.csv"),
				row("CHILEATIENDE|77").type("CONSULTA").folio(FOLIO).organization("CHILEATIENDE"));
		this.store.mergeAll();
		assertThat(this.cases.byChannelYear())
			.containsExactly(new ChannelYearCount("CONSULTA", "", "CONVENIO", 2015, 1));
		// when an overlapping municipal export repeats the municipal row unchanged
		StagedFile overlap = this.store.stage(this.store.admit("municipal_2015_02.csv"),
				row(QUILPUE + "|12").type("RECLAMO").folio(FOLIO).organization(QUILPUE));
		this.store.mergeAll();
		// then the ledger says nothing changed, and nothing did
		assertThat(this.store.stats(overlap)).isEqualTo(FileStats.merged(1, 0, 0, 1, 0, 0));
		assertThat(this.cases.byChannelYear())
			.containsExactly(new ChannelYearCount("CONSULTA", "", "CONVENIO", 2015, 1));
	}

}
