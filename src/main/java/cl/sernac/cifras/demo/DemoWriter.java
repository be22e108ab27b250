package cl.sernac.cifras.demo;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Writes a {@link DemoPlan} as monthly export files, streaming each through a buffered
 * writer, and keeps the tallies the manifest needs (rows, rejects and warnings by file).
 */
final class DemoWriter {

	/** Files delivered a second time under another name, byte for byte. */
	static final Map<String, String> COPIES = Map.of("portal_2015_06.csv", copyName("portal_2015_06.csv"),
			"municipal_2016_03.csv", copyName("municipal_2016_03.csv"));

	static final String NOTE = "notas_analista.txt";

	static final String SUMMARY = summaryName(2015);

	private static final Set<YearMonth> CALLCENTER_RESAVED = Set.of(YearMonth.of(2014, 9), YearMonth.of(2015, 3),
			YearMonth.of(2016, 8));

	static final String PROGRAMME = "PROGRAMA";

	private static final Set<YearMonth> OFICINA_RESAVED = Set.of(YearMonth.of(2015, 11), YearMonth.of(2016, 5));

	private static final Set<YearMonth> PORTAL_BOM = Set.of(YearMonth.of(2015, 3), YearMonth.of(2015, 8),
			YearMonth.of(2016, 1));

	/**
	 * How one file is laid out: output columns as canonical indexes (-1 for an unknown
	 * extra column), header names, encoding and what a spreadsheet re-save added.
	 */
	record Layout(int[] order, List<String> header, Charset charset, boolean bom, boolean quoteAll,
			int trailingEmptyRows, boolean quotedEmptyRows, boolean leadingEmptyRow) {

		/**
		 * An export saved again by a spreadsheet: UTF-8 with a byte-order mark, every
		 * field quoted, empty rows at the end (three in the Windows exports, two in the
		 * others).
		 */
		static Layout resaved(DemoSource source, int[] order, List<String> header, boolean quotedEmptyRows) {
			return new Layout(order, header, StandardCharsets.UTF_8, true, true, resavedEmptyRows(source),
					quotedEmptyRows, false);
		}

		static int resavedEmptyRows(DemoSource source) {
			return (source == DemoSource.CALLCENTER || source == DemoSource.OFICINA) ? 3 : 2;
		}

		boolean reordered() {
			for (int i = 0; i < this.order.length; i++) {
				if (this.order[i] != i) {
					return true;
				}
			}
			return false;
		}

	}

	private final Path directory;

	private final DemoPlan plan;

	final Map<String, Integer> dataRows = new TreeMap<>();

	final Map<String, Map<String, Integer>> rejectsByFile = new TreeMap<>();

	final Map<String, Map<String, Integer>> warningsByFile = new TreeMap<>();

	final Map<String, Integer> stats = new LinkedHashMap<>();

	private int extraCounter;

	DemoWriter(Path directory, DemoPlan plan) {
		this.directory = directory;
		this.plan = plan;
	}

	static String fileName(DemoSource source, YearMonth month) {
		return String.format(Locale.ROOT, "%s_%d_%02d.csv", source.prefix, month.getYear(), month.getMonthValue());
	}

	/** The name of an export delivered a second time, byte for byte. */
	static String copyName(String name) {
		return name.replace(".csv", " (copia).csv");
	}

	/** A call-center summary of a year: a file that must not be ingested. */
	static String summaryName(int year) {
		return "callcenter_resumen_" + year + ".csv";
	}

	/**
	 * The analyst's note, which must not be ingested; {@code portal} and
	 * {@code municipal} say which of their exports came twice.
	 */
	static void writeNote(Path directory, String portal, String municipal) throws IOException {
		try (Writer out = open(directory.resolve(NOTE), StandardCharsets.UTF_8, false)) {
			out.write("recordar pedir export de diciembre al call center\n");
			out.write("el portal" + portal + " llegó dos veces (copia), idem municipal" + municipal + "\n");
		}
	}

	/**
	 * A call-center summary of calls by month, whose header lacks the required columns.
	 */
	static void writeSummary(Path directory, int year, Map<YearMonth, Integer> calls) throws IOException {
		try (Writer out = open(directory.resolve(summaryName(year)), DemoSource.CALLCENTER.charset, false)) {
			out.write("MES;TOTAL\r\n");
			for (Map.Entry<YearMonth, Integer> entry : calls.entrySet()) {
				out.write(entry.getKey() + ";" + entry.getValue() + "\r\n");
			}
		}
	}

