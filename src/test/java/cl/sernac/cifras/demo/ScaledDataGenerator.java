package cl.sernac.cifras.demo;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes SPEC-format monthly exports of the six sources at benchmark scale: about
 * {@code N} data rows in total (repeated rows, corrections, re-delivered copies and
 * rejected rows included), for the benchmark of issue 5 ({@code scripts/bench.sh}).
 * Unlike {@link DemoDataGenerator} it does not reproduce an account; it reproduces the
 * <em>work</em>: the same files, dialects and awkward cases at the volume of a national
 * intake.
 *
 * <h2>Months and volume</h2> Monthly exports from January 2014 on, named
 * {@code <source>_<yyyy>_<MM>.csv}. The number of months is {@code ceil(N / 55,000)}
 * (about 55,000 rows a month over the six sources, so 2M rows make about three years),
 * capped at 144 months (2014-2025): beyond 7.9M rows the monthly volume grows instead of
 * the period (20M rows make 12 years of about 139,000 rows a month). The optional extra
 * month (the nightly increment) is the month after the last one, so no date written is
 * after 2026-01-31, well before the benchmark's run date 2026-11-28. Monthly volume
 * follows the season (summer low, September holidays, year-end high) and grows 4% a year;
 * the split by source is call center 24.5%, portal 38%, regional office 13%, municipal
 * platforms 21.5%, mobile unit 1.5%, partner services 1.5%, plus the central-system rows
 * of forwarded cases in the portal export.
 *
 * <h2>Awkward cases, at the rates of real exports ({@link ScaledExports} has the rates,
 * {@link DemoFormats} the formats it shares with the demo)</h2> At least as demanding as
 * SPEC's exports: about a fifth of the rows carry a central folio that links two rows
 * into one case (rule 2), one in seventy is a correction (rule 1), and the text is as
 * long and as punctuated as consumers write it.
 * <ul>
 * <li>overlaps: every monthly export repeats the rows of the last days of the previous
 * month (call center 2, portal 1, office 3, municipal 2, mobile 3, partner 2 days), about
 * 4% of the rows; 1% of the repeated rows are re-sent with another spelling of their
 * key;</li>
 * <li>corrections: 1.2% of the rows are first delivered with the other type (or another
 * comuna) and corrected by the next export; 0.3% are corrected two to six months later;
 * 5% of the forwarded intake rows come first without their folio, which the next export
 * adds;</li>
 * <li>forwarded central cases: 70% of municipal complaints, 20% of municipal
 * consultations and 80% of partner cases carry a central folio; the portal export of
 * their central entry month (same day up to two weeks later, often the next month) has a
 * row with the same folio and {@code canal_origen} MUNICIPAL or CONVENIO; 0.5% of them
 * with the other type; 40% of the forwarded intake rows of a month's last week are
 * delivered first by the next month's export, after their central row; 1 web row in 5,000
 * comes from a platform whose intake row never arrives;</li>
 * <li>re-deliveries: once a year (June, or the last month of a partial year) the portal
 * (even years) or municipal (odd years) export is delivered again, byte for byte, as
 * {@code <name> (copia).csv}; once a year (March) the call center's (even years) or the
 * office's (odd years) export is delivered again after a spreadsheet re-save, the same
 * rows in other bytes, as {@code <name>_reenvio.csv};</li>
 * <li>spreadsheet re-saves: 1 file in 12 of call center, office and municipal, 1 in 24 of
 * the others, comes back as UTF-8 with BOM, every field quoted, empty rows at the end; 1
 * portal export in 6 has a BOM; some municipal exports have an empty first row or an
 * upper-case header; 1 file in 10 has an all-empty row among its data;</li>
 * <li>reordered columns with an unknown extra column: 1 file in 20 of each source;</li>
 * <li>free text: portal descriptions of one sentence to a dozen (about 250 characters),
 * with commas, quotes and semicolons, a third of them over several lines; a quarter of
 * the office subjects written at length (a third of those over several CRLF lines), 6%
 * with Windows' curly quotes, dashes or euro sign (bytes 0x80-0x9F in Windows-1252);</li>
 * <li>bad rows: 1 row in 1,000 is broken for one of SPEC's reject reasons in turn; RUTs
 * with a wrong check digit (1 in 1,000), unknown comunas and regions (3 in 10,000) are
 * kept with a warning;</li>
 * <li>files that must not be ingested: a note ({@code notas_analista.txt}) and a
 * call-center summary whose header lacks the required columns
 * ({@code callcenter_resumen_<year>.csv}).</li>
 * </ul>
 *
 * <h2>Streaming</h2> Months are written one after the other, each export day by day in
 * time order; only the rows the next months repeat, correct or deliver late and the
 * central rows not yet entered are held, so memory is flat whatever {@code N}.
 * Deterministic: the same seed and {@code N} write byte-identical files, and the main
 * directory does not depend on whether the extra month is asked for.
 */
