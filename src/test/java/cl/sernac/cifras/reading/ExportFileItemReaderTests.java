package cl.sernac.cifras.reading;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@link ExportFileItemReader} on the agency's sample exports, with each of the six
 * default profiles: which rows come out, at which physical line, and what each role
 * reads.
 * <p>
 * The expected lines and keys of every file were worked out independently of the reader
 * (Python's {@code csv} module on the same bytes, skipping all-empty rows).
 */
class ExportFileItemReaderTests {

	private static final Path SAMPLES = Path.of("src/test/resources/samples");

	@TempDir
	Path temp;

	// ---------------------------------------------------------------- call center

	@Test
	void callCenterWindows1252() throws Exception {
		// given callcenter_2014.csv: windows-1252, ';', CRLF, a bad date, a missing key,
		// a row with 9 fields

		// when
		List<ExportRow> rows = read("callcenter", "callcenter_2014.csv");

		// then
		assertThat(rows).extracting(ExportFileItemReaderTests::summary)
			.containsExactly("2:4000004", "3:4000033", "4:4000022", "5:4000020", "6:4000115", "7:4000008", "8:4000005",
					"9:4000018", "10:4000011", "11:", "12:4000002", "13:4000099", "14:4000012", "15:4000026",
					"16:4000028", "17:4000015", "18:4000014", "19:4000006", "20:4000097", "21:4000031", "22:4000029",
					"23:4000024", "24:4000098", "25:FIELD_COUNT(9)");
		assertThat(describe(rows.get(1))).isEqualTo("3 [4000033] date=17/02/2014 13:27:23 type=CONSULTA subtype=null "
				+ "channel=null rut=23020405-5 region=Región de Valparaíso comuna=Villa Alemana folio=null "
				+ "organization=null place=null fields=8/8");
		assertThat(describe(rows.get(4))).isEqualTo("6 [4000115] date=31/02/2015 10:00:00 type=RECLAMO subtype=null "
				+ "channel=null rut= region= comuna=Quilpué folio=null organization=null place=null fields=8/8");
		assertThat(describe(rows.get(5))).isEqualTo("7 [4000008] date=11/03/2014 13:51:32 type= consulta "
				+ "subtype=null channel=null rut=129032944 region=V comuna=CALERA folio=null organization=null "
				+ "place=null fields=8/8");
		assertThat(describe(rows.get(9))).isEqualTo("11 [] date=03/03/2015 10:00:00 type=CONSULTA subtype=null "
				+ "channel=null rut= region= comuna= folio=null organization=null place=null fields=8/8");
		assertThat(rows.get(23).problem()).isEqualTo(ExportRow.Problem.FIELD_COUNT);
		assertThat(rows.get(23).fieldCount()).isEqualTo(9);
		assertThat(rows.get(23).headerFieldCount()).isEqualTo(8);
	}

	@Test
	void callCenterSpreadsheetReSave() throws Exception {
		// given callcenter_2015.csv: saved again by a spreadsheet (UTF-8 with BOM
		// although the source is
		// windows-1252, every field quoted, columns reordered, an extra column, three
		// empty rows at the end)

		// when
		List<ExportRow> rows = read("callcenter", "callcenter_2015.csv");

		// then the empty rows are skipped without a word
		assertThat(rows).extracting(ExportFileItemReaderTests::summary)
			.containsExactly("2: 4000098", "3:4000051", "4:4000037", "5:4000040", "6:4000061", "7:4000042", "8:4000065",
					"9:4000101", "10:4000050", "11:4000054", "12:4000064", "13:4000106", "14:4000056", "15:4000059",
					"16:4000036", "17:4000045", "18:4000104", "19:4000044", "20:4000060", "21:4000046", "22:4000047");
		assertThat(rows).allSatisfy((row) -> assertThat(row.problem()).isNull());
		assertThat(describe(rows.get(0))).isEqualTo("2 [ 4000098] date=30/12/2014 11:58:59 type=CONSULTA "
				+ "subtype=null channel=null rut=12373758-K region=Región de Valparaíso comuna=ISLA DE PASCUA "
				+ "folio=null organization=null place=null fields=9/9");
		assertThat(rows.get(9).comuna()).isEqualTo("Concón");
		assertThat(rows.get(13).comuna()).isEqualTo("Juan Fernández");
		assertThat(rows.get(15).comuna()).isEqualTo("Quilpué");
		assertThat(describe(rows.get(20))).isEqualTo("22 [4000047] date=16/12/2015 10:39:20 type=CONSULTA "
				+ "subtype=null channel=null rut=9.700.124-3 region=Valparaiso comuna=Santo Domingo folio=null "
				+ "organization=null place=null fields=9/9");
	}

	@Test
	void callCenterReSaveReadsLikeTheOriginal() throws Exception {
		// given call 4000098 in the original export (windows-1252) and in the re-saved
		// one (UTF-8 with BOM),
		// where the analyst corrected its type
		ExportRow original = read("callcenter", "callcenter_2014.csv").get(22);
		ExportRow reSaved = read("callcenter", "callcenter_2015.csv").get(0);

		// when
		String originalValues = describe(original).replaceFirst("^\\d+ ", "").replace(" fields=8/8", "");
		String reSavedValues = describe(reSaved).replaceFirst("^\\d+ ", "").replace(" fields=9/9", "");

		// then only the corrected type and the key's leading space differ
		assertThat(originalValues).isEqualTo("[4000098] date=30/12/2014 11:58:59 type=RECLAMO subtype=null "
				+ "channel=null rut=12373758-K region=Región de Valparaíso comuna=ISLA DE PASCUA folio=null "
				+ "organization=null place=null");
		assertThat(reSavedValues)
			.isEqualTo(originalValues.replace("[4000098]", "[ 4000098]").replace("type=RECLAMO", "type=CONSULTA"));
	}

	@Test
	void callCenterOverlappingExport() throws Exception {
		// given callcenter_2016.csv: repeats " 4000047" of December 2015, a bad date, a
		// missing key

		// when
		List<ExportRow> rows = read("callcenter", "callcenter_2016.csv");

		// then
		assertThat(rows).extracting(ExportFileItemReaderTests::summary)
			.containsExactly("2: 4000047", "3:4000114", "4:4000074", "5:4000121", "6:4000069", "7:4000089", "8:4000096",
					"9:4000092", "10:4000111", "11:4000067", "12:4000077", "13:4000078", "14:4000085", "15:4000068",
					"16:4000073", "17:4000080", "18:4000095", "19:4000082", "20:4000072", "21:4000109", "22:4000086",
					"23:", "24:4000079");
		assertThat(describe(rows.get(0))).isEqualTo("2 [ 4000047] date=16/12/2015 10:39:20 type=CONSULTA "
				+ "subtype=null channel=null rut=9.700.124-3 region=Valparaiso comuna=Santo Domingo folio=null "
				+ "organization=null place=null fields=8/8");
		assertThat(rows.get(3).date()).isEqualTo("31/02/2015 10:00:00");
		assertThat(rows.get(21).keyParts()).containsExactly("");
	}

	// ---------------------------------------------------------------- portal

	@Test
	void portalMultiLineDescriptionsKeepRecordLineNumbers() throws Exception {
		// given portal_2014.csv: UTF-8 with BOM, ',' and LF, descriptions over two lines

		// when
		List<ExportRow> rows = read("portal", "portal_2014.csv");

		// then each record is at the physical line where it starts
		assertThat(rows).extracting(ExportFileItemReaderTests::summary)
			.containsExactly("2:S-2014-0000011", "3:R-2014-0000003", "4:R-2014-9000018", "5:C-2014-0000010",
					"6:S-2014-0000005", "8:R-2014-0000017", "10:R-2014-9000011", "11:R-2014-0000006",
					"13:R-2014-0000031", "15:R-2014-9000012", "16:R-2014-0000012", "17:R-2014-0000009",
					"18:S-2014-0000010", "19:R-2014-0000019", "20:R-2014-9000009", "21:R-2014-0000005",
					"22:R-2014-0000022", "23:R-2014-0000034", "24:R-2014-0000014", "26:C-2014-0000006",
					"28:R-2014-0000011", "29:S-2014-0000002", "31:R-2014-9000007", "32:R-2014-0000025",
					"34:R-2014-0000002", "35:S-2014-0000013", "36:R-2014-0000010", "37:R-2014-9000019",
					"38:C-2014-0000004", "39:R-2014-0000023", "40:R-2014-9000015", "41:S-2014-0000007",
					"42:C-2014-0000009", "43:R-2014-0000028", "45:C-2014-9000004", "46:C-2014-0000003");
		assertThat(describe(rows.get(4))).isEqualTo("6 [S-2014-0000005] date=2014-03-09T06:25:59 type=soni "
				+ "subtype=disconformidad channel= rut=20.610.549-6 region=VALPARAISO comuna=Putaendo "
				+ "folio=S-2014-0000005 organization=null place=null fields=11/11");
		assertThat(describe(rows.get(5))).isEqualTo("8 [R-2014-0000017] date=2014-03-09T21:39:02 type=reclamo "
				+ "subtype= channel= rut=23327327-9 region=5 comuna=Viña del Mar folio=R-2014-0000017 "
				+ "organization=null place=null fields=11/11");
		assertThat(describe(rows.get(6))).isEqualTo("10 [R-2014-9000011] date=2014-03-15T10:16:47 type=reclamo "
				+ "subtype= channel=MUNICIPAL rut=21447108-6 region=Región de Valparaíso comuna=Algarrobo "
				+ "folio=R-2014-9000011 organization=null place=null fields=11/11");
		assertThat(rows.get(14).channel()).isEqualTo("CONVENIO");
		assertThat(describe(rows.get(35))).isEqualTo("46 [C-2014-0000003] date=2014-12-13T01:50:57 type=consulta "
				+ "subtype= channel=INTERNET rut=20744463-4 region=5 comuna=Rinconada folio=C-2014-0000003 "
				+ "organization=null place=null fields=11/11");
	}

	@Test
	void portalRowsToReject() throws Exception {
		// given portal_2015.csv: a date before 2000 and an unknown type among valid rows

		// when
		List<ExportRow> rows = read("portal", "portal_2015.csv");

		// then
		assertThat(rows).extracting(ExportFileItemReaderTests::summary)
			.containsExactly("2:C-2014-0000003", "3:S-2015-0000012", "4:C-2014-9000006", "5:R-2015-0000031",
					"7:R-2015-0000047", "8:R-2015-8000005", "9:C-2015-0000012", "10:C-2015-9000004",
					"11:R-2015-0000010", "13:C-2015-0000015", "14:C-2015-0000009", "16:R-2015-0000016",
					"17:R-2015-9000006", "18:S-2015-0000009", "19:R-2015-0000045", "20:C-2015-0000006",
					"21:R-2015-0000019", "22:S-2015-0000008", "24:R-2015-0000028", "25:S-2015-0000014",
					"26:S-2015-0000005", "28:R-2015-0000023", "29:C-2015-0000002", "30:R-2015-0000052",
					"31:R-2015-9000010", "32:C-2015-0000004", "33:R-2015-0000037", "34:R-2015-0000013",
					"36:R-2015-0000003", "37:R-2015-9000009", "38:R-2015-0000006", "39:R-2015-0000043",
					"41:S-2015-0000019", "42:R-2015-0000034", "44:S-2015-0000016", "45:R-2015-8000003",
					"46:R-2015-0000002", "47:S-2015-0000002", "48:R-2015-0000044", "50:R-2015-0000025",
					"51:R-2015-0000049", "52:S-2015-0000022", "53:R-2015-0000040", "54:R-2015-0000022",
					"55:R-2015-0000009", "56:R-2015-9000011");
		assertThat(describe(rows.get(5))).isEqualTo("8 [R-2015-8000005] date=1999-12-31T10:00:00 type=reclamo "
				+ "subtype= channel= rut= region= comuna= folio=R-2015-8000005 organization=null place=null "
				+ "fields=11/11");
		assertThat(describe(rows.get(35))).isEqualTo("45 [R-2015-8000003] date=2015-06-01T10:00:00 type=queja "
				+ "subtype= channel= rut= region= comuna= folio=R-2015-8000003 organization=null place=null "
				+ "fields=11/11");
	}

	@Test
	void portalReDeliveredUnderAnotherName() throws Exception {
		// given "portal_2015 (copia).csv", the same export as portal_2015.csv

		// when
		List<ExportRow> copy = read("portal", "portal_2015 (copia).csv");
		List<ExportRow> original = read("portal", "portal_2015.csv");

		// then
		assertThat(copy).extracting(ExportFileItemReaderTests::describe)
			.containsExactlyElementsOf(original.stream().map(ExportFileItemReaderTests::describe).toList());
		assertThat(copy).hasSize(46);
	}

	@Test
	void portal2016() throws Exception {
		// given portal_2016.csv

		// when
		List<ExportRow> rows = read("portal", "portal_2016.csv");

		// then
		assertThat(rows).extracting(ExportFileItemReaderTests::summary)
			.containsExactly("2:R-2015-9000011", "3:R-2016-9000003", "4:R-2016-0000041", "5:R-2016-0000026",
					"6:C-2016-0000011", "7:R-2015-8000009", "8:R-2016-0000037", "9:R-2016-0000025", "10:R-2016-0000053",
					"11:R-2016-9000017", "12:C-2016-0000008", "13:S-2016-0000002", "14:R-2016-0000013",
					"16:R-2016-0000019", "17:R-2016-9000008", "18:R-2016-0000008", "19:R-2016-0000011",
					"21:S-2016-0000010", "23:R-2016-0000049", "24:S-2016-0000005", "26:R-2016-0000036",
					"27:S-2016-0000012", "29:S-2016-0000014", "30:R-2016-9000013", "31:R-2016-9000006",
					"32:R-2016-0000033", "34:S-2016-0000013", "35:C-2016-0000003", "36:S-2016-0000015",
					"37:R-2016-9000010", "38:S-2016-0000018", "39:R-2016-0000014", "40:R-2016-0000015",
					"42:C-2016-0000015", "44:R-2016-0000009", "46:R-2016-0000005", "47:R-2016-0000048",
					"48:R-2016-0000029", "49:R-2016-0000046", "50:C-2016-0000006", "51:C-2016-0000014",
					"52:R-2016-0000004", "53:C-2016-0000004", "55:R-2015-8000006", "56:R-2016-9000016",
					"57:R-2016-0000017", "58:R-2016-9000009", "59:R-2016-0000044", "60:S-2016-0000008",
					"61:C-2016-0000005", "62:S-2016-0000006", "63:R-2016-0000039", "64:S-2016-0000017",
					"66:R-2016-0000042", "67:R-2016-0000006", "68:R-2016-0000032", "69:R-2016-0000022",
					"70:S-2016-0000003", "71:R-2016-0000052");
		assertThat(describe(rows.get(43))).isEqualTo("55 [R-2015-8000006] date=2015-06-01T10:00:00 type=queja "
				+ "subtype= channel= rut= region= comuna= folio=R-2015-8000006 organization=null place=null "
				+ "fields=11/11");
	}

	// ---------------------------------------------------------------- regional office

	@Test
	void officeWindows1252() throws Exception {
		// given oficina_2014.csv: windows-1252, ';', CRLF, quoted free text with ';' and
		// '""'

		// when
		List<ExportRow> rows = read("oficina", "oficina_2014.csv");

		// then
		assertThat(rows).extracting(ExportFileItemReaderTests::summary)
			.containsExactly("2:200100", "3:200082", "4:200048", "5:200009", "6:200079", "7:200064", "8:200010",
					"9:200102", "10:200050", "11:200013", "12:200052", "13:200005", "14:200002", "15:200006",
					"16:200060", "17:200061", "18:200081", "19:200099", "20:200012");
		assertThat(describe(rows.get(0))).isEqualTo("2 [200100] date=14-02-2014 type=SONI subtype=Sugerencia "
				+ "channel=null rut=235097214 region=null comuna=San Antonio folio=null organization=null place=null "
				+ "fields=9/9");
		assertThat(describe(rows.get(3))).isEqualTo("5 [200009] date=06-05-2014 type=Consulta subtype= "
				+ "channel=null rut=185311236 region=null comuna=Santa María folio=null organization=null place=null "
				+ "fields=9/9");
	}

	@Test
	void officeSpreadsheetReSaveReadsLikeTheOriginal() throws Exception {
		// given oficina_2015.csv: UTF-8 with BOM, every field quoted, three empty rows at
		// the end; its first
		// row (200012) is the last row of the windows-1252 oficina_2014.csv

		// when
		List<ExportRow> rows = read("oficina", "oficina_2015.csv");
		ExportRow original = read("oficina", "oficina_2014.csv").get(18);

		// then
		assertThat(rows).extracting(ExportFileItemReaderTests::summary)
			.containsExactly("2:200012", "3:200022", "4:200026", "5:200055", "6:200085", "7:200069", "8:200108",
					"9:200068", "10:200016", "11:200019", "12:200066", "13:200118", "14:200087", "15:200053",
					"16:200104", "17:200107", "18:200054", "19:200090", "20:200029", "21:200027", "22:200024");
		assertThat(describe(rows.get(0))).isEqualTo("2 [200012] date=26-12-2014 type=Consulta subtype= "
				+ "channel=null rut=24.525.869-0 region=null comuna=Putaendo folio=null organization=null "
				+ "place=null fields=9/9");
		assertThat(describe(original)).isEqualTo(describe(rows.get(0)).replaceFirst("^2 ", "20 "));
		assertThat(describe(rows.get(11))).isEqualTo("13 [200118] date=2015-07-01 type=Consulta subtype= "
				+ "channel=null rut= region=null comuna= folio=null organization=null place=null fields=9/9");
		assertThat(rows.get(17).comuna()).isEqualTo("Santa María");
	}

	@Test
	void office2016() throws Exception {
		// given oficina_2016.csv: a date in the wrong format, an unknown comuna

		// when
		List<ExportRow> rows = read("oficina", "oficina_2016.csv");

		// then
		assertThat(rows).extracting(ExportFileItemReaderTests::summary)
			.containsExactly("2:200024", "3:200078", "4:200096", "5:200030", "6:200093", "7:200115", "8:200058",
					"9:200041", "10:200059", "11:200032", "12:200035", "13:200111", "14:200075", "15:200046",
					"16:200094", "17:200121", "18:200038", "19:200043", "20:200056", "21:200072", "22:200113");
		assertThat(rows.get(15).date()).isEqualTo("2015-07-01");
		assertThat(rows.get(16).comuna()).isEqualTo("Villa Inexistente");
	}

	// ---------------------------------------------------------------- municipal
	// platforms

	@Test
	void municipalWithByteOrderMark() throws Exception {
		// given municipal_2014.csv: UTF-8 with BOM before "Municipio", ';', CRLF; key
		// Municipio + ID Registro

		// when
		List<ExportRow> rows = read("municipal", "municipal_2014.csv");

		// then
		assertThat(rows).extracting(ExportFileItemReaderTests::summary)
			.containsExactly("2:Gobernación Provincial de San Antonio|5", "3:Municipalidad de Llaillay|7",
					"4:Municipalidad de Los Andes|4", "5:Municipalidad de El Quisco|1", "6:Municipalidad de Olmué|4",
					"7:Municipalidad de El Quisco|3", "8:Municipalidad de San Felipe|2",
					"9:Municipalidad de La Calera|3", "10:Gobernación Provincial de San Antonio|2",
					"11:Municipalidad de Los Andes|2", "12:Municipalidad de Villa Alemana|2",
					"13:Municipalidad de San Felipe|5", "14:Municipalidad de Limache|2",
					"15:Municipalidad de Quilpué|");
		assertThat(describe(rows.get(0))).isEqualTo("2 [Gobernación Provincial de San Antonio, 5] date=14/2/2014 "
				+ "type=Reclamo subtype=null channel=null rut=13170150-0 region=null comuna=Limache "
				+ "folio=R-2014-9000018 organization=Gobernación Provincial de San Antonio place=null fields=8/8");
		assertThat(describe(rows.get(13))).isEqualTo("15 [Municipalidad de Quilpué, ] date=3/3/2015 type=Reclamo "
				+ "subtype=null channel=null rut= region=null comuna= folio= organization=Municipalidad de Quilpué "
				+ "place=null fields=8/8");
	}

	@Test
	void municipalReDeliveredUnderAnotherName() throws Exception {
		// given municipal_2015.csv and its copy "municipal_2015 (copia).csv"

		// when
		List<ExportRow> rows = read("municipal", "municipal_2015.csv");
		List<ExportRow> copy = read("municipal", "municipal_2015 (copia).csv");

		// then
		assertThat(rows).extracting(ExportFileItemReaderTests::summary)
			.containsExactly("2:MUNICIPALIDAD DE LIMACHE|2", "3:Municipalidad de La Ligua|7",
					"4:Gobernación Provincial de San Antonio|4", "5:Municipalidad de La Ligua|3",
					"6:Municipalidad de Villa Alemana|5", "7:Municipalidad de Olmué|3",
					"8:Municipalidad de La Ligua|10", "9:Municipalidad de Cabildo|2",
					"10:Municipalidad de Santo Domingo|2", "11:Municipalidad de San Felipe|11",
					"12:Municipalidad de Los Andes|8", "13:Municipalidad de Cartagena|3",
					"14:Municipalidad de Los Andes|7", "15:Municipalidad de La Calera|2",
					"16:Municipalidad de Cartagena|6", "17:Municipalidad de Llaillay|8");
		assertThat(copy).extracting(ExportFileItemReaderTests::describe)
			.containsExactlyElementsOf(rows.stream().map(ExportFileItemReaderTests::describe).toList());
		assertThat(rows.get(0).keyParts()).containsExactly("MUNICIPALIDAD DE LIMACHE", "2");
	}

	@Test
	void municipal2016() throws Exception {
		// given municipal_2016.csv

		// when
		List<ExportRow> rows = read("municipal", "municipal_2016.csv");

		// then
		assertThat(rows).extracting(ExportFileItemReaderTests::summary)
			.containsExactly("2:MUNICIPALIDAD DE LLAILLAY|8", "3:Municipalidad de Los Andes|10",
					"4:Municipalidad de La Ligua|4", "5:Municipalidad de Quilpué|", "6:Municipalidad de San Felipe|8",
					"7:Municipalidad de San Antonio|5", "8:Gobernación Provincial de San Antonio|7",
					"9:Municipalidad de La Ligua|13", "10:Municipalidad de Llaillay|1",
					"11:Municipalidad de Valparaíso|2", "12:Municipalidad de San Felipe|14",
					"13:Municipalidad de Llaillay|2", "14:Municipalidad de La Ligua|18",
					"15:Municipalidad de San Antonio|1", "16:Municipalidad de La Ligua|15",
					"17:Municipalidad de Quilpué|3", "18:Municipalidad de Villa Alemana|7",
					"19:Municipalidad de Llaillay|4", "20:Municipalidad de Quillota|1",
					"21:Municipalidad de San Antonio|3");
	}

	// ---------------------------------------------------------------- mobile unit

	@Test
	void mobileUnit() throws Exception {
		// given the mobile unit's exports: key fecha + comuna_visitada + correlativo

		// when
		List<ExportRow> rows2014 = read("movil", "movil_2014.csv");
		List<ExportRow> rows2015 = read("movil", "movil_2015.csv");
		List<ExportRow> rows2016 = read("movil", "movil_2016.csv");

		// then
		assertThat(rows2014).extracting(ExportFileItemReaderTests::summary)
			.containsExactly("2:2014-01-03|Valparaíso|1", "3:2014-01-10|Viña del Mar|2", "4:2014-02-13|Algarrobo|2",
					"5:2014-06-06|Concón|3", "6:2014-09-08|Quillota|3", "7:2014-12-04|Panquehue|2");
		assertThat(rows2015).extracting(ExportFileItemReaderTests::summary)
			.containsExactly("2:2014-12-04|Panquehue|2", "3:2015-02-06|Santa María|1", "4:2015-02-13|La Calera|3",
					"5:2015-02-20|Quintero|3", "6:2015-04-23|La Ligua|1", "7:2015-07-24|Zapallar|2",
					"8:2015-10-06|San Esteban|3");
		assertThat(rows2016).extracting(ExportFileItemReaderTests::summary)
			.containsExactly("2:2015-10-06|San Esteban|3", "3:2016-01-19|Cabildo|3", "4:2016-02-17|El Quisco|3",
					"5:2016-02-23|El Tabo|3", "6:2031-01-01|Quillota|1", "7:2016-06-21|San Felipe|2",
					"8:2016-08-12|Santo Domingo|3", "9:2016-12-16|Petorca|1");
		assertThat(describe(rows2014.get(0))).isEqualTo("2 [2014-01-03, Valparaíso, 1] date=2014-01-03 "
				+ "type=reclamo subtype=null channel=null rut=22.350.983-5 region=null comuna=Valparaíso folio=null "
				+ "organization=null place=Valparaíso fields=7/7");
		assertThat(describe(rows2016.get(4))).isEqualTo("6 [2031-01-01, Quillota, 1] date=2031-01-01 type=consulta "
				+ "subtype=null channel=null rut= region=null comuna=Quillota folio=null organization=null "
				+ "place=Quillota fields=7/7");
	}

	// ---------------------------------------------------------------- partner services

	@Test
	void partnerServicesTabDelimited() throws Exception {
		// given convenio_2014.csv: UTF-8, TAB, LF; key institucion + id_caso; tipo C / R

		// when
		List<ExportRow> rows = read("convenio", "convenio_2014.csv");

		// then
		assertThat(rows).extracting(ExportFileItemReaderTests::summary)
			.containsExactly("2:ChileAtiende|10013", "3:ChileAtiende|10005", "4:Instituto de Previsión Social|10001",
					"5:ChileAtiende|10003");
		assertThat(describe(rows.get(0))).isEqualTo("2 [ChileAtiende, 10013] date=20150631 type=R subtype=null "
				+ "channel=null rut= region=null comuna= folio= organization=ChileAtiende place=null fields=7/7");
		assertThat(describe(rows.get(2))).isEqualTo("4 [Instituto de Previsión Social, 10001] date=20140819 type=R "
				+ "subtype=null channel=null rut=139632311 region=null comuna=Concón folio=R-2014-9000007 "
				+ "organization=Instituto de Previsión Social place=null fields=7/7");
	}

	@Test
	void partnerServicesReorderedWithExtraColumn() throws Exception {
		// given convenio_2015.csv: columns reordered and EXTRA_CONVENIO added; its first
		// row is the last of 2014
		ExportRow original = read("convenio", "convenio_2014.csv").get(3);

		// when
		List<ExportRow> rows = read("convenio", "convenio_2015.csv");
		List<ExportRow> rows2016 = read("convenio", "convenio_2016.csv");

		// then
		assertThat(rows).extracting(ExportFileItemReaderTests::summary)
			.containsExactly("2:ChileAtiende|10003", "3:ChileAtiende|10016", "4:Instituto de Previsión Social|10002",
					"5:ChileAtiende|10008", "6:ChileAtiende|10007");
		assertThat(rows2016).extracting(ExportFileItemReaderTests::summary)
			.containsExactly("2:ChileAtiende|10007", "3:ChileAtiende|10009", "4:ChileAtiende|10012",
					"5:Instituto de Previsión Social|10004", "6:ChileAtiende|10019");
		assertThat(describe(rows.get(0))).isEqualTo("2 [ChileAtiende, 10003] date=20140924 type=R subtype=null "
				+ "channel=null rut=15641338-0 region=null comuna=Los Andes folio= organization=ChileAtiende "
				+ "place=null fields=8/8");
		assertThat(describe(original)).isEqualTo(describe(rows.get(0)).replace("2 [", "5 [").replace("8/8", "7/7"));
	}

	// ---------------------------------------------------------------- header, restart,
	// empty files

	@Test
	void fileWithoutRequiredColumnsIsNotOpened() throws Exception {
		// given callcenter_resumen.csv: matches callcenter_*.csv but is a summary
		// (MES;TOTAL)
		Path file = SAMPLES.resolve("callcenter_resumen.csv");
		SourceProfile profile = DefaultSourceProfiles.get("callcenter");
		ExportFileItemReader reader = new ExportFileItemReader("exportFileItemReader", file, profile,
				DefaultSourceProfiles.LIMITS);

		// when
		ExportHeader header = ExportFileItemReader.readHeader(file, profile, DefaultSourceProfiles.LIMITS);

		// then
		assertThat(header.missingColumns()).containsExactly("ID_LLAMADA", "FECHA_HORA", "TIPO_ATENCION", "RUT",
				"REGION", "COMUNA");
		assertThat(header.fieldCount()).isEqualTo(2);
		assertThatExceptionOfType(ItemStreamException.class).isThrownBy(() -> reader.open(new ExecutionContext()))
			.havingCause()
			.withMessage("Faltan columnas obligatorias: ID_LLAMADA, FECHA_HORA, TIPO_ATENCION, RUT, REGION, COMUNA"
					+ " (encabezado en la línea 1). Columnas esperadas: ID_LLAMADA, FECHA_HORA, TIPO_ATENCION, RUT,"
					+ " REGION, COMUNA (callcenter_resumen.csv)");
	}

	@Test
	void headerOfAReadableFile() throws Exception {
		// given the re-saved call center export

		// when
		ExportHeader header = ExportFileItemReader.readHeader(SAMPLES.resolve("callcenter_2015.csv"),
				DefaultSourceProfiles.get("callcenter"), DefaultSourceProfiles.LIMITS);

		// then
		assertThat(header.missingColumns()).isEmpty();
		assertThat(header.fieldCount()).isEqualTo(9);
	}

	@Test
	void emptyFileHasNoHeader() throws Exception {
		// given a 0-byte file and a file of empty rows only
		Path empty = Files.write(this.temp.resolve("callcenter_vacio.csv"), new byte[0]);
		Path blank = Files.writeString(this.temp.resolve("callcenter_blanco.csv"), ";;;\r\n\r\n;;;\r\n");
		SourceProfile profile = DefaultSourceProfiles.get("callcenter");
		ExportFileItemReader reader = new ExportFileItemReader("exportFileItemReader", empty, profile,
				DefaultSourceProfiles.LIMITS);

		// when
		ExportHeader emptyHeader = ExportFileItemReader.readHeader(empty, profile, DefaultSourceProfiles.LIMITS);
		ExportHeader blankHeader = ExportFileItemReader.readHeader(blank, profile, DefaultSourceProfiles.LIMITS);

		// then
		assertThat(emptyHeader).isNull();
		assertThat(blankHeader).isNull();
		assertThatExceptionOfType(ItemStreamException.class).isThrownBy(() -> reader.open(new ExecutionContext()))
			.havingCause()
			.withMessage("Archivo vacío o sin fila de encabezado (callcenter_vacio.csv)");
	}

	@Test
	void headerOnlyFileHasNoRows() throws Exception {
		// given a portal export with its header and nothing else
		Path file = Files.writeString(this.temp.resolve("portal_vacio.csv"),
				"folio,fecha_ingreso,tipo_solicitud,subtipo,canal_origen,rut_consumidor,region,comuna\n");

		// when
		List<ExportRow> rows = read(file, DefaultSourceProfiles.get("portal"));

		// then
		assertThat(rows).isEmpty();
	}

	@Test
	void emptyRowsBeforeTheHeaderAndBetweenRowsAreSkipped() throws Exception {
		// given empty rows before the header and between data rows
		Path file = Files.writeString(this.temp.resolve("movil_2017.csv"),
				",,,,,,\n\nfecha,comuna_visitada,programa,correlativo,tipo,rut,mercado\n"
						+ "2016-01-19,Cabildo,x,3,consulta,,\n,,,,,,\n2016-02-17,El Quisco,y,3,reclamo,,\n",
				StandardCharsets.UTF_8);

		// when
		List<ExportRow> rows = read(file, DefaultSourceProfiles.get("movil"));

		// then
		assertThat(rows).extracting(ExportFileItemReaderTests::summary)
			.containsExactly("4:2016-01-19|Cabildo|3", "6:2016-02-17|El Quisco|3");
	}

	@Test
	void restartSkipsTheRowsAlreadyRead() throws Exception {
		// given a reader that read 3 rows of callcenter_2015.csv and saved its state
		Path file = SAMPLES.resolve("callcenter_2015.csv");
		SourceProfile profile = DefaultSourceProfiles.get("callcenter");
		ExecutionContext context = new ExecutionContext();
		ExportFileItemReader first = new ExportFileItemReader("exportFileItemReader", file, profile,
				DefaultSourceProfiles.LIMITS);
		first.open(context);
		for (int i = 0; i < 3; i++) {
			first.read();
		}
		first.update(context);
		first.close();

		// when
		ExportFileItemReader restarted = new ExportFileItemReader("exportFileItemReader", file, profile,
				DefaultSourceProfiles.LIMITS);
		restarted.open(context);
		ExportRow next = restarted.read();
		restarted.close();

		// then
		assertThat(context.getInt("exportFileItemReader.read.count")).isEqualTo(3);
		assertThat(summary(next)).isEqualTo("5:4000040");
	}

	// ---------------------------------------------------------------- helpers

	private static List<ExportRow> read(String source, String fileName) throws Exception {
		return read(SAMPLES.resolve(fileName), DefaultSourceProfiles.get(source));
	}

	private static List<ExportRow> read(Path file, SourceProfile profile) throws Exception {
		ExportFileItemReader reader = new ExportFileItemReader("exportFileItemReader", file, profile,
				DefaultSourceProfiles.LIMITS);
		List<ExportRow> rows = new ArrayList<>();
		reader.open(new ExecutionContext());
		try {
			for (ExportRow row = reader.read(); row != null; row = reader.read()) {
				rows.add(row);
			}
		}
		finally {
			reader.close();
		}
		return rows;
	}

	/** {@code line:key|parts}, or {@code line:PROBLEM(fields)}. */
	static String summary(ExportRow row) {
		if (row.problem() != null) {
			return row.line() + ":" + row.problem() + "(" + row.fieldCount() + ")";
		}
		return row.line() + ":" + String.join("|", row.keyParts());
	}

	/** Every projected value of a row. */
	static String describe(ExportRow row) {
		return row.line() + " " + List.of(row.keyParts()) + " date=" + row.date() + " type=" + row.type() + " subtype="
				+ row.subtype() + " channel=" + row.channel() + " rut=" + row.rut() + " region=" + row.region()
				+ " comuna=" + row.comuna() + " folio=" + row.folio() + " organization=" + row.organization()
				+ " place=" + row.place() + " fields=" + row.fieldCount() + "/" + row.headerFieldCount();
	}

}
