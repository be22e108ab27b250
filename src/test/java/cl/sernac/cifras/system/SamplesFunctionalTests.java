package cl.sernac.cifras.system;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import cl.sernac.cifras.CifrasRun;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole job on the agency's sample exports: exactly what
 * {@code samples-expected.json} says.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SamplesFunctionalTests {

	private static final Path SAMPLES = Path.of("src/test/resources/samples");

	private static final ObjectMapper JSON = new ObjectMapper();

	@TempDir
	static Path root;

	private CifrasRun run;

	private int exitCode;

	private JsonNode expected;

	@BeforeAll
	void runOnSamples() throws Exception {
		// given the sample exports in the input folder
		this.run = CifrasRun.in(root).withInputFrom(SAMPLES);
		this.expected = JSON.readTree(Path.of("src/test/resources/samples-expected.json").toFile());
		// when the pipeline runs
		this.exitCode = this.run.run();
	}

	@Test
	void completes() {
		assertThat(this.exitCode).isZero();
	}

	@Test
	void countsRecordsByTypeSubtypeChannelAndYear() throws Exception {
		Map<String, Long> expectedCounts = new TreeMap<>();
		for (JsonNode record : this.expected.get("records")) {
			expectedCounts.put(
					String.join(",", record.get("record_type").asText(), record.get("subtype").asText(),
							record.get("channel").asText(), record.get("year").asText()),
					record.get("records").asLong());
		}
		List<String> lines = Files.readAllLines(this.run.output().resolve("tables/by_channel_year.csv"));
		assertThat(lines.get(0)).startsWith("record_type,subtype,channel,year,records");
		Map<String, Long> actual = new TreeMap<>();
		for (String line : lines.subList(1, lines.size())) {
			int last = line.lastIndexOf(',');
			actual.put(line.substring(0, last), Long.parseLong(line.substring(last + 1)));
		}
		assertThat(actual).isEqualTo(expectedCounts);
		assertThat(actual.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(305);
	}

	@Test
	void rejectsRowsByReason() throws Exception {
		Map<String, Long> expectedReasons = new TreeMap<>();
		this.expected.get("rejected")
			.fields()
			.forEachRemaining((e) -> expectedReasons.put(e.getKey(), e.getValue().asLong()));
		JsonNode summary = JSON.readTree(this.run.output().resolve("run_summary.json").toFile());
		Map<String, Long> reasons = new TreeMap<>();
		for (JsonNode file : summary.get("files")) {
			file.get("rejectedByReason")
				.fields()
				.forEachRemaining((e) -> reasons.merge(e.getKey(), e.getValue().asLong(), Long::sum));
		}
		assertThat(reasons).isEqualTo(expectedReasons);
		assertThat(summary.get("totals").get("rowsRejected").asLong())
			.isEqualTo(this.expected.get("rejected_total").asLong());
		List<String> rejects = Files.readAllLines(this.run.output().resolve("rejects.csv"));
		assertThat(rejects.get(0)).isEqualTo("\uFEFFarchivo;linea;motivo;mensaje");
		assertThat(rejects).hasSize(1 + this.expected.get("rejected_total").asInt());
		assertThat(rejects)
			.contains("callcenter_2014.csv;6;bad-date;Fecha ilegible o inexistente: Fecha '31/02/2015 10:00:00'");
	}

	@Test
	void reportsFilesNotIngestedAndRedeliveredCopies() throws Exception {
		JsonNode summary = JSON.readTree(this.run.output().resolve("run_summary.json").toFile());
		Map<String, String> outcomes = new HashMap<>();
		for (JsonNode file : summary.get("files")) {
			outcomes.put(file.get("file").asText(), file.get("outcome").asText());
		}
		for (JsonNode name : this.expected.get("unrecognized_files")) {
			assertThat(outcomes).containsEntry(name.asText(), "NOT_RECOGNIZED");
		}
		assertThat(outcomes.values().stream().filter("NOT_RECOGNIZED"::equals).count()).isEqualTo(2);
		// a re-delivered copy and its original have the same content: the copy, as the
		// agency names it, is the one skipped
		assertThat(outcomes.values().stream().filter("ALREADY_INGESTED"::equals).count()).isEqualTo(2);
		for (JsonNode copy : this.expected.get("redelivered")) {
			assertThat(outcomes).containsEntry(copy.asText(), "ALREADY_INGESTED")
				.containsEntry(copy.asText().replace(" (copia)", ""), "ADMITTED");
		}
		String text = this.run.outputFile("resumen_ejecucion.txt");
		assertThat(text).contains("notas_analista.txt (no ingresado): El nombre no corresponde a ninguna fuente");
		assertThat(text).contains("callcenter_resumen.csv (no ingresado): Faltan columnas obligatorias");
		assertThat(text).contains("Casos contados en total: 305");
	}

	@Test
	void storesMobileUnitComunasAndMunicipalitiesAsCounted() throws Exception {
		try (Connection db = this.run.records()) {
			assertThat(single(db, "SELECT COUNT(DISTINCT place_code) FROM counted_case WHERE channel = 'MOVIL'"))
				.isEqualTo(this.expected.get("movil_comunas_visited").asLong());
			assertThat(single(db, "SELECT COUNT(DISTINCT organization) FROM counted_case WHERE channel = 'MUNICIPAL'"))
				.isEqualTo(this.expected.get("municipios").asLong());
		}
	}

	@Test
	void neverStoresNamesOrRuts() throws Exception {
		try (Connection db = this.run.records();
				ResultSet rs = db.createStatement()
					.executeQuery("SELECT rut_hash FROM intake_record WHERE rut_hash IS NOT NULL")) {
			// 64-bit keyed hashes: a RUT's number (below 10^8) would stand out
			int hashes = 0;
			while (rs.next()) {
				assertThat(Math.abs(rs.getLong(1))).isGreaterThan(1_000_000_000L);
				hashes++;
			}
			assertThat(hashes).isGreaterThan(250);
		}
		String outputs;
		try (var files = Files.walk(this.run.output())) {
			outputs = files.filter(Files::isRegularFile)
				.filter((f) -> f.toString().matches(".*\\.(csv|txt|json|html)$"))
				.map((f) -> {
					try {
						return Files.readString(f);
					}
					catch (Exception ex) {
						throw new IllegalStateException(ex);
					}
				})
				.collect(Collectors.joining("\n"))
				// the one bad date of eight digits a reject quotes (convenio's 20150631)
				.replace("Fecha '20150631'", "Fecha '<fecha>'");
		}
		assertThat(outputs).doesNotContainPattern("(?<![0-9.])[0-9]{1,2}(\\.?[0-9]{3}){2}-?[0-9kK](?![0-9])");
		assertThat(outputs).doesNotContain("Muñoz", "Pérez", "Díaz");
	}

	/**
	 * The account from rows to cases adds up, with the figures the agency's description
	 * of the samples gives: 17 rows rejected, one record corrected, 21 of the 22 cases
	 * registered centrally joined to their intake row (one intake export has not
	 * arrived), 305 cases.
	 */
	@Test
	void rowsBecomeCasesInAnAccountThatAddsUp() throws Exception {
		JsonNode account = JSON.readTree(this.run.output().resolve("run_summary.json").toFile()).get("account");
		long read = account.get("rowsRead").asLong();
		long rejected = account.get("rowsRejected").asLong();
		long repeated = account.get("rowsRepeated").asLong();
		long corrections = account.get("corrections").asLong();
		long records = account.get("records").asLong();
		long joined = account.get("joinedByFolio").asLong();
		assertThat(rejected).isEqualTo(this.expected.get("rejected_total").asLong());
		assertThat(corrections).isEqualTo(1);
		assertThat(joined).isEqualTo(21);
		assertThat(account.get("cases").asLong()).isEqualTo(305);
		assertThat(records - joined).isEqualTo(305);
		assertThat(read).isEqualTo(rejected + repeated + corrections + records);
		try (Connection db = this.run.records()) {
			assertThat(single(db, "SELECT COUNT(*) FROM intake_record")).isEqualTo(records);
		}
		String text = this.run.outputFile("resumen_ejecucion.txt");
		assertThat(text).contains("De las filas a los casos, en todo el almacén:")
			.containsPattern("− unidos a otro por folio central \\(regla 2\\) +21\n")
			.containsPattern("= casos contados +305\n");
		assertThat(this.run.outputFile("index.html")).contains("De las filas a los casos");
	}

	@Test
	@Order(Integer.MAX_VALUE)
	void secondRunOnTheSameFilesChangesNothing() throws Exception {
		String before = this.run.outputFile("tables/by_channel_year.csv");
		int exit = this.run.run();
		assertThat(exit).isZero();
		assertThat(this.run.outputFile("tables/by_channel_year.csv")).isEqualTo(before);
		JsonNode summary = JSON.readTree(this.run.output().resolve("run_summary.json").toFile());
		assertThat(summary.get("totals").get("filesAdmitted").asInt()).isZero();
		assertThat(summary.get("casesInStore").asLong()).isEqualTo(305);
	}

	private static long single(Connection db, String sql) throws Exception {
		try (ResultSet rs = db.createStatement().executeQuery(sql)) {
			rs.next();
			return rs.getLong(1);
		}
	}

}