public final class ScaledDataGenerator {

	/** Seed used when none is given. */
	public static final long DEFAULT_SEED = 20_260_528L;

	public static final YearMonth FIRST_MONTH = YearMonth.of(2014, 1);

	/** Rows a month over the six sources, at the start of the period. */
	public static final int DEFAULT_MONTHLY_ROWS = 55_000;

	/** At most twelve years; beyond that the monthly volume grows. */
	public static final int MAX_MONTHS = 144;

	/** No date written may be after this day (the run date of the benchmark). */
	public static final LocalDate LATEST_DATE = LocalDate.of(2026, 11, 28);

	private static final double YEARLY_GROWTH = 0.04;

	/**
	 * Fresh rows of a month that cause central portal rows within the same month
	 * (estimate).
	 */
	private static final double FORWARDED_IN_MONTH = 0.08;

	/**
	 * Estimated share of a month's rows in its portal, municipal, call-center and office
	 * exports (for the copies and the re-deliveries).
	 */
	private static final double PORTAL_FILE_SHARE = 0.45;

	private static final double MUNICIPAL_FILE_SHARE = 0.21;

	private static final double CALLCENTER_FILE_SHARE = 0.23;

	private static final double OFICINA_FILE_SHARE = 0.12;

	private final long records;

	private final long seed;

	private final int monthlyRows;

	/**
	 * @param records data rows to write in total (about)
	 * @param seed the seed
	 */
	public ScaledDataGenerator(long records, long seed) {
		this(records, seed, DEFAULT_MONTHLY_ROWS);
	}

	/**
	 * @param records data rows to write in total (about)
	 * @param seed the seed
	 * @param monthlyRows rows a month that decide how many months {@code records} span
	 */
	public ScaledDataGenerator(long records, long seed, int monthlyRows) {
		if (records < 1_000) {
			throw new IllegalArgumentException("at least 1000 records: " + records);
		}
		if (monthlyRows < 500) {
			throw new IllegalArgumentException("at least 500 rows a month: " + monthlyRows);
		}
		this.records = records;
		this.seed = seed;
		this.monthlyRows = monthlyRows;
	}

	/** Months the exports span (the extra month not included). */
	public int months() {
		long months = (this.records + this.monthlyRows - 1) / this.monthlyRows;
		return (int) Math.max(1, Math.min(MAX_MONTHS, months));
	}

	public YearMonth lastMonth() {
		return FIRST_MONTH.plusMonths(months() - 1L);
	}

	/**
	 * What was written into one directory.
	 *
	 * @param path the directory
	 * @param firstMonth first monthly export
	 * @param lastMonth last monthly export
	 * @param files files written
	 * @param dataRows data rows of the exports a pipeline reads: every row after the
	 * header that is not all empty, in every file whose name matches a source
	 * (re-delivered copies included, the summary that must not be ingested not included)
	 * @param rowsByFile the same by file
	 * @param exercised how many times each awkward case appears
	 */
	public record Directory(Path path, YearMonth firstMonth, YearMonth lastMonth, int files, long dataRows,
			Map<String, Long> rowsByFile, Map<String, Long> exercised) {

		public Directory {
			rowsByFile = Collections.unmodifiableMap(new LinkedHashMap<>(rowsByFile));
			exercised = Collections.unmodifiableMap(new LinkedHashMap<>(exercised));
		}

	}