	void writeAll() throws IOException {
		Files.createDirectories(this.directory);
		for (DemoSource source : DemoSource.values()) {
			Map<YearMonth, List<DemoRow>> byMonth = new TreeMap<>();
			for (DemoRow row : this.plan.rows.get(source)) {
				byMonth.computeIfAbsent(row.fileMonth, (m) -> new ArrayList<>()).add(row);
			}
			for (YearMonth month = DemoPlan.FIRST; !month.isAfter(DemoPlan.LAST); month = month.plusMonths(1)) {
				write(source, month, byMonth.getOrDefault(month.minusMonths(1), List.of()),
						byMonth.getOrDefault(month, List.of()));
			}
		}
		for (Map.Entry<String, String> copy : new TreeMap<>(COPIES).entrySet()) {
			Files.copy(this.directory.resolve(copy.getKey()), this.directory.resolve(copy.getValue()),
					StandardCopyOption.REPLACE_EXISTING);
			this.dataRows.put(copy.getValue(), this.dataRows.get(copy.getKey()));
		}
		writeUnknownFiles();
	}

	private void write(DemoSource source, YearMonth month, List<DemoRow> previous, List<DemoRow> current)
			throws IOException {
		String name = fileName(source, month);
		Layout layout = layout(source, month);
		int written = 0;
		try (Writer out = open(this.directory.resolve(name), layout.charset(), layout.bom())) {
			writeHeader(out, source, layout);
			for (DemoRow row : previous) {
				if (row.repeated()) {
					boolean correction = row.first != null;
					writeRecord(out, source, layout.quoteAll(),
							fields(row, (row.resent != null) ? row.resent : row.values, layout));
					count(correction ? "rows-re-sent-with-a-correction" : "rows-repeated-by-overlapping-exports");
					written++;
				}
			}
			for (DemoRow row : current) {
				writeRecord(out, source, layout.quoteAll(),
						fields(row, (row.first != null) ? row.first : row.values, layout));
				written++;
				if (row.reject != null) {
					this.rejectsByFile.computeIfAbsent(name, (n) -> new TreeMap<>()).merge(row.reject, 1, Integer::sum);
				}
				if (row.warning != null) {
					this.warningsByFile.computeIfAbsent(name, (n) -> new TreeMap<>())
						.merge(row.warning, 1, Integer::sum);
				}
			}
			for (int i = 0; i < layout.trailingEmptyRows(); i++) {
				writeEmpty(out, source, layout);
			}
		}
		this.dataRows.put(name, written);
		if (layout.quoteAll()) {
			count("files-saved-again-by-a-spreadsheet");
		}
		if (layout.reordered()) {
			count("files-with-reordered-columns");
		}
	}

	private void count(String what) {
		this.stats.merge(what, 1, Integer::sum);
	}

	private String[] fields(DemoRow row, String[] values, Layout layout) {
		List<String> fields = new ArrayList<>(layout.order().length + 1);
		for (int index : layout.order()) {
			fields.add((index >= 0) ? values[index] : extraValue(row.source));
		}
		if (row.source == DemoSource.OFICINA && layout.header().contains(PROGRAMME)) {
			fields.add((row.programme != null) ? row.programme : "");
		}
		if (row.extraField != null) {
			fields.add(row.extraField);
		}
		if (row.fieldDelta < 0) {
			fields.remove(fields.size() - 1);
		}
		String[] written = fields.toArray(String[]::new);
		int multiLine = multiLineFields(written);
		if (multiLine > 0) {
			this.stats.merge("multi-line-fields-written", multiLine, Integer::sum);
		}
		return written;
	}

	/** Values of the unknown extra columns; they must be ignored. */
	private String extraValue(DemoSource source) {
		return DemoFormats.extraValue(source, this.extraCounter++);
	}

	static Layout layout(DemoSource source, YearMonth month) {
		int size = source.columns.size();
		int[] identity = new int[size];
		Arrays.setAll(identity, (i) -> i);
		Layout plain = new Layout(identity, source.columns, source.charset, source.bom, false, 0, false, false);
		switch (source) {
			case CALLCENTER:
				if (CALLCENTER_RESAVED.contains(month)) {
					if (month.equals(YearMonth.of(2015, 3))) {
						DemoFormats.Reordering reordered = DemoFormats.REORDERED.get(source);
						return Layout.resaved(source, reordered.order(), reordered.header(), false);
					}
					return Layout.resaved(source, identity, source.columns, month.getYear() == 2016);
				}
				return plain;
			case OFICINA:
				// since 2015 the office's export carries the optional PROGRAMA column
				List<String> office = (month.getYear() >= 2015) ? withProgramme(source.columns) : source.columns;
				if (OFICINA_RESAVED.contains(month)) {
					return Layout.resaved(source, identity, office, month.getYear() == 2016);
				}
				return new Layout(identity, office, source.charset, source.bom, false, 0, false, false);
			case MUNICIPAL:
				if (month.equals(YearMonth.of(2015, 7))) {
					return Layout.resaved(source, identity, source.columns, false);
				}
				if (month.equals(YearMonth.of(2016, 2))) {
					return new Layout(identity, source.columns, source.charset, true, false, 0, false, true);
				}
				if (month.getYear() == 2016 && month.getMonthValue() >= 10) {
					List<String> upper = source.columns.stream().map((c) -> c.toUpperCase(Locale.ROOT)).toList();
					return new Layout(identity, upper, source.charset, true, false, 0, false, false);
				}
				return plain;
			case PORTAL:
				boolean bom = month.getYear() == 2014 || PORTAL_BOM.contains(month);
				if (month.equals(YearMonth.of(2016, 4))) {
					return reordered(source, bom);
				}
				return new Layout(identity, source.columns, source.charset, bom, false, 0, false, false);
			case MOVIL:
				if (month.equals(YearMonth.of(2015, 10))) {
					return reordered(source, false);
				}
				return plain;
			case CONVENIO:
				if (month.getYear() == 2015 && month.getMonthValue() >= 4 && month.getMonthValue() <= 9) {
					return reordered(source, false);
				}
				return plain;
			default:
				return plain;
		}
	}

