package cl.sernac.cifras.bench;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import cl.sernac.cifras.demo.ScaledDataGenerator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class ParseFloorTests {

	private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

	private static ParseFloor.Settings settings;

	@BeforeAll
	static void bind() {
		settings = ParseFloor.Settings.fromApplicationYml();
	}

	@Test
	void bindsTheSourcesOfApplicationYml() {
		// the six exports of SPEC and the two of SPEC-ACCOUNT
		assertThat(settings.catalog().profiles()).containsOnlyKeys("callcenter", "portal", "oficina", "municipal",
				"movil", "convenio", "juicios", "actividades");
		assertThat(settings.catalog().match("CONVENIO_2015_01.CSV")).get()
			.satisfies((s) -> assertThat(s.profile().delimiterChar()).isEqualTo('\t'));
		assertThat(settings.catalog().match("callcenter_2015_01.csv")).get()
			.satisfies((s) -> assertThat(s.profile().encoding()).isEqualToIgnoringCase("windows-1252"));
		assertThat(settings.maxLineChars()).isEqualTo(100_000);
		assertThat(settings.maxRecordLines()).isEqualTo(200);
	}

	@Test
	void countsTheDataRecordsOfEveryExportExactly(@TempDir Path directory) throws IOException {
		// windows-1252, ';', CRLF; a blank row before the header, an all-empty row, a
		// quoted ';'
		write(directory.resolve("callcenter_2014_01.csv"), WINDOWS_1252, "",
				";;;\r\nID_LLAMADA;FECHA_HORA;TIPO_ATENCION\r\n1;01/01/2014 10:00:00;CONSULTA\r\n;;\r\n"
						+ "2;02/01/2014 10:00:00;\"Reclamo; Ñuñoa\"\r\n3;03/01/2014 10:00:00;RECLAMO\r\n");
		// spreadsheet re-save: UTF-8 with BOM whatever the usual encoding, every field
		// quoted, empty rows at the end
		write(directory.resolve("oficina_2014_01.csv"), StandardCharsets.UTF_8, "\uFEFF",
				"\"N_ATENCION\";\"FECHA\"\r\n\"10\";\"01-01-2014\"\r\n\"\";\"\"\r\n;\r\n");
		// a quoted field over three lines is one record; a field-count error is a record
		// too
		write(directory.resolve("portal_2014_01.csv"), StandardCharsets.UTF_8, "",
				"folio,descripcion\nR-2014-0000001,\"uno\ndos, \"\"tres\"\"\ncuatro\"\nR-2014-0000002,x,extra\n");
		// TAB delimiter; the name's case does not matter
		write(directory.resolve("CONVENIO_2014_01.CSV"), StandardCharsets.UTF_8, "",
				"institucion\tid_caso\nChileAtiende\t10001\nChileAtiende\t10002\n");
		// a header alone: no record
		write(directory.resolve("movil_2014_01.csv"), StandardCharsets.UTF_8, "", "fecha,comuna_visitada\n");
		// an unbalanced quote is reported as one record, and the lines after it are read
		// again
		write(directory.resolve("municipal_2014_01.csv"), StandardCharsets.UTF_8, "\uFEFF",
				"Municipio;ID Registro\r\nQuilpué;\"1\r\nQuilpué;2\r\n");
		// not read: no source, hidden
		write(directory.resolve("notas_analista.txt"), StandardCharsets.UTF_8, "", "a;b\n1;2\n");
		write(directory.resolve(".portal_oculto.csv"), StandardCharsets.UTF_8, "", "folio\nR-1\n");
		Files.createDirectory(directory.resolve("portal_carpeta.csv"));

		for (int threads : new int[] { 1, 2, 3 }) {
			ParseFloor.Result result = ParseFloor.count(directory, threads, settings);
			assertThat(result.files()).isEqualTo(6);
			assertThat(result.skipped()).isEqualTo(3);
			assertThat(result.records()).as("threads " + threads).isEqualTo(3 + 1 + 2 + 2 + 0 + 2);
			assertThat(result.threads()).isEqualTo(threads);
		}
	}

	@Test
	void countsWhatTheScaledGeneratorWrote(@TempDir Path directory) throws IOException {
		ScaledDataGenerator.Summary summary = new ScaledDataGenerator(10_000, 7, 2_500).generate(directory, null);
		ParseFloor.Result result = ParseFloor.count(directory, 2, settings);
		// every export, copies included, plus the twelve rows of the call-center summary
		// the pipeline refuses
		assertThat(result.records()).isEqualTo(summary.main().dataRows() + 12);
		assertThat(result.files()).isEqualTo(summary.main().files() - 1);
		assertThat(result.toLine()).startsWith("records=" + result.records() + " files=");
	}

	private static void write(Path file, Charset charset, String bom, String text) throws IOException {
		Files.write(file, (bom + text).getBytes(charset));
	}

}
