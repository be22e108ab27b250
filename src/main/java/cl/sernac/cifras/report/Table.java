package cl.sernac.cifras.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * A table planners read, written the same way as CSV, as a workbook sheet and on the
 * report page. Each column has a kind that says how its numbers are shown.
 */
public final class Table {

	private final String name;

	private final String sheet;

	private final String title;

	private final List<Column> columns;

	private final List<List<Object>> rows = new ArrayList<>();

	/**
	 * @param name the file's base name, e.g. {@code por_tipo_canal_anio}
	 * @param sheet the workbook sheet's name (at most 31 characters)
	 * @param title what the table shows, one line
	 */
	public Table(String name, String sheet, String title, Column... columns) {
		if (sheet.length() > 31) {
			throw new IllegalArgumentException("Sheet name too long: " + sheet);
		}
		this.name = name;
		this.sheet = sheet;
		this.title = title;
		this.columns = List.of(columns);
	}

	public Table(String name, String sheet, String title, List<Column> columns) {
		this(name, sheet, title, columns.toArray(Column[]::new));
	}

	public String name() {
		return this.name;
	}

	public String sheet() {
		return this.sheet;
	}

	public String title() {
		return this.title;
	}

	public List<Column> columns() {
		return this.columns;
	}

	public List<List<Object>> rows() {
		return Collections.unmodifiableList(this.rows);
	}

	/**
	 * Adds a row: text as {@link String}, numbers as {@link Number} ({@link BigDecimal}
	 * for shares and changes), null for an empty cell.
	 */
	public Table row(Object... cells) {
		if (cells.length != this.columns.size()) {
			throw new IllegalArgumentException("Expected " + this.columns.size() + " cells, got " + cells.length);
		}
		this.rows.add(Arrays.asList(cells));
		return this;
	}

	public String csvFile() {
		return "tables/" + this.name + ".csv";
	}

	public static Column text(String name) {
		return new Column(name, Kind.TEXT);
	}

	/** A number shown as it is: a year, a month, a code. */
	public static Column plain(String name) {
		return new Column(name, Kind.PLAIN);
	}

	public static Column count(String name) {
		return new Column(name, Kind.COUNT);
	}

	public static Column share(String name) {
		return new Column(name, Kind.SHARE);
	}

	public static Column change(String name) {
		return new Column(name, Kind.CHANGE);
	}

	public static Column points(String name) {
		return new Column(name, Kind.POINTS);
	}

	public record Column(String name, Kind kind) {
	}

	public enum Kind {

		/** Text. */
		TEXT,

		/** An integer that is not a quantity: years, months. Never grouped. */
		PLAIN,

		/** A quantity: thousands grouped where people read it ({@code 98.305}). */
		COUNT,

		/** A share in %, one decimal. */
		SHARE,

		/** A change in %, one decimal, signed. */
		CHANGE,

		/** A change in percentage points, one decimal, signed. */
		POINTS

	}

}
