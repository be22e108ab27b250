package cl.sernac.cifras.aggregate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.IntSummaryStatistics;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;

import cl.sernac.cifras.reading.RecordType;

/**
 * The counted cases as {@link CaseQueries#cells()} groups them, and the figures of the
 * planners' report as sums of those groups: by type, channel and year or month, over a
 * period, SONI by subtype, the mobile unit by place, the municipal platforms by
 * municipality.
 */
public final class CaseCells {

	private final List<Cell> cells;

	public CaseCells(List<Cell> cells) {
		this.cells = List.copyOf(cells);
	}

	/**
	 * The first and last year with counted cases, or empty when nothing is counted yet.
	 */
	/**
	 * Cases by type, SONI subtype, channel and year, non-zero combinations only, in code
	 * order: the rows of {@code tables/by_channel_year.csv}.
	 */
	public List<CaseQueries.ChannelYearCount> byChannelYear() {
		Map<List<Object>, Long> counts = new TreeMap<>(Comparator.comparing((List<Object> k) -> (String) k.get(0))
			.thenComparing((k) -> (String) k.get(1))
			.thenComparing((k) -> (String) k.get(2))
			.thenComparing((k) -> (Integer) k.get(3)));
		for (Cell cell : this.cells) {
			counts.merge(List.of(cell.recordType(), cell.subtype(), cell.channel(), cell.year()), cell.records(),
					Long::sum);
		}
		return counts.entrySet()
			.stream()
			.map((e) -> new CaseQueries.ChannelYearCount((String) e.getKey().get(0), (String) e.getKey().get(1),
					(String) e.getKey().get(2), (Integer) e.getKey().get(3), e.getValue()))
			.toList();
	}

	/** The cells, in the order read. */
	public List<Cell> all() {
		return this.cells;
	}

	/** All counted cases. */
	public long total() {
		return this.cells.stream().mapToLong(Cell::records).sum();
	}

	public Optional<YearRange> yearRange() {
		if (this.cells.isEmpty()) {
			return Optional.empty();
		}
		IntSummaryStatistics years = this.cells.stream().mapToInt(Cell::year).summaryStatistics();
		return Optional.of(new YearRange(years.getMin(), years.getMax()));
	}

	/**
	 * Cases by type (SONI subtypes together), channel and year, non-zero only, in code
	 * order.
	 */
	public List<TypeChannelCount> byTypeChannelYear() {
		return sum((cell) -> true, (cell) -> new TypeChannelCount(cell.recordType(), cell.channel(), cell.year(), 0),
				Comparator.comparing(TypeChannelCount::recordType)
					.thenComparing(TypeChannelCount::channel)
					.thenComparingInt(TypeChannelCount::period),
				(key, records) -> new TypeChannelCount(key.recordType(), key.channel(), key.period(), records));
	}

	/**
	 * Cases by type, channel and month ({@code yyyymm}), non-zero only, in code order.
	 */
	public List<TypeChannelCount> byTypeChannelMonth() {
		return sum((cell) -> true, (cell) -> new TypeChannelCount(cell.recordType(), cell.channel(), cell.month(), 0),
				Comparator.comparing(TypeChannelCount::recordType)
					.thenComparing(TypeChannelCount::channel)
					.thenComparingInt(TypeChannelCount::period),
				(key, records) -> new TypeChannelCount(key.recordType(), key.channel(), key.period(), records));
	}

	/**
	 * Cases by type and channel over the years {@code fromYear} to {@code toYear}, both
	 * included.
	 */
	public List<TypeChannelCount> byTypeChannel(int fromYear, int toYear) {
		return sum((cell) -> cell.year() >= fromYear && cell.year() <= toYear,
				(cell) -> new TypeChannelCount(cell.recordType(), cell.channel(), 0, 0),
				Comparator.comparing(TypeChannelCount::recordType).thenComparing(TypeChannelCount::channel),
				(key, records) -> new TypeChannelCount(key.recordType(), key.channel(), 0, records));
	}

	/**
	 * SONI by subtype and year; a SONI without subtype is counted under an empty subtype.
	 */
	public List<SubtypeYearCount> soniBySubtypeYear() {
		return sum((cell) -> RecordType.SONI.is(cell.recordType()),
				(cell) -> new SubtypeYearCount(cell.subtype(), cell.year(), 0),
				Comparator.comparing(SubtypeYearCount::subtype).thenComparingInt(SubtypeYearCount::year),
				(key, records) -> new SubtypeYearCount(key.subtype(), key.year(), records));
	}

	/** Cases the mobile unit attended, by comuna where it stood and year. */
	public List<PlaceYearCount> mobileUnitByPlaceYear() {
		return sum((cell) -> cell.place() != null, (cell) -> new PlaceYearCount(cell.place(), cell.year(), 0),
				Comparator.comparing(PlaceYearCount::placeCode).thenComparingInt(PlaceYearCount::year),
				(key, records) -> new PlaceYearCount(key.placeCode(), key.year(), records));
	}

	/**
	 * Municipal-platform cases by municipality or provincial government, year and type.
	 */
	public List<OrganizationYearCount> municipalByOrganizationYear() {
		return sum((cell) -> cell.organization() != null,
				(cell) -> new OrganizationYearCount(cell.organization(), cell.year(), cell.recordType(), 0),
				Comparator.comparing(OrganizationYearCount::organization)
					.thenComparingInt(OrganizationYearCount::year)
					.thenComparing(OrganizationYearCount::recordType),
				(key, records) -> new OrganizationYearCount(key.organization(), key.year(), key.recordType(), records));
	}

	/**
	 * Sums the records of the cells that pass {@code filter} by the key {@code key} gives
	 * them.
	 */
	private <K> List<K> sum(Predicate<Cell> filter, Function<Cell, K> key, Comparator<K> order,
			BiFunction<K, Long, K> withRecords) {
		Map<K, Long> sums = new TreeMap<>(order);
		for (Cell cell : this.cells) {
			if (filter.test(cell)) {
				sums.merge(key.apply(cell), cell.records(), Long::sum);
			}
		}
		List<K> result = new ArrayList<>(sums.size());
		sums.forEach((k, records) -> result.add(withRecords.apply(k, records)));
		return result;
	}

	/**
	 * One group of counted cases.
	 *
	 * @param subtype empty unless the type is SONI
	 * @param month {@code yyyymm}
	 * @param place the comuna where the mobile unit stood; null for other channels
	 * @param organization the folded name of the municipality; null for other channels
	 */
	public record Cell(String recordType, String subtype, String channel, int month, String place, String organization,
			long records) {

		public int year() {
			return this.month / 100;
		}

	}

	public record YearRange(int first, int last) {
	}

	/**
	 * @param period the year ({@code yyyy}), the month ({@code yyyymm}) or 0 for a whole
	 * period
	 */
	public record TypeChannelCount(String recordType, String channel, int period, long records) {
	}

	public record SubtypeYearCount(String subtype, int year, long records) {
	}

	/**
	 * @param placeCode the comuna where the mobile unit stood
	 */
	public record PlaceYearCount(String placeCode, int year, long records) {
	}

	/**
	 * @param organization folded upper-case name, e.g. {@code MUNICIPALIDAD DE QUILPUE}
	 */
	public record OrganizationYearCount(String organization, int year, String recordType, long records) {
	}

}
