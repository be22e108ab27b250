package cl.sernac.cifras.bench;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cl.sernac.cifras.support.Text;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class SqlPeerTests {

	private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

	private static final LocalDate RUN_DATE = LocalDate.of(2026, 11, 28);

	@TempDir
	Path directory;

	@Test
	void countsTheAgencySamplesAsTheirExpectedFiguresSay() throws Exception {
		SqlPeer.Result result = SqlPeer.count(Path.of("src/test/resources/samples"), RUN_DATE,
				this.directory.resolve("work"), true);
		JsonNode expected = new ObjectMapper().readTree(Path.of("src/test/resources/samples-expected.json").toFile());
		List<String> rows = new ArrayList<>();
		for (JsonNode record : expected.get("records")) {
			rows.add(String.join(",", record.get("record_type").asText(), record.get("subtype").asText(),
					record.get("channel").asText(), record.get("year").asText(), record.get("records").asText()));
		}
		assertThat(result.table()).containsExactlyElementsOf(rows);
		assertThat(result.cases()).isEqualTo(305);
		// 17 distinct rows rejected, 19 with the re-delivered copies read again
		assertThat(result.shape()).containsEntry("rejected_rows", "19").containsEntry("cases", "305");
	}

	@Test
	void foldsTextAsCifrasDoes() throws Exception {
		List<String> values = new ArrayList<>();
		for (char c = 1; c < 0x250; c++) {
			values.add("a" + c + "b");
			values.add(String.valueOf(c));
		}
		for (int b = 0x80; b < 0xA0; b++) {
			values.add(new String(new byte[] { (byte) b }, WINDOWS_1252));
		}
		values.addAll(List.of("  Viña\u00A0 del\tMar ", "\uFEFFfolio", "Ñuñoa", "e\u0301", " R-2015-0000001 ",
				"Gobernación\u2007Provincial", "straße", "Œuvre", "\u3000x\u2028y\u205F"));
		Map<String, String> different = new LinkedHashMap<>();
		try (Connection db = macros()) {
			try (PreparedStatement fold = db.prepareStatement("SELECT fold(?)")) {
				for (String value : values) {
					fold.setString(1, value);
					try (ResultSet result = fold.executeQuery()) {
						result.next();
						if (!Text.fold(value).equals(result.getString(1))) {
							different.put(value, result.getString(1) + " instead of " + Text.fold(value));
						}
					}
				}
			}
		}
		assertThat(different).isEmpty();
	}

	@Test
	void readsDatesAsStrictlyAsCifrasDoes() throws Exception {
		Map<String, String> formats = new LinkedHashMap<>();
		formats.put("callcenter", "dd/MM/yyyy HH:mm:ss");
		formats.put("portal", "yyyy-MM-dd'T'HH:mm:ss");
		formats.put("oficina", "dd-MM-yyyy");
		formats.put("municipal", "d/M/yyyy");
		formats.put("movil", "yyyy-MM-dd");
		formats.put("convenio", "yyyyMMdd");
		List<String> texts = List.of("31/12/2015 23:59:59", "31/02/2015 10:00:00", "29/02/2016 10:00:00",
				"29/02/2015 10:00:00", "01/01/2015 24:00:00", "01/01/2015 10:60:00", "1/1/2015 10:00:00",
				"01/01/20150 10:00:00", "01/01/2015 10:00", "01/01/2015 10:00:60", "00/01/2015 10:00:00",
				"01/13/2015 10:00:00", "1/1/2015", "0/1/2015", "000031/0012/2015", "100/6/2015", "31/4/2015",
				"2015-06-30T08:00:00", "2015-06-31T08:00:00", "2015-06-30 08:00:00", "2015-06-30T8:00:00", "30-06-2015",
				"31-06-2015", "30/06/2015", "1/6/2015", "01/06/2015", "31/6/2015", "001/6/2015", "1/6/15", "2015-09-31",
				"2015-9-30", "2015-09-30", "20150630", "20150631", "2015063", "201506300", "+20150630", "٢٠١٥-٠٦-٣٠",
				"", "  ");
		try (Connection db = macros()) {
			try (PreparedStatement date = db.prepareStatement("SELECT spec_date(?, ?)")) {
				for (Map.Entry<String, String> format : formats.entrySet()) {
					DateTimeFormatter formatter = DateTimeFormatter.ofPattern(format.getValue().replace('y', 'u'))
						.withResolverStyle(ResolverStyle.STRICT);
					for (String text : texts) {
						LocalDate expected;
						try {
							expected = LocalDate.from(formatter.parse(text));
						}
						catch (DateTimeParseException ex) {
							expected = null;
						}
						date.setString(1, format.getKey());
						date.setString(2, text);
						try (ResultSet result = date.executeQuery()) {
							result.next();
							assertThat(result.getObject(1, LocalDate.class)).as(format.getKey() + " '" + text + "'")
								.isEqualTo(expected);
						}
					}
				}
			}
		}
	}

	@Test
	void readsWindows1252ExportsWhateverBytesTheyHold() throws Exception {
		Path input = Files.createDirectories(this.directory.resolve("input"));
		// 0x8A is Š in Windows-1252: the key folds to S-1, the same record as the row
		// after it
		Files.write(input.resolve("callcenter_2015_01.csv"),
				("ID_LLAMADA;FECHA_HORA;RUT;TIPO_ATENCION;MERCADO;REGION;COMUNA;DURACION_SEG\r\n"
						+ "Š-1;05/01/2015 10:00:00;;CONSULTA;;5;Viña del Mar;60\r\n"
						+ "s-1;06/01/2015 10:00:00;;RECLAMO;;5;Viña del Mar;60\r\n"
						+ "2;07/01/2015 10:00:00;;CONSULTA;;5;Quilpué;60\r\n")
					.getBytes(WINDOWS_1252));
		// curly quotes, a dash and the euro sign in the free text, and ñ: read as
		// Windows-1252
		Files.write(input.resolve("oficina_2015_01.csv"),
				("N_ATENCION;FECHA;HORA;TIPO;SUBTIPO;RUT;NOMBRE;COMUNA;MATERIA\r\n"
						+ "10;05-01-2015;10:00;Reclamo;;;Ana Núñez;Quilpué;\"Cobro de 10 € – “indebido”;\r\n"
						+ "dice\"\r\n" + "11;06-01-2015;10:00;SONI;Sugerencia;;;Quilpué;‰\r\n")
					.getBytes(WINDOWS_1252));
		// no byte in 0x80-0x9F: read as latin-1 directly
		Files.write(input.resolve("oficina_2015_02.csv"),
				("N_ATENCION;FECHA;HORA;TIPO;SUBTIPO;RUT;NOMBRE;COMUNA;MATERIA\r\n"
						+ "12;05-02-2015;10:00;Consulta;;;Ana Núñez;Quilpué;Garantía\r\n")
					.getBytes(WINDOWS_1252));
		SqlPeer.Result result = SqlPeer.count(input, RUN_DATE, this.directory.resolve("work"), false);
		assertThat(result.table()).containsExactly("CONSULTA,,CALL_CENTER,2015,1", "CONSULTA,,OFICINA,2015,1",
				"RECLAMO,,CALL_CENTER,2015,1", "RECLAMO,,OFICINA,2015,1", "SONI,SUGERENCIA,OFICINA,2015,1");
	}

	@Test
	void countsEveryAwkwardCaseOfSpecAsCifrasDoes() throws Exception {
		Path input = AwkwardExports.write(this.directory.resolve("input"));
		SqlPeer.Result result = SqlPeer.count(input, RUN_DATE, this.directory.resolve("work"), true);
		assertThat(result.table()).containsExactlyElementsOf(AwkwardExports.EXPECTED);
	}

	@Test
	void writesTheTableAsCifrasWritesIt() throws Exception {
		SqlPeer.Result result = new SqlPeer.Result(
				List.of("CONSULTA,,CALL_CENTER,2015,3", "SONI,SUGERENCIA,OFICINA,2016,1"), Map.of(), Map.of(), 0.5);
		Path file = this.directory.resolve("tables/by_channel_year.csv");
		SqlPeer.writeTable(result, file);
		assertThat(Files.readString(file)).isEqualTo("record_type,subtype,channel,year,records\n"
				+ "CONSULTA,,CALL_CENTER,2015,3\n" + "SONI,SUGERENCIA,OFICINA,2016,1\n");
		assertThat(result.cases()).isEqualTo(4);
	}

	@Test
	void splitsTheScriptIntoItsStatements() throws IOException {
		List<String> statements = SqlPeer.script(SqlPeer.PEER_SQL);
		assertThat(statements).allSatisfy((sql) -> assertThat(sql).endsWith(";").doesNotStartWith("--"));
		assertThat(statements.get(statements.size() - 1)).startsWith("SELECT type AS record_type");
	}

	/**
	 * A database with the peer's macros of text and dates (the script up to its files).
	 */
	private static Connection macros() throws IOException, SQLException {
		Connection db = DriverManager.getConnection("jdbc:duckdb:");
		try (Statement statement = db.createStatement()) {
			for (String sql : SqlPeer.script(SqlPeer.PEER_SQL)) {
				if (sql.startsWith("COPY")) {
					break;
				}
				statement.execute(sql);
			}
		}
		return db;
	}

}
