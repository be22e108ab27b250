package cl.sernac.cifras.report;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import cl.sernac.cifras.aggregate.AccountQueries;
import cl.sernac.cifras.support.Text;

/**
 * The figures of the public account beyond the cases, read once from the record store and
 * shaped by the report's period: every sum here covers the period's years unless it says
 * otherwise.
 */
final class AccountFigures {

	static final String GENERAL = "INTERES_GENERAL";

	private final Period period;

	private final List<AccountQueries.YearCount> started;

	private final List<AccountQueries.YearCount> closed;

	private final List<AccountQueries.YearCount> activities;

	private final List<AccountQueries.YearCount> mechanisms;

	private final Map<Integer, AccountQueries.Reached> reached = new TreeMap<>();

	private final Map<Integer, Long> schoolsByYear = new TreeMap<>();

	private final long schoolsInPeriod;

	private final List<AccountQueries.YearCount> programmes;

	private final List<AccountQueries.YearCount> cases;

	private final Map<Integer, Set<String>> mobileComunas = new TreeMap<>();

	private final List<String> regionComunas;

	private final long municipalities;

	private final String programme;

	private AccountFigures(AccountQueries queries, Period period, List<String> regionComunas, String programme) {
		this.period = period;
		this.started = queries.lawsuitsStarted();
		this.closed = queries.lawsuitsClosed();
		this.activities = queries.activities();
		this.mechanisms = queries.mechanisms();
		queries.reached().forEach((r) -> this.reached.put(r.year(), r));
		for (int year : queries.schoolYears()) {
			this.schoolsByYear.put(year, queries.schools(year, year));
		}
		this.schoolsInPeriod = queries.schools(period.from(), period.to());
		this.programmes = queries.programmes();
		this.cases = queries.cases();
		queries.mobileComunas()
			.forEach((c) -> this.mobileComunas.computeIfAbsent(c.year(), (y) -> new TreeSet<>()).add(c.what()));
		this.municipalities = queries.municipalities(period.from(), period.to());
		this.regionComunas = List.copyOf(regionComunas);
		this.programme = programme;
	}

	static AccountFigures read(AccountQueries queries, Period period, List<String> regionComunas, String programme) {
		return new AccountFigures(queries, period, regionComunas, programme);
	}

	Period period() {
		return this.period;
	}

	/** The territorial programme's name as the account prints it. */
	String programme() {
		return this.programme;
	}

	String programmeKey() {
		return Text.fold(this.programme);
	}

	/**
	 * Whether the store holds any lawsuit or activity at all (the programmes of the
	 * mobile unit alone are the planners' report's already).
	 */
	boolean any() {
		return !this.started.isEmpty() || !this.activities.isEmpty();
	}

	boolean anyLawsuits() {
		return !this.started.isEmpty();
	}

	boolean anyActivities() {
		return !this.activities.isEmpty();
	}

	/** Lawsuits of an action type filed in a year. */
	long started(String action, int year) {
		return sum(this.started, action, null, year, year);
	}

	long startedInPeriod(String action) {
		return sum(this.started, action, null, this.period.from(), this.period.to());
	}

	/** Lawsuits of an action type closed in a year with a result (any when null). */
	long closed(String action, String result, int year) {
		return sum(this.closed, action, result, year, year);
	}

	long closedInPeriod(String action, String result) {
		return sum(this.closed, action, result, this.period.from(), this.period.to());
	}

	/** Activities of a line of work in a year. */
	long activities(String line, int year) {
		return sum(this.activities, line, null, year, year);
	}

	long activitiesInPeriod(String line) {
		return sum(this.activities, line, null, this.period.from(), this.period.to());
	}

	/** The years of the period with activities of a line. */
	List<Integer> yearsWith(String line) {
		return this.period.years().stream().filter((y) -> activities(line, y) > 0).toList();
	}

	long mechanism(String mechanism, int year) {
		return sum(this.mechanisms, mechanism, null, year, year);
	}

	long mechanismInPeriod(String mechanism) {
		return sum(this.mechanisms, mechanism, null, this.period.from(), this.period.to());
	}

	AccountQueries.Reached reached(int year) {
		return this.reached.getOrDefault(year, new AccountQueries.Reached(year, 0, 0, 0));
	}

