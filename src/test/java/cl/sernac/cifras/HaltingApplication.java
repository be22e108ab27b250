package cl.sernac.cifras;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import cl.sernac.cifras.support.Milestones;

/**
 * The application as the crash tests start it: {@link CifrasApplication} with a listener
 * on the run's {@link Milestones} that stops the process where the environment variable
 * {@code CIFRAS_HALT_AT} says ({@code merge}, or {@code ingest:3} for its third passage):
 * it prints a marker line and waits there for the test to kill it.
 * {@code CIFRAS_PAUSE_AT} ({@code point:millis}) pauses there instead and goes on.
 */
public final class HaltingApplication implements Milestones.Listener {

	private final String haltAt;

	private final String pauseAt;

	private final Map<String, AtomicInteger> passages = new ConcurrentHashMap<>();

	HaltingApplication(String haltAt, String pauseAt) {
		this.haltAt = haltAt;
		this.pauseAt = pauseAt;
	}

	public static void main(String[] args) {
		String haltAt = System.getenv("CIFRAS_HALT_AT");
		String pauseAt = System.getenv("CIFRAS_PAUSE_AT");
		if (haltAt != null || pauseAt != null) {
			Milestones.register(new HaltingApplication(haltAt, pauseAt));
		}
		CifrasApplication.main(args);
	}

	@Override
	public void passed(String point) {
		int passage = this.passages.computeIfAbsent(point, (p) -> new AtomicInteger()).incrementAndGet();
		if (matches(this.haltAt, point, passage)) {
			System.out.println("CIFRAS-HALT " + point + " " + passage);
			System.out.flush();
			sleep(Long.MAX_VALUE);
		}
		if (this.pauseAt != null && this.pauseAt.startsWith(point + ":") && passage == 1) {
			System.out.println("CIFRAS-PAUSE " + point);
			System.out.flush();
			sleep(Long.parseLong(this.pauseAt.substring(point.length() + 1)));
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
