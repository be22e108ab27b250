package cl.sernac.cifras.demo;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

/**
 * The streaming engine of {@link ScaledDataGenerator}: writes one month of the six
 * exports at a time, day by day in time order, holding only what the next files need (the
 * rows the next monthly export repeats or corrects, and the central-system rows of
 * forwarded cases not yet entered). Memory does not grow with the number of months.
 *
 * <p>
 * One {@link Random}, drawn in a fixed order, makes the output a function of the seed and
 * of the monthly budgets alone.
 */
final class ScaledExports {

	/**
	 * Sources in the order each month is written: the intake sources before the central
	 * system.
	 */
	static final List<DemoSource> ORDER = List.of(DemoSource.CALLCENTER, DemoSource.OFICINA, DemoSource.MUNICIPAL,
			DemoSource.MOVIL, DemoSource.CONVENIO, DemoSource.PORTAL);

	/**
	 * Share of a month's fresh rows by source (the portal's forwarded central rows come
	 * on top).
	 */
	static final Map<DemoSource, Double> SHARES = new EnumMap<>(
			Map.of(DemoSource.CALLCENTER, 0.245, DemoSource.PORTAL, 0.38, DemoSource.OFICINA, 0.13,
					DemoSource.MUNICIPAL, 0.215, DemoSource.MOVIL, 0.015, DemoSource.CONVENIO, 0.015));

	// ---- rates of the awkward cases (per fresh row unless said otherwise)
	// --------------

	/**
	 * Rows rejected by a correct count (each reason of SPEC rule 3 in turn): 1 in 1,000.
	 */
	static final double REJECT_RATE = 0.001;

	/**
	 * Rows first delivered in a wrong version (the other type, another comuna) and
	 * corrected by the next monthly export.
	 */
	static final double CORRECTION_RATE = 0.012;

	/**
	 * Rows delivered as they are and corrected months later: a later export (two to six
	 * months on) carries a version with another type or comuna.
	 */
	static final double LATE_CORRECTION_RATE = 0.003;

	/** RUT with a wrong check digit (kept with a warning). */
	static final double BAD_RUT_RATE = 0.001;

	/**
	 * Comuna (and, for call center and portal, region) nobody can recognise (kept with a
	 * warning).
	 */
	static final double UNKNOWN_PLACE_RATE = 0.0003;

	/**
	 * Repeated rows re-sent with another spelling of their key (spacing, case, accents).
	 */
	static final double KEY_VARIANT_RATE = 0.01;

	/**
	 * Municipal complaints / consultations registered centrally (a portal row shares the
	 * folio).
	 */
	static final double MUNICIPAL_FORWARD_RECLAMO = 0.70;

	static final double MUNICIPAL_FORWARD_CONSULTA = 0.20;

	/** Partner-service cases registered centrally. */
	static final double CONVENIO_FORWARD = 0.80;

	/**
	 * Forwarded intake rows first delivered without their folio: the next export adds it
	 * (the platform registered the case centrally after its export).
	 */
	static final double FOLIO_ADDED_LATER = 0.05;

	/**
	 * Forwarded intake rows of a month's last {@value #LATE_DAYS} days that the platform
	 * delivers first in the next month's export, after the portal export holding their
	 * central row.
	 */
	static final double LATE_DELIVERY_RATE = 0.40;

	static final int LATE_DAYS = 7;

	/**
	 * Forwarded cases whose central row carries the other type (the intake row's type
	 * counts).
	 */
	static final double FORWARD_TYPE_DIFFERS = 0.005;

	/** Portal rows of a platform or partner service whose intake row never arrives. */
	static final double PORTAL_ONLY_RATE = 0.0002;

	/**
	 * Per file and month: a spreadsheet re-save (UTF-8 with BOM, every field quoted,
	 * empty rows), for the call center, the office and the platforms.
	 */
	static final double RESAVE_RATE = 1.0 / 12;

	/** The same for the portal, the mobile unit and the partner services. */
	static final double OTHER_RESAVE_RATE = 1.0 / 24;

	/** Per file and month: an all-empty row among the data rows. */
	static final double BLANK_ROW_RATE = 0.1;

	/**
	 * Front-desk subjects typed with Windows' curly quotes, dashes, ellipsis or euro sign
	 * (bytes 0x80-0x9F in Windows-1252).
	 */
	static final double WINDOWS_PUNCTUATION_RATE = 0.06;

	/** Per file and month: columns in another order, with an unknown extra column. */
	static final double REORDER_RATE = 1.0 / 20;

	/**
	 * Why the next monthly export holds a row of this month: repeated (the overlap, maybe
	 * with a key variant), corrected, or delivered late for the first time.
	 */
	private enum Again {

		REPEATED, CORRECTED, LATE

	}

	/** A row the next monthly export delivers. */
	private record Carried(String[] values, Again again) {
	}

	/**
	 * The central-system row of a forwarded case, written in the portal export of its
	 * entry month.
	 */
	private record Forwarded(LocalDateTime entry, long sequence, String folio, String type, String channel) {
	}

	private final Random random;

	private final DemoGeo geo;

	private final List<DemoFormats.Municipio> municipios;

	private final int municipioWeight;

