package cl.sernac.cifras.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.opencsv.CSVWriterBuilder;
import com.opencsv.ICSVWriter;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes planners' tables: one CSV per table and one workbook with a sheet per table.
 * <p>
 * The CSV files are for a spreadsheet set up for Chile: UTF-8 with a byte-order mark (so
 * that Excel reads the accents), {@code ;} between fields, decimals with a comma
 * ({@code 12,5}) and quantities without thousands separators ({@code 98305}): a separator
 * would make {@code 1.030} read as one and three hundredths wherever the decimal mark is
 * a point. The workbook holds numbers as numbers, formatted {@code #,##0} and
 * {@code 0,0}, which each spreadsheet shows in its own locale. Text cells that a
 * spreadsheet would run as a formula are neutralized in both.
 */
final class TableFiles {

	static final String WORKBOOK = "tables/sernac_en_cifras.xlsx";

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

	static void writeWorkbook(List<Table> tables, Path file) throws IOException {
		Files.createDirectories(file.toAbsolutePath().getParent());
		Path temp = Files.createTempFile(file.toAbsolutePath().getParent(), "." + file.getFileName(), ".tmp");
		try {
			try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(temp)) {
				workbook.getProperties().getCoreProperties().setCreator("Cifras");
				workbook.getProperties().getCoreProperties().setTitle("SERNAC en cifras");
				Styles styles = new Styles(workbook);
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

	private static void addSheet(XSSFWorkbook workbook, Styles styles, Table table) {
		XSSFSheet sheet = workbook.createSheet(table.sheet());
		List<Table.Column> columns = table.columns();
		int[] widths = new int[columns.size()];
		Row header = sheet.createRow(0);
		for (int c = 0; c < columns.size(); c++) {
			Cell cell = header.createCell(c);
			cell.setCellValue(columns.get(c).name());
			cell.setCellStyle(styles.header);
			widths[c] = Math.min(Math.max(columns.get(c).name().length(), 8), 40);
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
				}
			}
		}
		for (int c = 0; c < widths.length; c++) {
			sheet.setColumnWidth(c, (widths[c] + 2) * 256);
		}
		sheet.createFreezePane(0, 1);
		if (!table.rows().isEmpty()) {
			sheet.setAutoFilter(new CellRangeAddress(0, table.rows().size(), 0, columns.size() - 1));
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

		Styles(XSSFWorkbook workbook) {
			Font bold = workbook.createFont();
			bold.setBold(true);
			this.header = workbook.createCellStyle();
			this.header.setFont(bold);
			this.header.setWrapText(true);
			this.header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
			this.header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
			this.header.setBorderBottom(BorderStyle.THIN);
			this.text = workbook.createCellStyle();
			this.quotedText = workbook.createCellStyle();
			this.quotedText.setQuotePrefixed(true);
			this.plain = numberStyle(workbook, "0");
			this.count = numberStyle(workbook, "#,##0");
			this.share = numberStyle(workbook, "0.0");
			this.change = numberStyle(workbook, "+0.0;-0.0;0.0");
		}

		CellStyle number(Table.Kind kind) {
			return switch (kind) {
				case PLAIN -> this.plain;
				case COUNT -> this.count;
				case SHARE -> this.share;
				case CHANGE, POINTS -> this.change;
				case TEXT -> this.text;
			};
		}

		private static CellStyle numberStyle(XSSFWorkbook workbook, String format) {
			CellStyle style = workbook.createCellStyle();
			style.setDataFormat(workbook.createDataFormat().getFormat(format));
			return style;
		}

	}

}
