package cl.sernac.cifras.aggregate;

import java.util.List;
import java.util.function.Supplier;

import cl.sernac.cifras.reading.ChannelCatalog;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The figures of the public account beyond the cases (SPEC-ACCOUNT): lawsuits started and
 * closed, activities by line of work, people reached and schools of Educación Financiera,
 * participation mechanisms, and what each programme took in. Read from the record store's
 * views {@code lawsuit}, {@code activity} and {@code counted_case}, grouped by year, so
 * any period is a sum of them; schools, counted once over a period, are asked for by
 * period.
 */
public class AccountQueries {

	private final Supplier<JdbcClient> jdbc;

	/**
	 * @param jdbc the record store's tables (asked for when read: the store opens on
	 * first use)
	 */
	public AccountQueries(Supplier<JdbcClient> jdbc) {
		this.jdbc = jdbc;
	}

	/** Lawsuits started, by action type and year of filing. */
	public List<YearCount> lawsuitsStarted() {
		return this.jdbc.get().sql("""
				SELECT action_type, filed_year AS y, COUNT(*) AS n
				FROM lawsuit GROUP BY action_type, filed_year ORDER BY action_type, y
				""").query((rs, i) -> new YearCount(rs.getString(1), null, rs.getInt(2), rs.getLong(3))).list();
	}

	/**
	 * Lawsuits closed, by action type, year of closing and result ({@code what} the
	 * action type, {@code detail} the result).
	 */
	public List<YearCount> lawsuitsClosed() {
		return this.jdbc.get()
			.sql("""
					SELECT action_type, result, closed_year AS y, COUNT(*) AS n
					FROM lawsuit WHERE closed_day IS NOT NULL
					GROUP BY action_type, result, closed_year ORDER BY action_type, y, result
					""")
			.query((rs, i) -> new YearCount(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getLong(4)))
			.list();
	}

	/** Activities by line of work and year. */
	public List<YearCount> activities() {
		return this.jdbc.get().sql("""
				SELECT line, activity_year AS y, COUNT(*) AS n
				FROM activity GROUP BY line, activity_year ORDER BY line, y
				""").query((rs, i) -> new YearCount(rs.getString(1), null, rs.getInt(2), rs.getLong(3))).list();
	}

	/** Participation activities by mechanism and year. */
	public List<YearCount> mechanisms() {
		return this.jdbc.get().sql("""
				SELECT mechanism, activity_year AS y, COUNT(*) AS n
				FROM activity WHERE line = 'PARTICIPACION'
				GROUP BY mechanism, activity_year ORDER BY mechanism, y
				""").query((rs, i) -> new YearCount(rs.getString(1), null, rs.getInt(2), rs.getLong(3))).list();
	}

	/** People reached by Educación Financiera, by year. */
	public List<Reached> reached() {
		return this.jdbc.get().sql("""
				SELECT activity_year AS y, SUM(schoolchildren), SUM(young_people), SUM(older_adults)
				FROM activity WHERE line = 'EDUCACION_FINANCIERA'
				GROUP BY activity_year ORDER BY y
				""").query((rs, i) -> new Reached(rs.getInt(1), rs.getLong(2), rs.getLong(3), rs.getLong(4))).list();
	}

	/**
	 * Schools that took part in Educación Financiera between two years (both included):
	 * each counted once however many activities it had.
	 */
	public long schools(int fromYear, int toYear) {
		return this.jdbc.get().sql("""
				SELECT COUNT(DISTINCT school) FROM activity
				WHERE line = 'EDUCACION_FINANCIERA' AND school IS NOT NULL
					AND activity_day >= ? AND activity_day <= ?
				""").params(fromYear * 10000 + 101, toYear * 10000 + 1231).query(Long.class).single();
	}

	/** The years with Educación Financiera activities in schools. */
	public List<Integer> schoolYears() {
		return this.jdbc.get().sql("""
				SELECT DISTINCT activity_year AS y FROM activity
				WHERE line = 'EDUCACION_FINANCIERA' AND school IS NOT NULL ORDER BY y
				""").query(Integer.class).list();
	}

	/**
	 * Cases taken in a programme, whatever their channel ({@code what} the folded
	 * programme, {@code detail} the record type), by year.
	 */
	public List<YearCount> programmes() {
		return this.jdbc.get()
			.sql("""
					SELECT programme, record_type, CAST(FLOOR(intake_day / 10000) AS INTEGER) AS y, COUNT(*) AS n
					FROM counted_case WHERE programme IS NOT NULL
					GROUP BY programme, record_type, CAST(FLOOR(intake_day / 10000) AS INTEGER) ORDER BY programme, record_type, y
					""")
			.query((rs, i) -> new YearCount(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getLong(4)))
			.list();
	}

	/**
	 * Comunas where the mobile unit attended, by year; {@code what} is the comuna code.
	 */
	public List<YearCount> mobileComunas() {
		return this.jdbc.get()
			.sql("""
					SELECT place_code, CAST(FLOOR(intake_day / 10000) AS INTEGER) AS y, COUNT(*) AS n
					FROM counted_case WHERE channel = ? AND place_code IS NOT NULL
					GROUP BY place_code, CAST(FLOOR(intake_day / 10000) AS INTEGER) ORDER BY place_code, y
					""")
			.param(ChannelCatalog.MOBILE_UNIT)
			.query((rs, i) -> new YearCount(rs.getString(1), null, rs.getInt(2), rs.getLong(3)))
			.list();
	}

	/**
	 * Counted cases by type ({@code what}), channel ({@code detail}) and year.
	 */
	public List<YearCount> cases() {
		return this.jdbc.get()
			.sql("""
					SELECT record_type, channel, CAST(FLOOR(intake_day / 10000) AS INTEGER) AS y, COUNT(*) AS n
					FROM counted_case
					GROUP BY record_type, channel, CAST(FLOOR(intake_day / 10000) AS INTEGER)
					ORDER BY record_type, channel, y
					""")
			.query((rs, i) -> new YearCount(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getLong(4)))
			.list();
	}

	/**
	 * Municipalities whose platform (a municipal agreement) sent cases between two years.
	 */
	public long municipalities(int fromYear, int toYear) {
		return this.jdbc.get()
			.sql("""
					SELECT COUNT(DISTINCT organization) FROM counted_case
					WHERE channel = ? AND organization IS NOT NULL AND intake_day >= ? AND intake_day <= ?
					""")
			.params(ChannelCatalog.MUNICIPAL_PLATFORMS, fromYear * 10000 + 101, toYear * 10000 + 1231)
			.query(Long.class)
			.single();
	}

	/**
	 * A count of one year.
	 *
	 * @param what the code counted (action type, line, mechanism, programme)
	 * @param detail a second code when there is one (result, record type), else null
	 */
	public record YearCount(String what, String detail, int year, long count) {
	}

	/** People reached by Educación Financiera in a year, by group. */
	public record Reached(int year, long schoolchildren, long youngPeople, long olderAdults) {

		public long total() {
			return this.schoolchildren + this.youngPeople + this.olderAdults;
		}

	}

}
