package cl.sernac.cifras.aggregate;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The figures: the counted cases grouped once, as {@code case_cell} keeps them, from
 * which every output is derived.
 */
public class CaseQueries {

	private final JdbcClient jdbc;

	public CaseQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Counted cases grouped by everything the planners' report breaks them down by: type,
	 * SONI subtype, channel, month, and the comuna where the mobile unit stood (mobile
	 * unit only) or the municipality (municipal platforms only). Read from
	 * {@code case_cell}, which the merge keeps up to date: a few thousand groups however
	 * many cases; the report's figures are sums of them.
	 */
	public CaseCells cells() {
		return new CaseCells(this.jdbc.sql("""
				SELECT record_type, subtype, channel, ym, place, organization, records
				FROM case_cell
				WHERE records <> 0
				ORDER BY record_type, subtype, channel, ym, place, organization
				""")
			.query((rs, i) -> new CaseCells.Cell(rs.getString("record_type"), rs.getString("subtype"),
					rs.getString("channel"), rs.getInt("ym"), emptyAsNone(rs.getString("place")),
					emptyAsNone(rs.getString("organization")), rs.getLong("records")))
			.list());
	}

	/** A cell's key part as the figures take it: the empty string stands for none. */
	static String emptyAsNone(String value) {
		return (value == null || value.isEmpty()) ? null : value;
	}

	/**
	 * @param subtype empty unless the type is SONI
	 */
	public record ChannelYearCount(String recordType, String subtype, String channel, int year, long records) {
	}

}
