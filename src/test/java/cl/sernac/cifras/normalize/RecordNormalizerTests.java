package cl.sernac.cifras.normalize;

import java.time.LocalDate;
import java.util.List;

import cl.sernac.cifras.reading.DefaultSourceProfiles;
import cl.sernac.cifras.reading.ExportRow;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link RecordNormalizer} with the six default profiles: SPEC rules 3 (reject), 4 (keep
 * with a warning) and 5 (key folding), and the codes an accepted row becomes.
 */
class RecordNormalizerTests {

	/** A fixed day of the run: rule 3 rejects later dates. */
	private static final LocalDate RUN_DATE = LocalDate.of(2017, 3, 15);

	private static final RutHasher HASHER = new RutHasher(new byte[32]);

	private static Territory territory;

	@BeforeAll
	static void loadTerritory() {
		territory = Territory.load();
	}

	// ---------------------------------------------------------------- accepted rows, one
	// per source

	@Test
	void acceptsACallCenterRow() {
		// given
		ExportRow row = callcenter(3, " 4000033", "17/02/2014 13:27:23", " consulta", "12.345.678-5",
				"Región de Valparaíso", "Villa Alemana");

		// when
		RowOutcome outcome = normalize("callcenter", row);

		// then
		assertThat(outcome).isEqualTo(new RowOutcome.Accepted(3, "4000033", "CONSULTA", null, "CALL_CENTER", 20140217,
				"05804", "05", HASHER.hash("12345678-5"), null, null, null, List.of()));
	}

	@Test
	void rejectsAKeyLongerThanTheStoreKeeps() {
		// given a call id of 401 characters
		ExportRow row = callcenter(7, "4".repeat(401), "17/02/2014 13:27:23", "consulta", "", "", "");

		// when
		RowOutcome outcome = normalize("callcenter", row);

		// then the row is rejected with the reason, and the rest of the file goes on
		assertThat(outcome).isEqualTo(
				new RowOutcome.Rejected(7, RejectReason.VALUE_TOO_LONG, "La clave tiene 401 caracteres (máximo 400)"));
	}

	@Test
	void rejectsAnInstitutionLongerThanTheStoreKeeps() {
		// given a partner service named with 201 characters
		ExportRow row = convenio(4, "I".repeat(201), "10001", "20140819", "R", "", "", "");

		// when
		RowOutcome outcome = normalize("convenio", row);

		// then
		assertThat(outcome).isEqualTo(new RowOutcome.Rejected(4, RejectReason.VALUE_TOO_LONG,
				"La institución tiene 201 caracteres (máximo 200)"));
	}

	@Test
	void acceptsAPortalRow() {
		// given
		ExportRow row = portal(5, "R-2015-0000031", "2015-01-15T05:48:47", "reclamo", "", "", "15509661-6", "5",
				"Llaillay");

		// when
		RowOutcome outcome = normalize("portal", row);

		// then the central folio is the key
		assertThat(outcome).isEqualTo(new RowOutcome.Accepted(5, "R-2015-0000031", "RECLAMO", null, "INTERNET",
				20150115, "05703", "05", HASHER.hash("15509661-6"), "R-2015-0000031", null, null, List.of()));
	}

	@Test
	void acceptsAnOfficeSoni() {
		// given
		ExportRow row = oficina(6, "200085", "10-04-2015", "SONI", "Reconocimiento", "10.000.013-K", "San Esteban");

		// when
		RowOutcome outcome = normalize("oficina", row);

		// then
		assertThat(outcome).isEqualTo(new RowOutcome.Accepted(6, "200085", "SONI", "RECONOCIMIENTO", "OFICINA",
				20150410, "05304", null, HASHER.hash("10000013-K"), null, null, null, List.of()));
	}

	@Test
	void acceptsAMunicipalRow() {
		// given
		ExportRow row = municipal(2, "Gobernación Provincial de San Antonio", "5", "14/2/2014", "Reclamo",
				"R-2014-9000018", "12678579-8", "Limache");

		// when
		RowOutcome outcome = normalize("municipal", row);

		// then
		assertThat(outcome).isEqualTo(new RowOutcome.Accepted(2, "GOBERNACION PROVINCIAL DE SAN ANTONIO|5", "RECLAMO",
				null, "MUNICIPAL", 20140214, "05802", null, HASHER.hash("12678579-8"), "R-2014-9000018",
				"GOBERNACION PROVINCIAL DE SAN ANTONIO", null, List.of()));
	}

	@Test
	void acceptsAMobileUnitRow() {
		// given
		ExportRow row = movil(2, "2014-01-03", "Valparaíso", "1", "reclamo", "12345678-5");

		// when
		RowOutcome outcome = normalize("movil", row);

		// then the visited comuna is both the comuna and the place
		assertThat(outcome).isEqualTo(new RowOutcome.Accepted(2, "2014-01-03|VALPARAISO|1", "RECLAMO", null, "MOVIL",
				20140103, "05101", null, HASHER.hash("12345678-5"), null, null, "05101", List.of()));
	}

	@Test
	void acceptsAPartnerServiceRow() {
		// given
		ExportRow row = convenio(4, "Instituto de Previsión Social", "10001", "20140819", "R", "R-2014-9000007", "",
				"Concón");

		// when
		RowOutcome outcome = normalize("convenio", row);

		// then
		assertThat(outcome)
			.isEqualTo(new RowOutcome.Accepted(4, "INSTITUTO DE PREVISION SOCIAL|10001", "RECLAMO", null, "CONVENIO",
					20140819, "05103", null, null, "R-2014-9000007", "INSTITUTO DE PREVISION SOCIAL", null, List.of()));
	}

	// ---------------------------------------------------------------- rule 3: missing
	// key

