package cl.sernac.cifras.merge;

import cl.sernac.cifras.staging.StagingWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import cl.sernac.cifras.aggregate.CaseQueries.ChannelYearCount;
import cl.sernac.cifras.merge.StoreFixture.FileStats;
import cl.sernac.cifras.merge.StoreFixture.Row;
import cl.sernac.cifras.merge.StoreFixture.StagedFile;
import cl.sernac.cifras.merge.StoreFixture.StoredRecord;
import cl.sernac.cifras.normalize.RecordNormalizer;
import cl.sernac.cifras.normalize.RowOutcome;
import cl.sernac.cifras.normalize.RutHasher;
import cl.sernac.cifras.normalize.Territory;
import cl.sernac.cifras.reading.ExportRow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;

import static cl.sernac.cifras.merge.StoreFixture.row;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rule 1 (one record per key, the version ingested last wins) and rule 5 (keys that
 * differ only in spacing, case or accents are one record) as the merger applies them to
 * the store.
 */
class RecordMergerTests {

	private static final long TWO_TO_THE_32 = 4294967296L;

	private StoreFixture store;

	/** The store the rules are checked on; one merger for all files, as in one run. */
	StoreFixture newStore() {
		return new StoreFixture();
	}

	@BeforeEach
	void openStore() {
		this.store = newStore();
	}

	@AfterEach
	void closeStore() {
		this.store.close();
	}

	@Test
	void sameKeyInTwoFilesIsOneRecordAndTheLaterFileWins() {
		// given a consultation, corrected to a complaint by the next month's export
		StagedFile january = this.store.stage(this.store.admit("callcenter_2015_01.csv"),
				row("1001").type("CONSULTA").day(20150130));
		// when the first file is applied
		assertThat(this.store.mergeAll()).isEqualTo(1);
		// then it counts as a consultation
		assertThat(this.store.cases().byChannelYear())
			.containsExactly(new ChannelYearCount("CONSULTA", "", "CALL_CENTER", 2015, 1));
		// when the correction is applied
		StagedFile february = this.store.stage(this.store.admit("callcenter_2015_02.csv"),
				row("1001").type("RECLAMO").day(20150130));
		assertThat(this.store.mergeAll()).isEqualTo(1);
		assertThat(this.store.mergeAll()).isZero();
		// then there is still one record, the complaint, and the count moved with it
		assertThat(this.store.recordCount()).isEqualTo(1);
		StoredRecord record = this.store.record("callcenter", "1001");
		assertThat(record.recordType()).isEqualTo("RECLAMO");
		assertThat(record.fileId()).isEqualTo(february.id());
		assertThat(record.versionSeq()).isEqualTo(2 * TWO_TO_THE_32 + 2);
		assertThat(this.store.cases().byChannelYear())
			.containsExactly(new ChannelYearCount("RECLAMO", "", "CALL_CENTER", 2015, 1));
		assertThat(this.store.cases().totalCases()).isEqualTo(1);
		assertThat(this.store.stats(january)).isEqualTo(FileStats.merged(1, 1, 0, 0, 0, 0));
		assertThat(this.store.stats(february)).isEqualTo(FileStats.merged(1, 0, 1, 0, 0, 0));
	}

	@Test
	void sameKeyTwiceInOneFileIsOneRecordAndTheLaterLineWins() {
		// given a file that repeats record 1001 further down, corrected
		StagedFile file = this.store.stage(this.store.admit("callcenter_2015.csv"),
				row("1001").type("CONSULTA").day(20150310), row("1002").type("CONSULTA").day(20150311),
				row("1001").type("RECLAMO").day(20150312));
		// when it is applied
		this.store.mergeAll();
		// then 1001 is one record: the version of line 4
		assertThat(this.store.recordCount()).isEqualTo(2);
		StoredRecord record = this.store.record("callcenter", "1001");
		assertThat(record.recordType()).isEqualTo("RECLAMO");
		assertThat(record.intakeDay()).isEqualTo(20150312);
		assertThat(record.versionSeq()).isEqualTo(TWO_TO_THE_32 + 4);
		assertThat(this.store.cases().byChannelYear()).containsExactly(
				new ChannelYearCount("CONSULTA", "", "CALL_CENTER", 2015, 1),
				new ChannelYearCount("RECLAMO", "", "CALL_CENTER", 2015, 1));
		// and line 4 counts as an update of line 2, not as a second new record
		assertThat(this.store.stats(file)).isEqualTo(FileStats.merged(3, 2, 1, 0, 0, 0));
	}