	private final List<DemoGeo.Comuna> movilPool;

	private final Map<DemoSource, List<Carried>> carry = new EnumMap<>(DemoSource.class);

	/**
	 * Versions of rows corrected months later, by source and by the month of the export
	 * that carries them.
	 */
	private final Map<DemoSource, TreeMap<YearMonth, List<String[]>>> later = new EnumMap<>(DemoSource.class);

	private final PriorityQueue<Forwarded> pending = new PriorityQueue<>(
			Comparator.comparing(Forwarded::entry).thenComparingLong(Forwarded::sequence));

	private final Map<String, Integer> folios = new HashMap<>();

	private final Map<String, Integer> municipalIds = new HashMap<>();

	private final Map<String, Integer> partnerIds = new HashMap<>();

	private long callId = 4_000_001L;

	private int officeId = 200_001;

	private long forwardSequence;

	private int extraCounter;

	private int rejectTurn;

	// ---- the directory being written
	// -----------------------------------------------------

	private Path directory;

	long dataRows;

	/** Data rows of the re-delivered copies (not part of the monthly budgets). */
	long copyRows;

	int files;

	final Map<String, Long> exercised = new TreeMap<>();

	final Map<String, Long> rowsByFile = new TreeMap<>();

	ScaledExports(long seed, DemoGeo geo) {
		this.random = new Random(seed);
		this.geo = geo;
		for (DemoSource source : DemoSource.values()) {
			this.carry.put(source, new ArrayList<>());
			this.later.put(source, new TreeMap<>());
		}
		// every platform from the first month: the scaled data keeps no account of when
		// each joined
		this.municipios = DemoFormats.municipios(geo);
		this.municipioWeight = this.municipios.stream().mapToInt(DemoFormats.Municipio::weight).sum();
		this.movilPool = geo.comunas.stream().filter((c) -> !DemoFormats.NOT_VISITED.contains(c.code())).toList();
	}

	/**
	 * Starts writing into another directory; what is carried over (overlaps, pending
	 * central rows) stays.
	 */
	void startDirectory(Path directory) throws IOException {
		Files.createDirectories(directory);
		this.directory = directory;
		this.dataRows = 0;
		this.copyRows = 0;
		this.files = 0;
		this.exercised.clear();
		this.rowsByFile.clear();
	}

	/**
	 * Rows the exports of {@code month} carry over from earlier months, before any fresh
	 * row.
	 */
	long carriedInto(YearMonth month) {
		long rows = 0;
		for (List<Carried> list : this.carry.values()) {
			rows += list.size();
		}
		for (TreeMap<YearMonth, List<String[]>> due : this.later.values()) {
			rows += due.getOrDefault(month, List.of()).size();
		}
		LocalDate end = month.atEndOfMonth();
		for (Forwarded forwarded : this.pending) {
			if (!forwarded.entry().toLocalDate().isAfter(end)) {
				rows++;
			}
		}
		return rows;
	}

	/**
	 * Writes the six exports of a month with about {@code fresh} new rows among them;
	 * {@code resent}'s export, if not null, is also delivered again after a spreadsheet
	 * re-save ({@link #resentName}).
	 */
	void writeMonth(YearMonth month, long fresh, DemoSource resent) throws IOException {
		for (DemoSource source : ORDER) {
			double noise = 0.97 + 0.06 * this.random.nextDouble();
			int budget = (int) Math.round(fresh * SHARES.get(source) * noise);
			writeExport(source, month, budget, source == resent);
		}
	}

	static String fileName(DemoSource source, YearMonth month) {
		return DemoWriter.fileName(source, month);
	}

	/** Delivers an export again under another name, byte for byte. */
	void copy(DemoSource source, YearMonth month) throws IOException {
		String name = fileName(source, month);
		String copy = DemoWriter.copyName(name);
		Files.copy(this.directory.resolve(name), this.directory.resolve(copy), StandardCopyOption.REPLACE_EXISTING);
		long rows = this.rowsByFile.get(name);
		this.rowsByFile.put(copy, rows);
		this.dataRows += rows;
		this.copyRows += rows;
		this.files++;
		count("re-delivered-copies", 1);
		count("rows-in-re-delivered-copies", rows);
	}

	/** A note and a call-center summary: the files that must not be ingested. */
	void writeUnknownFiles(YearMonth first) throws IOException {
		DemoWriter.writeNote(this.directory, "", "");
		Map<YearMonth, Integer> calls = new TreeMap<>();
		for (int m = 1; m <= 12; m++) {
			calls.put(YearMonth.of(first.getYear(), m), 40_000 + this.random.nextInt(20_000));
		}
		DemoWriter.writeSummary(this.directory, first.getYear(), calls);
		this.files += 2;
		count("files-not-to-ingest", 2);
	}

	private void count(String what, long n) {
		this.exercised.merge(what, n, Long::sum);
	}

	// ---- one export
	// ------------------------------------------------------------------------

	/**
	 * Writing state of one file, and of its twin when the export is also delivered again
	 * after a spreadsheet re-save (the same rows, other bytes).
	 */
	private final class Export implements AutoCloseable {

		final DemoSource source;

		final YearMonth month;

