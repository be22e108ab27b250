package cl.sernac.cifras.report;

import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The scan the report's tests rely on finds what it looks for.
 */
class PersonalDataScanTests {

	@TempDir
	Path dir;

	@Test
	void findsTheInputsRutsAndNamesInAnOutput() throws Exception {
		Path input = Files.createDirectories(this.dir.resolve("input"));
		Files.writeString(input.resolve("oficina_2015.csv"),
				"N_ATENCION;FECHA;HORA;TIPO;SUBTIPO;RUT;NOMBRE;COMUNA\r\n"
						+ "1;01-02-2015;10:00;Consulta;;12.175.900-4;Ana Luisa Díaz Vera;Zapallar\r\n",
				Charset.forName("windows-1252"));
		PersonalDataScan scan = PersonalDataScan.ofInputs(input);
		Path output = Files.createDirectories(this.dir.resolve("output"));
		Files.writeString(output.resolve("bien.csv"), "Comuna;Registros\nZapallar;98305\n");
		assertThatCode(() -> scan.assertNoneIn(output)).doesNotThrowAnyException();
		for (String leak : new String[] { "121759004", "12175900", "12.175.900", "ANA LUISA DIAZ VERA" }) {
			Files.writeString(output.resolve("fuga.txt"), "x;" + leak + ";y");
			assertThatExceptionOfType(AssertionError.class).as(leak).isThrownBy(() -> scan.assertNoneIn(output));
		}
	}

}
