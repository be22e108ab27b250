package cl.sernac.cifras.ledger;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A file's way through the ledger, by its status: admitted (planned), merged, read again
 * by a rebuild, left out, withdrawn; its rejects and warnings follow it.
 */
class FileLedgerTests {

	private static final Instant MODIFIED = Instant.parse("2026-11-30T12:00:00Z");

	private FileLedger ledger;

	private RejectsAndWarnings rejectsAndWarnings;

	@BeforeEach
	void emptyLedger() {
		DataSource dataSource = LedgerDatabase.migrated();
		this.rejectsAndWarnings = new RejectsAndWarnings(new JdbcTemplate(dataSource));
		this.ledger = new FileLedger(JdbcClient.create(dataSource), this.rejectsAndWarnings);
	}

	@Test
	void anAdmittedFileIsPlannedUntilMerged() {
		long id = admit("portal_2015.csv", "a");
		assertThat(this.ledger.admitted(sha256("a"))).hasValueSatisfying((file) -> {
			assertThat(file.status()).isEqualTo(FileStatus.PLANNED);
			assertThat(file.waiting()).isTrue();
		});
		assertThat(this.ledger.planned()).extracting(FileLedger.PlannedFile::id).containsExactly(id);
		assertThat(this.ledger.anyMerged()).isFalse();
		this.rejectsAndWarnings.addRejected(List.of(new RejectsAndWarnings.Rejected(id, 2, "bad-date", "")));
		this.rejectsAndWarnings.addWarnings(List.of(new RejectsAndWarnings.Warning(id, 3, "rut-invalid")));
		this.ledger.merged(id, 5, 3, 1, 1);
		assertThat(this.ledger.admitted(sha256("a")).orElseThrow().status()).isEqualTo(FileStatus.MERGED);
		assertThat(this.ledger.planned()).isEmpty();
		assertThat(this.ledger.anyMerged()).isTrue();
		assertThat(this.ledger.mergedHashes()).containsEntry(id, sha256("a"));
	}

	@Test
	void aRebuildPlansEveryFileAgainWithoutItsRejectsAndWarnings() {
		long merged = admit("portal_2015.csv", "a");
		this.rejectsAndWarnings.addRejected(List.of(new RejectsAndWarnings.Rejected(merged, 2, "bad-date", "")));
		this.rejectsAndWarnings.addWarnings(List.of(new RejectsAndWarnings.Warning(merged, 3, "rut-invalid")));
		this.ledger.merged(merged, 5, 3, 1, 1);
		long leftOut = admit("movil_2015.csv", "b");
		this.ledger.leftOut(leftOut);
		assertThat(this.ledger.admitted(sha256("b")).orElseThrow().status()).isEqualTo(FileStatus.LEFT_OUT);
		assertThat(this.ledger.planned()).isEmpty();
		this.ledger.readAllAgain();
		assertThat(this.ledger.planned()).extracting(FileLedger.PlannedFile::id).containsExactly(merged, leftOut);
		assertThat(this.ledger.anyMerged()).isFalse();
		assertThat(this.rejectsAndWarnings.rejected(merged)).isZero();
		assertThat(this.rejectsAndWarnings.warnings(merged)).isZero();
	}

	@Test
	void aWithdrawnFileLeavesNothingReadFromIt() {
		long withdrawn = admit("portal_2015.csv", "a");
		long kept = admit("portal_2016.csv", "b");
		for (long id : new long[] { withdrawn, kept }) {
			this.rejectsAndWarnings.addRejected(List.of(new RejectsAndWarnings.Rejected(id, 2, "bad-date", "")));
			this.rejectsAndWarnings.addWarnings(List.of(new RejectsAndWarnings.Warning(id, 3, "rut-invalid")));
		}
		this.ledger.withdraw(withdrawn);
		assertThat(this.ledger.admitted(sha256("a"))).isEmpty();
		assertThat(this.ledger.planned()).extracting(FileLedger.PlannedFile::id).containsExactly(kept);
		assertThat(this.rejectsAndWarnings.rejected(withdrawn)).isZero();
		assertThat(this.rejectsAndWarnings.warnings(withdrawn)).isZero();
		assertThat(this.rejectsAndWarnings.rejected(kept)).isEqualTo(1);
		assertThat(this.rejectsAndWarnings.warnings(kept)).isEqualTo(1);
	}

	private long admit(String name, String content) {
		return this.ledger.admit(1, Path.of("/entrada", name), new FileFingerprint(sha256(content), 100, 0), MODIFIED,
				"portal");
	}

	private static String sha256(String content) {
		return content.repeat(64);
	}

}
