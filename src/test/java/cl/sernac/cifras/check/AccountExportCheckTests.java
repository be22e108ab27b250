package cl.sernac.cifras.check;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import cl.sernac.cifras.normalize.Territory;
import cl.sernac.cifras.reading.DefaultSourceProfiles;
import cl.sernac.cifras.reading.ReadLimits;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code --check} on the lawsuits' and the activities' exports: read as a run would read
 * them, their rejects named, and no description shown.
 */
class AccountExportCheckTests {

	@Test
	void checksALawsuitsAndAnActivitiesExport() {
		ExportCheck check = new ExportCheck(DefaultSourceProfiles.catalog(), new ReadLimits(100_000, 1_000),
				Territory.load(), LocalDate.of(2026, 11, 28));
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		boolean readable = check.check(
				List.of(Path.of("src/test/resources/samples-account/juicios_2015_01.csv"),
						Path.of("src/test/resources/samples-account/actividades_2015.csv")),
				new PrintStream(bytes, true, StandardCharsets.UTF_8));
		String out = bytes.toString(StandardCharsets.UTF_8);
		assertThat(readable).as(out).isTrue();
		assertThat(out)
			.contains("Fuente: juicios (patrón juicios_*.csv", "Fuente: actividades (patrón actividades_*.csv",
					"línea 2: tipo JUICIO, subtipo INTERES_GENERAL, canal -, fecha 15-03-2014, comuna 05101",
					"detalle EN_TRAMITACION||", "Juicio terminado sin fecha de término: 1 (línea 7)")
			.doesNotContain("Juana", "Taller");
	}

}
