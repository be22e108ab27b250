package cl.sernac.cifras.admission;

import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import cl.sernac.cifras.ChildRun;
import cl.sernac.cifras.CifrasRun;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A file is ingested exactly as it was hashed: one truncated or edited while the run
 * reads it is withdrawn (nothing of it counted, its content forgotten by the ledger) and
 * left for the next run, which takes it as it is then; the complete file delivered later
 * is counted in full.
 */
class ChangedFileFunctionalTests {

	private static final Path SAMPLES = Path.of("src/test/resources/samples");

	private static final ObjectMapper JSON = new ObjectMapper();

	/** Small chunks, one reading thread: the run pauses after the first chunk read. */
	private static final String[] SLOW_READING = { "--cifras.chunk-size=7", "--cifras.ingest-threads=1" };

	/** The file read first (name order), and one read later in the same run. */
	private static final String READ_FIRST = "callcenter_2014.csv";

	private static final String READ_LATER = "portal_2016.csv";

	@TempDir
	static Path shared;

	/** The samples without the two files. */
	private static String withoutTheTwo;

	/** The same, then the two files delivered by a later run (rule 1: they come last). */
	private static String theTwoLater;

	/**
	 * The samples without the first file, then the first file delivered by a later run.
	 */
	private static String firstLater;

	/** The samples without the first file. */
	private static String withoutFirst;

	/** The samples read undisturbed. */
	private static String allSamples;

	@BeforeAll
	static void expectedTables() throws Exception {
		CifrasRun two = CifrasRun.in(shared.resolve("two")).withInputFrom(SAMPLES);
		Files.delete(two.input().resolve(READ_FIRST));
		Files.delete(two.input().resolve(READ_LATER));
		assertThat(two.run()).isZero();
		withoutTheTwo = two.outputFile("tables/by_channel_year.csv");
		Files.copy(SAMPLES.resolve(READ_FIRST), two.input().resolve(READ_FIRST));
		Files.copy(SAMPLES.resolve(READ_LATER), two.input().resolve(READ_LATER));
		assertThat(two.run()).isZero();
		theTwoLater = two.outputFile("tables/by_channel_year.csv");
		assertThat(theTwoLater).isNotEqualTo(withoutTheTwo);

		CifrasRun all = CifrasRun.in(shared.resolve("all")).withInputFrom(SAMPLES);
		assertThat(all.run()).isZero();
		allSamples = all.outputFile("tables/by_channel_year.csv");

		CifrasRun one = CifrasRun.in(shared.resolve("one")).withInputFrom(SAMPLES);
		Files.delete(one.input().resolve(READ_FIRST));
		assertThat(one.run()).isZero();
		withoutFirst = one.outputFile("tables/by_channel_year.csv");
		Files.copy(SAMPLES.resolve(READ_FIRST), one.input().resolve(READ_FIRST));
		assertThat(one.run()).isZero();
		firstLater = one.outputFile("tables/by_channel_year.csv");
	}

	@Test
	void filesTruncatedWhileReadAreWithdrawnAndTheCompleteOnesCountedLater(@TempDir Path root) throws Exception {
		// given a run paused after its first chunk, while the first file is being read
		CifrasRun run = CifrasRun.in(root).withInputFrom(SAMPLES);
		ChildRun child = ChildRun.start(run, Map.of("CIFRAS_PAUSE_AT", "ingest:1500"), SLOW_READING);
		assertThat(child.awaitOutput("CIFRAS-PAUSE ingest", 120)).as(child.output()).isTrue();

		// when that file and one not yet read are cut to half their length
		truncateToHalf(run.input().resolve(READ_FIRST));
		truncateToHalf(run.input().resolve(READ_LATER));
		int exit = child.waitForExit(180);

		// then the run completes without them: nothing of the truncated reads is counted
		assertThat(exit).as(child.output()).isZero();
		assertThat(run.outputFile("tables/by_channel_year.csv")).isEqualTo(withoutTheTwo);
		assertThat(child.output()).contains(READ_FIRST + ": El archivo cambió después de admitirlo")
			.contains(READ_LATER + ": El archivo cambió después de admitirlo");
		JsonNode summary = JSON.readTree(run.output().resolve("run_summary.json").toFile());
		assertThat(outcome(summary, READ_FIRST)).isEqualTo("DEFERRED");
		assertThat(outcome(summary, READ_LATER)).isEqualTo("DEFERRED");
		assertThat(run.outputFile("resumen_ejecucion.txt")).contains("cambió después de admitirlo");
		try (Connection db = run.database()) {
			assertThat(count(db,
					"SELECT COUNT(*) FROM ingest_file WHERE file_name IN ('" + READ_FIRST + "', '" + READ_LATER + "')"))
				.isZero();
			assertThat(count(db, "SELECT COUNT(*) FROM rejected_row r WHERE NOT EXISTS"
					+ " (SELECT 1 FROM ingest_file f WHERE f.id = r.file_id)"))
				.isZero();
		}
		// and both stay in the input folder for the next run
		assertThat(run.input().resolve(READ_FIRST)).exists();
		assertThat(run.input().resolve(READ_LATER)).exists();

		// when the complete files are delivered again
		Files.copy(SAMPLES.resolve(READ_FIRST), run.input().resolve(READ_FIRST), StandardCopyOption.REPLACE_EXISTING);
		Files.copy(SAMPLES.resolve(READ_LATER), run.input().resolve(READ_LATER), StandardCopyOption.REPLACE_EXISTING);
		// then they are counted in full, as files delivered after the others
		assertThat(run.run(SLOW_READING)).isZero();
		assertThat(run.outputFile("tables/by_channel_year.csv")).isEqualTo(theTwoLater);
		assertThat(run.input().resolve(READ_FIRST)).doesNotExist();
		try (Stream<Path> archived = Files.list(run.input().resolve("archivo"))) {
			assertThat(archived.map((p) -> p.getFileName().toString())).anyMatch((n) -> n.endsWith("_" + READ_FIRST))
				.anyMatch((n) -> n.endsWith("_" + READ_LATER));
		}
	}

