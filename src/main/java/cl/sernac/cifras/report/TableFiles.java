package cl.sernac.cifras.report;

import cl.sernac.cifras.support.ChileanFormat;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.opencsv.CSVWriterBuilder;
import com.opencsv.ICSVWriter;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.AreaReference;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFTable;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes planners' tables: one CSV per table and one workbook with a sheet per table.
 * <p>
 * The CSV files are for a spreadsheet set up for Chile: UTF-8 with a byte-order mark (so
 * that Excel reads the accents), {@code ;} between fields, decimals with a comma
 * ({@code 12,5}) and quantities without thousands separators ({@code 98305}): a separator
 * would make {@code 1.030} read as one and three hundredths wherever the decimal mark is
 * a point. The workbook opens on a sheet of notes (title, office, period, source,
 * production date and definitions), then holds each table as a formatted Excel table with
 * a frozen header: numbers as numbers, formatted {@code #,##0}, {@code 0,0 %} and
 * {@code +0,0 pp}, which each spreadsheet shows with its own decimal mark. Text cells
 * that a spreadsheet would run as a formula are neutralized in both.
 */
final class TableFiles {

	static final String WORKBOOK = "tables/sernac_en_cifras.xlsx";

	/** The workbook's first sheet. */
	static final String NOTES = "Notas";

	private static final String TABLE_STYLE = "TableStyleMedium2";

	private static final char SEPARATOR = ';';

	private TableFiles() {
	}

	static void writeCsv(Table table, Path outputDir) throws IOException {
		AtomicFiles.writeUtf8(outputDir.resolve(table.csvFile()), (out) -> writeCsv(table, out));
	}

	static void writeCsv(Table table, Writer out) throws IOException {
		out.write('\uFEFF');
		ICSVWriter writer = new CSVWriterBuilder(out).withSeparator(SEPARATOR).withLineEnd("\r\n").build();
		writer.writeNext(table.columns().stream().map((c) -> CsvTable.neutralize(c.name())).toArray(String[]::new),
				false);
		for (List<Object> row : table.rows()) {
			String[] cells = new String[row.size()];
			for (int i = 0; i < cells.length; i++) {
				cells[i] = csvCell(row.get(i), table.columns().get(i).kind());
			}
			writer.writeNext(cells, false);
		}
		writer.flush();
	}

	static String csvCell(Object value, Table.Kind kind) {
		if (value == null) {
			return "";
		}
		return switch (kind) {
			case TEXT -> CsvTable.neutralize(value.toString());
			case PLAIN, COUNT -> String.valueOf(((Number) value).longValue());
			case SHARE, CHANGE, POINTS -> ChileanFormat.plainDecimal((BigDecimal) value);
		};
	}

	static void writeWorkbook(Cover cover, List<Table> tables, Path file) throws IOException {
		Files.createDirectories(file.toAbsolutePath().getParent());
		Path temp = Files.createTempFile(file.toAbsolutePath().getParent(), "." + file.getFileName(), ".tmp");
		try {
			try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(temp)) {
				workbook.getProperties().getCoreProperties().setCreator("Cifras");
				workbook.getProperties().getCoreProperties().setTitle(cover.title());
				Styles styles = new Styles(workbook);
				addNotes(workbook, styles, cover, tables);
				for (Table table : tables) {
					addSheet(workbook, styles, table);
				}
				workbook.write(out);
			}
			AtomicFiles.move(temp, file);
		}
		finally {
			Files.deleteIfExists(temp);
		}
	}

	/**
	 * The first sheet: what the workbook is, where its figures come from, what its words
	 * mean, and which sheet holds which table.
	 */
	private static void addNotes(XSSFWorkbook workbook, Styles styles, Cover cover, List<Table> tables) {
		XSSFSheet sheet = workbook.createSheet(NOTES);
		int r = 0;
		cell(styles, sheet, r++, 0, cover.title(), styles.title);
		cell(styles, sheet, r++, 0, cover.office(), styles.text);
		cell(styles, sheet, r++, 0, "Período: " + cover.period(), styles.text);
		cell(styles, sheet, r++, 0, cover.source(), styles.text);
		cell(styles, sheet, r++, 0, "Producido el " + cover.produced(), styles.text);
		r++;
		cell(styles, sheet, r++, 0, "Notas y definiciones", styles.heading);
		for (ReportNotes.Note note : cover.notes()) {
			cell(styles, sheet, r, 0, note.term(), styles.term);
			cell(styles, sheet, r++, 1, note.text(), styles.wrapped);
		}
		r++;
		cell(styles, sheet, r++, 0, "Hojas del libro", styles.heading);
		for (Table table : tables) {
			cell(styles, sheet, r, 0, table.sheet(), styles.term);
			cell(styles, sheet, r++, 1, table.title(), styles.wrapped);
		}
		sheet.setColumnWidth(0, 34 * 256);
		sheet.setColumnWidth(1, 100 * 256);
	}

	private static void cell(Styles styles, XSSFSheet sheet, int row, int column, String text, CellStyle style) {
		Row r = (sheet.getRow(row) != null) ? sheet.getRow(row) : sheet.createRow(row);
		Cell cell = r.createCell(column);
		cell.setCellValue(text);
		cell.setCellStyle(CsvTable.neutralize(text).equals(text) ? style : styles.quoted(style));
	}

	private static void addSheet(XSSFWorkbook workbook, Styles styles, Table table) {
		XSSFSheet sheet = workbook.createSheet(table.sheet());
		List<Table.Column> columns = table.columns();
		int[] widths = new int[columns.size()];
		Row header = sheet.createRow(0);
		Set<String> names = new HashSet<>();
		for (int c = 0; c < columns.size(); c++) {
			Cell cell = header.createCell(c);
			// an Excel table's column names are unique
			String name = columns.get(c).name();
			for (int n = 2; !names.add(name); n++) {
				name = columns.get(c).name() + " (" + n + ")";
			}
			cell.setCellValue(name);
			cell.setCellStyle(styles.header);
			// long names wrap over two or three lines rather than widen the column
			widths[c] = Math.min(Math.max(name.length(), 8), 22);
		}
		int r = 1;
		for (List<Object> values : table.rows()) {
			Row row = sheet.createRow(r++);
			for (int c = 0; c < columns.size(); c++) {
				Object value = values.get(c);
				if (value == null) {
					continue;
				}
				Cell cell = row.createCell(c);
				Table.Kind kind = columns.get(c).kind();
				if (kind == Table.Kind.TEXT) {
					String text = value.toString();
					cell.setCellValue(text);
					// a quote prefix keeps the text from ever being taken for a formula,
					// even when edited
					cell.setCellStyle(CsvTable.neutralize(text).equals(text) ? styles.text : styles.quotedText);
					widths[c] = Math.min(Math.max(widths[c], text.length() + 2), 60);
				}
				else {
					cell.setCellValue(((Number) value).doubleValue());
					cell.setCellStyle(styles.number(kind));
					widths[c] = Math.max(widths[c], ChileanFormat.integer(((Number) value).longValue()).length() + 6);
				}
			}
		}
		for (int c = 0; c < widths.length; c++) {
			sheet.setColumnWidth(c, (widths[c] + 2) * 256);
		}
		sheet.createFreezePane(0, 1);
		if (!table.rows().isEmpty()) {
			// a formatted Excel table: banded rows, a filter on every column
			XSSFTable excel = sheet.createTable(new AreaReference(new CellReference(0, 0),
					new CellReference(table.rows().size(), columns.size() - 1), SpreadsheetVersion.EXCEL2007));
			excel.setName("T_" + table.name());
			excel.setDisplayName("T_" + table.name());
			excel.setStyleName(TABLE_STYLE);
			excel.getCTTable().getTableStyleInfo().setShowRowStripes(true);
			excel.updateHeaders();
		}
	}

	private static final class Styles {

		private final CellStyle header;

		private final CellStyle text;

		private final CellStyle quotedText;

		private final CellStyle plain;

		private final CellStyle count;

		private final CellStyle share;

		private final CellStyle change;

		private final CellStyle points;

		private final CellStyle title;

		private final CellStyle heading;

		private final CellStyle term;

		private final CellStyle wrapped;

		private final XSSFWorkbook workbook;

		Styles(XSSFWorkbook workbook) {
			this.workbook = workbook;
			Font bold = workbook.createFont();
			bold.setBold(true);
			this.header = workbook.createCellStyle();
			this.header.setFont(bold);
			this.header.setWrapText(true);
			this.header.setVerticalAlignment(VerticalAlignment.TOP);
			this.text = workbook.createCellStyle();
			this.quotedText = workbook.createCellStyle();
			this.quotedText.setQuotePrefixed(true);
			this.plain = numberStyle(workbook, "0");
			this.count = numberStyle(workbook, "#,##0");
			// shares are stored in percent (44.3), so the sign is text, not Excel's %
			this.share = numberStyle(workbook, "0.0\" %\"");
			this.change = numberStyle(workbook, "+0.0\" %\";-0.0\" %\";0.0\" %\"");
			this.points = numberStyle(workbook, "+0.0\" pp\";-0.0\" pp\";0.0\" pp\"");
			Font large = workbook.createFont();
			large.setBold(true);
			large.setFontHeightInPoints((short) 16);
			this.title = workbook.createCellStyle();
			this.title.setFont(large);
			Font medium = workbook.createFont();
			medium.setBold(true);
			medium.setFontHeightInPoints((short) 13);
			this.heading = workbook.createCellStyle();
			this.heading.setFont(medium);
			this.term = workbook.createCellStyle();
			this.term.setFont(bold);
			this.term.setVerticalAlignment(VerticalAlignment.TOP);
			this.wrapped = workbook.createCellStyle();
			this.wrapped.setWrapText(true);
			this.wrapped.setVerticalAlignment(VerticalAlignment.TOP);
		}

		CellStyle number(Table.Kind kind) {
			return switch (kind) {
				case PLAIN -> this.plain;
				case COUNT -> this.count;
				case SHARE -> this.share;
				case CHANGE -> this.change;
				case POINTS -> this.points;
				case TEXT -> this.text;
			};
		}

		/** The same style with a quote prefix, for text that looks like a formula. */
		CellStyle quoted(CellStyle style) {
			CellStyle quoted = this.workbook.createCellStyle();
			quoted.cloneStyleFrom(style);
			quoted.setQuotePrefixed(true);
			return quoted;
		}

		private static CellStyle numberStyle(XSSFWorkbook workbook, String format) {
			CellStyle style = workbook.createCellStyle();
			style.setDataFormat(workbook.createDataFormat().getFormat(format));
			return style;
		}

	}

	/**
	 * What the notes sheet says about the workbook.
	 *
	 * @param title {@code SERNAC en cifras}
	 * @param office {@code Dirección Regional de Valparaíso}
	 * @param period {@code 2014-2016}
	 * @param source the source line ({@link ReportNotes#source})
	 * @param produced the production date, {@code 02-12-2026}
	 * @param notes the definitions ({@link ReportNotes#definitions})
	 */
	record Cover(String title, String office, String period, String source, String produced,
			List<ReportNotes.Note> notes) {
	}

}
