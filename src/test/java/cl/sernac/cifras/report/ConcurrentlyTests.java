package cl.sernac.cifras.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ConcurrentlyTests {

	@Test
	void returnsTheTasksResultsInTheirOrderAndRunsThePiecesToo() throws IOException {
		List<Callable<Integer>> tasks = new ArrayList<>();
		for (int i = 0; i < 12; i++) {
			int n = i;
			tasks.add(() -> {
				Thread.sleep((12 - n) * 3L);
				return n * n;
			});
		}
		AtomicInteger pieces = new AtomicInteger();

		List<Integer> results = Concurrently.run(tasks, pieces::incrementAndGet, pieces::incrementAndGet);

		assertThat(results).containsExactly(0, 1, 4, 9, 16, 25, 36, 49, 64, 81, 100, 121);
		assertThat(pieces).hasValue(2);
	}

	@Test
	void rethrowsAFailureOnceEveryTaskHasEnded() {
		Set<Integer> finished = ConcurrentHashMap.newKeySet();
		List<Callable<Integer>> tasks = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			int n = i;
			tasks.add(() -> {
				if (n == 1) {
					throw new IOException("chart " + n);
				}
				Thread.sleep(20);
				finished.add(n);
				return n;
			});
		}

		assertThatExceptionOfType(IOException.class).isThrownBy(() -> Concurrently.run(tasks)).withMessage("chart 1");
		assertThat(finished).containsExactlyInAnyOrder(0, 2, 3, 4, 5);
	}

	@Test
	void unwrapsAnUncheckedIoFailureOfAPiece() {
		assertThatExceptionOfType(IOException.class)
			.isThrownBy(() -> Concurrently.run(List.<Callable<Integer>>of(() -> 1), () -> {
				throw new UncheckedIOException(new IOException("workbook"));
			}))
			.withMessage("workbook");
	}

}
