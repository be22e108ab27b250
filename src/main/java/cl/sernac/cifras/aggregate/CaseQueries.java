package cl.sernac.cifras.aggregate;

import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import cl.sernac.cifras.reading.ChannelCatalog;
import cl.sernac.cifras.reading.RecordType;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The figures: the counted cases of the record store grouped once, from which every
 * output is derived.
 */
public class CaseQueries {

	private final Supplier<JdbcClient> jdbc;

	/**
	 * @param jdbc the record store's tables (asked for when read: the store opens on
	 * first use)
	 */
	public CaseQueries(Supplier<JdbcClient> jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Counted cases grouped by everything the planners' report breaks them down by: type,
	 * SONI subtype, channel, month, and the comuna where the mobile unit stood (mobile
	 * unit only) or the municipality (municipal platforms only): a few thousand groups
	 * however many cases; the report's figures are sums of them.
	 */
	public CaseCells cells() {
		return new CaseCells(this.jdbc.get()
			.sql("""
					SELECT record_type, COALESCE(subtype, '') AS subtype, channel, intake_day / 100 AS ym,
						CASE WHEN channel = '%1$s' THEN COALESCE(place_code, '') ELSE '' END AS place,
						CASE WHEN channel = '%2$s' THEN COALESCE(organization, '') ELSE '' END AS organization,
						COUNT(*) AS records
					FROM counted_case
					GROUP BY record_type, COALESCE(subtype, ''), channel, intake_day / 100,
						CASE WHEN channel = '%1$s' THEN COALESCE(place_code, '') ELSE '' END,
						CASE WHEN channel = '%2$s' THEN COALESCE(organization, '') ELSE '' END
					ORDER BY record_type, subtype, channel, ym, place, organization
					""".formatted(ChannelCatalog.MOBILE_UNIT, ChannelCatalog.MUNICIPAL_PLATFORMS))
			.query((rs, i) -> new CaseCells.Cell(rs.getString("record_type"), rs.getString("subtype"),
					rs.getString("channel"), rs.getInt("ym"), emptyAsNone(rs.getString("place")),
					emptyAsNone(rs.getString("organization")), rs.getLong("records")))
			.list());
	}

	/**
	 * Records stored, one per record key: cases, and records joined to a case (rule 2);
	 * lawsuits and activities are not counted here.
	 */
	public long records() {
		return this.jdbc.get()
			.sql("SELECT COUNT(*) FROM intake_record WHERE record_type IN ("
					+ RecordType.codes().stream().map((code) -> "'" + code + "'").collect(Collectors.joining(", "))
					+ ")")
			.query(Long.class)
			.single();
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