	@Test
	void missingKeyIsRejectedNamingTheColumn() {
		// given rows where one key part is empty, blank or a no-break space
		ExportRow callcenterEmpty = callcenter(11, "", "03/03/2015 10:00:00", "CONSULTA", "", "", "");
		ExportRow callcenterBlank = callcenter(12, "   ", "03/03/2015 10:00:00", "CONSULTA", "", "", "");
		ExportRow municipalNoId = municipal(15, "Municipalidad de Quilpué", "", "3/3/2015", "Reclamo", "", "", "");
		ExportRow municipalNoName = municipal(16, "", "3", "3/3/2015", "Reclamo", "", "", "");
		ExportRow movilNoComuna = movil(7, "2016-01-19", " ", "3", "consulta", "");
		ExportRow convenioNoId = convenio(8, "ChileAtiende", "\u00A0", "20150318", "R", "", "", "");

		// when / then
		assertThat(normalize("callcenter", callcenterEmpty))
			.isEqualTo(new RowOutcome.Rejected(11, RejectReason.MISSING_KEY, "Columna ID_LLAMADA vacía"));
		assertThat(normalize("callcenter", callcenterBlank))
			.isEqualTo(new RowOutcome.Rejected(12, RejectReason.MISSING_KEY, "Columna ID_LLAMADA vacía"));
		assertThat(normalize("municipal", municipalNoId))
			.isEqualTo(new RowOutcome.Rejected(15, RejectReason.MISSING_KEY, "Columna ID Registro vacía"));
		assertThat(normalize("municipal", municipalNoName))
			.isEqualTo(new RowOutcome.Rejected(16, RejectReason.MISSING_KEY, "Columna Municipio vacía"));
		assertThat(normalize("movil", movilNoComuna))
			.isEqualTo(new RowOutcome.Rejected(7, RejectReason.MISSING_KEY, "Columna comuna_visitada vacía"));
		assertThat(normalize("convenio", convenioNoId))
			.isEqualTo(new RowOutcome.Rejected(8, RejectReason.MISSING_KEY, "Columna id_caso vacía"));
	}

	@Test
	void missingKeyIsReportedBeforeABadDate() {
		// given a row without key and with an impossible date
		ExportRow row = callcenter(6, "", "31/02/2015 10:00:00", "RECLAMO", "", "", "");

		// when
		RowOutcome outcome = normalize("callcenter", row);

		// then
		assertThat(outcome).isEqualTo(new RowOutcome.Rejected(6, RejectReason.MISSING_KEY, "Columna ID_LLAMADA vacía"));
	}

	// ---------------------------------------------------------------- rule 3: dates

	@ParameterizedTest(name = "{0} ''{1}''")
	@CsvSource(delimiter = '|', textBlock = """
			callcenter | 31/02/2015 10:00:00
			callcenter | 2015-02-28 10:00:00
			callcenter | 28/02/2015
			callcenter | 28/02/2015 24:00:00
			portal     | 2015-01-15 05:48:47
			portal     | 2015-02-29T10:00:00
			oficina    | 2015-07-01
			oficina    | 31-04-2015
			municipal  | 29/2/2015
			municipal  | 2015-02-05
			movil      | 05-02-2015
			convenio   | 2015-06-30
			""")
	void unreadableOrNonExistentDateIsRejected(String source, String date) {
		// given
		ExportRow row = rowWithDate(source, 9, date);

		// when
		RowOutcome outcome = normalize(source, row);

		// then
		assertThat(outcome).isEqualTo(new RowOutcome.Rejected(9, RejectReason.BAD_DATE, "Fecha '" + date + "'"));
	}

	@Test
	void partnerServiceBadDateOfEightDigitsIsShown() {
		// given convenio_2014.csv's 20150631: eight digits, the shape of a RUT without
		// separators, but read as a year, a month and a day
		ExportRow row = rowWithDate("convenio", 2, "20150631");

		// when
		RowOutcome outcome = normalize("convenio", row);

		// then rejected, and the analyst sees the date that does not exist
		assertThat(outcome).isEqualTo(new RowOutcome.Rejected(2, RejectReason.BAD_DATE, "Fecha '20150631'"));
	}

	@ParameterizedTest(name = "''{0}'' -> {1}")
	@CsvSource(delimiter = '|', textBlock = """
			31062015                | Fecha '31062015'
			20151331                | Fecha con forma de RUT (no se muestra)
			12345678                | Fecha con forma de RUT (no se muestra)
			12.345.678-5            | Fecha con forma de RUT (no se muestra)
			12 345 678 5            | Fecha con forma de RUT (no se muestra)
			12-345-678-5            | Fecha con forma de RUT (no se muestra)
			0012345678-5            | Fecha con forma de RUT (no se muestra)
			12.345.678–5            | Fecha de 12 caracteres con letras u otros signos (no se muestra)
			12,345,678-5            | Fecha de 12 caracteres con letras u otros signos (no se muestra)
			María José Pérez Soto   | Fecha de 21 caracteres con letras u otros signos (no se muestra)
			Pérez                   | Fecha de 5 caracteres con letras u otros signos (no se muestra)
			31/02/2015 25:00:00     | Fecha '31/02/2015 25:00:00'
			12.345.678              | Fecha de 10 caracteres sin forma de fecha (no se muestra)
			12-345-678              | Fecha de 10 caracteres sin forma de fecha (no se muestra)
			12.345.678/5            | Fecha de 12 caracteres sin forma de fecha (no se muestra)
			12/345/678/5            | Fecha de 12 caracteres sin forma de fecha (no se muestra)
			12:345:678-5            | Fecha de 12 caracteres sin forma de fecha (no se muestra)
			2015-06-31T10:00:00     | Fecha '2015-06-31T10:00:00'
			""")
	void aBadDateIsShownOnlyWhenItCannotBeANameOrARut(String date, String detail) {
		// given
		ExportRow row = rowWithDate("convenio", 2, date);

		// when
		RowOutcome outcome = normalize("convenio", row);

		// then
		assertThat(outcome).isEqualTo(new RowOutcome.Rejected(2, RejectReason.BAD_DATE, detail));
	}

