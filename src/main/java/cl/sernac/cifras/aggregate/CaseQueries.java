package cl.sernac.cifras.aggregate;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The figures, computed by SQL over the counted cases (view {@code counted_case}): one
 * grouped pass from which every output is derived.
 */
public class CaseQueries {

	private final JdbcClient jdbc;

	public CaseQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
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

	/**
	 * @param subtype empty unless the type is SONI
	 */
	public record ChannelYearCount(String recordType, String subtype, String channel, int year, long records) {
	}

}
