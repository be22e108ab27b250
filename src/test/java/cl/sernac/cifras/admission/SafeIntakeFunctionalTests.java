package cl.sernac.cifras.admission;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import cl.sernac.cifras.CifrasRun;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the nightly run does with what people copy by hand into the input folder.
 */
class SafeIntakeFunctionalTests {

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final String HEADER = "fecha,comuna_visitada,programa,correlativo,tipo,rut,mercado\n";

	@TempDir
	Path root;

	@Test
	void fileStillBeingWrittenIsLeftForLaterAndThenReadOnce() throws Exception {
		// given a file that is being written slowly while the run starts
		CifrasRun run = CifrasRun.in(this.root);
		Path file = run.input().resolve("movil_2016_01.csv");
		Thread writer = new Thread(() -> {
			try (OutputStream out = Files.newOutputStream(file)) {
				out.write(HEADER.getBytes(StandardCharsets.UTF_8));
				for (int i = 1; i <= 12; i++) {
					out.write("2016-01-%02d,Quillota,SERNAC en tu barrio,%d,consulta,,SALUD\n".formatted(i, i)
						.getBytes(StandardCharsets.UTF_8));
					out.flush();
					Thread.sleep(250);
				}
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		});
		writer.start();
		Thread.sleep(300);

		// when a run starts during the copy
		assertThat(run.run("--cifras.intake.quiet-period=1s")).isZero();

		// then the file is left in place for a later run, and the summary says so
		JsonNode first = JSON.readTree(run.output().resolve("run_summary.json").toFile());
		assertThat(first.get("files").get(0).get("outcome").asText()).isEqualTo("DEFERRED");
		assertThat(run.outputFile("resumen_ejecucion.txt")).contains("copia en curso");
		assertThat(Files.exists(file)).isTrue();
		writer.join();

		// and the next run, after the copy, reads it once, completely
		assertThat(run.run("--cifras.intake.quiet-period=1s")).isZero();
		assertThat(Files.readAllLines(run.output().resolve("tables/by_channel_year.csv")))
			.containsExactly("record_type,subtype,channel,year,records", "CONSULTA,,MOVIL,2016,12");
		assertThat(run.run("--cifras.intake.quiet-period=1s")).isZero();
		assertThat(Files.readAllLines(run.output().resolve("tables/by_channel_year.csv")))
			.containsExactly("record_type,subtype,channel,year,records", "CONSULTA,,MOVIL,2016,12");
	}

	@Test
	void anEmptyFileIsWaitedForNotSetAside() throws Exception {
		// given a copy that has created its file and not written yet
		CifrasRun run = CifrasRun.in(this.root);
		Path file = run.input().resolve("movil_2016_05.csv");
		Files.createFile(file);

		// when a run finds it
		assertThat(run.run()).isZero();

		// then it is left where it is, for a later run
		JsonNode first = JSON.readTree(run.output().resolve("run_summary.json").toFile());
		assertThat(first.get("files").get(0).get("outcome").asText()).isEqualTo("DEFERRED");
		assertThat(first.get("files").get(0).get("reason").asText()).startsWith("Archivo vacío (0 bytes)");
		assertThat(file).exists();

		// and once written, the next run counts it
		Files.writeString(file, HEADER + "2016-05-02,Quillota,SERNAC en tu barrio,1,consulta,,SALUD\n");
		assertThat(run.run()).isZero();
		assertThat(Files.readAllLines(run.output().resolve("tables/by_channel_year.csv")))
			.containsExactly("record_type,subtype,channel,year,records", "CONSULTA,,MOVIL,2016,1");
	}

	@Test
	void aLongNameWithARutIsCountedArchivedAndShownMasked() throws Exception {
		// given an export whose name holds a RUT and is near the file system's limit
		CifrasRun run = CifrasRun.in(this.root);
		String name = "movil_2016_06_rut_12.345.678-5_" + "x".repeat(215) + ".csv";
		Files.writeString(run.input().resolve(name),
				HEADER + "2016-06-02,Quillota,SERNAC en tu barrio,1,consulta,,SALUD\n");

		// when the pipeline runs
		assertThat(run.run()).isZero();

		// then it is counted and archived, and no output shows the RUT
		assertThat(Files.readAllLines(run.output().resolve("tables/by_channel_year.csv")))
			.containsExactly("record_type,subtype,channel,year,records", "CONSULTA,,MOVIL,2016,1");
		assertThat(run.input().resolve(name)).doesNotExist();
		try (var archived = Files.list(run.input().resolve("archivo"))) {
			assertThat(archived.map((p) -> p.getFileName().toString())).singleElement()
				.satisfies((n) -> assertThat(n).startsWith("000001_movil_2016_06_rut_").endsWith("~.csv"));
		}
		for (String output : List.of("resumen_ejecucion.txt", "run_summary.json", "tables/calidad_archivos.csv",
				"index.html")) {
			assertThat(run.outputFile(output)).as(output).doesNotContain("12.345.678").contains("[valor oculto]");
		}
	}

	@Test
	void utf16ByteOrderMarkIsHonouredForEverySource() throws Exception {
		// given a spreadsheet's UTF-16 re-save of a UTF-8 source and of a windows-1252
		// one
		CifrasRun run = CifrasRun.in(this.root);
		String movil = HEADER + "2016-03-01,Quillota,SERNAC en tu barrio,1,consulta,,SALUD\n";
		String callcenter = "ID_LLAMADA;FECHA_HORA;RUT;TIPO_ATENCION;MERCADO;REGION;COMUNA;DURACION_SEG\n"
				+ "9000001;02/03/2016 10:00:00;;RECLAMO;SALUD;05;Viña del Mar;60\n";
		Files.write(run.input().resolve("movil_2016_03.csv"), utf16WithMark(movil));
		Files.write(run.input().resolve("callcenter_2016_03.csv"), utf16WithMark(callcenter));

		// when the pipeline runs
		assertThat(run.run()).isZero();

		// then both are read by their mark
		assertThat(Files.readAllLines(run.output().resolve("tables/by_channel_year.csv"))).containsExactly(
				"record_type,subtype,channel,year,records", "CONSULTA,,MOVIL,2016,1", "RECLAMO,,CALL_CENTER,2016,1");
	}

	private static byte[] utf16WithMark(String text) {
		byte[] body = text.getBytes(StandardCharsets.UTF_16LE);
		byte[] bytes = new byte[body.length + 2];
		bytes[0] = (byte) 0xFF;
		bytes[1] = (byte) 0xFE;
		System.arraycopy(body, 0, bytes, 2, body.length);
		return bytes;
	}

	@Test
	void sameContentUnderThreeNamesIsCountedOnce() throws Exception {
		// given one export dropped under three names
		CifrasRun run = CifrasRun.in(this.root);
		String content = HEADER + "2016-02-01,Quillota,SERNAC en tu barrio,1,consulta,,SALUD\n"
				+ "2016-02-01,Quillota,SERNAC en tu barrio,2,reclamo,,SALUD\n";
		for (String name : List.of("movil_2016_02.csv", "movil_2016_02 (copia).csv", "MOVIL_2016_02_v2.csv")) {
			Files.writeString(run.input().resolve(name), content);
		}

		// when the pipeline runs
		assertThat(run.run()).isZero();

		// then it is counted once, under its plainest name, and the other two are
		// reported and set aside
		assertThat(Files.readAllLines(run.output().resolve("tables/by_channel_year.csv"))).containsExactly(
				"record_type,subtype,channel,year,records", "CONSULTA,,MOVIL,2016,1", "RECLAMO,,MOVIL,2016,1");
		JsonNode summary = JSON.readTree(run.output().resolve("run_summary.json").toFile());
		assertThat(summary.get("totals").get("filesAdmitted").asInt()).isEqualTo(1);
		assertThat(summary.get("totals").get("filesAlreadyIngested").asInt()).isEqualTo(2);
		try (var archived = Files.list(run.input().resolve("archivo"))) {
			assertThat(archived.map((p) -> p.getFileName().toString())).containsExactly("000001_movil_2016_02.csv");
		}
		assertThat(run.input().resolve("no_ingresados/MOVIL_2016_02_v2.csv")).exists();
		assertThat(run.input().resolve("no_ingresados/movil_2016_02 (copia).csv.motivo.txt")).content()
			.contains("Mismo contenido que movil_2016_02.csv, que se ingresa en esta ejecución");

		// and dropping it again later changes nothing
		Files.writeString(run.input().resolve("movil_2016_02.csv"), content);
		assertThat(run.run()).isZero();
		assertThat(Files.readAllLines(run.output().resolve("tables/by_channel_year.csv"))).hasSize(3);
	}

	@Test
	void hiddenFilesLinksAndUnknownFilesAreNotCounted() throws Exception {
		// given a hidden file, a symbolic link to an export outside the folder, and an
		// unknown file
		CifrasRun run = CifrasRun.in(this.root);
		Path outside = this.root.resolve("movil_secreto.csv");
		Files.writeString(outside, HEADER + "2016-03-01,Quillota,x,1,consulta,,SALUD\n");
		Files.createSymbolicLink(run.input().resolve("movil_2016_03.csv"), outside);
		Files.writeString(run.input().resolve(".movil_2016_04.csv"),
				HEADER + "2016-04-01,Quillota,x,1,consulta,,SALUD\n");
		Files.writeString(run.input().resolve("notas.txt"), "pedir export de abril\n");

		// when the pipeline runs
		assertThat(run.run()).isZero();

		// then nothing is counted; the unknown file is set aside with its reason
		assertThat(Files.readAllLines(run.output().resolve("tables/by_channel_year.csv"))).hasSize(1);
		JsonNode summary = JSON.readTree(run.output().resolve("run_summary.json").toFile());
		assertThat(summary.get("files").findValuesAsText("outcome")).containsExactly("IGNORED", "IGNORED",
				"NOT_RECOGNIZED");
		assertThat(run.input().resolve("no_ingresados/notas.txt.motivo.txt")).content()
			.contains("El nombre no corresponde a ninguna fuente");
		assertThat(Files.isSymbolicLink(run.input().resolve("movil_2016_03.csv"))).isTrue();
	}

}
