package cl.sernac.cifras.aggregate;

import java.math.BigDecimal;
import java.util.List;

import cl.sernac.cifras.aggregate.CaseCells.TypeChannelCount;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The channel mix year by year: every channel of a type in every year, shares and
 * changes.
 */
class ChannelMixTests {

	@Test
	void everyChannelOfATypeGetsARowInEveryYearInTheAccountsOrder() {
		// given counts with a channel missing in one year and types in code order
		List<TypeChannelCount> counts = List.of(new TypeChannelCount("RECLAMO", "INTERNET", 2014, 3),
				new TypeChannelCount("CONSULTA", "OFICINA", 2014, 1),
				new TypeChannelCount("CONSULTA", "CALL_CENTER", 2015, 3),
				new TypeChannelCount("CONSULTA", "OFICINA", 2015, 1));
		// when the mix is made
		ChannelMix mix = ChannelMix.of(counts, 2014, 2015);
		// then channels follow SPEC's order, zero included
		assertThat(mix.types()).containsExactly("CONSULTA", "RECLAMO");
		assertThat(mix.channels("CONSULTA")).containsExactly("CALL_CENTER", "OFICINA");
		assertThat(mix.rows("CONSULTA"))
			.extracting(ChannelMix.Row::channel, ChannelMix.Row::year, ChannelMix.Row::records)
			.containsExactly(tuple("CALL_CENTER", 2014, 0L), tuple("CALL_CENTER", 2015, 3L), tuple("OFICINA", 2014, 1L),
					tuple("OFICINA", 2015, 1L));
	}

	@Test
	void sharesAndChangesComeFromTheExactCounts() {
		List<TypeChannelCount> counts = List.of(new TypeChannelCount("CONSULTA", "CALL_CENTER", 2014, 19),
				new TypeChannelCount("CONSULTA", "INTERNET", 2014, 22),
				new TypeChannelCount("CONSULTA", "CALL_CENTER", 2015, 17),
				new TypeChannelCount("CONSULTA", "INTERNET", 2015, 24));
		ChannelMix mix = ChannelMix.of(counts, 2014, 2015);
		ChannelMix.Row first = mix.rows("CONSULTA").get(0);
		ChannelMix.Row second = mix.rows("CONSULTA").get(1);
		assertThat(first)
			.isEqualTo(new ChannelMix.Row("CONSULTA", "CALL_CENTER", 2014, 19, 41, new BigDecimal("46.3"), null, null));
		// 17/41 after 19/41: -10,53 % of records, -4,88 pp of share
		assertThat(second).isEqualTo(new ChannelMix.Row("CONSULTA", "CALL_CENTER", 2015, 17, 41, new BigDecimal("41.5"),
				new BigDecimal("-10.5"), new BigDecimal("-4.9")));
		assertThat(mix.totals("CONSULTA")).containsExactly(new ChannelMix.Total("CONSULTA", 2014, 41, null),
				new ChannelMix.Total("CONSULTA", 2015, 41, new BigDecimal("0.0")));
	}

	@Test
	void aYearWithoutCasesOfATypeHasNoShareAndBreaksTheComparison() {
		List<TypeChannelCount> counts = List.of(new TypeChannelCount("SONI", "OFICINA", 2014, 2),
				new TypeChannelCount("SONI", "OFICINA", 2016, 4));
		ChannelMix mix = ChannelMix.of(counts, 2014, 2016);
		assertThat(mix.rows("SONI")).extracting(ChannelMix.Row::share)
			.containsExactly(new BigDecimal("100.0"), null, new BigDecimal("100.0"));
		assertThat(mix.rows("SONI")).extracting(ChannelMix.Row::shareChange).containsOnlyNulls();
		assertThat(mix.rows("SONI")).extracting(ChannelMix.Row::recordsChange)
			.containsExactly(null, new BigDecimal("-100.0"), null);
	}

	@Test
	void anUnknownChannelComesAfterTheKnownOnes() {
		List<TypeChannelCount> counts = List.of(new TypeChannelCount("CONSULTA", "TOTEM", 2014, 1),
				new TypeChannelCount("CONSULTA", "CONVENIO", 2014, 1),
				new TypeChannelCount("CONSULTA", "CALL_CENTER", 2014, 1));
		assertThat(ChannelMix.of(counts, 2014, 2014).channels("CONSULTA")).containsExactly("CALL_CENTER", "CONVENIO",
				"TOTEM");
	}

	@Test
	void noCountsNoRows() {
		ChannelMix mix = ChannelMix.of(List.of(), 0, -1);
		assertThat(mix.rows()).isEmpty();
		assertThat(mix.totals()).isEmpty();
	}

}
