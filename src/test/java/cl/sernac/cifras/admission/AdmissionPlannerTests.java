package cl.sernac.cifras.admission;

import cl.sernac.cifras.ledger.FileFingerprint;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which of several identical files of one run is the original.
 */
class AdmissionPlannerTests {

	@ParameterizedTest
	@ValueSource(strings = { "portal_2015_06 (copia).csv", "Copia de portal_2015_06.csv", "portal_2015_06_copia.csv",
			"portal_2015_06 (1).csv", "portal_2015_06 [2].csv", "portal_2015_06 - Copy.csv",
			"portal_2015_06_duplicado.csv", "portal_2015_06.csv~" })
	void copiesAreRecognizedByTheirMarks(String name) {
		assertThat(AdmissionPlanner.looksLikeACopy(name)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "portal_2015_06.csv", "copiapo_2015.csv", "municipal_2015_copiapo.csv",
			"convenio_2015_06_v2.csv" })
	void plainNamesAreNotCopies(String name) {
		assertThat(AdmissionPlanner.looksLikeACopy(name)).as(name).isFalse();
	}

	@Test
	void thePlainestNameOfIdenticalFilesIsIngested() {
		Map<Path, FileFingerprint> files = new LinkedHashMap<>();
		files.put(Path.of("in/portal_2015_06 (copia).csv"), new FileFingerprint("a", 10, 0));
		files.put(Path.of("in/portal_2015_06.csv"), new FileFingerprint("a", 10, 0));
		files.put(Path.of("in/portal_2015_06_reenviado.csv"), new FileFingerprint("a", 10, 0));
		files.put(Path.of("in/portal_2015_07 (1).csv"), new FileFingerprint("b", 10, 0));

		Map<String, Path> preferred = AdmissionPlanner.preferredCopies(files);

		assertThat(preferred).containsEntry("a", Path.of("in/portal_2015_06.csv"))
			.containsEntry("b", Path.of("in/portal_2015_07 (1).csv"))
			.hasSize(2);
	}

}