	@Test
	void aLongFileKeepsOneVersionPerKeyAcrossItsLines() {
		// given a file of thousands of lines whose last two lines correct record 1 and
		// repeat record 2 unchanged, both first read thousands of lines before
		int rows = 5_010;
		List<Row> lines = new ArrayList<>();
		for (int key = 1; key <= rows - 2; key++) {
			lines.add(row(String.valueOf(key)).type("CONSULTA").day(20150301));
		}
		lines.add(row("1").type("RECLAMO").day(20150302));
		lines.add(row("2").type("CONSULTA").day(20150301));
		StagedFile file = this.store.stage(this.store.admit("callcenter_2015.csv"), lines.toArray(Row[]::new));
		// when it is applied
		this.store.mergeAll();
		// then each key is one record: record 1 as corrected on the file's
		// last-but-one line, record 2 as first read on line 3
		assertThat(this.store.recordCount()).isEqualTo(rows - 2);
		StoredRecord corrected = this.store.record("callcenter", "1");
		assertThat(corrected.recordType()).isEqualTo("RECLAMO");
		assertThat(corrected.versionSeq()).isEqualTo(TWO_TO_THE_32 + rows);
		assertThat(this.store.record("callcenter", "2").versionSeq()).isEqualTo(TWO_TO_THE_32 + 3);
		assertThat(this.store.cases().byChannelYear()).containsExactly(
				new ChannelYearCount("CONSULTA", "", "CALL_CENTER", 2015, rows - 3),
				new ChannelYearCount("RECLAMO", "", "CALL_CENTER", 2015, 1));
		assertThat(this.store.stats(file)).isEqualTo(FileStats.merged(rows, rows - 2, 1, 1, 0, 0));
	}

	@Test
	void laterLineWinsWhateverOrderTheLinesWereStagedIn() {
		// given a file read in parallel chunks: its line 9 was staged before its line 3
		StagedFile file = this.store.admit("callcenter_2015.csv");
		this.store.stage(file, row("1001").line(9).type("RECLAMO").day(20150320));
		this.store.stage(file, row("1001").line(3).type("CONSULTA").day(20150301));
		// when it is applied
		this.store.mergeAll();
		// then the version of line 9 is the record
		assertThat(this.store.recordCount()).isEqualTo(1);
		StoredRecord record = this.store.record("callcenter", "1001");
		assertThat(record.recordType()).isEqualTo("RECLAMO");
		assertThat(record.intakeDay()).isEqualTo(20150320);
		assertThat(record.versionSeq()).isEqualTo(TWO_TO_THE_32 + 9);
		assertThat(this.store.stats(file)).isEqualTo(FileStats.merged(2, 1, 1, 0, 0, 0));
	}

	@Test
	void redeliveryOfManyRecordsFindsEachStoredVersion() {
		// given an export of 1.050 records (more than ten lookups' worth), and a second
		// delivery of it with every 100th record corrected to a complaint
		Row[] first = new Row[1_050];
		Row[] second = new Row[first.length];
		for (int i = 0; i < first.length; i++) {
			String key = Integer.toString(4_000_000 + i);
			first[i] = row(key).type("CONSULTA").day(20150101 + i % 28);
			second[i] = row(key).type((i % 100 == 0) ? "RECLAMO" : "CONSULTA").day(20150101 + i % 28);
		}
		this.store.stage(this.store.admit("callcenter_2015_01.csv"), first);
		StagedFile again = this.store.stage(this.store.admit("callcenter_2015_01 (2).csv"), second);

		// when both are applied
		this.store.mergeAll();

		// then the second finds every record it repeats: 11 updated, the rest unchanged
		assertThat(this.store.stats(again)).isEqualTo(FileStats.merged(1_050, 0, 11, 1_039, 0, 0));
		assertThat(this.store.recordCount()).isEqualTo(1_050);
		assertThat(this.store.cases().byChannelYear()).containsExactly(
				new ChannelYearCount("CONSULTA", "", "CALL_CENTER", 2015, 1_039),
				new ChannelYearCount("RECLAMO", "", "CALL_CENTER", 2015, 11));
	}