	@Test
	void emptyDateIsRejected() {
		// given
		ExportRow empty = rowWithDate("oficina", 4, "");
		ExportRow blank = rowWithDate("oficina", 5, "  ");

		// when / then
		assertThat(normalize("oficina", empty))
			.isEqualTo(new RowOutcome.Rejected(4, RejectReason.BAD_DATE, "Fecha vacía"));
		assertThat(normalize("oficina", blank))
			.isEqualTo(new RowOutcome.Rejected(5, RejectReason.BAD_DATE, "Fecha vacía"));
	}

	@ParameterizedTest(name = "{0} ''{1}'' -> {2}")
	@CsvSource(delimiter = '|', textBlock = """
			callcenter | 16/12/2015 10:39:20     | 20151216
			callcenter | ' 16/12/2015 10:39:20 ' | 20151216
			portal     | 2015-01-04T15:00:00     | 20150104
			portal     | 2016-02-29T23:59:59     | 20160229
			oficina    | 26-12-2014              | 20141226
			municipal  | 5/2/2015                | 20150205
			municipal  | 29/2/2016               | 20160229
			municipal  | 31/12/2015              | 20151231
			movil      | 2015-10-06              | 20151006
			convenio   | 20160708                | 20160708
			""")
	void intakeDayIsTheDateAsYyyymmdd(String source, String date, int intakeDay) {
		// given
		ExportRow row = rowWithDate(source, 2, date);

		// when
		RowOutcome outcome = normalize(source, row);

		// then
		assertThat(outcome).isInstanceOfSatisfying(RowOutcome.Accepted.class,
				(accepted) -> assertThat(accepted.intakeDay()).isEqualTo(intakeDay));
	}

	@Test
	void dateBefore2000OrAfterTheRunIsRejected() {
		// given the run of 2017-03-15
		ExportRow before2000 = portal(8, "R-2015-8000005", "1999-12-31T10:00:00", "reclamo", "", "", "", "", "");
		ExportRow future = movil(6, "2031-01-01", "Quillota", "1", "consulta", "");
		ExportRow dayAfterRun = movil(7, "2017-03-16", "Quillota", "2", "consulta", "");

		// when / then
		assertThat(normalize("portal", before2000)).isEqualTo(new RowOutcome.Rejected(8, RejectReason.DATE_OUT_OF_RANGE,
				"Fecha 1999-12-31, ejecución del 2017-03-15"));
		assertThat(normalize("movil", future)).isEqualTo(new RowOutcome.Rejected(6, RejectReason.DATE_OUT_OF_RANGE,
				"Fecha 2031-01-01, ejecución del 2017-03-15"));
		assertThat(normalize("movil", dayAfterRun)).isEqualTo(new RowOutcome.Rejected(7, RejectReason.DATE_OUT_OF_RANGE,
				"Fecha 2017-03-16, ejecución del 2017-03-15"));
	}

	@Test
	void firstDayOf2000AndTheRunDayItselfAreAccepted() {
		// given
		ExportRow first = movil(2, "2000-01-01", "Quillota", "1", "consulta", "");
		ExportRow runDay = portal(3, "C-2017-0000001", "2017-03-15T23:59:59", "consulta", "", "", "", "", "");

		// when / then
		assertThat(normalize("movil", first)).isInstanceOfSatisfying(RowOutcome.Accepted.class,
				(accepted) -> assertThat(accepted.intakeDay()).isEqualTo(20000101));
		assertThat(normalize("portal", runDay)).isInstanceOfSatisfying(RowOutcome.Accepted.class,
				(accepted) -> assertThat(accepted.intakeDay()).isEqualTo(20170315));
	}

	// ---------------------------------------------------------------- rule 3: types

	@Test
	void unknownTypeIsRejected() {
		// given
		ExportRow queja = portal(45, "R-2015-8000003", "2015-06-01T10:00:00", "queja", "", "", "", "", "");
		ExportRow soniAtCallCenter = callcenter(4, "4000200", "01/06/2015 10:00:00", "SONI", "", "", "");
		ExportRow emptyType = movil(3, "2015-02-06", "Santa María", "1", "", "");
		ExportRow otherLetter = convenio(5, "ChileAtiende", "10020", "20150318", "X", "", "", "");

		// when / then
		assertThat(normalize("portal", queja))
			.isEqualTo(new RowOutcome.Rejected(45, RejectReason.UNKNOWN_TYPE, "Tipo de 5 caracteres (no se muestra)"));
		assertThat(normalize("callcenter", soniAtCallCenter))
			.isEqualTo(new RowOutcome.Rejected(4, RejectReason.UNKNOWN_TYPE, "Tipo de 4 caracteres (no se muestra)"));
		assertThat(normalize("movil", emptyType))
			.isEqualTo(new RowOutcome.Rejected(3, RejectReason.UNKNOWN_TYPE, "Tipo vacío"));
		assertThat(normalize("convenio", otherLetter))
			.isEqualTo(new RowOutcome.Rejected(5, RejectReason.UNKNOWN_TYPE, "Tipo 'X'"));
	}

	@ParameterizedTest(name = "''{0}'' -> {1}")
	@CsvSource(delimiter = '|', textBlock = """
			CONSULTA     | CONSULTA
			' consulta ' | CONSULTA
			Consulta     | CONSULTA
			RECLAMO      | RECLAMO
			reclamó      | RECLAMO
			""")
	void typeIsComparedIgnoringCaseAccentsAndSpaces(String raw, String type) {
		// given
		ExportRow row = callcenter(2, "4000004", "13/01/2014 12:41:54", raw, "", "", "");

		// when
		RowOutcome outcome = normalize("callcenter", row);

		// then
		assertThat(outcome).isInstanceOfSatisfying(RowOutcome.Accepted.class,
				(accepted) -> assertThat(accepted.recordType()).isEqualTo(type));
	}

	@Test
	void soniNeedsAKnownSubtype() {
		// given SONI rows with an unknown and an empty subtype
		ExportRow unknown = oficina(7, "200200", "10-04-2015", "SONI", "Felicitación", "", "");
		ExportRow empty = portal(8, "S-2015-0000099", "2015-04-10T10:00:00", "soni", "", "", "", "", "");

		// when / then
		assertThat(normalize("oficina", unknown)).isEqualTo(
				new RowOutcome.Rejected(7, RejectReason.UNKNOWN_TYPE, "Subtipo SONI de 12 caracteres (no se muestra)"));
		assertThat(normalize("portal", empty))
			.isEqualTo(new RowOutcome.Rejected(8, RejectReason.UNKNOWN_TYPE, "Subtipo SONI vacío"));
	}

