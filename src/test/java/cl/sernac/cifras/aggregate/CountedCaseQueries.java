package cl.sernac.cifras.aggregate;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Independent SQL views of the counted cases that the tests check the store and
 * {@link CaseQueries#cells()} against.
 */
public class CountedCaseQueries extends CaseQueries {

	private final JdbcClient jdbc;

	public CountedCaseQueries(JdbcClient jdbc) {
		super(() -> jdbc);
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
	 * The cells of {@link CaseQueries#cells()} grouped afresh from the counted records,
	 * in the same order: what the report's cells must equal.
	 */
	public List<CaseCells.Cell> cellsFromRecords() {
		return this.jdbc.sql("""
				SELECT record_type, COALESCE(subtype, '') AS subtype, channel, intake_day / 100 AS ym,
					CASE WHEN channel = 'MOVIL' THEN COALESCE(place_code, '') ELSE '' END AS place,
					CASE WHEN channel = 'MUNICIPAL' THEN COALESCE(organization, '') ELSE '' END AS organization,
					COUNT(*) AS records
				FROM counted_case
				GROUP BY record_type, COALESCE(subtype, ''), channel, intake_day / 100,
					CASE WHEN channel = 'MOVIL' THEN COALESCE(place_code, '') ELSE '' END,
					CASE WHEN channel = 'MUNICIPAL' THEN COALESCE(organization, '') ELSE '' END
				ORDER BY record_type, subtype, channel, ym, place, organization
				""")
			.query((rs, i) -> new CaseCells.Cell(rs.getString("record_type"), rs.getString("subtype"),
					rs.getString("channel"), rs.getInt("ym"), emptyAsNone(rs.getString("place")),
					emptyAsNone(rs.getString("organization")), rs.getLong("records")))
			.list();
	}

	public long totalCases() {
		return this.jdbc.sql("SELECT COUNT(*) FROM counted_case").query(Long.class).single();
	}

}