	@Test
	void identicalRedeliveryChangesNoCount() {
		// given an export applied, with records of several channels and years
		Row[] rows = { row("R-2014-0000001").type("RECLAMO").day(20141230),
				row("C-2015-0000002").type("CONSULTA").day(20150105).channel("MUNICIPAL"),
				row("S-2015-0000003").soni("RECONOCIMIENTO").day(20150210).comuna("05101").region("05") };
		this.store.stage(this.store.admit("portal_2015.csv"), rows);
		this.store.mergeAll();
		List<ChannelYearCount> before = this.store.cases().byChannelYear();
		assertThat(before).containsExactly(new ChannelYearCount("CONSULTA", "", "MUNICIPAL", 2015, 1),
				new ChannelYearCount("RECLAMO", "", "INTERNET", 2014, 1),
				new ChannelYearCount("SONI", "RECONOCIMIENTO", "INTERNET", 2015, 1));
		// when the same rows are delivered again under another name (a spreadsheet
		// re-save)
		StagedFile copy = this.store.stage(this.store.admit("portal_2015 (copia).csv"), rows);
		this.store.mergeAll();
		// then nothing changes, and the ledger says so
		assertThat(this.store.cases().byChannelYear()).isEqualTo(before);
		assertThat(this.store.cases().totalCases()).isEqualTo(3);
		assertThat(this.store.recordCount()).isEqualTo(3);
		assertThat(this.store.stats(copy)).isEqualTo(FileStats.merged(3, 0, 0, 3, 0, 0));
	}

	@Test
	void fileStatsClassifyEveryRowAgainstTheVersionItReplaces() {
		// given an export of three records
		StagedFile first = this.store.stage(this.store.admit("oficina_2015_01.csv"), row("1").day(20150105),
				row("2").day(20150106), row("3").day(20150107));
		// and the next export: 1 again as it was, 2 corrected, 4 twice alike, 5 new then
		// corrected,
		// a rejected line and two warnings
		StagedFile second = this.store.admit("oficina_2015_02.csv");
		this.store.stage(second, row("1").line(2).day(20150105), row("2").line(3).type("RECLAMO").day(20150106),
				row("4").line(4).day(20150201), row("4").line(5).day(20150201), row("5").line(6).day(20150202),
				row("5").line(7).soni("SUGERENCIA").day(20150202));
		this.store.reject(second, 8, "BAD_DATE");
		this.store.warn(second, 3, "RUT_INVALID");
		this.store.warn(second, 4, "COMUNA_UNKNOWN");
		// when both are applied
		assertThat(this.store.mergeAll()).isEqualTo(2);
		// then every row is new, updated or unchanged, exactly once
		assertThat(this.store.stats(first)).isEqualTo(FileStats.merged(3, 3, 0, 0, 0, 0));
		assertThat(this.store.stats(second)).isEqualTo(FileStats.merged(7, 2, 2, 2, 1, 2));
		assertThat(this.store.recordCount()).isEqualTo(5);
		assertThat(this.store.stagingEmpty()).isTrue();
		assertThat(this.store.cases().byChannelYear()).containsExactly(
				new ChannelYearCount("CONSULTA", "", "OFICINA", 2015, 3),
				new ChannelYearCount("RECLAMO", "", "OFICINA", 2015, 1),
				new ChannelYearCount("SONI", "SUGERENCIA", "OFICINA", 2015, 1));
	}

	static Stream<Arguments> versionFields() {
		return Stream.of(field("type", (row) -> row.type("RECLAMO")),
				field("subtype", (row) -> row.soni("RECONOCIMIENTO")),
				field("channel", (row) -> row.channel("CONVENIO")), field("day", (row) -> row.day(20150116)),
				field("comuna", (row) -> row.comuna("05109")), field("region", (row) -> row.region("13")),
				field("rut", (row) -> row.rutHash("b".repeat(16))),
				field("organization", (row) -> row.organization("OTRA")), field("place", (row) -> row.place("05109")),
				field("comuna removed", (row) -> row.comuna(null)), field("region removed", (row) -> row.region(null)),
				field("rut removed", (row) -> row.rutHash(null)),
				field("organization removed", (row) -> row.organization(null)),
				field("place removed", (row) -> row.place(null)));
	}

