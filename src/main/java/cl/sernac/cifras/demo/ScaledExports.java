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

	/** Fixed-date national holidays (month * 100 + day): offices are closed. */
	private static final Set<Integer> HOLIDAYS = Set.of(101, 501, 521, 918, 919, 1225);

	/** Comunas the mobile unit never reaches: the islands. */
	private static final Set<String> NOT_VISITED = Set.of("05104", "05201");

	private static final List<String> UNKNOWN_COMUNAS = List.of("Villa Inexistente", "Sector Sin Nombre",
			"Población Los Aromos");

	private static final List<String> UNKNOWN_REGIONS = List.of("S/I", "Sin información");

	private static final List<String> REASONS = List.of("missing-key", "bad-date", "unknown-type", "field-count",
			"date-out-of-range");

	private static final String[] INSTITUTIONS = { "ChileAtiende", "Instituto de Previsión Social",
			"Servicio de Registro Civil e Identificación" };

	/**
	 * A municipal platform: who attends, the comunas it serves and its share of intake.
	 */
	private record Municipio(String name, List<String> home, int weight) {
	}

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

	/** How a row is broken when it is to be rejected. */
	private record Broken(String[] values, String extraField, boolean dropLast) {
	}

	private final Random random;

	private final DemoGeo geo;

	private final List<Municipio> municipios;

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
		this.municipios = List.of(municipio("Valparaíso", "05101", 14), municipio("Viña del Mar", "05109", 14),
				municipio("Quilpué", "05801", 9), municipio("Villa Alemana", "05804", 7),
				municipio("San Antonio", "05601", 7), municipio("Quillota", "05501", 7),
				municipio("Los Andes", "05301", 6), municipio("San Felipe", "05701", 6),
				municipio("La Calera", "05502", 4), municipio("Limache", "05802", 4), municipio("Concón", "05103", 4),
				new Municipio("Gobernación Provincial de San Antonio", codes(geo.province("056")), 3),
				municipio("La Ligua", "05401", 3), municipio("Casablanca", "05102", 3),
				municipio("Quintero", "05107", 3), municipio("Llaillay", "05703", 2), municipio("Olmué", "05803", 2),
				new Municipio("Gobernación Provincial de Quillota", codes(geo.province("055")), 2),
				municipio("Cartagena", "05603", 2), municipio("El Quisco", "05604", 2),
				municipio("Cabildo", "05402", 2), municipio("Santo Domingo", "05606", 1));
		this.municipioWeight = this.municipios.stream().mapToInt(Municipio::weight).sum();
		this.movilPool = geo.comunas.stream().filter((c) -> !NOT_VISITED.contains(c.code())).toList();
	}

	private static Municipio municipio(String comuna, String code, int weight) {
		return new Municipio("Municipalidad de " + comuna, List.of(code), weight);
	}

	private static List<String> codes(List<DemoGeo.Comuna> comunas) {
		return comunas.stream().map(DemoGeo.Comuna::code).toList();
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
		String copy = name.replace(".csv", " (copia).csv");
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
		try (Writer out = DemoWriter.open(this.directory.resolve(DemoWriter.NOTE), StandardCharsets.UTF_8, false)) {
			out.write("recordar pedir export de diciembre al call center\n");
			out.write("el portal llegó dos veces (copia), idem municipal\n");
		}
		String summary = "callcenter_resumen_" + first.getYear() + ".csv";
		try (Writer out = DemoWriter.open(this.directory.resolve(summary), DemoSource.CALLCENTER.charset, false)) {
			out.write("MES;TOTAL\r\n");
			for (int m = 1; m <= 12; m++) {
				out.write(YearMonth.of(first.getYear(), m) + ";" + (40_000 + this.random.nextInt(20_000)) + "\r\n");
			}
		}
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
			String[] header = this.layout.header().toArray(String[]::new);
			write(this.out, this.layout, header, true, false);
			if (this.twin != null) {
				write(this.twin, this.twinLayout, header, true, false);
			}
		}

		/** An all-empty row (skipped by a correct count). */
		void empty() throws IOException {
			empty(this.out, this.layout);
			if (this.twin != null) {
				empty(this.twin, this.twinLayout);
			}
		}

		private void empty(Writer writer, DemoWriter.Layout as) throws IOException {
			for (int i = 0; i < as.header().size(); i++) {
				if (i > 0) {
					writer.write(this.source.delimiter);
				}
				if (as.quotedEmptyRows()) {
					writer.write("\"\"");
				}
			}
			writer.write(this.source.lineEnd);
		}

		/** Writes a data row given in canonical column order. */
		void row(String[] values, String extraField, boolean dropLast) throws IOException {
			int[] order = this.layout.order();
			int last = dropLast ? order.length - 1 : order.length;
			String[] fields = new String[last + ((extraField != null) ? 1 : 0)];
			for (int i = 0; i < last; i++) {
				int index = order[i];
				fields[i] = (index >= 0) ? values[index] : extraValue(this.source);
			}
			if (extraField != null) {
				fields[last] = extraField;
			}
			write(this.out, this.layout, fields, false, true);
			if (this.twin != null) {
				write(this.twin, this.twinLayout, fields, false, false);
			}
			this.rows++;
		}

		private void write(Writer writer, DemoWriter.Layout as, String[] fields, boolean header, boolean tally)
				throws IOException {
			if (header && as.leadingEmptyRow()) {
				empty(writer, as);
			}
			for (int i = 0; i < fields.length; i++) {
				if (i > 0) {
					writer.write(this.source.delimiter);
				}
				field(writer, as, fields[i], tally);
			}
			writer.write(this.source.lineEnd);
		}

		private void field(Writer writer, DemoWriter.Layout as, String field, boolean tally) throws IOException {
			boolean quote = as.quoteAll();
			boolean multiLine = false;
			for (int i = 0; i < field.length(); i++) {
				char c = field.charAt(i);
				if (c == this.source.delimiter || c == '"' || c == '\r') {
					quote = true;
				}
				else if (c == '\n') {
					quote = true;
					multiLine = true;
				}
			}
			if (multiLine && tally) {
				count("multi-line-fields-written", 1);
			}
			if (quote) {
				writer.write('"');
				writer.write((field.indexOf('"') >= 0) ? field.replace("\"", "\"\"") : field);
				writer.write('"');
			}
			else {
				writer.write(field);
			}
		}

		/**
		 * A fresh row: maybe broken (rejected), first delivered in a wrong version or
		 * without its folio (corrected by the next export), corrected months later, or
		 * delivered late by the next export; rows of the last days of the month are
		 * repeated by the next export.
		 */
		void fresh(String[] values, int dayOfMonth, Fate fate) throws IOException {
			if (fate == Fate.REJECT) {
				Broken broken = breakRow(this.source, values);
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
					first[folioColumn(this.source)] = "";
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
				empty(this.out, this.layout);
			}
			this.out.close();
			if (this.twin != null) {
				for (int i = 0; i < this.twinLayout.trailingEmptyRows(); i++) {
					empty(this.twin, this.twinLayout);
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

	private static final Map<DemoSource, String[]> REORDERED_HEADERS = new EnumMap<>(DemoSource.class);

	private static final Map<DemoSource, int[]> REORDERED = new EnumMap<>(DemoSource.class);

	static {
		reordered(DemoSource.CALLCENTER, new int[] { 6, 0, 3, 7, 2, 4, 5, 1, -1 }, "COMUNA", "ID_LLAMADA",
				"TIPO_ATENCION", "DURACIÓN_SEG", "RUT", "MERCADO", "REGIÓN", "FECHA_HORA", "EXTRA_CALLCENTER");
		reordered(DemoSource.PORTAL, new int[] { 1, 0, 4, 2, 3, -1, 7, 6, 5, 8, 9, 10 }, "fecha_ingreso", "folio",
				"canal_origen", "tipo_solicitud", "subtipo", "id_interno", "comuna", "region", "rut_consumidor",
				"mercado", "proveedor", "descripcion");
		reordered(DemoSource.OFICINA, new int[] { 1, 2, 0, 3, 4, 7, 5, 6, 8, -1 }, "FECHA", "HORA", "N_ATENCIÓN",
				"TIPO", "SUBTIPO", "COMUNA", "RUT", "NOMBRE", "MATERIA", "OBSERVACIONES");
		reordered(DemoSource.MUNICIPAL, new int[] { 2, 0, 1, 3, 5, 4, 6, 7, -1 }, "Fecha", "Municipio", "ID Registro",
				"Tipo de Registro", "RUT", "Folio SERNAC", "Comuna Consumidor", "Mercado", "Observación");
		reordered(DemoSource.MOVIL, new int[] { 3, 0, 1, 4, 5, 6, -1, 2 }, "correlativo", "fecha", "comuna_visitada",
				"tipo", "rut", "mercado", "observaciones", "programa");
		reordered(DemoSource.CONVENIO, new int[] { 2, 6, 4, 3, 5, 0, 1, -1 }, "fecha_recepcion", "comuna",
				"folio_sernac", "tipo", "rut", "institucion", "id_caso", "EXTRA_CONVENIO");
	}

	private static void reordered(DemoSource source, int[] order, String... header) {
		REORDERED.put(source, order);
		REORDERED_HEADERS.put(source, header);
	}

	/** Draws how this month's file of a source comes: mostly as the source writes it. */
	private DemoWriter.Layout layout(DemoSource source) {
		double resave = this.random.nextDouble();
		double reorder = this.random.nextDouble();
		int variant = this.random.nextInt(4);
		int[] order = new int[source.columns.size()];
		Arrays.setAll(order, (i) -> i);
		List<String> header = source.columns;
		if (reorder < REORDER_RATE) {
			order = REORDERED.get(source);
			header = List.of(REORDERED_HEADERS.get(source));
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
					trailing = (source == DemoSource.MUNICIPAL) ? 2 : 3;
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
					trailing = 2;
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

	private String extraValue(DemoSource source) {
		int n = this.extraCounter++;
		return switch (source) {
			case PORTAL -> Integer.toString(500_000 + n);
			case MOVIL -> (n % 9 == 4) ? "Lluvia; poca asistencia, se cerró antes" : "";
			default -> "";
		};
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
			if (day.getDayOfWeek().getValue() <= 5 && !HOLIDAYS.contains(day.getMonthValue() * 100 + d)) {
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
						&& !values[folioColumn(export.source)].isEmpty()) {
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
		return DemoPlan.split(budget, weights);
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
		String type = (this.random.nextInt(1000) < 977) ? DemoPlan.CONSULTA : DemoPlan.RECLAMO;
		int draw = this.random.nextInt(100);
		String written = (draw < 65) ? type : (draw < 90) ? " " + type.toLowerCase(Locale.ROOT) : capitalized(type);
		int duration = 40 + this.random.nextInt(300) + ((this.random.nextInt(4) == 0) ? this.random.nextInt(1500) : 0);
		String[] values = { Long.toString(this.callId), callTime(day, second), rutOrEmpty(12), written,
				DemoFake.market(this.random), this.geo.region(this.random),
				this.geo.render(this.geo.pick(this.random), this.random), Integer.toString(duration) };
		this.callId += 1 + this.random.nextInt(3);
		return values;
	}

	private String[] oficina(LocalDate day, int second) {
		int draw = this.random.nextInt(1000);
		String type;
		String subtype = "";
		if (draw < 5) {
			type = (draw < 4) ? "SONI" : "Soni";
			int sub = this.random.nextInt(100);
			subtype = (sub < 30) ? "Disconformidad" : (sub < 98) ? "Reconocimiento" : "Sugerencia";
			if (this.random.nextInt(10) == 0) {
				subtype = subtype.toUpperCase(Locale.ROOT);
			}
		}
		else {
			String canonical = (draw < 265) ? DemoPlan.RECLAMO : DemoPlan.CONSULTA;
			int spelling = this.random.nextInt(100);
			type = (spelling < 85) ? capitalized(canonical)
					: (spelling < 93) ? canonical : canonical.toLowerCase(Locale.ROOT);
		}
		return new String[] { Integer.toString(this.officeId++), officeDate(day), officeTime(second), type, subtype,
				rutOrEmpty(1), DemoFake.name(this.random), this.geo.render(this.geo.pick(this.random), this.random),
				matter() };
	}

	private String[] municipal(LocalDate day, int second, boolean mayForward) {
		Municipio municipio = pickMunicipio();
		String id = Integer.toString(this.municipalIds.merge(municipio.name(), 1, Integer::sum));
		String type = (this.random.nextInt(100) < 52) ? DemoPlan.CONSULTA : DemoPlan.RECLAMO;
		double forward = type.equals(DemoPlan.RECLAMO) ? MUNICIPAL_FORWARD_RECLAMO : MUNICIPAL_FORWARD_CONSULTA;
		String folio = (mayForward && this.random.nextDouble() < forward)
				? forward(day.atStartOfDay().plusSeconds(second), type, "MUNICIPAL") : "";
		DemoGeo.Comuna comuna = (this.random.nextInt(100) < 75)
				? this.geo.byCode(municipio.home().get(this.random.nextInt(municipio.home().size())))
				: this.geo.pick(this.random);
		int draw = this.random.nextInt(100);
		String written = (draw < 88) ? capitalized(type) : (draw < 96) ? type : type.toLowerCase(Locale.ROOT);
		return new String[] { municipio.name(), id, municipalDate(day), written, folio, rutOrEmpty(3),
				this.geo.render(comuna, this.random), DemoFake.market(this.random) };
	}

	private Municipio pickMunicipio() {
		int ticket = this.random.nextInt(this.municipioWeight);
		for (Municipio municipio : this.municipios) {
			ticket -= municipio.weight();
			if (ticket < 0) {
				return municipio;
			}
		}
		throw new IllegalStateException();
	}

	private String[] convenio(LocalDate day, int second, boolean mayForward) {
		int ticket = this.random.nextInt(10);
		String institution = INSTITUTIONS[(ticket < 6) ? 0 : (ticket < 9) ? 1 : 2];
		String id = Integer.toString(this.partnerIds.merge(institution, 10_001, (a, b) -> a + 1));
		String type = (this.random.nextInt(100) < 85) ? DemoPlan.RECLAMO : DemoPlan.CONSULTA;
		String folio = (mayForward && this.random.nextDouble() < CONVENIO_FORWARD)
				? forward(day.atStartOfDay().plusSeconds(second), type, "CONVENIO") : "";
		String written = type.substring(0, 1);
		if (this.random.nextInt(30) == 0) {
			written = written.toLowerCase(Locale.ROOT);
		}
		return new String[] { institution, id, partnerDate(day), written, folio, rutOrEmpty(2),
				this.geo.render(this.geo.pick(this.random), this.random) };
	}

	/**
	 * Registers a case centrally: its portal row is written in the export of its central
	 * entry.
	 */
	private String forward(LocalDateTime intake, String type, String channel) {
		LocalDateTime entry = centralEntry(intake);
		String portalType = type;
		if (this.random.nextDouble() < FORWARD_TYPE_DIFFERS) {
			portalType = type.equals(DemoPlan.CONSULTA) ? DemoPlan.RECLAMO : DemoPlan.CONSULTA;
			count("central-cases-where-portal-type-differs", 1);
		}
		String folio = folio(portalType, entry.getYear());
		this.pending.add(new Forwarded(entry, this.forwardSequence++, folio, portalType, channel));
		count("central-cases-forwarded-by-an-intake-row", 1);
		if (entry.getMonthValue() != intake.getMonthValue()) {
			count("central-cases-entered-in-a-later-month", 1);
		}
		return folio;
	}

	private LocalDateTime centralEntry(LocalDateTime intake) {
		int draw = this.random.nextInt(100);
		if (draw < 25) {
			return intake.plusMinutes(20 + this.random.nextInt(240));
		}
		int days = (draw < 50) ? 1 : (draw < 65) ? 2 : (draw < 75) ? 3 : 4 + this.random.nextInt(11);
		int minute = 480 + this.random.nextInt(720);
		return intake.toLocalDate().plusDays(days).atTime(minute / 60, minute % 60, this.random.nextInt(60));
	}

	private String folio(String type, int year) {
		char letter = type.charAt(0);
		int number = this.folios.merge(letter + "-" + year, 1, Integer::sum);
		String digits = Integer.toString(number);
		return letter + "-" + year + "-" + ((digits.length() < 7) ? "0000000".substring(digits.length()) : "") + digits;
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
			if (day.getDayOfWeek() != DayOfWeek.SUNDAY && !HOLIDAYS.contains(day.getMonthValue() * 100 + d)) {
				days.add(day);
			}
		}
		visits = Math.min(visits, days.size() * this.movilPool.size());
		double[] weights = new double[visits];
		for (int i = 0; i < visits; i++) {
			weights[i] = 0.4 + this.random.nextDouble();
		}
		int[] sizes = DemoPlan.split(budget, weights);
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
			int draw = this.random.nextInt(100);
			String spelled = (comuna.alias() != null && draw < 50) ? comuna.alias()
					: (draw < 80) ? comuna.name() : (draw < 90) ? DemoGeo.plain(comuna.name()).toUpperCase(Locale.ROOT)
							: DemoGeo.plain(comuna.name());
			String programme = DemoFake.programme(this.random);
			String date = movilDate(when[v]);
			for (int correlativo = 1; correlativo <= sizes[v]; correlativo++) {
				Fate fate = fate();
				String type = (this.random.nextInt(100) < 80) ? "consulta" : "reclamo";
				if (this.random.nextInt(20) == 0) {
					type = capitalized(type);
				}
				String[] values = { date, spelled, programme, Integer.toString(correlativo), type, rutOrEmpty(3),
						DemoFake.market(this.random) };
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
			type = "SONI";
			subtype = (draw < 4) ? "disconformidad" : (draw < 9) ? "reconocimiento" : "sugerencia";
		}
		else {
			type = (draw < 2_170) ? DemoPlan.CONSULTA : DemoPlan.RECLAMO;
		}
		String channel = "INTERNET";
		String text = null;
		if (fate == Fate.PLAIN && this.random.nextDouble() < PORTAL_ONLY_RATE && !type.equals("SONI")) {
			channel = this.random.nextBoolean() ? "MUNICIPAL" : "CONVENIO";
			text = channel.equals("MUNICIPAL") ? "Ingresado por plataforma municipal"
					: "Ingresado por servicio en convenio";
			count("portal-rows-from-a-platform-whose-intake-row-never-arrives", 1);
		}
		String folio = folio(type, day.getYear());
		return portalRow(folio, day.atStartOfDay().plusSeconds(second), type, subtype, channel, text);
	}

	private String[] centralRow(Forwarded forwarded) {
		String text = forwarded.channel().equals("MUNICIPAL") ? "Ingresado por plataforma municipal"
				: "Ingresado por servicio en convenio";
		if (this.random.nextBoolean()) {
			// the platform copied the consumer's own account into the central case
			text = text + ".\n" + description();
		}
		return portalRow(forwarded.folio(), forwarded.entry(), forwarded.type(), "", forwarded.channel(), text);
	}

	private String[] portalRow(String folio, LocalDateTime at, String type, String subtype, String channel,
			String text) {
		int draw = this.random.nextInt(100);
		String written = (draw < 94) ? type.toLowerCase(Locale.ROOT)
				: (draw < 97) ? capitalized(type) : " " + type + " ";
		String canal = !channel.equals("INTERNET") ? channel
				: (draw % 50 < 30) ? "" : (draw % 50 < 49) ? "INTERNET" : "Internet";
		return new String[] { folio, portalTime(at), written, subtype, canal, DemoFake.rut(this.random),
				this.geo.region(this.random), this.geo.render(this.geo.pick(this.random), this.random),
				DemoFake.market(this.random), DemoFake.provider(this.random), (text != null) ? text : description() };
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

	private static int rutColumn(DemoSource source) {
		return (source == DemoSource.CALLCENTER) ? 2 : 5;
	}

	private static int comunaColumn(DemoSource source) {
		return switch (source) {
			case CALLCENTER -> 6;
			case PORTAL -> 7;
			case OFICINA -> 7;
			case MUNICIPAL -> 6;
			case MOVIL -> -1;
			case CONVENIO -> 6;
		};
	}

	/** The central folio of a municipal or partner row. */
	private static int folioColumn(DemoSource source) {
		return switch (source) {
			case MUNICIPAL, CONVENIO -> 4;
			default -> throw new IllegalArgumentException(source + " carries no central folio");
		};
	}

	private static int typeColumn(DemoSource source) {
		return switch (source) {
			case CALLCENTER, OFICINA, MUNICIPAL, CONVENIO -> 3;
			case PORTAL -> 2;
			case MOVIL -> 4;
		};
	}

	private void warnings(DemoSource source, String[] values) {
		int rut = rutColumn(source);
		if (!values[rut].isEmpty() && this.random.nextDouble() < BAD_RUT_RATE) {
			values[rut] = DemoFake.withWrongCheckDigit(values[rut], this.random);
			count("warnings:rut-invalid", 1);
		}
		int comuna = comunaColumn(source);
		if (comuna >= 0 && this.random.nextDouble() < UNKNOWN_PLACE_RATE) {
			values[comuna] = DemoFake.pick(UNKNOWN_COMUNAS, this.random);
			count("warnings:comuna-unknown", 1);
		}
		int region = (source == DemoSource.CALLCENTER) ? 5 : (source == DemoSource.PORTAL) ? 6 : -1;
		if (region >= 0 && this.random.nextDouble() < UNKNOWN_PLACE_RATE) {
			values[region] = DemoFake.pick(UNKNOWN_REGIONS, this.random);
			count("warnings:region-unknown", 1);
		}
	}

	/**
	 * The wrong first version of a row the next export corrects: the other type, or
	 * another comuna.
	 */
	private void miscorrect(DemoSource source, String[] values) {
		int type = typeColumn(source);
		String folded = values[type].trim().toUpperCase(Locale.ROOT);
		String other = switch (folded) {
			case "CONSULTA", "C" -> (source == DemoSource.CONVENIO) ? "R" : "Reclamo";
			case "RECLAMO", "R" -> (source == DemoSource.CONVENIO) ? "C" : "Consulta";
			default -> null;
		};
		int comuna = comunaColumn(source);
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
			case MOVIL -> resent[1] = caseVariant(resent[1]);
			case CONVENIO -> resent[0] = caseVariant(resent[0]);
		}
		return resent;
	}

	private static String caseVariant(String value) {
		String upper = DemoGeo.plain(value).toUpperCase(Locale.ROOT);
		return upper.equals(value) ? DemoGeo.plain(value).toLowerCase(Locale.ROOT) : upper;
	}

	/** Breaks a row in exactly one way, each reason of SPEC rule 3 in turn. */
	private Broken breakRow(DemoSource source, String[] values) {
		String reason = REASONS.get(this.rejectTurn++ % REASONS.size());
		count("rejected:" + reason, 1);
		String[] v = values.clone();
		String year = Integer.toString(2014 + this.random.nextInt(12));
		boolean early = this.random.nextBoolean();
		String extra = null;
		boolean dropLast = false;
		switch (source) {
			case CALLCENTER -> {
				switch (reason) {
					case "missing-key" -> v[0] = early ? "" : "   ";
					case "bad-date" -> v[1] = early ? "31/02/" + year + " 10:14:00" : year + "-10-07 11:20:00";
					case "unknown-type" -> v[3] = "QUEJA";
					case "field-count" -> extra = "RETAIL";
					default -> v[1] = early ? "11/03/1999 10:00:00" : "14/09/2031 10:05:00";
				}
			}
			case PORTAL -> {
				switch (reason) {
					case "missing-key" -> v[0] = "";
					case "bad-date" -> v[1] = early ? year + "-02-30T10:15:00" : "15/07/" + year + " 10:00";
					case "unknown-type" -> v[2] = early ? "queja" : "denuncia";
					case "field-count" -> {
						v[10] = "Cobro duplicado";
						extra = " sin respuesta";
					}
					default -> v[1] = early ? "1999-12-31T10:00:00" : "2031-11-05T09:12:00";
				}
			}
			case OFICINA -> {
				switch (reason) {
					case "missing-key" -> v[0] = "";
					case "bad-date" -> v[1] = early ? "31-04-" + year : year + "-07-01";
					case "unknown-type" -> v[3] = "Denuncia";
					case "field-count" -> dropLast = true;
					default -> v[1] = "12-03-1914";
				}
			}
			case MUNICIPAL -> {
				switch (reason) {
					case "missing-key" -> v[early ? 1 : 0] = "";
					case "bad-date" -> v[2] = early ? "31/2/" + year : year + "-08-12";
					case "unknown-type" -> v[3] = "Sugerencia";
					case "field-count" -> extra = "COMERCIO";
					default -> v[2] = "5/5/2031";
				}
			}
			case MOVIL -> {
				switch (reason) {
					case "missing-key" -> v[3] = "";
					case "bad-date" -> v[0] = year + "-09-31";
					case "unknown-type" -> v[4] = "orientacion";
					case "field-count" -> dropLast = true;
					default -> v[0] = "2031-01-01";
				}
			}
			case CONVENIO -> {
				switch (reason) {
					case "missing-key" -> v[1] = "";
					case "bad-date" -> v[2] = year + "0631";
					case "unknown-type" -> v[3] = "S";
					case "field-count" -> extra = "";
					default -> v[2] = "19991231";
				}
			}
		}
		return new Broken(v, extra, dropLast);
	}

	private String rutOrEmpty(int percentEmpty) {
		return (this.random.nextInt(100) < percentEmpty) ? "" : DemoFake.rut(this.random);
	}

	private static String capitalized(String word) {
		String lower = word.toLowerCase(Locale.ROOT);
		return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
	}

	// ---- dates and times, written without a formatter (this is the hot loop)
	// ------------------

	private static void two(StringBuilder text, int value) {
		if (value < 10) {
			text.append('0');
		}
		text.append(value);
	}

	private static void clock(StringBuilder text, int second, boolean withSeconds) {
		two(text, second / 3600);
		text.append(':');
		two(text, (second / 60) % 60);
		if (withSeconds) {
			text.append(':');
			two(text, second % 60);
		}
	}

	/** {@code dd/MM/yyyy HH:mm:ss} */
	static String callTime(LocalDate day, int second) {
		StringBuilder text = new StringBuilder(19);
		two(text, day.getDayOfMonth());
		text.append('/');
		two(text, day.getMonthValue());
		text.append('/').append(day.getYear()).append(' ');
		clock(text, second, true);
		return text.toString();
	}

	/** {@code yyyy-MM-dd'T'HH:mm:ss} */
	static String portalTime(LocalDateTime at) {
		StringBuilder text = new StringBuilder(19);
		text.append(at.getYear()).append('-');
		two(text, at.getMonthValue());
		text.append('-');
		two(text, at.getDayOfMonth());
		text.append('T');
		clock(text, at.toLocalTime().toSecondOfDay(), true);
		return text.toString();
	}

	/** {@code dd-MM-yyyy} */
	static String officeDate(LocalDate day) {
		StringBuilder text = new StringBuilder(10);
		two(text, day.getDayOfMonth());
		text.append('-');
		two(text, day.getMonthValue());
		return text.append('-').append(day.getYear()).toString();
	}

	/** {@code HH:mm} */
	static String officeTime(int second) {
		StringBuilder text = new StringBuilder(5);
		clock(text, second, false);
		return text.toString();
	}

	/** {@code d/M/yyyy} */
	static String municipalDate(LocalDate day) {
		return day.getDayOfMonth() + "/" + day.getMonthValue() + "/" + day.getYear();
	}

	/** {@code yyyy-MM-dd} */
	static String movilDate(LocalDate day) {
		StringBuilder text = new StringBuilder(10);
		text.append(day.getYear()).append('-');
		two(text, day.getMonthValue());
		text.append('-');
		two(text, day.getDayOfMonth());
		return text.toString();
	}

	/** {@code yyyyMMdd} */
	static String partnerDate(LocalDate day) {
		StringBuilder text = new StringBuilder(8);
		text.append(day.getYear());
		two(text, day.getMonthValue());
		two(text, day.getDayOfMonth());
		return text.toString();
	}

}
