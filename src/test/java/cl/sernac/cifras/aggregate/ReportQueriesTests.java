package cl.sernac.cifras.aggregate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import cl.sernac.cifras.aggregate.CaseCells.OrganizationYearCount;
import cl.sernac.cifras.aggregate.CaseCells.PlaceYearCount;
import cl.sernac.cifras.aggregate.CaseCells.SubtypeYearCount;
import cl.sernac.cifras.aggregate.CaseCells.TypeChannelCount;
import cl.sernac.cifras.aggregate.CaseCells.YearRange;
import cl.sernac.cifras.ledger.FileOutcome;
import cl.sernac.cifras.merge.StoreFixture;
import cl.sernac.cifras.merge.StoreFixture.StagedFile;
import cl.sernac.cifras.support.ChileTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;

import static cl.sernac.cifras.merge.StoreFixture.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The figures of the report, grouped by SQL in one pass over the counted cases and summed
 * from those groups, and the data quality read from the ledger.
 */
class ReportQueriesTests {

	private StoreFixture store;

	private CountedCaseQueries cases;

	private QualityQueries quality;

	@BeforeEach
	void openStore() {
		this.store = new StoreFixture();
		this.cases = this.store.cases();
		this.quality = new QualityQueries(JdbcClient.create(this.store.jdbc()), ChileTime.ZONE);
	}

	@AfterEach
	void closeStore() {
		this.store.close();
	}

	@Test
	void anEmptyStoreHasNoYears() {
		assertThat(this.cases.cells().yearRange()).isEmpty();
		assertThat(this.cases.cells().byTypeChannelYear()).isEmpty();
		assertThat(this.cases.cells().mobileUnitByPlaceYear()).isEmpty();
		assertThat(this.quality.files()).isEmpty();
	}

	@Test
	void groupsByTypeChannelYearMonthAndPeriod() {
		// given consultations and SONI across years, and a municipal case registered
		// centrally too
		this.store.stage(this.store.admit("callcenter_2015.csv"), row("1").day(20141231), row("2").day(20150101),
				row("3").day(20150102), row("4").type("RECLAMO").day(20160301));
		this.store.stage(this.store.admit("oficina_2015.csv"), row("1").soni("DISCONFORMIDAD").day(20150601),
				row("2").soni("RECONOCIMIENTO").day(20150602));
		this.store.stage(this.store.admit("municipal_2015.csv"),
				row("QUILPUE|1").organization("MUNICIPALIDAD DE QUILPUE").folio("C-2015-0000001").day(20150310));
		this.store.stage(this.store.admit("portal_2015.csv"), row("C-2015-0000001").channel("MUNICIPAL").day(20150420));
		// when the store is counted
		this.store.mergeAll();
		// then SONI subtypes go together, and the central copy of the municipal case is
		// not counted again
		CaseCells cells = this.cases.cells();
		assertThat(cells.yearRange()).contains(new YearRange(2014, 2016));
		assertThat(cells.byTypeChannelYear()).containsExactly(new TypeChannelCount("CONSULTA", "CALL_CENTER", 2014, 1),
				new TypeChannelCount("CONSULTA", "CALL_CENTER", 2015, 2),
				new TypeChannelCount("CONSULTA", "MUNICIPAL", 2015, 1),
				new TypeChannelCount("RECLAMO", "CALL_CENTER", 2016, 1),
				new TypeChannelCount("SONI", "OFICINA", 2015, 2));
		assertThat(cells.byTypeChannelMonth()).contains(new TypeChannelCount("CONSULTA", "CALL_CENTER", 201412, 1),
				new TypeChannelCount("CONSULTA", "CALL_CENTER", 201501, 2),
				new TypeChannelCount("CONSULTA", "MUNICIPAL", 201503, 1));
		assertThat(cells.byTypeChannel(2015, 2016)).containsExactly(
				new TypeChannelCount("CONSULTA", "CALL_CENTER", 0, 2),
				new TypeChannelCount("CONSULTA", "MUNICIPAL", 0, 1),
				new TypeChannelCount("RECLAMO", "CALL_CENTER", 0, 1), new TypeChannelCount("SONI", "OFICINA", 0, 2));
		assertThat(cells.soniBySubtypeYear()).containsExactly(new SubtypeYearCount("DISCONFORMIDAD", 2015, 1),
				new SubtypeYearCount("RECONOCIMIENTO", 2015, 1));
		assertThat(cells.municipalByOrganizationYear())
			.containsExactly(new OrganizationYearCount("MUNICIPALIDAD DE QUILPUE", 2015, "CONSULTA", 1));
	}

	@Test
	void mobileUnitCasesByPlaceAndYear() {
		this.store.stage(this.store.admit("movil_2015.csv"), row("a").place("05101").day(20150105),
				row("b").place("05101").day(20150105), row("c").place("05109").day(20160105), row("d").day(20160106));
		this.store.mergeAll();
		assertThat(this.cases.cells().mobileUnitByPlaceYear()).containsExactly(new PlaceYearCount("05101", 2015, 2),
				new PlaceYearCount("05109", 2016, 1));
	}

