package cl.sernac.cifras.report;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.IntStream;

import cl.sernac.cifras.aggregate.CaseCells;
import cl.sernac.cifras.aggregate.CaseCells.SubtypeYearCount;
import cl.sernac.cifras.aggregate.CaseCells.TypeChannelCount;
import cl.sernac.cifras.aggregate.CaseCells.YearRange;
import cl.sernac.cifras.aggregate.CaseQueries;
import cl.sernac.cifras.aggregate.ChannelMix;
import cl.sernac.cifras.aggregate.MobileCoverage;
import cl.sernac.cifras.aggregate.MunicipalCoverage;
import cl.sernac.cifras.aggregate.QualityQueries;
import cl.sernac.cifras.normalize.Territory;
import cl.sernac.cifras.reading.SoniSubtype;

/**
 * Everything the tables, charts and page show, read from the store once per run.
 *
 * @param period the years of the headline, period account and charts
 * @param years every year with data, first to last (empty when nothing is counted)
 * @param mix the channel mix of every year
 * @param monthly cases by type, channel and month ({@code yyyymm}), non-zero only
 * @param periodCounts cases by type and channel over the period, non-zero only
 * @param soni SONI by subtype and year
 * @param mobile the mobile unit's comunas
 * @param municipal the municipalities and provincial governments
 * @param regionCode the office's region
 * @param files the files applied to the store
 * @param rejectedByReason rejected rows in the store by reason code
 * @param warningsByKind warnings in the store by kind code
 * @param notIngested the files this run saw and did not read
 */
record ReportFigures(Period period, List<Integer> years, ChannelMix mix, List<TypeChannelCount> monthly,
		List<TypeChannelCount> periodCounts, List<SubtypeYearCount> soni, MobileCoverage mobile,
		MunicipalCoverage municipal, String regionCode, List<QualityQueries.FileQuality> files,
		Map<String, Long> rejectedByReason, Map<String, Long> warningsByKind,
		List<QualityQueries.FileDecision> notIngested) {

	/**
	 * The figures from the counted cases (one pass over them, done by the caller) and the
	 * ledger.
	 */
	static ReportFigures read(CaseCells cells, QualityQueries quality, Territory territory, ReportProperties properties,
			int runYear, long runId) {
		Optional<YearRange> range = cells.yearRange();
		Period period = Period.of(properties, range, runYear);
		List<Integer> years = range.map((r) -> IntStream.rangeClosed(r.first(), r.last()).boxed().toList())
			.orElse(List.of());
		ChannelMix mix = range.map((r) -> ChannelMix.of(cells.byTypeChannelYear(), r.first(), r.last()))
			.orElse(ChannelMix.of(List.of(), 0, -1));
		return new ReportFigures(period, years, mix, cells.byTypeChannelMonth(),
				cells.byTypeChannel(period.from(), period.to()), cells.soniBySubtypeYear(),
				MobileCoverage.of(cells.mobileUnitByPlaceYear(), territory.comunasOfRegion(properties.region())),
				MunicipalCoverage.of(cells.municipalByOrganizationYear()), properties.region(), quality.files(),
				quality.rejectedByReason(), quality.warningsByKind(), quality.notIngested(runId));
	}

	/** Cases of a type over the period, every channel. */
	long periodTotal(String type) {
		return this.periodCounts.stream()
			.filter((c) -> c.recordType().equals(type))
			.mapToLong(TypeChannelCount::records)
			.sum();
	}

	/**
	 * Cases of a type by channel over the period, channels in their fixed order, non-zero
	 * only.
	 */
	Map<String, Long> periodByChannel(String type) {
		Map<String, Long> counts = new TreeMap<>(ChannelMix.CHANNEL_ORDER);
		this.periodCounts.stream()
			.filter((c) -> c.recordType().equals(type))
			.forEach((c) -> counts.merge(c.channel(), c.records(), Long::sum));
		return counts;
	}

	/**
	 * SONI by subtype over the period: the three subtypes always, "no subtype" only when
	 * there is any.
	 */
	Map<String, Long> periodSoniBySubtype() {
		Map<String, Long> counts = new TreeMap<>(
				Comparator.comparing(String::isEmpty).thenComparing(Comparator.naturalOrder()));
		for (String subtype : SoniSubtype.codes()) {
			counts.put(subtype, 0L);
		}
		this.soni.stream()
			.filter((c) -> this.period.contains(c.year()))
			.forEach((c) -> counts.merge(c.subtype(), c.records(), Long::sum));
		return counts;
	}

}
