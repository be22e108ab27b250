package cl.sernac.cifras.staging;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import cl.sernac.cifras.normalize.RowOutcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class StagingAreaTests {

	@TempDir
	Path directory;

	private static RowOutcome.Accepted row(long line, String key, String folio) {
		return new RowOutcome.Accepted(line, key, "RECLAMO", null, "MUNICIPAL", 20150203, "05101", "05",
				"0123456789abcdef", folio, "Municipalidad de Viña del Mar", null, List.of());
	}

	private List<RowOutcome.Accepted> read(StagingArea staging, long fileId) {
		List<RowOutcome.Accepted> rows = new ArrayList<>();
		staging.read(fileId, rows::add);
		return rows;
	}

	@Test
	void readsBackEveryFieldAsWritten() {
		StagingArea staging = new StagingArea(this.directory);
		List<RowOutcome.Accepted> written = new ArrayList<>();
		written.add(row(2, "MUNICIPALIDAD DE SAN FELIPE|7197", null));
		written.add(new RowOutcome.Accepted(3, "k", "SONI", "RECONOCIMIENTO", "INTERNET", 20260101, null, null, null,
				"R-2015-0017447", null, "05602", List.of()));
		// past 2^31 lines, non-ASCII text, a key of 400 characters, an empty text
		written.add(row(5_000_000_000L, "ÑUÑOA|ÁÉÍÓÚ|€|" + "x".repeat(386), ""));
		for (int i = 0; i < 5_000; i++) {
			written.add(row(10 + i, "key-" + i, (i % 3 == 0) ? "F" + i : null));
		}
		try (StagingArea.Appender appender = staging.append(7, 0)) {
			written.forEach(appender::add);
			appender.flush();
		}
		assertThat(read(staging, 7)).isEqualTo(written);
		assertThat(read(staging, 8)).as("a file never staged").isEmpty();
	}

	@Test
	void appendingCutsTheStagingBackToTheCommittedLength() throws Exception {
		StagingArea staging = new StagingArea(this.directory);
		long committed;
		try (StagingArea.Appender appender = staging.append(1, 0)) {
			appender.add(row(2, "a", null));
			committed = appender.flush();
			// rows written after the last commit, as by a reading killed before its next
			appender.add(row(3, "b", null));
			appender.add(row(4, "c", null));
			appender.flush();
		}
		assertThat(Files.size(staging.file(1))).isGreaterThan(committed);
		try (StagingArea.Appender appender = staging.append(1, committed)) {
			appender.add(row(3, "b2", null));
			appender.flush();
		}
		assertThat(read(staging, 1)).extracting(RowOutcome.Accepted::recordKey).containsExactly("a", "b2");
	}

	@Test
	void neverReadsAStagingFileOfAnotherFormatAsRows() throws Exception {
		// given a staging file as an earlier format wrote it: a long line number first
		StagingArea staging = new StagingArea(this.directory);
		Files.createDirectories(this.directory);
		Files.write(staging.file(3), new byte[] { 0, 0, 0, 0, 0, 0, 0, 2, 0, 1, 'k' });

		// then neither the merge nor a resumed reading takes it for rows
		assertThatIllegalStateException().isThrownBy(() -> read(staging, 3)).withMessageContaining("--rebuild");
		assertThatIllegalStateException().isThrownBy(() -> staging.append(3, 11))
			.withMessageContaining("another format");

		// and a reading that starts again rewrites it
		try (StagingArea.Appender appender = staging.append(3, 0)) {
			appender.add(row(2, "a", null));
			appender.flush();
		}
		assertThat(read(staging, 3)).extracting(RowOutcome.Accepted::recordKey).containsExactly("a");
	}

	@Test
	void aStagingFileCutBeforeItsFirstBytesHoldsNoRows() throws Exception {
		StagingArea staging = new StagingArea(this.directory);
		Files.createDirectories(this.directory);
		Files.write(staging.file(4), new byte[0]);
		assertThat(read(staging, 4)).isEmpty();
	}

}