		final DemoWriter.Layout layout;

		final Writer out;

		final DemoWriter.Layout twinLayout;

		final Writer twin;

		final List<Carried> nextCarry = new ArrayList<>();

		final int tailFrom;

		long rows;

		Export(DemoSource source, YearMonth month, DemoWriter.Layout layout, DemoWriter.Layout twinLayout)
				throws IOException {
			this.source = source;
			this.month = month;
			this.layout = layout;
			this.out = DemoWriter.open(ScaledExports.this.directory.resolve(fileName(source, month)), layout.charset(),
					layout.bom());
			this.twinLayout = twinLayout;
			this.twin = (twinLayout != null)
					? DemoWriter.open(ScaledExports.this.directory.resolve(resentName(source, month)),
							twinLayout.charset(), twinLayout.bom())
					: null;
			this.tailFrom = month.lengthOfMonth() - source.overlapDays;
		}

		void header() throws IOException {
			DemoWriter.writeHeader(this.out, this.source, this.layout);
			if (this.twin != null) {
				DemoWriter.writeHeader(this.twin, this.source, this.twinLayout);
			}
		}

		/** An all-empty row (skipped by a correct count). */
		void empty() throws IOException {
			DemoWriter.writeEmpty(this.out, this.source, this.layout);
			if (this.twin != null) {
				DemoWriter.writeEmpty(this.twin, this.source, this.twinLayout);
			}
		}

		/** Writes a data row given in canonical column order. */
		void row(String[] values, String extraField, boolean dropLast) throws IOException {
			int[] order = this.layout.order();
			int last = dropLast ? order.length - 1 : order.length;
			String[] fields = new String[last + ((extraField != null) ? 1 : 0)];
			for (int i = 0; i < last; i++) {
				int index = order[i];
				fields[i] = (index >= 0) ? values[index]
						: DemoFormats.extraValue(this.source, ScaledExports.this.extraCounter++);
			}
			if (extraField != null) {
				fields[last] = extraField;
			}
			int multiLine = DemoWriter.multiLineFields(fields);
			if (multiLine > 0) {
				count("multi-line-fields-written", multiLine);
			}
			DemoWriter.writeRecord(this.out, this.source, this.layout.quoteAll(), fields);
			if (this.twin != null) {
				DemoWriter.writeRecord(this.twin, this.source, this.twinLayout.quoteAll(), fields);
			}
			this.rows++;
		}

		/**
		 * A fresh row: maybe broken (rejected), first delivered in a wrong version or
		 * without its folio (corrected by the next export), corrected months later, or
		 * delivered late by the next export; rows of the last days of the month are
		 * repeated by the next export.
		 */
		void fresh(String[] values, int dayOfMonth, Fate fate) throws IOException {
			if (fate == Fate.REJECT) {
				DemoFormats.Broken broken = breakRow(this.source, values);
				row(broken.values(), broken.extraField(), broken.dropLast());
				return;
			}
			warnings(this.source, values);
			if (fate == Fate.LATE_DELIVERY) {
				this.nextCarry.add(new Carried(values, Again.LATE));
				count("intake-rows-first-delivered-by-the-next-export", 1);
				return;
			}
			boolean tail = dayOfMonth > this.tailFrom;
			if ((fate == Fate.CORRECT || fate == Fate.FOLIO_LATER) && !tail) {
				String[] first = values.clone();
				if (fate == Fate.CORRECT) {
					miscorrect(this.source, first);
					count("corrected-records", 1);
				}
				else {
					first[this.source.folioColumn()] = "";
					count("folios-added-by-a-correction", 1);
				}
				row(first, null, false);
				this.nextCarry.add(new Carried(values, Again.CORRECTED));
				return;
			}
			row(values, null, false);
			if (tail) {
				this.nextCarry.add(new Carried(values, Again.REPEATED));
			}
			if (fate == Fate.LATE_CORRECT) {
				String[] corrected = values.clone();
				miscorrect(this.source, corrected);
				YearMonth when = this.month.plusMonths(2 + ScaledExports.this.random.nextInt(5));
				ScaledExports.this.later.get(this.source)
					.computeIfAbsent(when, (m) -> new ArrayList<>())
					.add(corrected);
				count("records-corrected-months-later", 1);
			}
		}

		@Override
		public void close() throws IOException {
			for (int i = 0; i < this.layout.trailingEmptyRows(); i++) {
				DemoWriter.writeEmpty(this.out, this.source, this.layout);
			}
			this.out.close();
			if (this.twin != null) {
				for (int i = 0; i < this.twinLayout.trailingEmptyRows(); i++) {
					DemoWriter.writeEmpty(this.twin, this.source, this.twinLayout);
				}
				this.twin.close();
			}
		}

	}

	private enum Fate {

		PLAIN, REJECT, CORRECT, LATE_CORRECT, FOLIO_LATER, LATE_DELIVERY

	}

	private Fate fate() {
		double draw = this.random.nextDouble();
		if (draw < REJECT_RATE) {
			return Fate.REJECT;
		}
		draw -= REJECT_RATE;
		return (draw < CORRECTION_RATE) ? Fate.CORRECT
				: (draw < CORRECTION_RATE + LATE_CORRECTION_RATE) ? Fate.LATE_CORRECT : Fate.PLAIN;
	}

