package cl.sernac.cifras.system;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import cl.sernac.cifras.CifrasRun;
import cl.sernac.cifras.demo.DemoDataGenerator;
import cl.sernac.cifras.demo.DemoManifest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The quick start's demo run ({@code --demo} on an empty input folder) reproduces SPEC's
 * 2014-2016 account of the Valparaíso regional office.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoFunctionalTests {

	@TempDir
	static Path root;

	@TempDir
	static Path manifestDir;

	private CifrasRun run;

	private DemoManifest manifest;

	private Map<String, Long> byTypeAndChannel;

	@BeforeAll
	void runDemo() throws Exception {
		// given an empty input folder, when the pipeline runs with --demo
		this.run = CifrasRun.in(root);
		assertThat(this.run.run("--cifras.demo=true")).isZero();
		this.manifest = new DemoDataGenerator(DemoData.SEED).generate(manifestDir);
		this.byTypeAndChannel = new TreeMap<>();
		for (String line : Files.readAllLines(this.run.output().resolve("tables/by_channel_year.csv"))
			.subList(1, count())) {
			String[] cells = line.split(",");
			this.byTypeAndChannel.merge(cells[0] + "/" + cells[2], Long.parseLong(cells[4]), Long::sum);
			this.byTypeAndChannel.merge(cells[0] + (cells[1].isEmpty() ? "" : "/" + cells[1]), Long.parseLong(cells[4]),
					Long::sum);
		}
	}

	private int count() throws Exception {
		return Files.readAllLines(this.run.output().resolve("tables/by_channel_year.csv")).size();
	}

	@Test
	void countsTheConsultationsOfTheAccount() {
		assertThat(this.byTypeAndChannel).containsEntry("CONSULTA", 98_305L)
			.containsEntry("CONSULTA/INTERNET", 15_446L)
			.containsEntry("CONSULTA/OFICINA", 17_730L)
			.containsEntry("CONSULTA/CALL_CENTER", 43_566L)
			.containsEntry("CONSULTA/MOVIL", 998L)
			.containsEntry("CONSULTA/MUNICIPAL", 20_565L)
			.doesNotContainKey("CONSULTA/CONVENIO");
	}

	@Test
	void countsTheComplaintsOfTheAccount() {
		assertThat(this.byTypeAndChannel).containsEntry("RECLAMO", 83_079L)
			.containsEntry("RECLAMO/CONVENIO", 759L)
			.containsEntry("RECLAMO/INTERNET", 55_958L)
			.containsEntry("RECLAMO/OFICINA", 6_355L)
			.containsEntry("RECLAMO/CALL_CENTER", 1_030L)
			.containsEntry("RECLAMO/MOVIL", 240L)
			.containsEntry("RECLAMO/MUNICIPAL", 18_737L);
	}

	@Test
	void countsSoniBySubtype() {
		assertThat(this.byTypeAndChannel).containsEntry("SONI/DISCONFORMIDAD", 60L)
			.containsEntry("SONI/RECONOCIMIENTO", 126L)
			.containsEntry("SONI/SUGERENCIA", 5L);
	}

	@Test
	void everyCellByYearIsTheGeneratorsExpectedCount() throws Exception {
		Map<String, Long> expected = new TreeMap<>();
		for (DemoManifest.ExpectedCount cell : this.manifest.expected()) {
			if (cell.records() > 0) {
				expected.put(String.join(",", cell.recordType(), cell.subtype() == null ? "" : cell.subtype(),
						cell.channel(), Integer.toString(cell.year())), (long) cell.records());
			}
		}
		Map<String, Long> actual = new TreeMap<>();
		for (String line : Files.readAllLines(this.run.output().resolve("tables/by_channel_year.csv"))
			.subList(1, count())) {
			int last = line.lastIndexOf(',');
			actual.put(line.substring(0, last), Long.parseLong(line.substring(last + 1)));
		}
		assertThat(actual).isEqualTo(expected);
	}

	@Test
	void mobileUnitAndMunicipalCoverage() throws Exception {
		try (Connection db = this.run.records()) {
			assertThat(single(db, "SELECT COUNT(DISTINCT place_code) FROM counted_case WHERE channel = 'MOVIL'"))
				.isEqualTo(36);
			assertThat(single(db, "SELECT COUNT(DISTINCT organization) FROM counted_case WHERE channel = 'MUNICIPAL'"
					+ " AND organization LIKE 'MUNICIPALIDAD%'"))
				.isEqualTo(20);
			assertThat(single(db, "SELECT COUNT(DISTINCT organization) FROM counted_case WHERE channel = 'MUNICIPAL'"
					+ " AND organization LIKE 'GOBERNACION%'"))
				.isEqualTo(2);
		}
	}

	@Test
	void rejectsAndFilesNotIngestedAreTheGeneratorsOnes() throws Exception {
		JsonNode summary = new ObjectMapper().readTree(this.run.output().resolve("run_summary.json").toFile());
		Map<String, Long> rejects = new TreeMap<>();
		Map<String, String> outcomes = new HashMap<>();
		for (JsonNode file : summary.get("files")) {
			outcomes.put(file.get("file").asText(), file.get("outcome").asText());
			file.get("rejectedByReason")
				.fields()
				.forEachRemaining((e) -> rejects.merge(e.getKey(), e.getValue().asLong(), Long::sum));
		}
		Map<String, Long> expected = new TreeMap<>();
		this.manifest.rejected().forEach((reason, n) -> {
			if (n > 0) {
				expected.put(reason, n.longValue());
			}
		});
		assertThat(rejects).isEqualTo(expected);
		for (String name : this.manifest.unrecognizedFiles().keySet()) {
			assertThat(outcomes).containsEntry(name, "NOT_RECOGNIZED");
		}
		for (String copy : this.manifest.redelivered()) {
			assertThat(List.of(outcomes.get(copy), outcomes.get(copy.replace(" (copia)", ""))))
				.containsExactlyInAnyOrder("ADMITTED", "ALREADY_INGESTED");
		}
		assertThat(summary.get("casesInStore").asLong()).isEqualTo(98_305 + 83_079 + 191);
		// and the account from rows to cases adds up to them
		JsonNode account = summary.get("account");
		long records = account.get("records").asLong();
		assertThat(account.get("rowsRead").asLong()).isEqualTo(account.get("rowsRejected").asLong()
				+ account.get("rowsRepeated").asLong() + account.get("corrections").asLong() + records);
		assertThat(records - account.get("joinedByFolio").asLong()).isEqualTo(98_305 + 83_079 + 191);
		assertThat(account.get("joinedByFolio").asLong()).isPositive();
		assertThat(account.get("rowsRejected").asLong())
			.isEqualTo(this.manifest.rejected().values().stream().mapToLong(Number::longValue).sum());
	}

	private static long single(Connection db, String sql) throws Exception {
		try (ResultSet rs = db.createStatement().executeQuery(sql)) {
			rs.next();
			return rs.getLong(1);
		}
	}

}
