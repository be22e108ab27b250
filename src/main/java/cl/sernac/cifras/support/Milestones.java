package cl.sernac.cifras.support;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Named points a run passes: {@code plan} (the files to read are decided), {@code split}
 * (an admitted file cut into parts), {@code ingest} (a chunk of rows staged),
 * {@code merge} (a file loaded into the record store), {@code records:loaded},
 * {@code records:merged}, {@code records:committed}, {@code records:checkpoint},
 * {@code output} (the outputs about to be written), {@code before:STEP} and
 * {@code after:STEP}. Whoever wants to know registers a listener; the application
 * registers none, so passing a milestone costs a look at an empty list.
 */
public final class Milestones {

	private static final List<Listener> LISTENERS = new CopyOnWriteArrayList<>();

	private Milestones() {
	}

	public static void register(Listener listener) {
		LISTENERS.add(listener);
	}

	public static void unregister(Listener listener) {
		LISTENERS.remove(listener);
	}

	/** Tells every listener, in the thread that passes, that the run reached a point. */
	public static void passed(String milestone) {
		for (Listener listener : LISTENERS) {
			listener.passed(milestone);
		}
	}

	@FunctionalInterface
	public interface Listener {

		void passed(String milestone);

	}

}