	@ParameterizedTest(name = "''{0}'' -> {1}")
	@CsvSource(delimiter = '|', textBlock = """
			Disconformidad   | DISCONFORMIDAD
			reconocimiento   | RECONOCIMIENTO
			' SUGERENCIA '   | SUGERENCIA
			Sugerência       | SUGERENCIA
			""")
	void soniSubtypes(String raw, String subtype) {
		// given
		ExportRow row = oficina(2, "200100", "14-02-2014", "SONI", raw, "", "");

		// when
		RowOutcome outcome = normalize("oficina", row);

		// then
		assertThat(outcome).isInstanceOfSatisfying(RowOutcome.Accepted.class, (accepted) -> {
			assertThat(accepted.recordType()).isEqualTo("SONI");
			assertThat(accepted.subtype()).isEqualTo(subtype);
		});
	}

	@Test
	void subtypeOfAConsultaIsIgnored() {
		// given a consulta whose subtipo is filled
		ExportRow row = oficina(2, "200009", "06-05-2014", "Consulta", "Reconocimiento", "", "");

		// when
		RowOutcome outcome = normalize("oficina", row);

		// then
		assertThat(outcome).isInstanceOfSatisfying(RowOutcome.Accepted.class, (accepted) -> {
			assertThat(accepted.recordType()).isEqualTo("CONSULTA");
			assertThat(accepted.subtype()).isNull();
		});
	}

	// ---------------------------------------------------------------- rule 3: syntax
	// problems

	@Test
	void rowProblemsAreRejected() {
		// given rows the reader could not project
		ExportRow fieldCount = problem(25, ExportRow.Problem.FIELD_COUNT, 9, 8);
		ExportRow unbalanced = problem(3, ExportRow.Problem.UNBALANCED_QUOTE, 0, 11);
		ExportRow tooLong = problem(4, ExportRow.Problem.LINE_TOO_LONG, 0, 11);
		ExportRow control = problem(5, ExportRow.Problem.CONTROL_CHARACTERS, 11, 11);

		// when / then
		assertThat(normalize("callcenter", fieldCount))
			.isEqualTo(new RowOutcome.Rejected(25, RejectReason.FIELD_COUNT, "9 campos; el encabezado tiene 8"));
		assertThat(normalize("portal", unbalanced))
			.isEqualTo(new RowOutcome.Rejected(3, RejectReason.UNBALANCED_QUOTE, ""));
		assertThat(normalize("portal", tooLong)).isEqualTo(new RowOutcome.Rejected(4, RejectReason.LINE_TOO_LONG, ""));
		assertThat(normalize("portal", control))
			.isEqualTo(new RowOutcome.Rejected(5, RejectReason.CONTROL_CHARACTERS, ""));
	}

	// ---------------------------------------------------------------- rule 5: keys

	@Test
	void keysThatDifferOnlyInSpacingCaseOrAccentsAreTheSame() {
		// given the same records as different exports spell them
		ExportRow call2015 = callcenter(22, "4000047", "16/12/2015 10:39:20", "CONSULTA", "", "", "");
		ExportRow call2016 = callcenter(2, " 4000047", "16/12/2015 10:39:20", "CONSULTA", "", "", "");
		ExportRow limache2014 = municipal(14, "Municipalidad de Limache", "2", "29/12/2014", "Consulta", "", "", "");
		ExportRow limache2015 = municipal(2, "MUNICIPALIDAD DE LIMACHE", " 2 ", "29/12/2014", "Consulta", "", "", "");
		ExportRow quilpue = municipal(17, "Municipalidad de Quilpué", "3", "18/11/2016", "Consulta", "", "", "");
		ExportRow quilpueSpaced = municipal(18, " MUNICIPALIDAD  DE\u00A0QUILPUE ", "3", "18/11/2016", "Consulta", "",
				"", "");
		ExportRow movil = movil(2, "2014-01-03", "Valparaíso", "1", "reclamo", "");
		ExportRow movilUpper = movil(3, " 2014-01-03", "VALPARAISO ", "1", "reclamo", "");

		// when / then
		assertThat(key("callcenter", call2015)).isEqualTo("4000047");
		assertThat(key("callcenter", call2016)).isEqualTo("4000047");
		assertThat(key("municipal", limache2014)).isEqualTo("MUNICIPALIDAD DE LIMACHE|2");
		assertThat(key("municipal", limache2015)).isEqualTo("MUNICIPALIDAD DE LIMACHE|2");
		assertThat(key("municipal", quilpue)).isEqualTo("MUNICIPALIDAD DE QUILPUE|3");
		assertThat(key("municipal", quilpueSpaced)).isEqualTo("MUNICIPALIDAD DE QUILPUE|3");
		assertThat(key("movil", movil)).isEqualTo("2014-01-03|VALPARAISO|1");
		assertThat(key("movil", movilUpper)).isEqualTo("2014-01-03|VALPARAISO|1");
	}

	@Test
	void centralFolioIsFolded() {
		// given a portal folio in lower case and a municipal Folio SERNAC with spaces
		ExportRow portalRow = portal(4, " r-2014-9000018", "2014-02-16T16:30:00", "reclamo", "", "MUNICIPAL", "", "",
				"");
		ExportRow municipalRow = municipal(2, "Gobernación Provincial de San Antonio", "5", "14/2/2014", "Reclamo",
				" R-2014-9000018 ", "", "");
		ExportRow noFolio = municipal(4, "Municipalidad de Los Andes", "4", "3/4/2014", "Consulta", "", "", "");

		// when
		RowOutcome.Accepted portal = (RowOutcome.Accepted) normalize("portal", portalRow);
		RowOutcome.Accepted municipal = (RowOutcome.Accepted) normalize("municipal", municipalRow);
		RowOutcome.Accepted withoutFolio = (RowOutcome.Accepted) normalize("municipal", noFolio);

		// then the two rows name the same central case
		assertThat(portal.recordKey()).isEqualTo("R-2014-9000018");
		assertThat(portal.folio()).isEqualTo("R-2014-9000018");
		assertThat(municipal.folio()).isEqualTo("R-2014-9000018");
		assertThat(withoutFolio.folio()).isNull();
	}

