package cl.sernac.cifras.report;

import java.util.Optional;

import cl.sernac.cifras.aggregate.CaseCells.YearRange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class PeriodTests {

	private static final Optional<YearRange> DATA = Optional.of(new YearRange(2014, 2016));

	@Test
	void everyYearOfTheDataByDefault() {
		Period period = Period.of(new ReportProperties(null, null, null), DATA, 2026);
		assertThat(period).isEqualTo(new Period(2014, 2016));
		assertThat(period.label()).isEqualTo("2014-2016");
		assertThat(period.phrase()).isEqualTo("Entre el 2014 y el 2016");
		assertThat(period.years()).containsExactly(2014, 2015, 2016);
	}

	@Test
	void thePlannersChoiceEachEndDefaultingToTheData() {
		assertThat(Period.of(new ReportProperties(2015, null, null), DATA, 2026)).isEqualTo(new Period(2015, 2016));
		assertThat(Period.of(new ReportProperties(null, 2015, null), DATA, 2026)).isEqualTo(new Period(2014, 2015));
		assertThat(Period.of(new ReportProperties(2012, 2020, null), DATA, 2026)).isEqualTo(new Period(2012, 2020));
		assertThat(Period.of(new ReportProperties(2018, null, null), DATA, 2026)).isEqualTo(new Period(2018, 2018));
		assertThat(Period.of(new ReportProperties(null, 2010, null), DATA, 2026)).isEqualTo(new Period(2010, 2010));
	}

	@Test
	void oneYear() {
		Period period = Period.of(new ReportProperties(2016, 2016, null), DATA, 2026);
		assertThat(period.label()).isEqualTo("2016");
		assertThat(period.phrase()).isEqualTo("En el 2016");
	}

	@Test
	void noDataNoChoiceIsTheRunsYear() {
		assertThat(Period.of(new ReportProperties(null, null, null), Optional.empty(), 2026))
			.isEqualTo(new Period(2026, 2026));
	}

	@Test
	void anInvertedPeriodIsRefusedAndTheRegionDefaultsToValparaiso() {
		assertThatIllegalArgumentException().isThrownBy(() -> new ReportProperties(2016, 2014, null))
			.withMessageContaining("cifras.report.from-year=2016");
		assertThat(new ReportProperties(null, null, null).region()).isEqualTo("05");
	}

}