	@Test
	void fileEditedInPlaceWhileReadIsWithdrawnAndReadAgainAsItIsNow(@TempDir Path root) throws Exception {
		// given a run paused while the first file is being read
		CifrasRun run = CifrasRun.in(root).withInputFrom(SAMPLES);
		ChildRun child = ChildRun.start(run, Map.of("CIFRAS_PAUSE_AT", "ingest:1500"), SLOW_READING);
		assertThat(child.awaitOutput("CIFRAS-PAUSE ingest", 120)).as(child.output()).isTrue();

		// when a row near its end is edited in place, the size unchanged: a call of 2014
		// moves to 2015
		Path file = run.input().resolve(READ_FIRST);
		String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
		int at = text.lastIndexOf("/2014 ");
		assertThat(at).isPositive();
		String edited = text.substring(0, at) + "/2015 " + text.substring(at + "/2014 ".length());
		assertThat(edited).hasSameSizeAs(text);
		Files.write(file, edited.getBytes(StandardCharsets.ISO_8859_1));
		int exit = child.waitForExit(180);

		// then the run completes without it, and leaves it for the next run
		assertThat(exit).as(child.output()).isZero();
		assertThat(child.output()).contains(READ_FIRST + ": El archivo cambió después de admitirlo");
		assertThat(file).exists();

		// when the next run takes it as it is now, and the original is delivered again
		assertThat(run.run(SLOW_READING)).isZero();
		assertThat(run.outputFile("tables/by_channel_year.csv")).isNotEqualTo(firstLater);
		Files.copy(SAMPLES.resolve(READ_FIRST), file);
		// then the original, ingested last, wins (rule 1)
		assertThat(run.run(SLOW_READING)).isZero();
		assertThat(run.outputFile("tables/by_channel_year.csv")).isEqualTo(firstLater);
	}

	@Test
	void fileRemovedWhileReadIsWithdrawnAndTheRunCompletes(@TempDir Path root) throws Exception {
		// given a run paused while the first file is being read
		CifrasRun run = CifrasRun.in(root).withInputFrom(SAMPLES);
		ChildRun child = ChildRun.start(run, Map.of("CIFRAS_PAUSE_AT", "ingest:1500"), SLOW_READING);
		assertThat(child.awaitOutput("CIFRAS-PAUSE ingest", 120)).as(child.output()).isTrue();

		// when that file is removed from the input folder
		Files.delete(run.input().resolve(READ_FIRST));

		// then the run completes without it, and says so
		assertThat(child.waitForExit(180)).as(child.output()).isZero();
		assertThat(child.output()).contains(READ_FIRST + ": El archivo desapareció después de admitirlo");
		assertThat(run.outputFile("tables/by_channel_year.csv")).isEqualTo(withoutFirst);

		// and delivered again, it is counted as a file of a later run
		Files.copy(SAMPLES.resolve(READ_FIRST), run.input().resolve(READ_FIRST));
		assertThat(run.run(SLOW_READING)).isZero();
		assertThat(run.outputFile("tables/by_channel_year.csv")).isEqualTo(firstLater);
	}

	@Test
	void filesCopiedAgainOverThemselvesWhileReadKeepTheirPlaceAndAreReadAgain(@TempDir Path root) throws Exception {
		// given a run paused while the first file is being read
		CifrasRun run = CifrasRun.in(root).withInputFrom(SAMPLES);
		ChildRun child = ChildRun.start(run, Map.of("CIFRAS_PAUSE_AT", "ingest:1500"), SLOW_READING);
		assertThat(child.awaitOutput("CIFRAS-PAUSE ingest", 120)).as(child.output()).isTrue();

		// when that file and one not yet read are copied again over themselves: the same
		// content, a new modification time
		Thread.sleep(20);
		Files.copy(SAMPLES.resolve(READ_FIRST), run.input().resolve(READ_FIRST), StandardCopyOption.REPLACE_EXISTING);
		Files.copy(SAMPLES.resolve(READ_LATER), run.input().resolve(READ_LATER), StandardCopyOption.REPLACE_EXISTING);

		// then nothing is withdrawn: the figures are those of the samples read
		// undisturbed,
		// in their order
		assertThat(child.waitForExit(180)).as(child.output()).isZero();
		assertThat(child.output()).doesNotContain("El archivo cambió después de admitirlo")
			.contains(READ_FIRST + ": cambió su fecha de modificación mientras se leía, no su contenido");
		assertThat(run.outputFile("tables/by_channel_year.csv")).isEqualTo(allSamples);
		assertThat(run.input().resolve(READ_FIRST)).doesNotExist();
	}

	private static void truncateToHalf(Path file) throws Exception {
		try (RandomAccessFile out = new RandomAccessFile(file.toFile(), "rw")) {
			out.setLength(out.length() / 2);
		}
	}

	private static String outcome(JsonNode summary, String fileName) {
		List<JsonNode> files = new ArrayList<>();
		summary.get("files").forEach((f) -> {
			if (f.get("file").asText().equals(fileName)) {
				files.add(f);
			}
		});
		assertThat(files).as(summary.toPrettyString()).hasSize(1);
		return files.get(0).get("outcome").asText();
	}

	private static long count(Connection db, String sql) throws Exception {
		try (ResultSet rs = db.createStatement().executeQuery(sql)) {
			rs.next();
			return rs.getLong(1);
		}
	}

}