	AccountQueries.Reached reachedInPeriod() {
		long[] sums = new long[3];
		for (int year : this.period.years()) {
			AccountQueries.Reached r = reached(year);
			sums[0] += r.schoolchildren();
			sums[1] += r.youngPeople();
			sums[2] += r.olderAdults();
		}
		return new AccountQueries.Reached(0, sums[0], sums[1], sums[2]);
	}

	long schools(int year) {
		return this.schoolsByYear.getOrDefault(year, 0L);
	}

	/** Schools of the period, each counted once. */
	long schoolsInPeriod() {
		return this.schoolsInPeriod;
	}

	/** The programmes with cases in the period, the territorial one first. */
	List<String> programmes() {
		Set<String> names = new java.util.LinkedHashSet<>();
		names.add(programmeKey());
		for (AccountQueries.YearCount c : this.programmes) {
			if (this.period.contains(c.year())) {
				names.add(c.what());
			}
		}
		return new ArrayList<>(names);
	}

	/** The cases of a type a programme took in over the period, whatever the channel. */
	long programmeInPeriod(String programmeKey, String type) {
		long total = 0;
		for (AccountQueries.YearCount c : this.programmes) {
			if (c.what().equals(programmeKey) && c.detail().equals(type) && this.period.contains(c.year())) {
				total += c.count();
			}
		}
		return total;
	}

	/** Counted cases of a type (and channel, all when null) in a year. */
	long cases(String type, String channel, int year) {
		long total = 0;
		for (AccountQueries.YearCount c : this.cases) {
			if (c.what().equals(type) && (channel == null || channel.equals(c.detail())) && c.year() == year) {
				total += c.count();
			}
		}
		return total;
	}

	long casesInPeriod(String type, String channel) {
		long total = 0;
		for (int year : this.period.years()) {
			total += cases(type, channel, year);
		}
		return total;
	}

	/** Whether any case was counted in a year. */
	boolean casesIn(int year) {
		return this.cases.stream().anyMatch((c) -> c.year() == year);
	}

	/** Comunas where the mobile unit attended in a year (any comuna). */
	long mobileComunas(int year) {
		return this.mobileComunas.getOrDefault(year, Set.of()).size();
	}

	/** Comunas of the region the mobile unit visited over the period. */
	long mobileRegionComunasInPeriod() {
		Set<String> visited = new HashSet<>();
		for (int year : this.period.years()) {
			visited.addAll(this.mobileComunas.getOrDefault(year, Set.of()));
		}
		visited.retainAll(this.regionComunas);
		return visited.size();
	}

	int regionComunas() {
		return this.regionComunas.size();
	}

	/** Municipalities with a platform agreement that sent cases in the period. */
	long municipalities() {
		return this.municipalities;
	}

	boolean lawsuitsIn(int year) {
		return this.started.stream().anyMatch((c) -> c.year() == year);
	}

	boolean activitiesIn(int year) {
		return this.activities.stream().anyMatch((c) -> c.year() == year);
	}

	private static long sum(List<AccountQueries.YearCount> counts, String what, String detail, int from, int to) {
		long total = 0;
		for (AccountQueries.YearCount c : counts) {
			if (c.what().equals(what) && (detail == null || detail.equals(c.detail())) && c.year() >= from
					&& c.year() <= to) {
				total += c.count();
			}
		}
		return total;
	}

	/** The value an indicator reached in a year; null when the year has no data yet. */
	Long reachedBy(AccountIndicator indicator, String channel, int year) {
		return switch (indicator) {
			case COMUNAS_MOVIL -> casesIn(year) ? mobileComunas(year) : null;
			case PERSONAS_EDUCACION_FINANCIERA -> activitiesIn(year) ? reached(year).total() : null;
			case ESTABLECIMIENTOS_EDUCACION_FINANCIERA -> activitiesIn(year) ? schools(year) : null;
			case JUICIOS_INTERES_GENERAL -> lawsuitsIn(year) ? started(GENERAL, year) : null;
			case CONSULTAS, RECLAMOS, SONI -> casesIn(year) ? cases(indicator.recordType(), channel, year) : null;
		};
	}

}
