package cl.sernac.cifras.system;

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
 * An export in a foreign style read by configuration alone: English headers below junk
 * lines, narratives quoted over several lines, US dates, a fixed record type, a renamed
 * column, and a second edition (snake_case, another delimiter and date format) read by a
 * second profile that shares the first one's records.
 */
class ForeignExportFunctionalTests {

	private static final ObjectMapper JSON = new ObjectMapper();

	@TempDir
	Path root;

	@Test
	void readsTwoEditionsOfAForeignExportAsOneSetOfRecords() throws Exception {
		// given two profiles of one export sharing its records
		Path config = this.root.resolve("application.yml");
		Files.writeString(config, """
				cifras:
				  sources:
				    cfpb:
				      file-pattern: "cfpb_*.csv"
				      header-search-lines: 10
				      channel: INTERNET
				      channel-column: Submitted via
				      channel-values:
				        INTERNET: [web]
				        CALL_CENTER: [phone]
				        OFICINA: [postal mail]
				      key-columns: [Complaint ID]
				      constants:
				        type: RECLAMO
				      defaults:
				        comuna: ""
				      columns:
				        date: [Date received, Received on]
				        comuna: Comuna
				      date-formats: ["M/d/yy"]
				    cfpb-snake:
				      file-pattern: "cfpbv2_*.csv"
				      delimiter: ";"
				      records: cfpb
				      channel: INTERNET
				      channel-column: submitted_via
				      channel-values:
				        INTERNET: [web]
				        CALL_CENTER: [phone]
				      key-columns: [complaint_id]
				      constants:
				        type: RECLAMO
				      columns:
				        date: date_received
				        comuna: comuna
				      date-formats: ["yyyy/M/d"]
				""");
		CifrasRun run = CifrasRun.in(this.root);
		Files.writeString(run.input().resolve("cfpb_2022.csv"), """
				Consumer complaints export
				Nothing,here
				""", StandardCharsets.UTF_8);
		Files.writeString(run.input().resolve("cfpb_2023.csv"), """
				Consumer complaints export
				Generated 2024-01-05,,,,
				Date received,Product,Consumer complaint narrative,Submitted via,Complaint ID
				1/15/23,Mortgage,"I called them
				many times,
				and nothing",Web,1001
				2/3/23,Credit card,Short,Phone,1002
				13/40/23,Debt collection,Bad date,Web,1003
				3/9/23,Student loan,"They said ""no""
				twice",Postal mail,1004
				""", StandardCharsets.UTF_8);
		Files.writeString(run.input().resolve("cfpb_2024.csv"), """
				Second export

				Received on,Product,Consumer complaint narrative,Submitted via,Complaint ID
				1/20/24,Mortgage,"Line one
				line two",web,2001
				""", StandardCharsets.UTF_8);
		Files.writeString(run.input().resolve("cfpbv2_2024.csv"), """
				complaint_id;date_received;product;consumer_complaint_narrative;submitted_via;comuna
				1002;2024/2/10;Credit card;"Corrected
				date and channel";Web;Valparaíso
				3001;2024/3/1;Bank account;Short;Phone;Viña del Mar
				3002;2024/13/1;Bank account;Bad date;Phone;
				""", StandardCharsets.UTF_8);

		// when the pipeline runs with them
		int exit = run.run("--spring.config.additional-location=file:" + config);

		// then the three readable files are one set of records: 1002, corrected by the
		// snake_case edition, is counted once, as corrected
		assertThat(exit).isZero();
		List<String> table = Files.readAllLines(run.output().resolve("tables/by_channel_year.csv"));
		assertThat(table).containsExactly("record_type,subtype,channel,year,records", "RECLAMO,,CALL_CENTER,2024,1",
				"RECLAMO,,INTERNET,2023,1", "RECLAMO,,INTERNET,2024,2", "RECLAMO,,OFICINA,2023,1");
		// rejected rows keep the file's physical line numbers
		assertThat(Files.readAllLines(run.output().resolve("rejects.csv"))).containsExactly(
				"\uFEFFarchivo;linea;motivo;mensaje",
				"cfpb_2023.csv;8;bad-date;Fecha ilegible o inexistente: Fecha '13/40/23'",
				"cfpbv2_2024.csv;5;bad-date;Fecha ilegible o inexistente: Fecha '2024/13/1'");
		JsonNode summary = JSON.readTree(run.output().resolve("run_summary.json").toFile());
		assertThat(summary.get("totals").get("rowsRejected").asLong()).isEqualTo(2);
		// the file without a header says which line came closest and what was expected
		assertThat(run.outputFile("resumen_ejecucion.txt")).contains("cfpb_2022.csv (no ingresado): No se encontró el"
				+ " encabezado en las primeras 10 líneas: la más parecida es la línea 1, a la que le faltan columnas"
				+ " obligatorias: Complaint ID, Date received, Submitted via. Columnas esperadas: Complaint ID, Date"
				+ " received (o Received on), Submitted via");
		// each file keeps its own profile's name in the ledger
		try (var db = run.database();
				var rows = db.createStatement()
					.executeQuery("SELECT file_name, source_name FROM ingest_file ORDER BY file_name")) {
			StringBuilder files = new StringBuilder();
			while (rows.next()) {
				files.append(rows.getString(1)).append('=').append(rows.getString(2)).append(' ');
			}
			assertThat(files.toString().strip())
				.isEqualTo("cfpb_2023.csv=cfpb cfpb_2024.csv=cfpb cfpbv2_2024.csv=cfpb-snake");
		}

		// and a rebuild from the archive reads the editions before and after the rename
		// alike: the same figures
		assertThat(run.run("--spring.config.additional-location=file:" + config, "--cifras.rebuild=true")).isZero();
		assertThat(Files.readAllLines(run.output().resolve("tables/by_channel_year.csv"))).isEqualTo(table);
		assertThat(Files.readAllLines(run.output().resolve("rejects.csv"))).hasSize(3);
	}

}
