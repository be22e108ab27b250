package cl.sernac.cifras.support;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Dates and times are local time in Chile (SPEC), whatever the server's zone. Every time
 * a person reads (log lines, the run summary, the report, the data-quality table) is in
 * one zone, {@code cifras.time-zone}, so that the order of events reads right.
 */
public final class ChileTime {

	/** The property that sets the zone; the log pattern reads it too. */
	public static final String PROPERTY = "cifras.time-zone";

	public static final ZoneId ZONE = ZoneId.of("America/Santiago");

	/**
	 * A moment with its offset, seconds always written:
	 * {@code 2026-12-01T21:03:00-03:00}.
	 */
	public static final DateTimeFormatter ISO_WITH_OFFSET = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");

	private ChileTime() {
	}

	public static LocalDate today() {
		return LocalDate.now(ZONE);
	}

	/**
	 * The zone configured, {@code America/Santiago} when empty.
	 * @throws IllegalArgumentException when it is not a zone
	 */
	public static ZoneId zone(String configured) {
		if (configured == null || configured.isBlank()) {
			return ZONE;
		}
		try {
			return ZoneId.of(configured.strip());
		}
		catch (DateTimeException ex) {
			throw new IllegalArgumentException(PROPERTY + "=" + configured
					+ " no es una zona horaria (por ejemplo America/Santiago): " + ex.getMessage(), ex);
		}
	}

	/** Now in the zone, to the second, with its offset. */
	public static String now(ZoneId zone) {
		return OffsetDateTime.now(zone).format(ISO_WITH_OFFSET);
	}

}