	/**
	 * The name of an export delivered again after a spreadsheet re-save: after the
	 * original in name order, before the next month's.
	 */
	static String resentName(DemoSource source, YearMonth month) {
		return fileName(source, month).replace(".csv", "_reenvio.csv");
	}

	private void writeExport(DemoSource source, YearMonth month, int budget, boolean resent) throws IOException {
		DemoWriter.Layout layout = layout(source);
		DemoWriter.Layout twinLayout = resent ? resaved(layout) : null;
		boolean blankRow = this.random.nextDouble() < BLANK_ROW_RATE;
		String name = fileName(source, month);
		try (Export export = new Export(source, month, layout, twinLayout)) {
			export.header();
			for (Carried carried : this.carry.get(source)) {
				String[] values = carried.values();
				if (carried.again() == Again.REPEATED && this.random.nextDouble() < KEY_VARIANT_RATE) {
					values = keyVariant(source, values);
					count("rows-re-sent-with-a-key-variant", 1);
				}
				export.row(values, null, false);
				count(switch (carried.again()) {
					case REPEATED -> "rows-repeated-by-overlapping-exports";
					case CORRECTED -> "rows-re-sent-with-a-correction";
					case LATE -> "rows-delivered-late";
				}, 1);
			}
			List<String[]> due = this.later.get(source).remove(month);
			for (String[] values : (due != null) ? due : List.<String[]>of()) {
				export.row(values, null, false);
				count("rows-re-sent-with-a-late-correction", 1);
			}
			if (blankRow) {
				export.empty();
				count("all-empty-rows-among-the-data", 1);
			}
			switch (source) {
				case MOVIL -> movil(export, budget);
				case PORTAL -> portal(export, budget);
				default -> intake(export, budget);
			}
			this.carry.put(source, export.nextCarry);
			this.rowsByFile.put(name, export.rows);
			this.dataRows += export.rows;
			if (resent) {
				this.rowsByFile.put(resentName(source, month), export.rows);
				this.dataRows += export.rows;
				this.copyRows += export.rows;
				this.files++;
				count("exports-re-delivered-after-a-spreadsheet-re-save", 1);
				count("rows-in-exports-re-delivered-after-a-re-save", export.rows);
			}
		}
		this.files++;
	}

	/**
	 * The layout of an export saved again by a spreadsheet: UTF-8 with BOM, the quoting
	 * of every field switched, so that its bytes always differ from the original's.
	 */
	private static DemoWriter.Layout resaved(DemoWriter.Layout original) {
		return new DemoWriter.Layout(original.order(), original.header(), StandardCharsets.UTF_8, true,
				!original.quoteAll(), 2, !original.quotedEmptyRows(), original.leadingEmptyRow());
	}

	// ---- layouts: spreadsheet re-saves, byte-order marks, reordered columns
	// ------------------

	/** Draws how this month's file of a source comes: mostly as the source writes it. */
	private DemoWriter.Layout layout(DemoSource source) {
		double resave = this.random.nextDouble();
		double reorder = this.random.nextDouble();
		int variant = this.random.nextInt(4);
		int[] order = new int[source.columns.size()];
		Arrays.setAll(order, (i) -> i);
		List<String> header = source.columns;
		if (reorder < REORDER_RATE) {
			order = DemoFormats.REORDERED.get(source).order();
			header = DemoFormats.REORDERED.get(source).header();
			count("files-with-reordered-columns", 1);
		}
		Charset charset = source.charset;
		boolean bom = source.bom;
		boolean quoteAll = false;
		int trailing = 0;
		boolean quotedEmpty = false;
		boolean leadingEmpty = false;
		switch (source) {
			case CALLCENTER, OFICINA, MUNICIPAL -> {
				if (resave < RESAVE_RATE) {
					charset = StandardCharsets.UTF_8;
					bom = true;
					quoteAll = true;
					trailing = DemoWriter.Layout.resavedEmptyRows(source);
					quotedEmpty = variant % 2 == 1;
					count("files-saved-again-by-a-spreadsheet", 1);
				}
				else if (source == DemoSource.MUNICIPAL && resave < 2 * RESAVE_RATE) {
					leadingEmpty = variant < 2;
					if (!leadingEmpty && header == source.columns) {
						header = source.columns.stream().map((c) -> c.toUpperCase(Locale.ROOT)).toList();
					}
				}
			}
			case PORTAL, MOVIL, CONVENIO -> {
				if (resave < OTHER_RESAVE_RATE) {
					bom = true;
					quoteAll = true;
					trailing = DemoWriter.Layout.resavedEmptyRows(source);
					quotedEmpty = variant % 2 == 1;
					count("files-saved-again-by-a-spreadsheet", 1);
				}
				else if (source == DemoSource.PORTAL) {
					bom = resave < 1.0 / 6;
				}
			}
		}
		if (bom && !source.bom) {
			count("files-with-byte-order-mark", 1);
		}
		return new DemoWriter.Layout(order, header, charset, bom, quoteAll, trailing, quotedEmpty, leadingEmpty);
	}

