package cl.sernac.cifras.aggregate;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The figures, computed by SQL over the counted cases (view {@code counted_case}).
 */
public class CaseQueries {

	private final JdbcClient jdbc;

	public CaseQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Cases by type, subtype, channel and year, non-zero combinations only, in code order. */
	public List<ChannelYearCount> byChannelYear() {
		return this.jdbc.sql("""
				SELECT record_type, COALESCE(subtype, '') AS subtype, channel, intake_day / 10000 AS yr,
					COUNT(*) AS records
				FROM counted_case
				GROUP BY record_type, COALESCE(subtype, ''), channel, intake_day / 10000
				ORDER BY record_type, subtype, channel, yr
				""")
			.query((rs, i) -> new ChannelYearCount(rs.getString("record_type"), rs.getString("subtype"),
					rs.getString("channel"), rs.getInt("yr"), rs.getLong("records")))
			.list();
	}

	/** Distinct comunas where the mobile unit attended counted cases. */
	public List<String> mobileUnitComunas() {
		return this.jdbc
			.sql("SELECT DISTINCT place_code FROM counted_case WHERE channel = 'MOVIL' AND place_code IS NOT NULL"
					+ " ORDER BY place_code")
			.query(String.class)
			.list();
	}

	/** Distinct municipalities and provincial governments behind counted municipal cases. */
	public List<String> municipalOrganizations() {
		return this.jdbc
			.sql("SELECT DISTINCT organization FROM counted_case WHERE channel = 'MUNICIPAL'"
					+ " AND organization IS NOT NULL ORDER BY organization")
			.query(String.class)
			.list();
	}

	/** The first and last year with counted cases, or empty when nothing is counted yet. */
	public Optional<YearRange> yearRange() {
		return this.jdbc
			.sql("SELECT MIN(intake_day) / 10000, MAX(intake_day) / 10000 FROM counted_case HAVING COUNT(*) > 0")
			.query((rs, i) -> new YearRange(rs.getInt(1), rs.getInt(2)))
			.optional();
	}

	/** Cases by type (SONI subtypes together), channel and year, non-zero combinations only. */
	public List<TypeChannelCount> byTypeChannelYear() {
		return this.jdbc.sql("""
				SELECT record_type, channel, intake_day / 10000 AS yr, COUNT(*) AS records
				FROM counted_case
				GROUP BY record_type, channel, intake_day / 10000
				ORDER BY record_type, channel, yr
				""").query((rs, i) -> new TypeChannelCount(rs.getString("record_type"), rs.getString("channel"),
				rs.getInt("yr"), rs.getLong("records"))).list();
	}

	/** Cases by type, channel and month ({@code yyyymm}), non-zero combinations only. */
	public List<TypeChannelCount> byTypeChannelMonth() {
		return this.jdbc.sql("""
				SELECT record_type, channel, intake_day / 100 AS ym, COUNT(*) AS records
				FROM counted_case
				GROUP BY record_type, channel, intake_day / 100
				ORDER BY record_type, channel, ym
				""").query((rs, i) -> new TypeChannelCount(rs.getString("record_type"), rs.getString("channel"),
				rs.getInt("ym"), rs.getLong("records"))).list();
	}

	/** Cases by type and channel over the years {@code fromYear} to {@code toYear}, both included. */
	public List<TypeChannelCount> byTypeChannel(int fromYear, int toYear) {
		return this.jdbc.sql("""
				SELECT record_type, channel, COUNT(*) AS records
				FROM counted_case
				WHERE intake_day BETWEEN ? AND ?
				GROUP BY record_type, channel
				ORDER BY record_type, channel
				""")
			.params(firstDay(fromYear), lastDay(toYear))
			.query((rs, i) -> new TypeChannelCount(rs.getString("record_type"), rs.getString("channel"), 0,
					rs.getLong("records")))
			.list();
	}

	/** SONI by subtype and year; a SONI without subtype is counted under an empty subtype. */
	public List<SubtypeYearCount> soniBySubtypeYear() {
		return this.jdbc.sql("""
				SELECT COALESCE(subtype, '') AS subtype, intake_day / 10000 AS yr, COUNT(*) AS records
				FROM counted_case
				WHERE record_type = 'SONI'
				GROUP BY COALESCE(subtype, ''), intake_day / 10000
				ORDER BY subtype, yr
				""").query((rs, i) -> new SubtypeYearCount(rs.getString("subtype"), rs.getInt("yr"),
				rs.getLong("records"))).list();
	}

	/** Cases the mobile unit attended, by comuna where it stood and year. */
	public List<PlaceYearCount> mobileUnitByPlaceYear() {
		return this.jdbc.sql("""
				SELECT place_code, intake_day / 10000 AS yr, COUNT(*) AS records
				FROM counted_case
				WHERE channel = 'MOVIL' AND place_code IS NOT NULL
				GROUP BY place_code, intake_day / 10000
				ORDER BY place_code, yr
				""").query((rs, i) -> new PlaceYearCount(rs.getString("place_code"), rs.getInt("yr"),
				rs.getLong("records"))).list();
	}

	/** Municipal-platform cases by municipality or provincial government, year and type. */
	public List<OrganizationYearCount> municipalByOrganizationYear() {
		return this.jdbc.sql("""
				SELECT organization, intake_day / 10000 AS yr, record_type, COUNT(*) AS records
				FROM counted_case
				WHERE channel = 'MUNICIPAL' AND organization IS NOT NULL
				GROUP BY organization, intake_day / 10000, record_type
				ORDER BY organization, yr, record_type
				""").query((rs, i) -> new OrganizationYearCount(rs.getString("organization"), rs.getInt("yr"),
				rs.getString("record_type"), rs.getLong("records"))).list();
	}

	public long totalCases() {
		return this.jdbc.sql("SELECT COUNT(*) FROM counted_case").query(Long.class).single();
	}

	private static int firstDay(int year) {
		return year * 10000 + 101;
	}

	private static int lastDay(int year) {
		return year * 10000 + 1231;
	}

	/**
	 * @param subtype empty unless the type is SONI
	 */
	public record ChannelYearCount(String recordType, String subtype, String channel, int year, long records) {
	}

	public record YearRange(int first, int last) {
	}

	/**
	 * @param period the year ({@code yyyy}), the month ({@code yyyymm}) or 0 for a whole period
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
