package cl.sernac.cifras.ledger;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The keeper of rejected rows and warnings: adds them by chunk, counts them by file, and
 * drops them for one file read again or for every file (a rebuild).
 */
class RejectsAndWarningsTests {

	private RejectsAndWarnings rejectsAndWarnings;

	@BeforeEach
	void emptyLedger() {
		this.rejectsAndWarnings = new RejectsAndWarnings(new JdbcTemplate(LedgerDatabase.migrated()));
	}

	@Test
	void countsWhatWasAddedByFile() {
		this.rejectsAndWarnings.addRejected(List.of(new RejectsAndWarnings.Rejected(1, 3, "bad-date", "31-02-2015"),
				new RejectsAndWarnings.Rejected(1, 7, "missing-key", ""),
				new RejectsAndWarnings.Rejected(2, 4, "missing-key", null)));
		this.rejectsAndWarnings.addWarnings(List.of(new RejectsAndWarnings.Warning(1, 5, "rut-invalid"),
				new RejectsAndWarnings.Warning(1, 5, "comuna-unknown")));
		this.rejectsAndWarnings.addRejected(List.of());
		this.rejectsAndWarnings.addWarnings(List.of());
		assertThat(this.rejectsAndWarnings.rejected(1)).isEqualTo(2);
		assertThat(this.rejectsAndWarnings.rejected(2)).isEqualTo(1);
		assertThat(this.rejectsAndWarnings.warnings(1)).isEqualTo(2);
		assertThat(this.rejectsAndWarnings.warnings(2)).isZero();
		assertThat(this.rejectsAndWarnings.rejected(3)).isZero();
	}

	@Test
	void forgetsOneFileOrEveryFile() {
		this.rejectsAndWarnings.addRejected(List.of(new RejectsAndWarnings.Rejected(1, 3, "bad-date", ""),
				new RejectsAndWarnings.Rejected(2, 4, "missing-key", "")));
		this.rejectsAndWarnings.addWarnings(List.of(new RejectsAndWarnings.Warning(1, 5, "rut-invalid"),
				new RejectsAndWarnings.Warning(2, 6, "rut-invalid")));
		this.rejectsAndWarnings.forget(1);
		assertThat(this.rejectsAndWarnings.rejected(1)).isZero();
		assertThat(this.rejectsAndWarnings.warnings(1)).isZero();
		assertThat(this.rejectsAndWarnings.rejected(2)).isEqualTo(1);
		assertThat(this.rejectsAndWarnings.warnings(2)).isEqualTo(1);
		this.rejectsAndWarnings.forgetAll();
		assertThat(this.rejectsAndWarnings.rejected(2)).isZero();
		assertThat(this.rejectsAndWarnings.warnings(2)).isZero();
	}

}
