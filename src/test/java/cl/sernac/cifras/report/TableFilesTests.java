package cl.sernac.cifras.report;

import java.io.InputStream;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFTable;
import org.apache.poi.xssf.usermodel.XSSFTableColumn;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tables as CSV for a Chilean spreadsheet and as a workbook, formula injection
 * neutralized in both.
 */
class TableFilesTests {

	private static Table table() {
		Table table = new Table("prueba", "Prueba", "Una tabla de prueba", Table.text("Archivo"), Table.plain("Año"),
				Table.count("Registros"), Table.share("Participación (%)"), Table.points("Cambio (pp)"));
		table.row("=HYPERLINK(\"http://x\")", 2015, 98305L, new BigDecimal("44.3"), new BigDecimal("-4.9"));
		table.row("Oficina; regional \"centro\"", 2016, 1030L, null, new BigDecimal("0.0"));
		table.row("-2+3", 2016, 0L, new BigDecimal("100.0"), null);
		return table;
	}

	private static TableFiles.Cover cover() {
		return new TableFiles.Cover("SERNAC en cifras", "Dirección Regional de Valparaíso", "2014-2016",
				"Fuente: registros de atención de SERNAC, Dirección Regional de Valparaíso · Cifras, 02-12-2026",
				"02-12-2026", List.of(new ReportNotes.Note("Consulta", "El consumidor pregunta."),
						new ReportNotes.Note("=Caso", "Lo que se cuenta.")));
	}

	@Test
	void csvForASpreadsheetSetUpForChile() throws Exception {
		StringWriter out = new StringWriter();
		TableFiles.writeCsv(table(), out);
		assertThat(out.toString()).isEqualTo("\uFEFFArchivo;Año;Registros;Participación (%);Cambio (pp)\r\n"
				+ "\"'=HYPERLINK(\"\"http://x\"\")\";2015;98305;44,3;-4,9\r\n"
				+ "\"Oficina; regional \"\"centro\"\"\";2016;1030;;0,0\r\n" + "'-2+3;2016;0;100,0;\r\n");
	}

	@Test
	void workbookHoldsNumbersAsNumbersAndTextThatCannotRun(@TempDir Path dir) throws Exception {
		Path file = dir.resolve("tables/libro.xlsx");
		TableFiles.writeWorkbook(cover(), List.of(table()), file);
		try (InputStream in = Files.newInputStream(file); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
			Sheet sheet = workbook.getSheet("Prueba");
			assertThat(sheet.getRow(0).getCell(2).getStringCellValue()).isEqualTo("Registros");
			Cell count = sheet.getRow(1).getCell(2);
			assertThat(count.getCellType()).isEqualTo(CellType.NUMERIC);
			assertThat(count.getNumericCellValue()).isEqualTo(98305);
			assertThat(count.getCellStyle().getDataFormatString()).isEqualTo("#,##0");
			assertThat(sheet.getRow(1).getCell(3).getNumericCellValue()).isEqualTo(44.3);
			assertThat(sheet.getRow(1).getCell(1).getCellStyle().getDataFormatString()).isEqualTo("0");
			Cell formula = sheet.getRow(1).getCell(0);
			assertThat(formula.getCellType()).isEqualTo(CellType.STRING);
			assertThat(formula.getStringCellValue()).isEqualTo("=HYPERLINK(\"http://x\")");
			assertThat(formula.getCellStyle().getQuotePrefixed()).isTrue();
			assertThat(sheet.getRow(2).getCell(0).getCellStyle().getQuotePrefixed()).isFalse();
			assertThat(sheet.getRow(2).getCell(3)).isNull();
		}
	}

	@Test
	void workbookOpensOnItsNotesAndHoldsEachTableAsAFormattedExcelTable(@TempDir Path dir) throws Exception {
		Path file = dir.resolve("tables/libro.xlsx");
		TableFiles.writeWorkbook(cover(), List.of(table()), file);
		try (InputStream in = Files.newInputStream(file); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
			// the notes first: title, office, period, source, production date,
			// definitions
			assertThat(workbook.getSheetName(0)).isEqualTo("Notas");
			assertThat(workbook.getSheetName(1)).isEqualTo("Prueba");
			List<String> notes = new ArrayList<>();
			Row formulaLike = null;
			for (Row row : workbook.getSheetAt(0)) {
				formulaLike = row.getCell(0).getStringCellValue().equals("=Caso") ? row : formulaLike;
				StringBuilder line = new StringBuilder();
				row.forEach((cell) -> line.append(cell.getStringCellValue()).append('|'));
				notes.add(line.toString());
			}
			assertThat(notes).contains("SERNAC en cifras|", "Dirección Regional de Valparaíso|", "Período: 2014-2016|",
					"Fuente: registros de atención de SERNAC, Dirección Regional de Valparaíso · Cifras, 02-12-2026|",
					"Producido el 02-12-2026|", "Consulta|El consumidor pregunta.|", "=Caso|Lo que se cuenta.|",
					"Prueba|Una tabla de prueba|");
			// a term that looks like a formula stays text
			assertThat(formulaLike.getCell(0).getCellStyle().getQuotePrefixed()).isTrue();
			// the table: an Excel table over the header and every row, header frozen
			XSSFSheet sheet = workbook.getSheet("Prueba");
			assertThat(sheet.getTables()).hasSize(1);
			XSSFTable excel = sheet.getTables().get(0);
			assertThat(excel.getArea().formatAsString()).isEqualTo("A1:E4");
			assertThat(excel.getStyleName()).isNotBlank();
			assertThat(excel.getColumns()).extracting(XSSFTableColumn::getName)
				.containsExactly("Archivo", "Año", "Registros", "Participación (%)", "Cambio (pp)");
			assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
			assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 1);
			// shares in percent and changes in points, the unit written by the format
			assertThat(sheet.getRow(1).getCell(3).getCellStyle().getDataFormatString()).isEqualTo("0.0\" %\"");
			assertThat(sheet.getRow(1).getCell(4).getCellStyle().getDataFormatString())
				.isEqualTo("+0.0\" pp\";-0.0\" pp\";0.0\" pp\"");
			assertThat(sheet.getColumnWidth(0)).isGreaterThan(sheet.getColumnWidth(1));
		}
	}

}
