package cl.sernac.cifras.report;

import java.util.List;
import java.util.Map;

import cl.sernac.cifras.aggregate.CaseCells.TypeChannelCount;
import cl.sernac.cifras.aggregate.ChannelMix;
import cl.sernac.cifras.aggregate.MobileCoverage;
import cl.sernac.cifras.aggregate.MunicipalCoverage;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The finding of the channel mix: the channel whose share moved most between the first
 * and the last year of the period with cases, said in the account's words.
 */
class MixFindingsTests {

	@Test
	void theChannelThatMovedMostIsTheFinding() {
		// municipal 17,5 % -> 23,2 %, call center 50,0 % -> 48,0 %, internet 32,5 % ->
		// 28,8 %; 2015 does not count
		MixFindings findings = MixFindings.of(figures(new Period(2014, 2016),
				List.of(count("MUNICIPAL", 2014, 175), count("CALL_CENTER", 2014, 500), count("INTERNET", 2014, 325),
						count("MUNICIPAL", 2016, 232), count("CALL_CENTER", 2016, 480), count("INTERNET", 2016, 288),
						count("MUNICIPAL", 2015, 900), count("CALL_CENTER", 2015, 100))));
		assertThat(findings.sentence("CONSULTA")).contains(
				"Las plataformas municipales pasaron del 17,5 % al 23,2 % de las consultas entre el 2014 y el 2016"
						+ " (+5,7 pp).");
	}

	@Test
	void aFallIsWrittenWithTheMinusSign() {
		MixFindings findings = MixFindings.of(figures(new Period(2015, 2016), List.of(count("OFICINA", 2015, 30),
				count("INTERNET", 2015, 70), count("OFICINA", 2016, 10), count("INTERNET", 2016, 70))));
		// internet rises by as much as the office falls: the first in the catalogue's
		// order is said
		assertThat(findings.finding("CONSULTA").orElseThrow().channel()).isEqualTo("INTERNET");
		MixFindings fall = MixFindings.of(figures(new Period(2015, 2016),
				List.of(count("OFICINA", 2015, 30), count("INTERNET", 2015, 70), count("OFICINA", 2016, 10),
						count("INTERNET", 2016, 70), count("MOVIL", 2016, 20), count("MOVIL", 2015, 0))));
		assertThat(fall.sentence("CONSULTA")).contains(
				"La oficina regional pasó del 30,0 % al 10,0 % de las consultas entre el 2015 y el 2016 (\u221220,0 pp).");
	}

	@Test
	void oneYearWithCasesHasNoFinding() {
		MixFindings findings = MixFindings
			.of(figures(new Period(2014, 2016), List.of(count("OFICINA", 2016, 3), count("INTERNET", 2016, 5))));
		assertThat(findings.finding("CONSULTA")).isEmpty();
		assertThat(findings.finding("RECLAMO")).isEmpty();
	}

	@Test
	void aChannelOutsideTheCatalogueIsNamedAsAChannel() {
		assertThat(MixFindings.subject("KIOSCO").name()).isEqualTo("el canal KIOSCO");
		assertThat(MixFindings.subject("CONVENIO").plural()).isTrue();
	}

	private static TypeChannelCount count(String channel, int year, long records) {
		return new TypeChannelCount("CONSULTA", channel, year, records);
	}

	private static ReportFigures figures(Period period, List<TypeChannelCount> yearly) {
		return new ReportFigures(period, period.years(), ChannelMix.of(yearly, period.from(), period.to()), List.of(),
				List.of(), List.of(), MobileCoverage.of(List.of(), List.of()), MunicipalCoverage.of(List.of()), "05",
				List.of(), Map.of(), Map.of(), List.of());
	}

}