	// ---------------------------------------------------------------- channels and types
	// by source

	@ParameterizedTest(name = "''{0}'' -> {1}")
	@CsvSource(delimiter = '|', textBlock = """
			C          | CONSULTA
			c          | CONSULTA
			' R '      | RECLAMO
			r          | RECLAMO
			Reclamo    | RECLAMO
			""")
	void partnerServiceTypeLetters(String raw, String type) {
		// given
		ExportRow row = convenio(3, "ChileAtiende", "10005", "20140611", raw, "R-2014-9000009", "", "Putaendo");

		// when
		RowOutcome outcome = normalize("convenio", row);

		// then
		assertThat(outcome).isEqualTo(new RowOutcome.Accepted(3, "CHILEATIENDE|10005", type, null, "CONVENIO", 20140611,
				"05705", null, null, "R-2014-9000009", "CHILEATIENDE", null, List.of()));
	}

	@ParameterizedTest(name = "''{0}'' -> {1}")
	@CsvSource(delimiter = '|', textBlock = """
			''           | INTERNET
			'  '         | INTERNET
			INTERNET     | INTERNET
			Internet     | INTERNET
			MUNICIPAL    | MUNICIPAL
			' convenio ' | CONVENIO
			""")
	void portalChannelOfOrigin(String canalOrigen, String channel) {
		// given
		ExportRow row = portal(2, "R-2014-9000018", "2014-02-16T16:30:00", "reclamo", "", canalOrigen, "", "", "");

		// when
		RowOutcome outcome = normalize("portal", row);

		// then
		assertThat(outcome).isInstanceOfSatisfying(RowOutcome.Accepted.class, (accepted) -> {
			assertThat(accepted.channel()).isEqualTo(channel);
			assertThat(accepted.warnings()).isEmpty();
		});
	}

	@Test
	void unknownPortalChannelIsInternetWithAWarning() {
		// given
		ExportRow row = portal(2, "R-2014-0000003", "2014-01-12T21:30:10", "reclamo", "", "TELEFONO", "", "", "");

		// when
		RowOutcome outcome = normalize("portal", row);

		// then
		assertThat(outcome).isEqualTo(new RowOutcome.Accepted(2, "R-2014-0000003", "RECLAMO", null, "INTERNET",
				20140112, null, null, null, "R-2014-0000003", null, null, List.of(WarningKind.CHANNEL_UNKNOWN)));
	}

	@Test
	void otherSourcesHaveTheirFixedChannel() {
		// given one row per source without a channel column

		// when / then
		assertThat(channel("callcenter", callcenter(2, "1", "13/01/2014 12:41:54", "CONSULTA", "", "", "")))
			.isEqualTo("CALL_CENTER");
		assertThat(channel("oficina", oficina(2, "1", "14-02-2014", "Consulta", "", "", ""))).isEqualTo("OFICINA");
		assertThat(channel("municipal", municipal(2, "M", "1", "14/2/2014", "Consulta", "", "", "")))
			.isEqualTo("MUNICIPAL");
		assertThat(channel("movil", movil(2, "2014-01-03", "Quillota", "1", "consulta", ""))).isEqualTo("MOVIL");
		assertThat(channel("convenio", convenio(2, "I", "1", "20140611", "C", "", "", ""))).isEqualTo("CONVENIO");
	}

	// ---------------------------------------------------------------- rule 4: RUT

	@Test
	void rutWithWrongCheckDigitIsKeptWithAWarning() {
		// given
		ExportRow row = callcenter(2, "4000004", "13/01/2014 12:41:54", "CONSULTA", "12.345.678-K", "05", "Rinconada");

		// when
		RowOutcome outcome = normalize("callcenter", row);

		// then
		assertThat(outcome).isEqualTo(new RowOutcome.Accepted(2, "4000004", "CONSULTA", null, "CALL_CENTER", 20140113,
				"05303", "05", null, null, null, null, List.of(WarningKind.RUT_INVALID)));
	}

	@ParameterizedTest(name = "''{0}''")
	@ValueSource(strings = { "12.345.678-5", "12345678-5", "123456785", " 12.345.678 - 5 " })
	void validRutSpellingsHaveTheSameHash(String rut) {
		// given
		ExportRow row = movil(2, "2014-01-03", "Quillota", "1", "consulta", rut);

		// when
		RowOutcome outcome = normalize("movil", row);

		// then the keyed hash of the canonical RUT, never the RUT
		assertThat(outcome).isInstanceOfSatisfying(RowOutcome.Accepted.class, (accepted) -> {
			assertThat(accepted.rutHash()).isEqualTo(HASHER.hash("12345678-5")).hasSize(16).doesNotContain("12345678");
			assertThat(accepted.warnings()).isEmpty();
		});
	}

	@Test
	void rutWithLowerCaseKAndEmptyRut() {
		// given
		ExportRow lowerK = movil(2, "2014-01-03", "Quillota", "1", "consulta", "10000013-k");
		ExportRow empty = movil(3, "2014-01-03", "Quillota", "2", "consulta", "");

		// when
		RowOutcome.Accepted withK = (RowOutcome.Accepted) normalize("movil", lowerK);
		RowOutcome.Accepted withoutRut = (RowOutcome.Accepted) normalize("movil", empty);

		// then
		assertThat(withK.rutHash()).isEqualTo(HASHER.hash("10000013-K"));
		assertThat(withK.rutHash()).isNotEqualTo(HASHER.hash("12345678-5"));
		assertThat(withoutRut.rutHash()).isNull();
		assertThat(withoutRut.warnings()).isEmpty();
	}

