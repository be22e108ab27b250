package cl.sernac.cifras.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import cl.sernac.cifras.reading.CsvRecord;
import cl.sernac.cifras.reading.CsvRecordReader;
import cl.sernac.cifras.reading.SourceCatalog;
import cl.sernac.cifras.reading.SourceProfile;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * The benchmark's floor (issue 5): reads every export of a directory with the pipeline's
 * own CSV reader, exactly as the pipeline opens it, counts the records and does nothing
 * else: no fingerprint, no header check, no normalization, no database.
 *
 * <p>
 * Each file is matched to its source the way the pipeline does it ({@link SourceCatalog}
 * over the {@code cifras.sources} profiles bound from the packaged
 * {@code application.yml}, case-insensitive globs) and opened with
 * {@link CsvRecordReader#open} with the profile's encoding and delimiter and the
 * pipeline's default read limits; a byte-order mark overrides the encoding, as in the
 * pipeline. Blank rows are skipped and the first non-blank row is the header, as in
 * {@code ExportFileItemReader}; every other record counts, parse problems included. Files
 * are read by a fixed pool of as many threads as the pipeline reads files at once by
 * default ({@code cifras.ingest-threads}: the number of cores), one file per task. Hidden
 * files, files matching no source and anything that is not a regular file are skipped.
 */
public final class ParseFloor {

	/**
	 * The pipeline's defaults ({@code CifrasProperties}) when application.yml does not
	 * set them.
	 */
	static final int DEFAULT_MAX_LINE_CHARS = 100_000;

	static final int DEFAULT_MAX_RECORD_LINES = 200;

	private ParseFloor() {
	}

	/**
	 * @param files files read
	 * @param records data records (header and blank rows not counted)
	 * @param skipped files skipped (no source, hidden, not regular)
	 * @param threads threads used
	 * @param seconds wall time of the reading, in seconds
	 */
	public record Result(int files, long records, int skipped, int threads, double seconds) {

		public String toLine() {
			return String.format(java.util.Locale.ROOT, "records=%d files=%d skipped=%d threads=%d seconds=%.3f",
					this.records, this.files, this.skipped, this.threads, this.seconds);
		}

	}

	/**
	 * How the pipeline reads exports: its source catalog and read limits, from
	 * application.yml.
	 */
	public record Settings(SourceCatalog catalog, int maxLineChars, int maxRecordLines) {

		/**
		 * Binds {@code cifras.sources}, {@code cifras.max-line-chars} and
		 * {@code cifras.max-record-lines}.
		 */
		public static Settings fromApplicationYml() {
			try {
				List<PropertySource<?>> yaml = new YamlPropertySourceLoader().load("application.yml",
						new ClassPathResource("application.yml"));
				Binder binder = new Binder(ConfigurationPropertySources.from(yaml));
				Map<String, SourceProfile> profiles = binder
					.bind("cifras.sources", Bindable.mapOf(String.class, SourceProfile.class))
					.orElseThrow(() -> new IllegalStateException("no cifras.sources in application.yml"));
				int maxLineChars = binder.bind("cifras.max-line-chars", Integer.class).orElse(DEFAULT_MAX_LINE_CHARS);
				int maxRecordLines = binder.bind("cifras.max-record-lines", Integer.class)
					.orElse(DEFAULT_MAX_RECORD_LINES);
				return new Settings(new SourceCatalog(profiles), maxLineChars, maxRecordLines);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

	}

	/**
	 * Reads every export of {@code directory} with {@code threads} threads and counts its
	 * records.
	 */
	public static Result count(Path directory, int threads, Settings settings) throws IOException {
		List<Path> files;
		try (Stream<Path> listing = Files.list(directory)) {
			files = listing.sorted().toList();
		}
		long start = System.nanoTime();
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		try {
			List<Future<Long>> counts = new ArrayList<>();
			int skipped = 0;
			for (Path file : files) {
				String name = file.getFileName().toString();
				Optional<SourceCatalog.Source> source = settings.catalog().match(name);
				if (name.startsWith(".") || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) || source.isEmpty()) {
					skipped++;
					continue;
				}
				SourceProfile profile = source.get().profile();
				counts.add(pool.submit(() -> records(file, profile, settings)));
			}
			long records = 0;
			for (Future<Long> count : counts) {
				records += count.get();
			}
			return new Result(counts.size(), records, skipped, threads, (System.nanoTime() - start) / 1e9);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException("interrupted", ex);
		}
		catch (ExecutionException ex) {
			throw (ex.getCause() instanceof IOException io) ? io : new IOException(ex.getCause());
		}
		finally {
			pool.shutdownNow();
		}
	}

	/**
	 * Data records of one export: every non-blank record after the first non-blank one
	 * (the header).
	 */
	static long records(Path file, SourceProfile profile, Settings settings) throws IOException {
		try (CsvRecordReader reader = CsvRecordReader.open(file, Charset.forName(profile.encoding()),
				profile.delimiterChar(), settings.maxLineChars(), settings.maxRecordLines())) {
			long records = -1;
			for (CsvRecord record = reader.next(); record != null; record = reader.next()) {
				if (!record.isBlank()) {
					records++;
				}
			}
			return Math.max(0, records);
		}
	}

	/**
	 * {@code ParseFloor
	 *
	<dir>
	 *  [--threads N]}: prints {@code records=... files=... seconds=...}.
	 */
	public static void main(String[] args) throws IOException {
		Path directory = null;
		int threads = Runtime.getRuntime().availableProcessors();
		for (int i = 0; i < args.length; i++) {
			if (args[i].equals("--threads") && i + 1 < args.length) {
				threads = Integer.parseInt(args[++i]);
			}
			else if (directory == null && !args[i].startsWith("--")) {
				directory = Path.of(args[i]);
			}
			else {
				directory = null;
				break;
			}
		}
		if (directory == null || !Files.isDirectory(directory) || threads < 1) {
			System.err.println("usage: ParseFloor <dir> [--threads N]");
			System.exit(2);
			return;
		}
		Result result = count(directory, threads, Settings.fromApplicationYml());
		System.out.println(result.toLine());
	}

}