	private static Arguments field(String name, UnaryOperator<Row> change) {
		return Arguments.of(name, change);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("versionFields")
	void changeOfAnyFieldIsAnUpdate(String field, UnaryOperator<Row> change) {
		// given a record with every optional field set
		this.store.stage(this.store.admit("portal_2015_01.csv"), base());
		this.store.mergeAll();
		// when a later export changes one field
		StagedFile later = this.store.stage(this.store.admit("portal_2015_02.csv"), change.apply(base()));
		this.store.mergeAll();
		// then the record is updated
		assertThat(this.store.stats(later)).isEqualTo(FileStats.merged(1, 0, 1, 0, 0, 0));
		assertThat(this.store.recordCount()).isEqualTo(1);
	}

	@Test
	void changeOfTheFolioOfANonCentralRowIsAnUpdate() {
		// given a municipal record without central folio
		this.store.stage(this.store.admit("municipal_2015_01.csv"), row("MUNICIPALIDAD DE QUILPUE|12"));
		this.store.mergeAll();
		// when a later export gives its folio
		StagedFile later = this.store.stage(this.store.admit("municipal_2015_02.csv"),
				row("MUNICIPALIDAD DE QUILPUE|12").folio("R-2015-0000001"));
		this.store.mergeAll();
		// then the record is updated with it
		assertThat(this.store.stats(later)).isEqualTo(FileStats.merged(1, 0, 1, 0, 0, 0));
		assertThat(this.store.record("municipal", "MUNICIPALIDAD DE QUILPUE|12").folio()).isEqualTo("R-2015-0000001");
	}

	@Test
	void unchangedWhenEveryFieldIsEqualIncludingEmptyOnes() {
		// given a record with every optional field empty
		this.store.stage(this.store.admit("callcenter_2015_01.csv"), row("1001"));
		this.store.mergeAll();
		// when a later export repeats it on another line
		StagedFile later = this.store.stage(this.store.admit("callcenter_2015_02.csv"), row("1000"), row("1001"));
		this.store.mergeAll();
		// then it is unchanged
		assertThat(this.store.stats(later)).isEqualTo(FileStats.merged(2, 1, 0, 1, 0, 0));
	}

	private static Row base() {
		return row("S-2015-0000001").soni("DISCONFORMIDAD")
			.channel("INTERNET")
			.day(20150115)
			.comuna("05101")
			.region("05")
			.rutHash("a".repeat(16))
			.organization("ALGUNA")
			.place("05101");
	}

	@Test
	void filesAreAppliedInLedgerOrderWhateverOrderTheyWereStagedIn() {
		// given two files admitted in name order, the second one read first
		StagedFile january = this.store.admit("callcenter_2015_01.csv");
		StagedFile february = this.store.admit("callcenter_2015_02.csv");
		this.store.stage(february, row("1001").type("RECLAMO"));
		this.store.stage(january, row("1001").type("CONSULTA"));
		// when they are applied
		assertThat(this.store.mergeAll()).isEqualTo(2);
		// then the first one of the ledger came first, and the second file's version wins
		assertThat(this.store.stats(january)).isEqualTo(FileStats.merged(1, 1, 0, 0, 0, 0));
		assertThat(this.store.stats(february)).isEqualTo(FileStats.merged(1, 0, 1, 0, 0, 0));
		assertThat(this.store.record("callcenter", "1001").recordType()).isEqualTo("RECLAMO");
		assertThat(this.store.cases().byChannelYear())
			.containsExactly(new ChannelYearCount("RECLAMO", "", "CALL_CENTER", 2015, 1));
	}

	@Test
	void aFileOfALaterRunComesAfterEveryFileOfTheRunsBefore() {
		// given a 2016 export applied in a first run
		this.store.stage(this.store.admit(1, "callcenter_2016.csv"), row("1001").type("CONSULTA"));
		this.store.mergeAll();
		// when a later run brings an export whose name sorts first
		StagedFile late = this.store.stage(this.store.admit(2, "callcenter_2015.csv"), row("1001").type("RECLAMO"));
		this.store.mergeAll();
		// then it was ingested last, and its version wins
		assertThat(this.store.stats(late)).isEqualTo(FileStats.merged(1, 0, 1, 0, 0, 0));
		assertThat(this.store.record("callcenter", "1001").recordType()).isEqualTo("RECLAMO");
		assertThat(this.store.record("callcenter", "1001").versionSeq()).isEqualTo(2 * TWO_TO_THE_32 + 2);
	}

	@Test
	void sameKeyInDifferentSourcesIsTwoRecords() {
		// given key 1001 in the call center and in the regional office
		this.store.stage(this.store.admit("callcenter_2015.csv"), row("1001"));
		this.store.stage(this.store.admit("oficina_2015.csv"), row("1001"));
		// when both are applied
		this.store.mergeAll();
		// then they are two records
		assertThat(this.store.recordCount()).isEqualTo(2);
		assertThat(this.store.cases().byChannelYear()).containsExactly(
				new ChannelYearCount("CONSULTA", "", "CALL_CENTER", 2015, 1),
				new ChannelYearCount("CONSULTA", "", "OFICINA", 2015, 1));
	}

	@Test
	void nothingToApplyWhenEveryFileIsMerged() {
		// given a file applied
		this.store.stage(this.store.admit("callcenter_2015.csv"), row("1001"));
		assertThat(this.store.mergeAll()).isEqualTo(1);
		// when the merger runs again
		int applied = this.store.merger().mergeAll();
		// then there is nothing to apply
		assertThat(applied).isZero();
		assertThat(this.store.recordCount()).isEqualTo(1);
	}

	@Test
	void keysThatDifferOnlyInSpacingCaseOrAccentsAreOneRecord() throws Exception {
		// given two municipal rows whose key differs only in spacing, case and accents,
		// normalized
		// and staged as the pipeline does
		RecordNormalizer normalizer = new RecordNormalizer(StoreFixture.catalog().get("municipal").profile(),
				Territory.load(), new RutHasher("0123456789abcdef".getBytes()), LocalDate.of(2026, 11, 28));
		RowOutcome.Accepted first = accepted(
				normalizer.process(municipalRow(2, "Municipalidad de Quilpué", "12", "3/3/2015", "Consulta")));
		RowOutcome.Accepted second = accepted(
				normalizer.process(municipalRow(2, "  MUNICIPALIDAD  DE QUILPUE ", " 12", "3/3/2015", "RECLAMO")));
		assertThat(second.recordKey()).isEqualTo(first.recordKey()).isEqualTo("MUNICIPALIDAD DE QUILPUE|12");
		StagedFile march = this.store.admit("municipal_2015_03.csv");
		StagedFile april = this.store.admit("municipal_2015_04.csv");
		stageThroughWriter(march, first);
		stageThroughWriter(april, second);
		// when both files are applied
		this.store.mergeAll();
		// then they are one record, the later version
		assertThat(this.store.recordCount()).isEqualTo(1);
		assertThat(this.store.record("municipal", "MUNICIPALIDAD DE QUILPUE|12").recordType()).isEqualTo("RECLAMO");
		assertThat(this.store.stats(april)).isEqualTo(FileStats.merged(1, 0, 1, 0, 0, 0));
		assertThat(this.store.cases().byChannelYear())
			.containsExactly(new ChannelYearCount("RECLAMO", "", "MUNICIPAL", 2015, 1));
		assertThat(this.store.cases().municipalOrganizations()).containsExactly("MUNICIPALIDAD DE QUILPUE");
	}

	private static ExportRow municipalRow(long line, String municipio, String id, String date, String type) {
		return new ExportRow(line, null, 8, 8, new String[] { municipio, id }, date, type, null, null, "", null,
				"Quilpué", "", municipio, null);
	}

	private static RowOutcome.Accepted accepted(RowOutcome outcome) {
		assertThat(outcome).isInstanceOf(RowOutcome.Accepted.class);
		return (RowOutcome.Accepted) outcome;
	}

	private void stageThroughWriter(StagedFile file, RowOutcome.Accepted row) throws Exception {
		StagingWriter writer = new StagingWriter(this.store.rejectsAndWarnings(), this.store.staging(), file.id(),
				"reader");
		writer.open(new ExecutionContext());
		writer.write(Chunk.of(row));
		writer.close();
	}

}