	// ---------------------------------------------------------------- rule 4: comuna and
	// region

	@ParameterizedTest(name = "''{0}'' -> {1}")
	@CsvSource(delimiter = '|', textBlock = """
			La Calera     | 05502
			CALERA        | 05502
			Llay-Llay     | 05703
			LLAY LLAY     | 05703
			Viña del Mar  | 05109
			VINA DEL MAR  | 05109
			Concón        | 05103
			""")
	void comunaSpellings(String comuna, String code) {
		// given
		ExportRow row = oficina(2, "200100", "14-02-2014", "Consulta", "", "", comuna);

		// when
		RowOutcome outcome = normalize("oficina", row);

		// then
		assertThat(outcome).isInstanceOfSatisfying(RowOutcome.Accepted.class, (accepted) -> {
			assertThat(accepted.comunaCode()).isEqualTo(code);
			assertThat(accepted.warnings()).isEmpty();
		});
	}

	@Test
	void unknownComunaIsKeptWithAWarning() {
		// given
		ExportRow row = oficina(18, "200038", "18-11-2016", "Consulta", "", "17.181.888-5", "Villa Inexistente");
		ExportRow blank = oficina(13, "200118", "01-07-2015", "Consulta", "", "", " ");

		// when
		RowOutcome outcome = normalize("oficina", row);
		RowOutcome blankOutcome = normalize("oficina", blank);

		// then
		assertThat(outcome).isInstanceOfSatisfying(RowOutcome.Accepted.class, (accepted) -> {
			assertThat(accepted.comunaCode()).isNull();
			assertThat(accepted.warnings()).containsExactly(WarningKind.COMUNA_UNKNOWN);
		});
		assertThat(blankOutcome).isInstanceOfSatisfying(RowOutcome.Accepted.class, (accepted) -> {
			assertThat(accepted.comunaCode()).isNull();
			assertThat(accepted.warnings()).isEmpty();
		});
	}

	@Test
	void unknownVisitedComunaIsOneWarning() {
		// given a mobile unit visit to a comuna that does not exist
		ExportRow row = movil(2, "2016-01-19", "Villa Inexistente", "3", "consulta", "");

		// when
		RowOutcome outcome = normalize("movil", row);

		// then the comuna's name, unknown and of two words, is kept in the key as its
		// keyed stand-in: it could be a person's name
		assertThat(outcome).isEqualTo(new RowOutcome.Accepted(2,
				"2016-01-19|" + HASHER.pseudonym("VILLA INEXISTENTE") + "|3", "CONSULTA", null, "MOVIL", 20160119, null,
				null, null, null, null, null, List.of(WarningKind.COMUNA_UNKNOWN)));
	}

	@ParameterizedTest(name = "''{0}''")
	@ValueSource(
			strings = { "V", "05", "5", "Región de Valparaíso", "VALPARAISO", "Valparaiso", " región de valparaíso " })
	void regionSpellings(String region) {
		// given
		ExportRow row = callcenter(2, "4000004", "13/01/2014 12:41:54", "CONSULTA", "", region, "");

		// when
		RowOutcome outcome = normalize("callcenter", row);

		// then
		assertThat(outcome).isInstanceOfSatisfying(RowOutcome.Accepted.class, (accepted) -> {
			assertThat(accepted.regionCode()).isEqualTo("05");
			assertThat(accepted.warnings()).isEmpty();
		});
	}

	@Test
	void unknownRegionIsKeptWithAWarningAfterTheOthers() {
		// given a row with an invalid RUT, an unknown region and an unknown comuna
		ExportRow row = portal(3, "R-2014-0000003", "2014-01-12T21:30:10", "reclamo", "", "FAX", "12345678-0",
				"Región de Narnia", "Villa Inexistente");

		// when
		RowOutcome outcome = normalize("portal", row);

		// then every problem is a warning, in the order channel, RUT, region, comuna
		assertThat(outcome).isEqualTo(new RowOutcome.Accepted(3, "R-2014-0000003", "RECLAMO", null, "INTERNET",
				20140112, null, null, null, "R-2014-0000003", null, null, List.of(WarningKind.CHANNEL_UNKNOWN,
						WarningKind.RUT_INVALID, WarningKind.REGION_UNKNOWN, WarningKind.COMUNA_UNKNOWN)));
	}

	// ---------------------------------------------------------------- personal data in
	// reject details

	@Test
	void rejectDetailsNeverContainARut() {
		// given RUTs (and text) in the columns whose value a reject detail could quote
		ExportRow rutAsDate = callcenter(2, "4000004", "12.345.678-5", "CONSULTA", "", "", "");
		ExportRow rutAsType = callcenter(3, "4000005", "13/01/2014 12:41:54", "12345678-5", "", "", "");
		ExportRow rutAsSubtype = oficina(4, "200100", "14-02-2014", "SONI", "123456785", "", "");
		ExportRow rutInText = portal(5, "R-2014-0000003", "RUT 10.000.013-K", "reclamo", "", "", "", "", "");
		ExportRow spacedRut = convenio(6, "ChileAtiende", "1", "20140611", " 1.234.567 - 4 ", "", "", "");

		// when
		List<RowOutcome> outcomes = List.of(normalize("callcenter", rutAsDate), normalize("callcenter", rutAsType),
				normalize("oficina", rutAsSubtype), normalize("portal", rutInText), normalize("convenio", spacedRut));

		// then
		assertThat(outcomes).containsExactly(
				new RowOutcome.Rejected(2, RejectReason.BAD_DATE, "Fecha con forma de RUT (no se muestra)"),
				new RowOutcome.Rejected(3, RejectReason.UNKNOWN_TYPE, "Tipo de 10 caracteres (no se muestra)"),
				new RowOutcome.Rejected(4, RejectReason.UNKNOWN_TYPE, "Subtipo SONI de 9 caracteres (no se muestra)"),
				new RowOutcome.Rejected(5, RejectReason.BAD_DATE,
						"Fecha de 16 caracteres con letras u otros signos (no se muestra)"),
				new RowOutcome.Rejected(6, RejectReason.UNKNOWN_TYPE, "Tipo de 13 caracteres (no se muestra)"));
	}