	/**
	 * What a run of the generator wrote.
	 *
	 * @param seed the seed
	 * @param records rows asked for
	 * @param monthlyRows the monthly volume that decided the months
	 * @param months monthly exports per source in the main directory
	 * @param main the main directory
	 * @param extra the extra month's directory, or null
	 */
	public record Summary(long seed, long records, int monthlyRows, int months, Directory main, Directory extra) {

		/** One line of JSON (no per-file rows). */
		public String toJson() {
			StringBuilder json = new StringBuilder("{");
			json.append("\"seed\":").append(this.seed);
			json.append(",\"records_requested\":").append(this.records);
			json.append(",\"monthly_rows\":").append(this.monthlyRows);
			json.append(",\"months\":").append(this.months);
			json.append(",\"first_month\":\"").append(this.main.firstMonth()).append('"');
			json.append(",\"last_month\":\"").append(this.main.lastMonth()).append('"');
			json.append(",\"dir\":").append(DemoManifest.quote(this.main.path().toString()));
			json.append(",\"files\":").append(this.main.files());
			json.append(",\"data_rows\":").append(this.main.dataRows());
			if (this.extra != null) {
				json.append(",\"extra_dir\":").append(DemoManifest.quote(this.extra.path().toString()));
				json.append(",\"extra_month\":\"").append(this.extra.firstMonth()).append('"');
				json.append(",\"extra_files\":").append(this.extra.files());
				json.append(",\"extra_data_rows\":").append(this.extra.dataRows());
			}
			json.append(",\"exercised\":").append(object(this.main.exercised()));
			if (this.extra != null) {
				json.append(",\"extra_exercised\":").append(object(this.extra.exercised()));
			}
			return json.append('}').toString();
		}

		private static String object(Map<String, Long> map) {
			List<String> entries = new ArrayList<>();
			map.forEach((key, value) -> entries.add(DemoManifest.quote(key) + ":" + value));
			return "{" + String.join(",", entries) + "}";
		}

	}

	/**
	 * Writes the exports into {@code directory} and, when {@code extraDirectory} is not
	 * null, the six exports of the month after the last one into it (created when
	 * missing; files of the same names are replaced, other files are left alone).
	 */
	public Summary generate(Path directory, Path extraDirectory) throws IOException {
		int months = months();
		YearMonth last = lastMonth();
		// Copies are budgeted up front: the monthly budgets shrink so that the total
		// stays about N.
		double[] weights = new double[months + 1];
		double total = 0;
		for (int i = 0; i <= months; i++) {
			weights[i] = weight(FIRST_MONTH.plusMonths(i));
			total += (i < months) ? weights[i] : 0;
		}
		double copyShare = 0;
		for (int i = 0; i < months; i++) {
			YearMonth month = FIRST_MONTH.plusMonths(i);
			if (copied(month, last)) {
				copyShare += weights[i] / total
						* ((month.getYear() % 2 == 0) ? PORTAL_FILE_SHARE : MUNICIPAL_FILE_SHARE);
			}
			if (resent(month, last) != null) {
				copyShare += weights[i] / total
						* ((month.getYear() % 2 == 0) ? CALLCENTER_FILE_SHARE : OFICINA_FILE_SHARE);
			}
		}
		double budget = this.records / (1 + copyShare);

		ScaledExports exports = new ScaledExports(this.seed, DemoGeo.load());
		exports.startDirectory(directory);
		double cumulative = 0;
		for (int i = 0; i < months; i++) {
			YearMonth month = FIRST_MONTH.plusMonths(i);
			cumulative += weights[i];
			long target = Math.round(budget * cumulative / total);
			long written = exports.dataRows - exports.copyRows;
			long fresh = Math.max(0,
					Math.round((target - written - exports.carriedInto(month)) / (1 + FORWARDED_IN_MONTH)));
			exports.writeMonth(month, fresh, resent(month, last));
			if (copied(month, last)) {
				exports.copy((month.getYear() % 2 == 0) ? DemoSource.PORTAL : DemoSource.MUNICIPAL, month);
			}
		}
		exports.writeUnknownFiles(FIRST_MONTH);
		Directory main = new Directory(directory, FIRST_MONTH, last, exports.files, exports.dataRows,
				exports.rowsByFile, exports.exercised);
		Directory extra = null;
		if (extraDirectory != null) {
			YearMonth month = last.plusMonths(1);
			if (month.atEndOfMonth().isAfter(LATEST_DATE)) {
				throw new IllegalStateException("the extra month " + month + " ends after " + LATEST_DATE);
			}
			exports.startDirectory(extraDirectory);
			long target = Math.round(budget * weights[months] / total);
			long fresh = Math.max(0, Math.round((target - exports.carriedInto(month)) / (1 + FORWARDED_IN_MONTH)));
			exports.writeMonth(month, fresh, null);
			extra = new Directory(extraDirectory, month, month, exports.files, exports.dataRows, exports.rowsByFile,
					exports.exercised);
		}
		return new Summary(this.seed, this.records, this.monthlyRows, months, main, extra);
	}