	// ---- rows of the intake sources with one row per attention
	// ---------------------------

	/**
	 * Call center, regional office, municipal platforms and partner services: weekdays,
	 * office hours.
	 */
	private void intake(Export export, int budget) throws IOException {
		YearMonth month = export.month;
		List<LocalDate> days = new ArrayList<>();
		for (int d = 1; d <= month.lengthOfMonth(); d++) {
			LocalDate day = month.atDay(d);
			if (DemoFormats.workingDay(day)) {
				days.add(day);
			}
		}
		int[] perDay = perDay(budget, days.size());
		int from = switch (export.source) {
			case CALLCENTER -> 8 * 3600 + 1800;
			case OFICINA -> 8 * 3600 + 1800;
			default -> 9 * 3600;
		};
		int to = switch (export.source) {
			case CALLCENTER -> 18 * 3600 + 1800;
			case OFICINA -> 14 * 3600;
			case MUNICIPAL -> 17 * 3600 + 1800;
			default -> 17 * 3600;
		};
		for (int i = 0; i < days.size(); i++) {
			LocalDate day = days.get(i);
			int[] seconds = times(perDay[i], from, to);
			boolean lastDays = day.getDayOfMonth() > month.lengthOfMonth() - LATE_DAYS;
			for (int second : seconds) {
				Fate fate = fate();
				String[] values = switch (export.source) {
					case CALLCENTER -> callcenter(day, second);
					case OFICINA -> oficina(day, second);
					case MUNICIPAL -> municipal(day, second, fate != Fate.REJECT);
					default -> convenio(day, second, fate != Fate.REJECT);
				};
				if (fate == Fate.PLAIN
						&& (export.source == DemoSource.MUNICIPAL || export.source == DemoSource.CONVENIO)
						&& !values[export.source.folioColumn()].isEmpty()) {
					if (this.random.nextDouble() < FOLIO_ADDED_LATER) {
						fate = Fate.FOLIO_LATER;
					}
					else if (lastDays && this.random.nextDouble() < LATE_DELIVERY_RATE) {
						fate = Fate.LATE_DELIVERY;
					}
				}
				export.fresh(values, day.getDayOfMonth(), fate);
			}
		}
	}

	/** A budget spread over {@code days} days with some day-to-day noise; exact. */
	private int[] perDay(int budget, int days) {
		if (days == 0) {
			return new int[0];
		}
		double[] weights = new double[days];
		for (int i = 0; i < days; i++) {
			weights[i] = 0.8 + 0.4 * this.random.nextDouble();
		}
		return DemoFormats.split(budget, weights);
	}

	/** {@code n} seconds of the day in {@code [from, to)}, in order. */
	private int[] times(int n, int from, int to) {
		int[] seconds = new int[n];
		for (int i = 0; i < n; i++) {
			seconds[i] = from + this.random.nextInt(to - from);
		}
		Arrays.sort(seconds);
		return seconds;
	}

	private String[] callcenter(LocalDate day, int second) {
		String type = (this.random.nextInt(1000) < 977) ? DemoFormats.CONSULTA : DemoFormats.RECLAMO;
		String[] values = DemoFormats.callRow(this.callId, DemoFormats.callTime(day, second), type, this.geo,
				this.random);
		this.callId += 1 + this.random.nextInt(3);
		return values;
	}

	private String[] oficina(LocalDate day, int second) {
		int draw = this.random.nextInt(1000);
		String type;
		String subtype = "";
		if (draw < 5) {
			type = (draw < 4) ? DemoFormats.SONI : "Soni";
			int sub = this.random.nextInt(100);
			subtype = (sub < 30) ? "Disconformidad" : (sub < 98) ? "Reconocimiento" : "Sugerencia";
			if (this.random.nextInt(10) == 0) {
				subtype = subtype.toUpperCase(Locale.ROOT);
			}
		}
		else {
			String canonical = (draw < 265) ? DemoFormats.RECLAMO : DemoFormats.CONSULTA;
			type = DemoFormats.officeType(canonical, this.random.nextInt(100));
		}
		return new String[] { Integer.toString(this.officeId++), DemoFormats.officeDate(day),
				DemoFormats.officeTime(second), type, subtype, DemoFormats.rutOrEmpty(1, this.random),
				DemoFake.name(this.random), this.geo.render(this.geo.pick(this.random), this.random), matter() };
	}

	private String[] municipal(LocalDate day, int second, boolean mayForward) {
		DemoFormats.Municipio municipio = DemoFormats.pick(this.municipios, this.municipioWeight, this.random);
		String id = Integer.toString(this.municipalIds.merge(municipio.name(), 1, Integer::sum));
		String type = (this.random.nextInt(100) < 52) ? DemoFormats.CONSULTA : DemoFormats.RECLAMO;
		double forward = type.equals(DemoFormats.RECLAMO) ? MUNICIPAL_FORWARD_RECLAMO : MUNICIPAL_FORWARD_CONSULTA;
		String folio = (mayForward && this.random.nextDouble() < forward)
				? forward(day.atStartOfDay().plusSeconds(second), type, DemoSource.MUNICIPAL.channel) : "";
		return DemoFormats.municipalRow(municipio, id, DemoFormats.municipalDate(day), type, folio, this.geo,
				this.random);
	}