	@Test
	void rejectDetailsNeverContainAName() {
		// given a name in the date, type and subtype columns
		String name = "María José Pérez Soto";
		ExportRow nameAsDate = callcenter(2, "4000004", name, "CONSULTA", "", "", "");
		ExportRow nameAsType = callcenter(3, "4000005", "13/01/2014 12:41:54", name, "", "", "");
		ExportRow nameAsSubtype = oficina(4, "200100", "14-02-2014", "SONI", name, "", "");
		ExportRow surnameAsType = convenio(5, "ChileAtiende", "1", "20140611", "Soto", "", "", "");

		// when / then
		assertThat(normalize("callcenter", nameAsDate)).isEqualTo(new RowOutcome.Rejected(2, RejectReason.BAD_DATE,
				"Fecha de 21 caracteres con letras u otros signos (no se muestra)"));
		assertThat(normalize("callcenter", nameAsType))
			.isEqualTo(new RowOutcome.Rejected(3, RejectReason.UNKNOWN_TYPE, "Tipo de 21 caracteres (no se muestra)"));
		assertThat(normalize("oficina", nameAsSubtype)).isEqualTo(
				new RowOutcome.Rejected(4, RejectReason.UNKNOWN_TYPE, "Subtipo SONI de 21 caracteres (no se muestra)"));
		assertThat(normalize("convenio", surnameAsType))
			.isEqualTo(new RowOutcome.Rejected(5, RejectReason.UNKNOWN_TYPE, "Tipo de 4 caracteres (no se muestra)"));
	}

	@Test
	void rejectDetailsNeverContainShortOrZeroPaddedRuts() {
		// given spellings that Rut.check accepts as valid RUTs, in the type column
		List<String> ruts = List.of("961.234-3", "9612343", "012.345.678-5", "0123456785");
		assertThat(ruts).allSatisfy((rut) -> assertThat(Rut.check(rut).isValid()).isTrue());

		// when
		List<RowOutcome> outcomes = ruts.stream()
			.map((rut) -> normalize("callcenter", callcenter(7, "4000007", "13/01/2014 12:41:54", rut, "", "", "")))
			.toList();

		// then only the length is said
		assertThat(outcomes).allSatisfy((outcome) -> assertThat(outcome).isInstanceOfSatisfying(
				RowOutcome.Rejected.class,
				(rejected) -> assertThat(rejected.detail()).matches("Tipo de [0-9]+ caracteres \\(no se muestra\\)")));
	}

	@Test
	void aTypeOfOneOrTwoLettersOrDigitsIsShown() {
		// given a long type, a type with an escape sequence and short codes
		ExportRow longType = callcenter(2, "4000004", "13/01/2014 12:41:54", "x".repeat(80), "", "", "");
		ExportRow escape = callcenter(3, "4000005", "13/01/2014 12:41:54", "X\u001B[31m", "", "", "");
		ExportRow code = callcenter(4, "4000006", "13/01/2014 12:41:54", " R2 ", "", "", "");
		ExportRow sign = callcenter(5, "4000007", "13/01/2014 12:41:54", "?", "", "", "");

		// when / then
		assertThat(normalize("callcenter", longType))
			.isEqualTo(new RowOutcome.Rejected(2, RejectReason.UNKNOWN_TYPE, "Tipo de 80 caracteres (no se muestra)"));
		assertThat(normalize("callcenter", escape))
			.isEqualTo(new RowOutcome.Rejected(3, RejectReason.UNKNOWN_TYPE, "Tipo de 6 caracteres (no se muestra)"));
		assertThat(normalize("callcenter", code))
			.isEqualTo(new RowOutcome.Rejected(4, RejectReason.UNKNOWN_TYPE, "Tipo 'R2'"));
		assertThat(normalize("callcenter", sign))
			.isEqualTo(new RowOutcome.Rejected(5, RejectReason.UNKNOWN_TYPE, "Tipo de 1 carácter (no se muestra)"));
	}

	// ---------------------------------------------------------------- personal data in
	// the store

	@Test
	void aKeyOrFolioHoldingARutOrANameIsStoredAsItsKeyedStandIn() {
		// given a RUT in the key, a name in the key and a RUT in the folio
		ExportRow rutKey = callcenter(2, "12.345.678-5", "13/01/2014 12:41:54", "CONSULTA", "", "", "");
		ExportRow nameKey = callcenter(3, "María José Pérez Soto", "13/01/2014 12:41:54", "CONSULTA", "", "", "");
		ExportRow rutFolio = convenio(4, "ChileAtiende", "1", "20140611", "R", "12 345 678\u20135", "", "");

		// when
		RowOutcome.Accepted rut = (RowOutcome.Accepted) normalize("callcenter", rutKey);
		RowOutcome.Accepted name = (RowOutcome.Accepted) normalize("callcenter", nameKey);
		RowOutcome.Accepted folio = (RowOutcome.Accepted) normalize("convenio", rutFolio);

		// then
		assertThat(rut.recordKey()).isEqualTo(HASHER.pseudonym("12.345.678-5")).matches("~[0-9a-f]{16}");
		assertThat(name.recordKey()).isEqualTo(HASHER.pseudonym("MARIA JOSE PEREZ SOTO"));
		assertThat(folio.folio()).isEqualTo(HASHER.pseudonym("12 345 678\u20135"));
		assertThat(folio.recordKey()).isEqualTo("CHILEATIENDE|1");
	}

