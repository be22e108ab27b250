package cl.sernac.cifras.aggregate;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import cl.sernac.cifras.aggregate.CaseCells.TypeChannelCount;
import cl.sernac.cifras.reading.ChannelCatalog;
import cl.sernac.cifras.reading.RecordType;

/**
 * The mix of channels year by year: for each type, channel and year, the records, the
 * channel's share of the type's year total, and the change from the year before, in
 * records (%) and in share (percentage points). Every channel that the type ever came
 * through gets a row in every year, zero included, so the years compare line by line.
 */
public final class ChannelMix {

	/** Record types in {@link RecordType}'s order; a code outside it comes after. */
	public static final Comparator<String> TYPE_ORDER = order(RecordType.codes());

	/**
	 * Channels in the order of the channel catalogue ({@code cifras.channels}); a code
	 * outside it comes after.
	 */
	public static final Comparator<String> CHANNEL_ORDER = (a, b) -> ChannelCatalog.current().order().compare(a, b);

	private final List<Row> rows;

	private final List<Total> totals;

	private ChannelMix(List<Row> rows, List<Total> totals) {
		this.rows = List.copyOf(rows);
		this.totals = List.copyOf(totals);
	}

	/**
	 * @param counts cases by type, channel and year
	 * ({@link CaseCells#byTypeChannelYear()})
	 * @param firstYear first year of the table
	 * @param lastYear last year of the table
	 */
	public static ChannelMix of(List<TypeChannelCount> counts, int firstYear, int lastYear) {
		Map<String, Long> records = new HashMap<>();
		Map<String, Long> typeTotals = new HashMap<>();
		Map<String, Set<String>> channelsByType = new HashMap<>();
		Set<String> types = new TreeSet<>(TYPE_ORDER);
		for (TypeChannelCount count : counts) {
			records.merge(key(count.recordType(), count.channel(), count.period()), count.records(), Long::sum);
			typeTotals.merge(key(count.recordType(), "", count.period()), count.records(), Long::sum);
			channelsByType.computeIfAbsent(count.recordType(), (type) -> new TreeSet<>(CHANNEL_ORDER))
				.add(count.channel());
			types.add(count.recordType());
		}
		List<Row> rows = new ArrayList<>();
		List<Total> totals = new ArrayList<>();
		for (String type : types) {
			for (int year = firstYear; year <= lastYear; year++) {
				long total = typeTotals.getOrDefault(key(type, "", year), 0L);
				long previousTotal = typeTotals.getOrDefault(key(type, "", year - 1), 0L);
				boolean first = year == firstYear;
				totals.add(new Total(type, year, total, first ? null : Shares.percentChange(total, previousTotal)));
			}
			for (String channel : new LinkedHashSet<>(channelsByType.get(type))) {
				for (int year = firstYear; year <= lastYear; year++) {
					long count = records.getOrDefault(key(type, channel, year), 0L);
					long total = typeTotals.getOrDefault(key(type, "", year), 0L);
					BigDecimal recordsChange = null;
					BigDecimal shareChange = null;
					if (year > firstYear) {
						long previous = records.getOrDefault(key(type, channel, year - 1), 0L);
						long previousTotal = typeTotals.getOrDefault(key(type, "", year - 1), 0L);
						recordsChange = Shares.percentChange(count, previous);
						shareChange = Shares.pointChange(count, total, previous, previousTotal);
					}
					rows.add(new Row(type, channel, year, count, total, Shares.share(count, total), recordsChange,
							shareChange));
				}
			}
		}
		return new ChannelMix(rows, totals);
	}

	/** One row per type, channel and year, in type, channel and year order. */
	public List<Row> rows() {
		return this.rows;
	}

	/** One row per type and year. */
	public List<Total> totals() {
		return this.totals;
	}

	public List<Row> rows(String type) {
		return this.rows.stream().filter((row) -> row.recordType().equals(type)).toList();
	}

	public List<Total> totals(String type) {
		return this.totals.stream().filter((total) -> total.recordType().equals(type)).toList();
	}

	/** A channel's records of a type in a year; 0 when it had none. */
	public long records(String type, String channel, int year) {
		return this.rows.stream()
			.filter((row) -> row.recordType().equals(type) && row.channel().equals(channel) && row.year() == year)
			.mapToLong(Row::records)
			.sum();
	}

	/** A type's records in a year, every channel; 0 when it had none. */
	public long total(String type, int year) {
		return this.totals.stream()
			.filter((total) -> total.recordType().equals(type) && total.year() == year)
			.mapToLong(Total::records)
			.sum();
	}

	/**
	 * The years from {@code from} to {@code to} with records of the type, first to last.
	 */
	public List<Total> yearsWithRecords(String type, int from, int to) {
		return totals(type).stream()
			.filter((total) -> total.year() >= from && total.year() <= to && total.records() > 0)
			.toList();
	}

	public List<String> types() {
		return this.totals.stream().map(Total::recordType).distinct().toList();
	}

	public List<String> channels(String type) {
		return rows(type).stream().map(Row::channel).distinct().toList();
	}

	private static String key(String type, String channel, int year) {
		return type + '|' + channel + '|' + year;
	}

	private static Comparator<String> order(List<String> known) {
		return Comparator.<String>comparingInt((code) -> known.contains(code) ? known.indexOf(code) : known.size())
			.thenComparing(Comparator.naturalOrder());
	}

	/**
	 * @param typeTotal the type's records in the year, every channel
	 * @param share the channel's share of {@code typeTotal} in %, null when the type has
	 * no records that year
	 * @param recordsChange change of records from the year before in %, null in the first
	 * year or when the channel had none the year before
	 * @param shareChange change of share from the year before in percentage points, null
	 * in the first year or when either year has no records of the type
	 */
	public record Row(String recordType, String channel, int year, long records, long typeTotal, BigDecimal share,
			BigDecimal recordsChange, BigDecimal shareChange) {
	}

	/**
	 * @param change change of records from the year before in %, null in the first year
	 * or when the year before had none
	 */
	public record Total(String recordType, int year, long records, BigDecimal change) {
	}

}
