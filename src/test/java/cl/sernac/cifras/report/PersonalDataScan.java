package cl.sernac.cifras.report;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import com.opencsv.CSVParserBuilder;
import com.opencsv.CSVReader;
import com.opencsv.CSVReaderBuilder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Looks for personal data of the inputs in every output file: RUT-shaped strings, the
 * RUTs the inputs hold, and the names of the regional office's exports. Workbooks are
 * read inside (they are zip files); images are read as bytes.
 */
final class PersonalDataScan {

	/** A RUT as people write it; digits around it mean a longer number, not a RUT. */
	static final Pattern RUT = Pattern.compile("(?<![0-9.])[0-9]{1,2}(\\.?[0-9]{3}){2}-?[0-9kK](?![0-9])");

	/**
	 * A bad date of eight digits that read as a year, month and day, which a reject
	 * message quotes ({@code Fecha '20150631'}): shaped like a RUT, but a date's column.
	 */
	static final Pattern QUOTED_DATE = Pattern
		.compile("Fecha '(?:19|20)[0-9]{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])'");

	private static final Pattern NUMBER = Pattern.compile("[0-9]+(?:\\.[0-9]{3})*");

	private final Set<String> ruts = new HashSet<>();

	private final Set<String> names = new TreeSet<>();

	/**
	 * Reads the inputs, every file under the folder (archived and set-aside files
	 * included).
	 */
	static PersonalDataScan ofInputs(Path inputDir) throws IOException {
		PersonalDataScan scan = new PersonalDataScan();
		try (Stream<Path> files = Files.walk(inputDir)) {
			for (Path file : files.filter(Files::isRegularFile).toList()) {
				byte[] bytes = Files.readAllBytes(file);
				Matcher rut = RUT.matcher(new String(bytes, StandardCharsets.ISO_8859_1));
				while (rut.find()) {
					String digits = rut.group().replace(".", "").replace("-", "");
					scan.ruts.add(digits.substring(0, digits.length() - 1));
				}
				String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
				if (name.matches("(\\d+_)?oficina_.*\\.csv")) {
					scan.names.addAll(namesIn(bytes));
				}
			}
		}
		return scan;
	}

	Set<String> ruts() {
		return this.ruts;
	}

	Set<String> names() {
		return this.names;
	}

	/**
	 * Fails when any output file holds a RUT-shaped string, an input's RUT or an input's
	 * name.
	 */
	void assertNoneIn(Path outputDir) throws IOException {
		Map<Path, String> outputs = texts(outputDir);
		assertThat(outputs).isNotEmpty();
		for (Map.Entry<Path, String> output : outputs.entrySet()) {
			String text = QUOTED_DATE.matcher(output.getValue()).replaceAll("Fecha '<fecha>'");
			assertThat(RUT.matcher(text).results().map(MatchResult::group).toList())
				.as("RUT-shaped text in %s", output.getKey())
				.isEmpty();
			// every number of the output, with or without thousands points, against the
			// inputs' RUTs
			List<String> leaks = new ArrayList<>();
			Matcher number = NUMBER.matcher(text);
			while (number.find()) {
				String digits = number.group().replace(".", "");
				if (this.ruts.contains(digits) || this.ruts.contains(digits.substring(0, digits.length() - 1))) {
					leaks.add(number.group());
				}
			}
			assertThat(leaks).as("RUTs of the inputs in %s", output.getKey()).isEmpty();
			String folded = fold(text);
			Set<String> words = Set.copyOf(List.of(folded.split("[^A-Z]+")));
			for (String name : this.names) {
				String foldedName = fold(name);
				if (words.containsAll(List.of(foldedName.split("[^A-Z]+")))) {
					assertThat(folded).as("a name of the inputs in %s", output.getKey()).doesNotContain(foldedName);
				}
			}
		}
	}

	/** Every output file as text; a workbook as the text of its entries. */
	static Map<Path, String> texts(Path outputDir) throws IOException {
		Map<Path, String> texts = new LinkedHashMap<>();
		try (Stream<Path> files = Files.walk(outputDir)) {
			for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
				byte[] bytes = Files.readAllBytes(file);
				String name = file.getFileName().toString();
				if (name.endsWith(".xlsx")) {
					texts.put(file, unzip(bytes));
				}
				else if (name.endsWith(".svg")) {
					// what an SVG says is in its text nodes; its geometry (coordinates
					// with
					// many decimals) is no one's data and is shaped like RUTs
					texts.put(file, svgText(new String(bytes, StandardCharsets.UTF_8)));
				}
				else if (name.endsWith(".png")) {
					texts.put(file, new String(bytes, StandardCharsets.ISO_8859_1));
				}
				else {
					texts.put(file, new String(bytes, StandardCharsets.UTF_8));
				}
			}
		}
		return texts;
	}

	private static String svgText(String svg) {
		StringBuilder text = new StringBuilder();
		Matcher node = Pattern.compile(">([^<]+)<").matcher(svg);
		while (node.find()) {
			text.append(node.group(1)).append('\n');
		}
		return text.toString();
	}

	private static String unzip(byte[] bytes) throws IOException {
		StringBuilder text = new StringBuilder();
		try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
			for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
				text.append(new String(zip.readAllBytes(), StandardCharsets.UTF_8)).append('\n');
			}
		}
		return text.toString();
	}

	/**
	 * The NOMBRE column of a regional office export, in its encoding (a byte-order mark
	 * means UTF-8).
	 */
	private static List<String> namesIn(byte[] bytes) throws IOException {
		boolean bom = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
				&& (bytes[2] & 0xFF) == 0xBF;
		Charset charset = bom ? StandardCharsets.UTF_8 : Charset.forName("windows-1252");
		InputStream in = new ByteArrayInputStream(bytes, bom ? 3 : 0, bytes.length - (bom ? 3 : 0));
		try (Reader reader = new InputStreamReader(in, charset);
				CSVReader csv = new CSVReaderBuilder(reader)
					.withCSVParser(new CSVParserBuilder().withSeparator(';').build())
					.build()) {
			List<String[]> rows = csv.readAll();
			int column = -1;
			for (int i = 0; i < rows.get(0).length; i++) {
				if (fold(rows.get(0)[i]).strip().equals("NOMBRE")) {
					column = i;
				}
			}
			assertThat(column).as("NOMBRE column").isNotNegative();
			int nameColumn = column;
			return rows.stream()
				.skip(1)
				.filter((row) -> row.length > nameColumn)
				.map((row) -> row[nameColumn].strip())
				.filter((name) -> name.length() >= 5)
				.toList();
		}
		catch (com.opencsv.exceptions.CsvException ex) {
			throw new IOException(ex);
		}
	}

	private static String fold(String text) {
		return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toUpperCase(Locale.ROOT);
	}

}