	@Test
	void qualityPerFileWithRejectsAndWarningsByKind() {
		// given a file with a repeated row, a correction, a rejected row and a warning
		StagedFile first = this.store.admit("callcenter_2015.csv");
		this.store.stage(first, row("1"), row("2"));
		StagedFile second = this.store.admit("callcenter_2016.csv");
		this.store.stage(second, row("1"), row("2").type("RECLAMO"), row("3"));
		this.store.reject(second, 6, "bad-date");
		this.store.warn(second, 5, "rut-invalid");
		// when merged
		this.store.mergeAll();
		// then
		assertThat(this.quality.files()).hasSize(2);
		QualityQueries.FileQuality file = this.quality.files().get(1);
		assertThat(file.fileName()).isEqualTo("callcenter_2016.csv");
		assertThat(file.sourceName()).isEqualTo("callcenter");
		assertThat(file.rowsRead()).isEqualTo(4);
		assertThat(file.recordsNew()).isEqualTo(1);
		assertThat(file.recordsUpdated()).isEqualTo(1);
		assertThat(file.recordsUnchanged()).isEqualTo(1);
		assertThat(file.rejectedByReason()).isEqualTo(Map.of("bad-date", 1L));
		assertThat(file.warningsByKind()).isEqualTo(Map.of("rut-invalid", 1L));
		assertThat(this.quality.rejectedByReason()).isEqualTo(Map.of("bad-date", 1L));
		assertThat(this.quality.warningsByKind()).isEqualTo(Map.of("rut-invalid", 1L));
	}

	@Test
	void filesNotIngestedByTheRun() {
		this.store.ledger()
			.record(7, "notas.txt", FileOutcome.NOT_RECOGNIZED, null, null,
					"El nombre no corresponde a ninguna fuente configurada");
		this.store.ledger()
			.record(7, "portal_copia.csv", FileOutcome.ALREADY_INGESTED, "portal", null, "Mismo contenido");
		this.store.ledger().record(8, "otro.txt", FileOutcome.NOT_RECOGNIZED, null, null, "x");
		assertThat(this.quality.notIngested(7)).containsExactly(new QualityQueries.FileDecision("notas.txt",
				FileOutcome.NOT_RECOGNIZED, "El nombre no corresponde a ninguna fuente configurada"));
	}

	@Test
	void theRunsFilesWithWhatEachBroughtAndTheRowsRejected() {
		// given a file merged with two rows rejected and a warning, admitted by one run
		// and
		// reprocessed by the next, which also saw a file it could not read
		StagedFile file = this.store.admit("callcenter_2016.csv");
		this.store.stage(file, row("1"), row("2"));
		this.store.reject(file, 4, "bad-date");
		this.store.reject(file, 5, "bad-date");
		this.store.warn(file, 3, "rut-invalid");
		this.store.mergeAll();
		this.store.ledger().record(7, "callcenter_2016.csv", FileOutcome.ADMITTED, "callcenter", file.id(), null);
		this.store.ledger().record(8, "callcenter_2016.csv", FileOutcome.REPROCESSED, "callcenter", file.id(), null);
		this.store.ledger().record(8, "notas.txt", FileOutcome.NOT_RECOGNIZED, null, null, "x");
		// when the two runs are summed up
		List<QualityQueries.RunFile> files = this.quality.runFiles(7, 8);
		// then every file of both, by run and name, the file read counted once in each
		assertThat(files).extracting(QualityQueries.RunFile::fileName, QualityQueries.RunFile::outcome)
			.containsExactly(tuple("callcenter_2016.csv", FileOutcome.ADMITTED),
					tuple("callcenter_2016.csv", FileOutcome.REPROCESSED),
					tuple("notas.txt", FileOutcome.NOT_RECOGNIZED));
		for (QualityQueries.RunFile read : files.subList(0, 2)) {
			assertThat(read.rowsRead()).isEqualTo(4);
			assertThat(read.recordsNew()).isEqualTo(2);
			assertThat(read.rowsRejected()).isEqualTo(2);
			assertThat(read.rejectedByReason()).isEqualTo(Map.of("bad-date", 2L));
			assertThat(read.warningsByKind()).isEqualTo(Map.of("rut-invalid", 1L));
		}
		assertThat(files.get(2).rowsRead()).isZero();
		assertThat(files.get(2).rejectedByReason()).isEmpty();
		assertThat(files.get(2).reason()).isEqualTo("x");
		assertThat(this.quality.runFiles(8, 8)).hasSize(2);
		List<QualityQueries.RejectedRow> rejected = new ArrayList<>();
		this.quality.rejectedRows(rejected::add);
		assertThat(rejected).containsExactly(new QualityQueries.RejectedRow("callcenter_2016.csv", 4, "bad-date", ""),
				new QualityQueries.RejectedRow("callcenter_2016.csv", 5, "bad-date", ""));
		assertThat(this.quality.mergedRowsBySource())
			.containsExactly(new QualityQueries.SourceRows("callcenter", 4, 2, 0, 0));
	}

}