	/** Relative volume of a month: season and growth. */
	private static double weight(YearMonth month) {
		return DemoFormats.SEASON[month.getMonthValue() - 1]
				* (1 + YEARLY_GROWTH * (month.getYear() - FIRST_MONTH.getYear()));
	}

	/**
	 * Whether the month's portal (even years) or municipal (odd years) export is
	 * delivered twice.
	 */
	static boolean copied(YearMonth month, YearMonth last) {
		int copyMonth = (month.getYear() == last.getYear()) ? Math.min(6, last.getMonthValue()) : 6;
		return month.getMonthValue() == copyMonth;
	}

	/**
	 * The export delivered again after a spreadsheet re-save in this month, if any: once
	 * a year (March, or the last month of a shorter year), the call center's in even
	 * years and the office's in odd years.
	 */
	static DemoSource resent(YearMonth month, YearMonth last) {
		int resendMonth = (month.getYear() == last.getYear()) ? Math.min(3, last.getMonthValue()) : 3;
		if (month.getMonthValue() != resendMonth) {
			return null;
		}
		return (month.getYear() % 2 == 0) ? DemoSource.CALLCENTER : DemoSource.OFICINA;
	}

	/**
	 * {@code ScaledDataGenerator
	 *
	<dir>
	 *  --records N [--seed S] [--extra-month DIR2] [--monthly-rows R]}: writes the
	 * exports and prints a one-line JSON summary on standard output.
	 */
	public static void main(String[] args) throws IOException {
		Path directory = null;
		Path extra = null;
		Long records = null;
		long seed = DEFAULT_SEED;
		int monthlyRows = DEFAULT_MONTHLY_ROWS;
		try {
			for (int i = 0; i < args.length; i++) {
				String arg = args[i];
				switch (arg) {
					case "--records" -> records = number(args[++i]);
					case "--seed" -> seed = number(args[++i]);
					case "--extra-month" -> extra = Path.of(args[++i]);
					case "--monthly-rows" -> monthlyRows = Math.toIntExact(number(args[++i]));
					default -> {
						if (arg.startsWith("--") || directory != null) {
							throw new IllegalArgumentException("unknown argument " + arg);
						}
						directory = Path.of(arg);
					}
				}
			}
			if (directory == null || records == null) {
				throw new IllegalArgumentException("a directory and --records are required");
			}
		}
		catch (RuntimeException ex) {
			System.err.println(ex.getMessage());
			System.err.println(
					"usage: ScaledDataGenerator <dir> --records N [--seed S] [--extra-month DIR2] [--monthly-rows R]");
			System.exit(2);
			return;
		}
		long start = System.nanoTime();
		Summary summary = new ScaledDataGenerator(records, seed, monthlyRows).generate(directory, extra);
		System.out.println(summary.toJson());
		System.err.printf("wrote %d data rows (%d months from %s) into %s%s in %.1f s%n", summary.main().dataRows(),
				summary.months(), FIRST_MONTH, directory, (extra != null) ? " and " + summary.extra().dataRows()
						+ " rows of " + summary.extra().firstMonth() + " into " + extra : "",
				(System.nanoTime() - start) / 1e9);
	}

	private static long number(String text) {
		return Long.parseLong(text.replace("_", "").replace(",", "").trim());
	}

}
