package cl.sernac.cifras.system;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Named points in a run where the crash tests stop the process. Inert unless the
 * environment variable {@code CIFRAS_HALT_AT} names the point ({@code merge}, or
 * {@code ingest:3} for its third passage): then the process prints a marker line and
 * waits there for the test to kill it. {@code CIFRAS_PAUSE_AT} ({@code point:millis})
 * pauses there instead and goes on.
 */
public final class HaltPoints {

	private static final String HALT_AT = System.getenv("CIFRAS_HALT_AT");

	private static final String PAUSE_AT = System.getenv("CIFRAS_PAUSE_AT");

	private static final Map<String, AtomicInteger> PASSAGES = new ConcurrentHashMap<>();

	private HaltPoints() {
	}

	public static void reached(String point) {
		if (HALT_AT == null && PAUSE_AT == null) {
			return;
		}
		int passage = PASSAGES.computeIfAbsent(point, (p) -> new AtomicInteger()).incrementAndGet();
		if (matches(HALT_AT, point, passage)) {
			System.out.println("CIFRAS-HALT " + point + " " + passage);
			System.out.flush();
			sleep(Long.MAX_VALUE);
		}
		if (PAUSE_AT != null && PAUSE_AT.startsWith(point + ":") && passage == 1) {
			System.out.println("CIFRAS-PAUSE " + point);
			System.out.flush();
			sleep(Long.parseLong(PAUSE_AT.substring(point.length() + 1)));
		}
	}

	private static boolean matches(String spec, String point, int passage) {
		if (spec == null) {
			return false;
		}
		if (spec.equals(point)) {
			return passage == 1;
		}
		return spec.equals(point + ":" + passage);
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
