package cl.sernac.cifras.ledger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Each decision about a file says itself in Spanish, in a sentence and in a table. */
class FileOutcomeTests {

	@Test
	void labelsInASentenceAndInATableCell() {
		assertThat(FileOutcome.NOT_RECOGNIZED.label()).isEqualTo("no ingresado");
		assertThat(FileOutcome.NOT_RECOGNIZED.cell()).isEqualTo("No ingresado");
		assertThat(FileOutcome.DEFERRED.label()).isEqualTo("pendiente");
		assertThat(FileOutcome.DEFERRED.cell()).isEqualTo("Pendiente: aún se estaba copiando");
		assertThat(FileOutcome.IGNORED.cell()).isEqualTo("Ignorado");
		assertThat(FileOutcome.REPROCESSED.label()).isEqualTo("reprocesado");
		assertThat(FileOutcome.ALREADY_INGESTED.label()).isEqualTo("ya ingresado");
	}

	@Test
	void onlyAdmittedAndReprocessedFilesAreRead() {
		assertThat(FileOutcome.values()).filteredOn(FileOutcome::read)
			.containsExactly(FileOutcome.ADMITTED, FileOutcome.REPROCESSED);
		assertThat(FileOutcome.NOT_INGESTED).noneMatch(FileOutcome::read).doesNotContain(FileOutcome.ALREADY_INGESTED);
	}

}
