package cl.sernac.cifras.aggregate;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The figures, computed by SQL over the counted cases (view {@code counted_case}).
 */
public class CaseQueries {

	private final JdbcClient jdbc;

	public CaseQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Cases by type, subtype, channel and year, non-zero combinations only, in code
	 * order.
	 */
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

	/**
	 * Distinct municipalities and provincial governments behind counted municipal cases.
	 */
	public List<String> municipalOrganizations() {
		return this.jdbc
			.sql("SELECT DISTINCT organization FROM counted_case WHERE channel = 'MUNICIPAL'"
					+ " AND organization IS NOT NULL ORDER BY organization")
			.query(String.class)
			.list();
	}

	/**
	 * Counted cases grouped by everything the planners' report breaks them down by, in
	 * one pass over {@code counted_case}: type, SONI subtype, channel, month, and the
	 * comuna where the mobile unit stood (mobile unit only) or the municipality
	 * (municipal platforms only). A few thousand groups however many cases; the report's
	 * figures are sums of them.
	 */
	public CaseCells cells() {
		return new CaseCells(this.jdbc.sql("""
				SELECT record_type, COALESCE(subtype, '') AS subtype, channel, intake_day / 100 AS ym,
					CASE WHEN channel = 'MOVIL' THEN place_code END AS place,
					CASE WHEN channel = 'MUNICIPAL' THEN organization END AS organization,
					COUNT(*) AS records
				FROM counted_case
				GROUP BY record_type, COALESCE(subtype, ''), channel, intake_day / 100,
					CASE WHEN channel = 'MOVIL' THEN place_code END,
					CASE WHEN channel = 'MUNICIPAL' THEN organization END
				""")
			.query((rs, i) -> new CaseCells.Cell(rs.getString("record_type"), rs.getString("subtype"),
					rs.getString("channel"), rs.getInt("ym"), rs.getString("place"), rs.getString("organization"),
					rs.getLong("records")))
			.list());
	}

	public long totalCases() {
		return this.jdbc.sql("SELECT COUNT(*) FROM counted_case").query(Long.class).single();
	}

	/**
	 * @param subtype empty unless the type is SONI
	 */
	public record ChannelYearCount(String recordType, String subtype, String channel, int year, long records) {
	}

}
