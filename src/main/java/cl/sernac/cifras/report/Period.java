package cl.sernac.cifras.report;

import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

import cl.sernac.cifras.aggregate.CaseCells.YearRange;

/**
 * The years the headline, the period account and the charts cover, both included.
 */
public record Period(int from, int to) {

	/**
	 * The planner's choice, each end defaulting to the data's.
	 * @param data the first and last year with cases, if any
	 * @param fallbackYear the year to show when there is no data and no choice (the
	 * run's)
	 */
	public static Period of(ReportProperties properties, Optional<YearRange> data, int fallbackYear) {
		Integer from = properties.fromYear();
		Integer to = properties.toYear();
		int first = (from != null) ? from : data.map(YearRange::first).orElse((to != null) ? to : fallbackYear);
		int last = (to != null) ? to : data.map(YearRange::last).orElse(first);
		if (from == null && first > last) {
			first = last;
		}
		if (to == null && last < first) {
			last = first;
		}
		return new Period(first, last);
	}

	public boolean contains(int year) {
		return year >= this.from && year <= this.to;
	}

	public List<Integer> years() {
		return IntStream.rangeClosed(this.from, this.to).boxed().toList();
	}

	/** {@code 2014-2016}, or {@code 2016} for one year. */
	public String label() {
		return (this.from == this.to) ? String.valueOf(this.from) : this.from + "-" + this.to;
	}

	/**
	 * How the account's sentences start: {@code Entre el 2014 y el 2016},
	 * {@code En el 2016}.
	 */
	public String phrase() {
		return (this.from == this.to) ? "En el " + this.from : "Entre el " + this.from + " y el " + this.to;
	}

}
