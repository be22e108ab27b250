package cl.sernac.cifras.normalize;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import cl.sernac.cifras.reading.DefaultSourceProfiles;
import cl.sernac.cifras.reading.ExportRow;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Lawsuits and activities with the default profiles {@code juicios} and
 * {@code actividades}: the codes they become, and the rules of SPEC-ACCOUNT.
 */
class AccountRowsTests {

	private static final LocalDate RUN_DATE = LocalDate.of(2017, 3, 15);

	private static final RutHasher HASHER = new RutHasher(new byte[32]);

	private static Territory territory;

	@BeforeAll
	static void loadTerritory() {
		territory = Territory.load();
	}

	@Test
	void aClosedLawsuitBecomesItsCodesAndDays() {
		RowOutcome outcome = lawsuit(" 1° JUZGADO DE POLICIA LOCAL DE VALPARAISO ", "101-2014", "Interés General",
				"15-03-2014", "Terminado", "30-01-2015", "FAVORABLE", "Valparaíso");
		assertThat(outcome).isEqualTo(new RowOutcome.Accepted(2, "1° JUZGADO DE POLICIA LOCAL DE VALPARAISO|101-2014",
				"JUICIO", "INTERES_GENERAL", "", 20140315, "05101", null, null, null, null, null, null,
				"TERMINADO|20150130|FAVORABLE", List.of()));
	}

	@Test
	void anOpenLawsuitHasNoEndNorResult() {
		RowOutcome outcome = lawsuit("Juzgado de Policía Local de Quilpué", "7-2015", "interés colectivo", "09-01-2015",
				"en tramitación", "", "", "Quilpué");
		assertThat(((RowOutcome.Accepted) outcome).detail()).isEqualTo("EN_TRAMITACION||");
		assertThat(((RowOutcome.Accepted) outcome).subtype()).isEqualTo("INTERES_COLECTIVO");
	}

	@Test
	void anEndDateAfterTheRunIsOutOfRange() {
		RowOutcome outcome = lawsuit("Juzgado", "8-2016", "interés general", "09-01-2016", "terminado", "01-01-2018",
				"favorable", "");
		assertThat(outcome).isEqualTo(new RowOutcome.Rejected(2, RejectReason.DATE_OUT_OF_RANGE,
				"Fecha de término 2018-01-01, ejecución del 2017-03-15"));
	}

	@Test
	void anActivityInASchoolCountsItsPeopleAndItsSchool() {
		RowOutcome outcome = activity("ACT-2015-0001", "2015-03-10", "Educación Financiera", "", "1234-3", "40", "",
				" 2 ");
		// (a key shaped like a RUT's digits is stored as its keyed stand-in, as every key
		// is)
		assertThat(outcome).usingRecursiveComparison()
			.ignoringFields("recordKey")
			.isEqualTo(new RowOutcome.Accepted(2, "ACT-2015-0001", "ACTIVIDAD", "EDUCACION_FINANCIERA", "", 20150310,
					"05101", null, null, null, null, null, null, "|1234|40|0|2", List.of()));
	}

	@Test
	void aWrongRbdCheckDigitKeepsTheRowWithAWarning() {
		RowOutcome outcome = activity("ACT-2015-0002", "2015-03-10", "educacion_financiera", "", "1234-5", "", "", "");
		assertThat(outcome).isInstanceOf(RowOutcome.Accepted.class);
		assertThat(((RowOutcome.Accepted) outcome).warnings()).containsExactly(WarningKind.RBD_INVALID);
		assertThat(((RowOutcome.Accepted) outcome).detail()).isEqualTo("|1234|0|0|0");
	}

	@Test
	void aParticipationNeedsAKnownMechanism() {
		assertThat(((RowOutcome.Accepted) activity("A1", "2015-10-15", "Participación", "Consejo  Consultivo", "", "",
				"", ""))
			.detail()).startsWith("CONSEJO_CONSULTIVO|");
		assertThat(activity("A2", "2015-10-15", "participacion", "feria", "", "", "", "")).isEqualTo(
				new RowOutcome.Rejected(2, RejectReason.UNKNOWN_MECHANISM, "Subtipo de 5 caracteres (no se muestra)"));
	}

	private static RowOutcome lawsuit(String court, String rol, String action, String filed, String state, String end,
			String result, String comuna) {
		ExportRow row = new ExportRow(2, null, 9, 9, new String[] { court, rol }, filed, action, null, null, null, null,
				comuna, null, null, null, Map.of("state", state, "end-date", end, "result", result));
		return new RecordNormalizer(DefaultSourceProfiles.get("juicios"), territory, HASHER, RUN_DATE).process(row);
	}

	private static RowOutcome activity(String id, String date, String line, String subtype, String rbd,
			String schoolchildren, String young, String older) {
		ExportRow row = new ExportRow(2, null, 10, 10, new String[] { id }, date, line, subtype, null, null, null,
				"Valparaíso", null, null, null,
				Map.of("school", rbd, "escolares", schoolchildren, "jovenes", young, "adultos-mayores", older));
		return new RecordNormalizer(DefaultSourceProfiles.get("actividades"), territory, HASHER, RUN_DATE).process(row);
	}

}
