package cl.sernac.cifras.bench;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A small input folder with every awkward case of SPEC, and what Cifras counts in it (run
 * date 2026-11-28): the peer must count the same. Checked against Cifras itself
 * ({@code scripts/run.sh} on this folder gives {@link #EXPECTED}).
 */
final class AwkwardExports {

	static final List<String> EXPECTED = List.of("CONSULTA,,CALL_CENTER,2015,3", "CONSULTA,,CONVENIO,2015,1",
			"CONSULTA,,MUNICIPAL,2014,1", "CONSULTA,,MUNICIPAL,2015,1", "RECLAMO,,CALL_CENTER,2015,1",
			"RECLAMO,,CONVENIO,2015,1", "RECLAMO,,INTERNET,2015,2", "RECLAMO,,MOVIL,2015,2",
			"RECLAMO,,MUNICIPAL,2015,1", "SONI,DISCONFORMIDAD,OFICINA,2015,1", "SONI,RECONOCIMIENTO,INTERNET,2015,1");

	private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

	private AwkwardExports() {
	}

	static Path write(Path input) throws IOException {
		Files.createDirectories(input);
		// Call center, Windows-1252: one row of each reject reason, a blank row, key 2
		// first a RECLAMO
		String january = "ID_LLAMADA;FECHA_HORA;RUT;TIPO_ATENCION;MERCADO;REGION;COMUNA;DURACION_SEG\r\n"
				+ "1;05/01/2015 10:00:00;12.345.678-5;CONSULTA;FINANCIERO;V;Viña del Mar;60\r\n"
				+ "2;06/01/2015 10:00:00;;RECLAMO;;;;\r\n" + "3;31/02/2015 10:00:00;;CONSULTA;;;;\r\n"
				+ ";07/01/2015 10:00:00;;CONSULTA;;;;\r\n" + "4;08/01/2015 10:00:00;;QUEJA;;;;\r\n"
				+ "5;09/01/2015 10:00:00;;CONSULTA;;;;;COMERCIO\r\n" + "6;10/01/1999 10:00:00;;CONSULTA;;;;\r\n"
				+ "7;10/01/2031 10:00:00;;CONSULTA;;;;\r\n" + ";;;;;;;\r\n"
				+ "8;11/01/2015 10:00:00;;consulta ;;;Villa Inexistente;\r\n";
		write(input.resolve("callcenter_2015_01.csv"), WINDOWS_1252, january);
		// the same bytes again under a name that sorts after the correction: set aside,
		// never applied again
		write(input.resolve("callcenter_2016_copia.csv"), WINDOWS_1252, january);
		// February, saved again by a spreadsheet: UTF-8 with BOM, every field quoted, a
		// blank row before the header, columns reordered with an extra one, empty rows at
		// the end; key 2 comes back spelled " 2 " and corrected to a CONSULTA
		String february = "\uFEFF\"\";\"\";\"\";\"\";\"\";\"\";\"\";\"\";\"\"\r\n"
				+ "\"COMUNA\";\"ID_LLAMADA\";\"TIPO_ATENCION\";\"DURACIÓN_SEG\";\"RUT\";\"MERCADO\";\"REGIÓN\";"
				+ "\"FECHA_HORA\";\"EXTRA\"\r\n"
				+ "\"Quilpué\";\" 2 \";\"Consulta\";\"60\";\"\";\"\";\"5\";\"06/01/2015 10:00:00\";\"\"\r\n"
				+ "\"Quilpué\";\"9\";\"RECLAMO\";\"60\";\"\";\"\";\"5\";\"01/02/2015 10:00:00\";\"\"\r\n"
				+ "\"\";\"\";\"\";\"\";\"\";\"\";\"\";\"\";\"\"\r\n" + ";;;;;;;;\r\n";
		write(input.resolve("callcenter_2015_02.csv"), StandardCharsets.UTF_8, february);
		write(input.resolve("callcenter_2015_02 (copia).csv"), StandardCharsets.UTF_8, february);
		// Portal: multi-line quoted text, a SONI, a SONI without subtype, central rows of
		// platform cases (one whose intake row never arrives), an unknown canal_origen
		writeUtf8(input.resolve("portal_2015_01.csv"),
				"folio,fecha_ingreso,tipo_solicitud,subtipo,canal_origen,rut_consumidor,region,comuna,mercado,"
						+ "proveedor,descripcion\n"
						+ "R-2015-0000001,2015-01-05T10:00:00,reclamo,,,,V,Quilpué,COMERCIO,\"Tienda \"\"X\"\"\","
						+ "\"Dijo: \"\"no\"\", y\nluego colgó; fin.\"\n"
						+ "S-2015-0000001,2015-01-06T10:00:00,soni,reconocimiento,Internet,,5,Quilpué,,,\n"
						+ "S-2015-0000002,2015-01-06T11:00:00,soni,,,,5,Quilpué,,,\n"
						+ "R-2015-9000001,2015-01-10T10:00:00,reclamo,,MUNICIPAL,,5,Quilpué,,,\"Ingresado por\n"
						+ "plataforma municipal\"\n"
						+ "R-2015-9000002,2015-01-12T10:00:00,reclamo,,CONVENIO,,5,Quilpué,,,\n"
						+ "C-2015-9000003,2015-01-15T10:00:00,consulta,,MUNICIPAL,,5,Quilpué,,,\n"
						+ "R-2015-0000002,2015-01-20T10:00:00,reclamo,,RARO,,5,Quilpué,,,\n");
		// Municipal, UTF-8 with BOM: the intake row of R-2015-9000001 (a CONSULTA of
		// 2014),
		// one key written two ways, a carrier of C-2015-9000003, a control character
		writeUtf8(input.resolve("municipal_2015_01.csv"),
				"\uFEFFMunicipio;ID Registro;Fecha;Tipo de Registro;Folio SERNAC;RUT;Comuna Consumidor;Mercado\r\n"
						+ "Municipalidad de Viña del Mar;1;30/12/2014;Consulta;R-2015-9000001;;Viña del Mar;COMERCIO\r\n"
						+ "Municipalidad de Viña del Mar;2;5/1/2015;Reclamo;;;;\r\n"
						+ "MUNICIPALIDAD DE VINA  DEL MAR;2;5/1/2015;Reclamo;;;;\r\n"
						+ "Municipalidad de Quilpué;1;7/1/2015;Consulta;c-2015-9000003;;;\r\n"
						+ "Municipalidad de Quilpué;3;8/1/2015;Consulta;R-1\u0001;;;\r\n");
		// Partner services: a second carrier of C-2015-9000003, applied before the
		// municipal one and delivered again unchanged after it (its version stays the
		// older)
		writeUtf8(input.resolve("convenio_2015_02.csv"), "institucion\tid_caso\tfecha_recepcion\ttipo\tfolio_sernac\t"
				+ "rut\tcomuna\n" + "ChileAtiende\t10001\t20150120\tR\tC-2015-9000003\t\tQuilpué\n");
		writeUtf8(input.resolve("convenio_2015_03.csv"),
				"institucion\tid_caso\tfecha_recepcion\ttipo\tfolio_sernac\trut\tcomuna\n"
						+ "ChileAtiende\t10001\t20150120\tR\tC-2015-9000003\t\tQuilpué\n"
						+ "chileatiende\t10002\t20150305\tc\t\t\t\n");
		// Regional office, Windows-1252: a multi-line subject with the delimiter and
		// quotes, a row with a field missing
		write(input.resolve("oficina_2015_01.csv"), WINDOWS_1252,
				"N_ATENCION;FECHA;HORA;TIPO;SUBTIPO;RUT;NOMBRE;COMUNA;MATERIA\r\n"
						+ "100;05-01-2015;10:00;Soni;DISCONFORMIDAD;;José Núñez;Quilpué;\"Garantía; \"\"producto\"\"\r\n"
						+ "defectuoso\"\r\n" + "102;07-01-2015;10:00;Consulta;;;;Quilpué\r\n");
		// Mobile unit: the same key twice (comuna in another case), corrected
		writeUtf8(input.resolve("movil_2015_01.csv"),
				"fecha,comuna_visitada,programa,correlativo,tipo,rut,mercado\n"
						+ "2015-01-10,Viña del Mar,SERNAC en tu barrio,1,consulta,,\n"
						+ "2015-01-10,VIÑA DEL MAR,SERNAC en tu barrio,1,Reclamo,,\n"
						+ "2015-01-10,Viña del Mar,SERNAC en tu barrio,2,reclamo,,\n");
		// Not ingested: invalid UTF-8, a missing column, an empty file still being
		// copied, no source, a summary without the columns
		Files.write(input.resolve("municipal_2015_02.csv"),
				concat("Municipio;ID Registro;Fecha;Tipo de Registro;Folio SERNAC;RUT;Comuna Consumidor;Mercado\r\n"
					.getBytes(StandardCharsets.UTF_8),
						new byte[] { 'M', (byte) 0xFF, ';', '9', ';', '1', '/', '2', '/', '2', '0', '1', '5', ';', 'R',
								'e', 'c', 'l', 'a', 'm', 'o', ';', ';', ';', ';', '\r', '\n' }));
		writeUtf8(input.resolve("portal_2015_02.csv"),
				"folio,fecha_ingreso,tipo_solicitud,subtipo,rut_consumidor,region,comuna,mercado,proveedor,descripcion\n"
						+ "R-2015-0000009,2015-02-05T10:00:00,reclamo,,,5,Quilpué,,,\n");
		Files.write(input.resolve("movil_2015_02.csv"), new byte[0]);
		writeUtf8(input.resolve("notas_analista.txt"), "falta el call center de marzo\n");
		write(input.resolve("callcenter_resumen_2015.csv"), WINDOWS_1252, "MES;TOTAL\r\n2015-01;8\r\n");
		return input;
	}

	private static byte[] concat(byte[] a, byte[] b) {
		byte[] all = new byte[a.length + b.length];
		System.arraycopy(a, 0, all, 0, a.length);
		System.arraycopy(b, 0, all, a.length, b.length);
		return all;
	}

	private static void write(Path file, Charset charset, String text) throws IOException {
		Files.write(file, text.getBytes(charset));
	}

	private static void writeUtf8(Path file, String text) throws IOException {
		write(file, StandardCharsets.UTF_8, text);
	}

}
