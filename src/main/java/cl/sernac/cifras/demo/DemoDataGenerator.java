package cl.sernac.cifras.demo;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes realistic monthly intake exports of the six sources for 2014-2016 (36 months
 * each, named {@code <source>_<yyyy>_<MM>.csv} so that name order is chronological order)
 * whose correct count by the rules of SPEC.md is exactly the 2014-2016 account of the
 * Valparaíso regional office, and returns a {@link DemoManifest} that says so cell by
 * cell.
 *
 * <p>
 * The files carry every awkward case the contract allows, in modest numbers: exports that
 * repeat the last days of the previous month, a whole export delivered again under
 * another name, corrections delivered by a later export, central cases registered by
 * municipal platforms and partner services (also entered centrally in the next year, with
 * a different type, or whose intake row never arrives), keys re-sent with other spacing,
 * case or accents, spreadsheet re-saves (UTF-8 with byte-order mark, every field quoted,
 * empty rows), re-ordered columns with unknown extra ones, multi-line quoted text, mixed
 * spellings of types, regions and comunas, RUTs in all three forms (some with a wrong
 * check digit), rows rejected for every reason, and two files that must not be ingested.
 *
 * <p>
 * Deterministic: the same seed writes byte-identical files. The split of the account by
 * year is the same for every seed; the seed decides the months, days, people, spellings
 * and where the awkward cases fall. Plain Java, no Spring; the comunas come from
 * {@code reference/comunas.csv} and {@code reference/aliases.csv} on the classpath. All
 * personal data is fake.
 */
public final class DemoDataGenerator {

	/** Seed used by {@link #main(String[])} when none is given. */
	public static final long DEFAULT_SEED = 20_170_331L;

	private final long seed;

	public DemoDataGenerator(long seed) {
		this.seed = seed;
	}

	/**
	 * Writes the exports into {@code directory} (created when missing; files of the same
	 * names are replaced, other files are left alone).
	 * @param directory the input folder to fill
	 * @return what was written and what a correct count of it gives
	 * @throws IOException when a file cannot be written
	 */
	public DemoManifest generate(Path directory) throws IOException {
		DemoGeo geo = DemoGeo.load();
		DemoPlan plan = new DemoPlan(this.seed, geo).build();
		DemoWriter writer = new DemoWriter(directory, plan);
		writer.writeAll();
		// the rest of the public account: lawsuits and activities
		writer.dataRows.putAll(new DemoAccount(this.seed, geo).write(directory));

		Map<String, Integer> rejected = tally(writer.rejectsByFile, false, DemoManifest.REJECT_REASONS);
		Map<String, Integer> rejectedIfCopiesRead = tally(writer.rejectsByFile, true, DemoManifest.REJECT_REASONS);
		List<String> warningKinds = List.of("rut-check-digit", "unknown-comuna", "unknown-region");
		Map<String, Integer> warnings = tally(writer.warningsByFile, false, warningKinds);
		Map<String, Integer> warningsIfCopiesRead = tally(writer.warningsByFile, true, warningKinds);

		List<DemoManifest.ExpectedCount> expected = new ArrayList<>();
		plan.counted()
			.forEach((cell, records) -> expected.add(
					new DemoManifest.ExpectedCount(cell.type(), cell.subtype(), cell.channel(), cell.year(), records)));

		Map<String, String> unrecognized = new LinkedHashMap<>();
		unrecognized.put(DemoWriter.NOTE, "file name matches no source pattern");
		unrecognized.put(DemoWriter.SUMMARY, "header lacks the required columns of callcenter_*.csv");

		Map<String, Integer> exercised = new LinkedHashMap<>(plan.exercised);
		exercised.putAll(writer.stats);
		exercised.put("re-delivered-copies", DemoWriter.COPIES.size());
		exercised.put("files-not-to-ingest", unrecognized.size());

		return new DemoManifest(this.seed, writer.files(), writer.dataRows,
				new ArrayList<>(new TreeMap<>(DemoWriter.COPIES).values()), unrecognized, rejected,
				rejectedIfCopiesRead, warnings, warningsIfCopiesRead, expected, plan.movilComunasVisited(),
				plan.municipalSources(), exercised);
	}

	private static Map<String, Integer> tally(Map<String, Map<String, Integer>> byFile, boolean copiesRead,
			List<String> kinds) {
		Map<String, Integer> total = new LinkedHashMap<>();
		kinds.forEach((kind) -> total.put(kind, 0));
		byFile.forEach((file, counts) -> {
			int times = (copiesRead && DemoWriter.COPIES.containsKey(file)) ? 2 : 1;
			counts.forEach((kind, n) -> total.merge(kind, n * times, Integer::sum));
		});
		return total;
	}

	/**
	 * Generates the exports from the command line.
	 * @param args the target directory, then optionally the seed (default
	 * {@value #DEFAULT_SEED}); prints the manifest as JSON
	 * @throws IOException when a file cannot be written
	 */
	public static void main(String[] args) throws IOException {
		if (args.length < 1 || args.length > 2) {
			System.err.println("usage: DemoDataGenerator <target-directory> [seed]");
			System.exit(2);
			return;
		}
		long seed = (args.length > 1) ? Long.parseLong(args[1].trim()) : DEFAULT_SEED;
		long start = System.nanoTime();
		DemoManifest manifest = new DemoDataGenerator(seed).generate(Path.of(args[0]));
		System.out.print(manifest.toJson());
		System.err.printf("wrote %d files, %d data rows into %s in %d ms%n", manifest.files().size(),
				manifest.dataRows().values().stream().mapToInt(Integer::intValue).sum(), args[0],
				(System.nanoTime() - start) / 1_000_000);
	}

}
