package cl.sernac.cifras.admission;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import cl.sernac.cifras.ChildRun;
import cl.sernac.cifras.CifrasRun;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One bad file never stops the others: a file the run cannot read, a plain file named
 * like the folder files are set aside in, a directory named like an export. Each is
 * reported with its reason, every other file is counted, the run exits 0, and so does
 * every run after it.
 */
class StrayFileFunctionalTests {

	private static final Path SAMPLES = Path.of("src/test/resources/samples");

	private static final ObjectMapper JSON = new ObjectMapper();

	@TempDir
	static Path shared;

	private static String expectedTable;

	@BeforeAll
	static void undisturbedRun() throws Exception {
		CifrasRun run = CifrasRun.in(shared).withInputFrom(SAMPLES);
		assertThat(run.run()).isZero();
		expectedTable = run.outputFile("tables/by_channel_year.csv");
	}

	@Test
	void strayFilesAreReportedAndEverythingElseIsCounted(@TempDir Path root, @TempDir Path work) throws Exception {
		// given the samples, a file named like the folder of files not ingested, a
		// directory named like an export, and an export the run may not read
		CifrasRun run = CifrasRun.in(root.resolve("run")).withInputFrom(SAMPLES);
		Files.writeString(run.input().resolve("no_ingresados"), "notas\n");
		Files.createDirectories(run.input().resolve("portal_2017.csv"));
		Files.writeString(run.input().resolve("portal_2017.csv").resolve("leeme.txt"), "x\n");
		Path unreadable = run.input().resolve("movil_2017_01.csv");
		Files.writeString(unreadable, "fecha,comuna_visitada,programa,correlativo,tipo,rut,mercado\n"
				+ "2017-01-05,Quillota,SERNAC en tu barrio,1,consulta,,SALUD\n");

		// when the pipeline runs, as an unprivileged user that may not read that export
		Files.setPosixFilePermissions(unreadable, PosixFilePermissions.fromString("---------"));
		ChildRun first = ChildRun.startUnprivileged(run, work);
		int exit = first.waitForExit(180);

		// then it completes with every other file counted
		assertThat(exit).as(first.output()).isZero();
		assertThat(run.outputFile("tables/by_channel_year.csv")).isEqualTo(expectedTable);
		// and each stray is reported with its reason
		JsonNode summary = JSON.readTree(run.output().resolve("run_summary.json").toFile());
		assertThat(reason(summary, "no_ingresados")).contains("Tiene el nombre de una carpeta de trabajo");
		assertThat(reason(summary, "portal_2017.csv")).contains("Es una carpeta, no un archivo");
		assertThat(reason(summary, "movil_2017_01.csv")).contains("No se pudo leer el archivo (permiso denegado)");
		assertThat(run.outputFile("resumen_ejecucion.txt")).contains("no_ingresados")
			.contains("portal_2017.csv")
			.contains("permiso denegado");
		// and what could not be set aside stays where it was
		assertThat(run.input().resolve("no_ingresados")).isRegularFile();
		assertThat(run.input().resolve("notas_analista.txt")).exists();
		assertThat(unreadable).exists();

		// when the export becomes readable and the stray file is renamed
		Files.setPosixFilePermissions(unreadable, PosixFilePermissions.fromString("rw-r--r--"));
		Files.move(run.input().resolve("no_ingresados"), run.input().resolve("notas_no_ingresados.txt"));
		ChildRun second = ChildRun.startUnprivileged(run, work);

		// then the next run takes it, and sets aside what it could not before
		assertThat(second.waitForExit(180)).as(second.output()).isZero();
		assertThat(run.outputFile("tables/by_channel_year.csv")).contains("CONSULTA,,MOVIL,2017,1");
		assertThat(run.input().resolve("no_ingresados").resolve("notas_analista.txt")).exists();
		assertThat(unreadable).doesNotExist();
	}

	private static String reason(JsonNode summary, String fileName) {
		for (JsonNode file : summary.get("files")) {
			if (file.get("file").asText().equals(fileName)) {
				return file.get("reason").asText();
			}
		}
		throw new AssertionError(fileName + " not in " + summary.toPrettyString());
	}

}
