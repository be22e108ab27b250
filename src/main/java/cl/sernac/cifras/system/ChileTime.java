package cl.sernac.cifras.system;

import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Dates and times are local time in Chile (SPEC), whatever the server's zone.
 */
public final class ChileTime {

	public static final ZoneId ZONE = ZoneId.of("America/Santiago");

	private ChileTime() {
	}

	public static LocalDate today() {
		return LocalDate.now(ZONE);
	}

}
