package cl.sernac.cifras.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs independent pieces of output (a chart, the workbook) on every core: drawing and
 * compressing PNGs is most of the outputs' time, and a nightly run's outputs cost as much
 * as the rest of it.
 */
final class Concurrently {

	private Concurrently() {
	}

	/** A piece of output that returns nothing. */
	@FunctionalInterface
	interface Piece {

		void write() throws IOException;

	}

	/**
	 * Runs the tasks, and the pieces alongside them, and returns the tasks' results in
	 * the tasks' order; the first failure is thrown once every task and piece has ended.
	 */
	static <T> List<T> run(List<Callable<T>> tasks, Piece... alongside) throws IOException {
		List<Callable<Object>> all = new ArrayList<>();
		// The pieces first: the workbook is the longest single piece.
		for (Piece piece : alongside) {
			all.add(() -> {
				piece.write();
				return null;
			});
		}
		for (Callable<T> task : tasks) {
			all.add(task::call);
		}
		List<Object> results = runAll(all);
		@SuppressWarnings("unchecked")
		List<T> ofTasks = (List<T>) results.subList(alongside.length, results.size());
		return ofTasks;
	}

	private static List<Object> runAll(List<Callable<Object>> tasks) throws IOException {
		int threads = Math.max(1, Math.min(tasks.size(), Runtime.getRuntime().availableProcessors()));
		ExecutorService pool = Executors.newFixedThreadPool(threads, (task) -> {
			Thread thread = new Thread(task, "output");
			thread.setDaemon(true);
			return thread;
		});
		try {
			List<Future<Object>> futures = new ArrayList<>();
			for (Callable<Object> task : tasks) {
				futures.add(pool.submit(task));
			}
			List<Object> results = new ArrayList<>(tasks.size());
			Throwable failure = null;
			for (Future<Object> future : futures) {
				try {
					results.add(future.get());
				}
				catch (ExecutionException ex) {
					failure = (failure != null) ? failure : ex.getCause();
				}
			}
			if (failure instanceof IOException io) {
				throw io;
			}
			if (failure instanceof UncheckedIOException io) {
				throw io.getCause();
			}
			if (failure instanceof RuntimeException runtime) {
				throw runtime;
			}
			if (failure instanceof Error error) {
				throw error;
			}
			if (failure != null) {
				throw new IllegalStateException(failure);
			}
			return results;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException("Interrupted while writing outputs", ex);
		}
		finally {
			pool.shutdownNow();
		}
	}

}