	private String[] convenio(LocalDate day, int second, boolean mayForward) {
		String institution = DemoFormats.institution(this.random);
		String id = Integer.toString(this.partnerIds.merge(institution, 10_001, (a, b) -> a + 1));
		String type = (this.random.nextInt(100) < 85) ? DemoFormats.RECLAMO : DemoFormats.CONSULTA;
		String folio = (mayForward && this.random.nextDouble() < CONVENIO_FORWARD)
				? forward(day.atStartOfDay().plusSeconds(second), type, DemoSource.CONVENIO.channel) : "";
		return DemoFormats.partnerRow(institution, id, DemoFormats.partnerDate(day), type, folio, this.geo,
				this.random);
	}

	/**
	 * Registers a case centrally: its portal row is written in the export of its central
	 * entry.
	 */
	private String forward(LocalDateTime intake, String type, String channel) {
		LocalDateTime entry = DemoFormats.centralEntry(intake, this.random);
		String portalType = type;
		if (this.random.nextDouble() < FORWARD_TYPE_DIFFERS) {
			portalType = type.equals(DemoFormats.CONSULTA) ? DemoFormats.RECLAMO : DemoFormats.CONSULTA;
			count("central-cases-where-portal-type-differs", 1);
		}
		String folio = DemoFormats.folio(this.folios, portalType, entry.getYear());
		this.pending.add(new Forwarded(entry, this.forwardSequence++, folio, portalType, channel));
		count("central-cases-forwarded-by-an-intake-row", 1);
		if (entry.getMonthValue() != intake.getMonthValue()) {
			count("central-cases-entered-in-a-later-month", 1);
		}
		return folio;
	}

	// ---- mobile unit: visits
	// ---------------------------------------------------------------

	private void movil(Export export, int budget) throws IOException {
		YearMonth month = export.month;
		int visits = Math.max(1, Math.min(500, (int) Math.round(budget / 30.0)));
		if (budget == 0) {
			return;
		}
		List<LocalDate> days = new ArrayList<>();
		for (int d = 1; d <= month.lengthOfMonth(); d++) {
			LocalDate day = month.atDay(d);
			if (day.getDayOfWeek() != DayOfWeek.SUNDAY && !DemoFormats.holiday(day)) {
				days.add(day);
			}
		}
		visits = Math.min(visits, days.size() * this.movilPool.size());
		double[] weights = new double[visits];
		for (int i = 0; i < visits; i++) {
			weights[i] = 0.4 + this.random.nextDouble();
		}
		int[] sizes = DemoFormats.split(budget, weights);
		Set<String> taken = new HashSet<>();
		LocalDate[] when = new LocalDate[visits];
		DemoGeo.Comuna[] where = new DemoGeo.Comuna[visits];
		for (int v = 0; v < visits; v++) {
			do {
				when[v] = days.get(this.random.nextInt(days.size()));
				where[v] = this.movilPool.get(this.random.nextInt(this.movilPool.size()));
			}
			while (!taken.add(when[v] + where[v].code()));
		}
		Integer[] byDay = new Integer[visits];
		Arrays.setAll(byDay, (i) -> i);
		Arrays.sort(byDay, Comparator.comparing((Integer i) -> when[i]).thenComparing((i) -> where[i].code()));
		for (int v : byDay) {
			DemoGeo.Comuna comuna = where[v];
			String spelled = DemoFormats.visited(comuna, this.random);
			String programme = DemoFake.programme(this.random);
			String date = DemoFormats.movilDate(when[v]);
			for (int correlativo = 1; correlativo <= sizes[v]; correlativo++) {
				Fate fate = fate();
				String type = (this.random.nextInt(100) < 80) ? DemoFormats.CONSULTA : DemoFormats.RECLAMO;
				String[] values = DemoFormats.movilRow(date, spelled, programme, correlativo, type, this.random);
				export.fresh(values, when[v].getDayOfMonth(), fate);
			}
		}
	}

	// ---- web portal / central case system
	// --------------------------------------------------

	private void portal(Export export, int budget) throws IOException {
		YearMonth month = export.month;
		int[] perDay = perDay(budget, month.lengthOfMonth());
		for (int d = 1; d <= month.lengthOfMonth(); d++) {
			LocalDate day = month.atDay(d);
			int[] seconds = new int[perDay[d - 1]];
			for (int i = 0; i < seconds.length; i++) {
				seconds[i] = (this.random.nextInt(4) == 0) ? this.random.nextInt(86_400)
						: 8 * 3600 + this.random.nextInt(15 * 3600);
			}
			Arrays.sort(seconds);
			int i = 0;
			while (true) {
				Forwarded next = this.pending.peek();
				boolean central = next != null && !next.entry().toLocalDate().isAfter(day);
				if (i >= seconds.length && !central) {
					break;
				}
				if (central && (i >= seconds.length || next.entry().toLocalDate().isBefore(day)
						|| next.entry().toLocalTime().toSecondOfDay() <= seconds[i])) {
					this.pending.poll();
					export.fresh(centralRow(next), d, Fate.PLAIN);
					count("central-portal-rows-written", 1);
				}
				else {
					Fate fate = fate();
					export.fresh(webRow(day, seconds[i++], fate), d, fate);
				}
			}
		}
	}

