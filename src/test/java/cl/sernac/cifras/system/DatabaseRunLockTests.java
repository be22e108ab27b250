package cl.sernac.cifras.system;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The PostgreSQL run lock: one holder at a time, free again once released. Needs a server
 * ({@code CIFRAS_TEST_PG_URL}, always under CI), like {@link PostgresFunctionalTests}.
 */
class DatabaseRunLockTests {

	private static final String URL = System.getenv("CIFRAS_TEST_PG_URL");

	private static final String USER = System.getenv().getOrDefault("CIFRAS_TEST_PG_USER", "cifras");

	private static final String PASSWORD = System.getenv().getOrDefault("CIFRAS_TEST_PG_PASSWORD", "");

	@Test
	void onlyPostgresqlNeedsIt() {
		assertThat(DatabaseRunLock.appliesTo("jdbc:postgresql://db:5432/cifras")).isTrue();
		assertThat(DatabaseRunLock.appliesTo("jdbc:h2:file:/srv/cifras/data/cifras;WRITE_DELAY=0")).isFalse();
		assertThat(DatabaseRunLock.appliesTo(null)).isFalse();
	}

	@Test
	void messagesShowTheUrlWithoutItsParameters() {
		assertThat(DatabaseRunLock.describe("jdbc:postgresql://db:5432/cifras?user=cifras&password=secreta"))
			.isEqualTo("jdbc:postgresql://db:5432/cifras");
	}

	@Test
	void oneHolderAtATime() throws Exception {
		if (System.getenv("CI") != null) {
			assertThat(URL).as("CIFRAS_TEST_PG_URL must be set under CI").isNotBlank();
		}
		assumeTrue(URL != null && !URL.isBlank(), "no PostgreSQL server given (CIFRAS_TEST_PG_URL)");
		Optional<DatabaseRunLock> first = DatabaseRunLock.tryAcquire(URL, USER, PASSWORD);
		assertThat(first).isPresent();
		try {
			assertThat(DatabaseRunLock.tryAcquire(URL, USER, PASSWORD)).isEmpty();
		}
		finally {
			first.get().close();
		}
		try (DatabaseRunLock again = DatabaseRunLock.tryAcquire(URL, USER, PASSWORD).orElseThrow()) {
			assertThat(again).isNotNull();
		}
	}

}
