package cl.sernac.cifras.report;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.opencsv.CSVWriterBuilder;
import com.opencsv.ICSVWriter;

/**
 * A CSV table for people and spreadsheets: UTF-8, comma-separated, a header row, quotes
 * only where needed, and every text cell that a spreadsheet would take for a formula
 * neutralized.
 */
public final class CsvTable {

	private final List<String> header;

	private final List<String[]> rows = new ArrayList<>();

	public CsvTable(List<String> header) {
		this.header = List.copyOf(header);
	}

	public CsvTable row(Object... cells) {
		if (cells.length != this.header.size()) {
			throw new IllegalArgumentException("Expected " + this.header.size() + " cells, got " + cells.length);
		}
		String[] row = new String[cells.length];
		for (int i = 0; i < cells.length; i++) {
			row[i] = cell(cells[i]);
		}
		this.rows.add(row);
		return this;
	}

	public int size() {
		return this.rows.size();
	}

	public void writeTo(Path file) throws IOException {
		AtomicFiles.writeUtf8(file, this::writeTo);
	}

	public void writeTo(Writer out) throws IOException {
		ICSVWriter writer = new CSVWriterBuilder(out).withLineEnd("\n").build();
		writer.writeNext(this.header.toArray(String[]::new), false);
		for (String[] row : this.rows) {
			writer.writeNext(row, false);
		}
		writer.flush();
	}

	static String cell(Object value) {
		if (value == null) {
			return "";
		}
		if (value instanceof Number) {
			return value.toString();
		}
		return neutralize(value.toString());
	}

	/**
	 * Cells starting with {@code = + - @}, a tab or a carriage return run as formulas in
	 * spreadsheets (CSV injection); a leading apostrophe makes them plain text.
	 */
	public static String neutralize(String text) {
		if (!text.isEmpty()) {
			char first = text.charAt(0);
			if (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r') {
				return "'" + text;
			}
		}
		return text;
	}

}