	private String[] webRow(LocalDate day, int second, Fate fate) {
		int draw = this.random.nextInt(10_000);
		String type;
		String subtype = "";
		if (draw < 10) {
			type = DemoFormats.SONI;
			subtype = (draw < 4) ? "disconformidad" : (draw < 9) ? "reconocimiento" : "sugerencia";
		}
		else {
			type = (draw < 2_170) ? DemoFormats.CONSULTA : DemoFormats.RECLAMO;
		}
		String channel = DemoFormats.INTERNET;
		String text = null;
		if (fate == Fate.PLAIN && this.random.nextDouble() < PORTAL_ONLY_RATE && !type.equals(DemoFormats.SONI)) {
			channel = this.random.nextBoolean() ? DemoSource.MUNICIPAL.channel : DemoSource.CONVENIO.channel;
			text = DemoFormats.centralText(channel);
			count("portal-rows-from-a-platform-whose-intake-row-never-arrives", 1);
		}
		String folio = DemoFormats.folio(this.folios, type, day.getYear());
		return portalRow(folio, day.atStartOfDay().plusSeconds(second), type, subtype, channel, text);
	}

	private String[] centralRow(Forwarded forwarded) {
		String text = DemoFormats.centralText(forwarded.channel());
		if (this.random.nextBoolean()) {
			// the platform copied the consumer's own account into the central case
			text = text + ".\n" + description();
		}
		return portalRow(forwarded.folio(), forwarded.entry(), forwarded.type(), "", forwarded.channel(), text);
	}

	private String[] portalRow(String folio, LocalDateTime at, String type, String subtype, String channel,
			String text) {
		int draw = this.random.nextInt(100);
		return new String[] { folio, DemoFormats.portalTime(at), DemoFormats.portalType(type, draw), subtype,
				DemoFormats.portalChannel(channel, draw), DemoFake.rut(this.random), this.geo.region(this.random),
				this.geo.render(this.geo.pick(this.random), this.random), DemoFake.market(this.random),
				DemoFake.provider(this.random), (text != null) ? text : description() };
	}

	// ---- free text: what consumers write, as long and as punctuated as they write it
	// -------

	/** Sentences of a consumer's account; numbers are drawn apart. */
	private static final String[] ACCOUNT = { "Compré un producto por internet y llegó con fallas",
			"El ejecutivo me dijo: \"no corresponde\", y cortó la llamada",
			"Me cobraron un servicio que nunca contraté, y no me devuelven el dinero",
			"Pedí la anulación del contrato; siguen cobrando la cuota, con intereses",
			"Adjunto boleta, contrato y los correos (tres en total)",
			"La tienda dice que la garantía \"solo cubre fallas de fábrica\", pero la ley dice otra cosa",
			"Llamé al call center varias veces: \"su caso está en revisión\"",
			"Solicito que se respete lo ofrecido en la publicidad, \"50% de descuento\"",
			"Mi madre, de 78 años, firmó un seguro que nunca pidió; quiere anularlo",
			"No hay respuesta desde hace semanas, ni por correo ni por teléfono",
			"El técnico vino dos veces, cobró la visita y el equipo sigue sin funcionar",
			"En la sucursal me dijeron que reclamara por la página, y en la página, que fuera a la sucursal",
			"El vuelo fue cancelado; ofrecen un cupón, no la devolución",
			"Me repactaron la deuda sin mi firma, con una tasa mayor",
			"La cuenta de luz subió al triple; el medidor \"está bien\", según la empresa",
			"Quiero saber si puedo retractarme de una compra hecha en la feria",
			"Firmé por un plan de 300 MB, me entregan menos de la mitad",
			"Exijo la devolución de lo pagado, más los gastos de envío",
			"El producto no coincide con la descripción: color, tamaño y marca distintos",
			"Me llaman a toda hora para cobrar una deuda que no es mía" };

	/** Front-desk subjects written at length, with the delimiter and quotes. */
	private static final String[] SUBJECT_DETAIL = { "Trae boletas y contrato; pide orientación",
			"Dice que la empresa respondió \"fuera de plazo\"", "Solicita copia de la póliza; no se la entregan",
			"Reclamó antes por teléfono, sin número de atención", "Pide mediación; el proveedor no contesta" };

	/** What Windows puts in typed text: curly quotes, dashes, ellipsis, the euro sign. */
	private static final String[] WINDOWS_PUNCTUATION = { "Dice “no corresponde”", "Cobro de 120 € – sin boleta",
			"Espera respuesta… desde marzo", "Garantía ‘vencida’ – según la tienda", "Compra en el extranjero — 35 €" };

