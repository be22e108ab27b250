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

	/**
	 * Runs the tasks and returns their results in the tasks' order; the first failure is
	 * thrown once every task has ended.
	 */
	static <T> List<T> run(List<Callable<T>> tasks) throws IOException {
		int threads = Math.max(1, Math.min(tasks.size(), Runtime.getRuntime().availableProcessors()));
		ExecutorService pool = Executors.newFixedThreadPool(threads, (task) -> {
			Thread thread = new Thread(task, "output");
			thread.setDaemon(true);
			return thread;
		});
		try {
			List<Future<T>> futures = new ArrayList<>();
			for (Callable<T> task : tasks) {
				futures.add(pool.submit(task));
			}
			List<T> results = new ArrayList<>(tasks.size());
			Throwable failure = null;
			for (Future<T> future : futures) {
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