	/** The source's columns in another order, with an unknown extra one. */
	private static Layout reordered(DemoSource source, boolean bom) {
		DemoFormats.Reordering reordered = DemoFormats.REORDERED.get(source);
		return new Layout(reordered.order(), reordered.header(), source.charset, bom, false, 0, false, false);
	}

	private static List<String> withProgramme(List<String> columns) {
		List<String> all = new ArrayList<>(columns);
		all.add(PROGRAMME);
		return List.copyOf(all);
	}

	/**
	 * A buffered writer that fails on a character the encoding cannot hold, with a BOM if
	 * asked.
	 */
	static Writer open(Path path, Charset charset, boolean bom) throws IOException {
		Writer writer = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(path),
				charset.newEncoder()
					.onMalformedInput(CodingErrorAction.REPORT)
					.onUnmappableCharacter(CodingErrorAction.REPORT)),
				1 << 16);
		if (bom) {
			writer.write('\uFEFF');
		}
		return writer;
	}

	/** The header, after an empty first row where the layout has one. */
	static void writeHeader(Writer out, DemoSource source, Layout layout) throws IOException {
		if (layout.leadingEmptyRow()) {
			writeEmpty(out, source, layout);
		}
		writeRecord(out, source, layout.quoteAll(), layout.header().toArray(String[]::new));
	}

	/**
	 * Writes one record: a field is quoted where it holds the delimiter, a quote or a
	 * line break, or always if {@code quoteAll} (as a spreadsheet saves it).
	 */
	static void writeRecord(Writer out, DemoSource source, boolean quoteAll, String[] fields) throws IOException {
		for (int i = 0; i < fields.length; i++) {
			if (i > 0) {
				out.write(source.delimiter);
			}
			String field = fields[i];
			if (quoteAll || needsQuotes(field, source.delimiter)) {
				out.write('"');
				out.write((field.indexOf('"') >= 0) ? field.replace("\"", "\"\"") : field);
				out.write('"');
			}
			else {
				out.write(field);
			}
		}
		out.write(source.lineEnd);
	}

	private static boolean needsQuotes(String field, char delimiter) {
		for (int i = 0; i < field.length(); i++) {
			char c = field.charAt(i);
			if (c == delimiter || c == '"' || c == '\n' || c == '\r') {
				return true;
			}
		}
		return false;
	}

	/**
	 * An all-empty row as wide as the header (skipped by a correct count); a spreadsheet
	 * re-save may quote its empty fields.
	 */
	static void writeEmpty(Writer out, DemoSource source, Layout layout) throws IOException {
		String[] empty = new String[layout.header().size()];
		Arrays.fill(empty, "");
		writeRecord(out, source, layout.quotedEmptyRows(), empty);
	}

	/** How many of the fields run over several lines. */
	static int multiLineFields(String[] fields) {
		int count = 0;
		for (String field : fields) {
			if (field.indexOf('\n') >= 0) {
				count++;
			}
		}
		return count;
	}

	private void writeUnknownFiles() throws IOException {
		writeNote(this.directory, " de junio 2015", " marzo 2016");
		Map<YearMonth, Integer> calls = new TreeMap<>();
		for (DemoRow row : this.plan.rows.get(DemoSource.CALLCENTER)) {
			if (row.counted != null && row.counted.year() == 2015) {
				calls.merge(row.fileMonth, 1, Integer::sum);
			}
		}
		writeSummary(this.directory, 2015, calls);
	}

	List<String> files() {
		List<String> files = new ArrayList<>(this.dataRows.keySet());
		files.add(NOTE);
		files.add(SUMMARY);
		Collections.sort(files);
		return files;
	}

}