	/**
	 * A consumer's account: one sentence to a dozen (about 250 characters on average),
	 * with commas, quotes and semicolons; a third of those of several sentences are
	 * written over several lines, some with an empty line between paragraphs.
	 */
	private String description() {
		int draw = this.random.nextInt(100);
		int sentences = (draw < 20) ? 1 : (draw < 60) ? 2 + this.random.nextInt(2)
				: (draw < 88) ? 4 + this.random.nextInt(3) : 7 + this.random.nextInt(6);
		boolean lines = sentences > 1 && this.random.nextInt(3) == 0;
		StringBuilder text = new StringBuilder(sentences * 75);
		for (int i = 0; i < sentences; i++) {
			if (i > 0) {
				text.append(!lines ? " " : (this.random.nextInt(5) == 0) ? "\n\n" : "\n");
			}
			text.append(ACCOUNT[this.random.nextInt(ACCOUNT.length)]);
			if (this.random.nextInt(4) == 0) {
				text.append(", el ")
					.append(1 + this.random.nextInt(28))
					.append(" de ")
					.append(MONTHS[this.random.nextInt(12)]);
			}
			if (this.random.nextInt(6) == 0) {
				text.append(" ($")
					.append(5 + this.random.nextInt(995))
					.append('.')
					.append(100 + this.random.nextInt(900))
					.append(')');
			}
			text.append('.');
		}
		return text.toString();
	}

	private static final String[] MONTHS = { "enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
			"septiembre", "octubre", "noviembre", "diciembre" };

	/**
	 * A front-desk subject: mostly a short one; a quarter written at length (some over
	 * several lines, CRLF as the office's exports end lines); a few typed with Windows'
	 * punctuation.
	 */
	private String matter() {
		String subject = DemoFake.matter(this.random);
		if (this.random.nextDouble() < WINDOWS_PUNCTUATION_RATE) {
			subject = subject + ". " + WINDOWS_PUNCTUATION[this.random.nextInt(WINDOWS_PUNCTUATION.length)];
			count("subjects-with-windows-punctuation", 1);
		}
		if (this.random.nextInt(4) == 0) {
			int details = 1 + this.random.nextInt(3);
			boolean lines = this.random.nextInt(3) == 0;
			StringBuilder text = new StringBuilder(subject);
			for (int i = 0; i < details; i++) {
				text.append(lines ? "\r\n" : "; ").append(SUBJECT_DETAIL[this.random.nextInt(SUBJECT_DETAIL.length)]);
			}
			subject = text.toString();
		}
		return subject;
	}

	// ---- noise: warnings, corrections, key variants, rejected rows
	// ------------------------

	private void warnings(DemoSource source, String[] values) {
		int rut = source.rutColumn();
		if (!values[rut].isEmpty() && this.random.nextDouble() < BAD_RUT_RATE) {
			values[rut] = DemoFake.withWrongCheckDigit(values[rut], this.random);
			count("warnings:rut-invalid", 1);
		}
		int comuna = source.comunaColumn();
		if (comuna >= 0 && this.random.nextDouble() < UNKNOWN_PLACE_RATE) {
			values[comuna] = DemoFake.pick(DemoFormats.UNKNOWN_COMUNAS, this.random);
			count("warnings:comuna-unknown", 1);
		}
		int region = source.regionColumn();
		if (region >= 0 && this.random.nextDouble() < UNKNOWN_PLACE_RATE) {
			values[region] = DemoFake.pick(DemoFormats.UNKNOWN_REGIONS, this.random);
			count("warnings:region-unknown", 1);
		}
	}

	/**
	 * The wrong first version of a row the next export corrects: the other type, or
	 * another comuna.
	 */
	private void miscorrect(DemoSource source, String[] values) {
		int type = source.typeColumn();
		String folded = values[type].trim().toUpperCase(Locale.ROOT);
		String other = switch (folded) {
			case "CONSULTA", "C" -> (source == DemoSource.CONVENIO) ? "R" : "Reclamo";
			case "RECLAMO", "R" -> (source == DemoSource.CONVENIO) ? "C" : "Consulta";
			default -> null;
		};
		int comuna = source.comunaColumn();
		if (other != null || comuna < 0) {
			values[type] = (other != null) ? other : values[type];
		}
		else {
			values[comuna] = this.geo.pick(this.random).name();
		}
	}

	/**
	 * The key of a repeated row written another way: a correct count sees the same
	 * record.
	 */
	private String[] keyVariant(DemoSource source, String[] values) {
		String[] resent = values.clone();
		switch (source) {
			case CALLCENTER -> resent[0] = " " + resent[0];
			case OFICINA -> resent[0] = resent[0] + " ";
			case PORTAL -> resent[0] = " " + resent[0] + " ";
			case MUNICIPAL -> resent[0] = DemoGeo.plain(resent[0]).toUpperCase(Locale.ROOT);
			case MOVIL -> resent[1] = DemoFormats.caseVariant(resent[1]);
			case CONVENIO -> resent[0] = DemoFormats.caseVariant(resent[0]);
		}
		return resent;
	}

	/** Breaks a row in exactly one way, each reason of SPEC rule 3 in turn. */
	private DemoFormats.Broken breakRow(DemoSource source, String[] values) {
		String reason = DemoManifest.REJECT_REASONS.get(this.rejectTurn++ % DemoManifest.REJECT_REASONS.size());
		count("rejected:" + reason, 1);
		int year = 2014 + this.random.nextInt(12);
		boolean early = this.random.nextBoolean();
		return DemoFormats.breakRow(source, reason, values, year, early);
	}

}