	@Test
	void aCentralKeyAndTheFolioThatNamesItMeetAsStandIns() {
		// given a central key and a municipal folio holding the same name
		ExportRow central = portal(2, "Juan Pérez", "2014-01-12T21:30:10", "reclamo", "", "", "", "", "");
		ExportRow forwarded = municipal(3, "Municipalidad de Limache", "5", "14/2/2014", "Reclamo", "juan  perez", "",
				"");

		// when
		RowOutcome.Accepted portal = (RowOutcome.Accepted) normalize("portal", central);
		RowOutcome.Accepted municipal = (RowOutcome.Accepted) normalize("municipal", forwarded);

		// then
		assertThat(portal.recordKey()).startsWith("~").isEqualTo(portal.folio());
		assertThat(municipal.folio()).isEqualTo(portal.folio());
		assertThat(municipal.organization()).isEqualTo("MUNICIPALIDAD DE LIMACHE");
		assertThat(municipal.recordKey()).isEqualTo("MUNICIPALIDAD DE LIMACHE|5");
	}

	@Test
	void anInstitutionThatCouldBeAPersonIsStoredAsAStandIn() {
		// given names and RUTs in the institution column, and institutions without a
		// telling word
		ExportRow name = municipal(2, "María José Pérez Soto", "5", "14/2/2014", "Reclamo", "", "", "");
		ExportRow sameName = municipal(3, "MARIA JOSE PEREZ SOTO", "6", "14/2/2014", "Reclamo", "", "", "");
		ExportRow rut = convenio(3, "ChileAtiende 12.345.678-5", "1", "20140611", "R", "", "", "");
		ExportRow partner = convenio(4, "Registro Civil", "1", "20140611", "R", "", "", "");
		ExportRow comuna = municipal(5, "Villa Alemana", "7", "14/2/2014", "Reclamo", "", "", "");

		// when
		RowOutcome.Accepted named = (RowOutcome.Accepted) normalize("municipal", name);
		RowOutcome.Accepted namedAgain = (RowOutcome.Accepted) normalize("municipal", sameName);
		RowOutcome.Accepted withRut = (RowOutcome.Accepted) normalize("convenio", rut);
		RowOutcome.Accepted registro = (RowOutcome.Accepted) normalize("convenio", partner);
		RowOutcome.Accepted villaAlemana = (RowOutcome.Accepted) normalize("municipal", comuna);

		// then a possible person is kept as one stand-in (still counted once, as one
		// institution), never as text; institutions and comunas are kept as they are
		assertThat(named.organization()).isEqualTo(HASHER.pseudonym("MARIA JOSE PEREZ SOTO"))
			.isEqualTo(namedAgain.organization());
		assertThat(named.recordKey()).isEqualTo(HASHER.pseudonym("MARIA JOSE PEREZ SOTO") + "|5");
		assertThat(withRut.organization()).startsWith("~").doesNotContain("345");
		assertThat(withRut.recordKey()).startsWith("~").doesNotContain("345");
		assertThat(registro.organization()).isEqualTo("REGISTRO CIVIL");
		assertThat(villaAlemana.organization()).isEqualTo("VILLA ALEMANA");
	}

	// ---------------------------------------------------------------- helpers

	private static RowOutcome normalize(String source, ExportRow row) {
		return new RecordNormalizer(DefaultSourceProfiles.get(source), territory, HASHER, RUN_DATE).process(row);
	}

	private static String key(String source, ExportRow row) {
		RowOutcome outcome = normalize(source, row);
		assertThat(outcome).isInstanceOf(RowOutcome.Accepted.class);
		return ((RowOutcome.Accepted) outcome).recordKey();
	}

	private static String channel(String source, ExportRow row) {
		RowOutcome outcome = normalize(source, row);
		assertThat(outcome).isInstanceOf(RowOutcome.Accepted.class);
		return ((RowOutcome.Accepted) outcome).channel();
	}

	/** A valid row of the source with the given date, every other value fixed. */
	private static ExportRow rowWithDate(String source, long line, String date) {
		return switch (source) {
			case "callcenter" -> callcenter(line, "4000004", date, "CONSULTA", "", "", "");
			case "portal" -> portal(line, "C-2015-0000001", date, "consulta", "", "", "", "", "");
			case "oficina" -> oficina(line, "200100", date, "Consulta", "", "", "");
			case "municipal" -> municipal(line, "Municipalidad de Limache", "2", date, "Consulta", "", "", "");
			case "movil" -> movil(line, date, "Quillota", "1", "consulta", "");
			case "convenio" -> convenio(line, "ChileAtiende", "10005", date, "R", "", "", "");
			default -> throw new IllegalArgumentException(source);
		};
	}

	private static ExportRow callcenter(long line, String id, String date, String type, String rut, String region,
			String comuna) {
		return new ExportRow(line, null, 8, 8, new String[] { id }, date, type, null, null, rut, region, comuna, null,
				null, null);
	}

	private static ExportRow portal(long line, String folio, String date, String type, String subtype, String canal,
			String rut, String region, String comuna) {
		return new ExportRow(line, null, 11, 11, new String[] { folio }, date, type, subtype, canal, rut, region,
				comuna, folio, null, null);
	}

	private static ExportRow oficina(long line, String number, String date, String type, String subtype, String rut,
			String comuna) {
		return new ExportRow(line, null, 9, 9, new String[] { number }, date, type, subtype, null, rut, null, comuna,
				null, null, null);
	}

	private static ExportRow municipal(long line, String municipio, String id, String date, String type, String folio,
			String rut, String comuna) {
		return new ExportRow(line, null, 8, 8, new String[] { municipio, id }, date, type, null, null, rut, null,
				comuna, folio, municipio, null);
	}

	private static ExportRow movil(long line, String date, String comuna, String correlativo, String type, String rut) {
		return new ExportRow(line, null, 7, 7, new String[] { date, comuna, correlativo }, date, type, null, null, rut,
				null, comuna, null, null, comuna);
	}

	private static ExportRow convenio(long line, String institucion, String id, String date, String type, String folio,
			String rut, String comuna) {
		return new ExportRow(line, null, 7, 7, new String[] { institucion, id }, date, type, null, null, rut, null,
				comuna, folio, institucion, null);
	}

	private static ExportRow problem(long line, ExportRow.Problem problem, int fieldCount, int headerFieldCount) {
		return new ExportRow(line, problem, fieldCount, headerFieldCount, new String[0], null, null, null, null, null,
				null, null, null, null, null);
	}

}
