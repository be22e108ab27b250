package cl.sernac.cifras.system;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import cl.sernac.cifras.CifrasRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's worked example: a renamed column, a new date format and a seventh source,
 * all by configuration.
 */
class ConfiguredSourceFunctionalTests {

	@TempDir
	Path root;

	@Test
	void readsARenamedColumnAndANewSourceFromConfiguration() throws Exception {
		// given the README's configuration
		Path config = this.root.resolve("application.yml");
		Files.writeString(config, """
				cifras:
				  sources:
				    callcenter:
				      columns:
				        date: FECHA_LLAMADA
				      date-formats: ["dd/MM/yyyy HH:mm:ss", "yyyy-MM-dd HH:mm:ss"]
				    totem:
				      file-pattern: "totem_*.csv"
				      encoding: UTF-8
				      delimiter: ";"
				      channel: OFICINA
				      key-columns: [id_totem, correlativo]
				      columns:
				        date: fecha
				        type: tipo
				        rut: rut
				        comuna: comuna
				      date-formats: ["yyyy-MM-dd"]
				      type-values:
				        CONSULTA: [consulta, c]
				        RECLAMO: [reclamo, r]
				""");
		CifrasRun run = CifrasRun.in(this.root);
		Files.writeString(run.input().resolve("callcenter_2017_01.csv"), """
				ID_LLAMADA;FECHA_LLAMADA;RUT;TIPO_ATENCION;MERCADO;REGION;COMUNA;DURACION_SEG\r
				5000001;03/01/2017 10:00:00;12.345.678-5;CONSULTA;SALUD;V;Quilpué;60\r
				5000002;2017-01-04 11:30:00;;RECLAMO;SALUD;V;Quillota;90\r
				5000003;2017/01/05;;RECLAMO;SALUD;V;Quillota;90\r
				""", Charset.forName("windows-1252"));
		Files.writeString(run.input().resolve("totem_2017_01.csv"), """
				id_totem;correlativo;fecha;tipo;rut;comuna
				T1;1;2017-01-10;C;;Viña del Mar
				T1;2;2017-01-11;r;;Viña del Mar
				T2;1;2018-02-01;c;;Valparaíso
				""", StandardCharsets.UTF_8);

		// when the pipeline runs with it
		int exit = run.run("--spring.config.additional-location=file:" + config);

		// then both files are read by their configured profiles
		assertThat(exit).isZero();
		List<String> table = Files.readAllLines(run.output().resolve("tables/by_channel_year.csv"));
		assertThat(table).containsExactly("record_type,subtype,channel,year,records", "CONSULTA,,CALL_CENTER,2017,1",
				"CONSULTA,,OFICINA,2017,1", "CONSULTA,,OFICINA,2018,1", "RECLAMO,,CALL_CENTER,2017,1",
				"RECLAMO,,OFICINA,2017,1");
		assertThat(Files.readAllLines(run.output().resolve("rejects.csv"))).containsExactly(
				"\uFEFFarchivo;linea;motivo;mensaje",
				"callcenter_2017_01.csv;4;bad-date;Fecha ilegible o inexistente: Fecha '2017/01/05'");
	}

}
