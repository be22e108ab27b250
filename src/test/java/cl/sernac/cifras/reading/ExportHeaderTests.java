package cl.sernac.cifras.reading;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link ExportHeader}: columns found by folded name, projection to roles, field count
 * and control characters.
 */
class ExportHeaderTests {

	private static final SourceProfile CALLCENTER = DefaultSourceProfiles.get("callcenter");

	private static final SourceProfile PORTAL = DefaultSourceProfiles.get("portal");

	@Test
	void columnsAreFoundIgnoringCaseAccentsSpacesAndOrder() {
		// given a call center header in another order, other case, with accents, spaces
		// and an extra column
		String[] header = { " comuna ", "Id_Llamada", "EXTRA", "tipo_atención", "Región", "rut", "\uFEFFfecha_hora" };

		// when
		ExportHeader resolved = new ExportHeader(CALLCENTER, header);
		ExportRow row = resolved.project(new CsvRecord(7,
				new String[] { "Quilpué", " 4000047", "x", " consulta", "V", "9.700.124-3", "16/12/2015 10:39:20" },
				null));

		// then every role reads its column; raw values are not trimmed
		assertThat(resolved.missingColumns()).isEmpty();
		assertThat(resolved.fieldCount()).isEqualTo(7);
		assertThat(row.line()).isEqualTo(7);
		assertThat(row.problem()).isNull();
		assertThat(row.keyParts()).containsExactly(" 4000047");
		assertThat(row.date()).isEqualTo("16/12/2015 10:39:20");
		assertThat(row.type()).isEqualTo(" consulta");
		assertThat(row.rut()).isEqualTo("9.700.124-3");
		assertThat(row.region()).isEqualTo("V");
		assertThat(row.comuna()).isEqualTo("Quilpué");
		assertThat(row.subtype()).isNull();
		assertThat(row.channel()).isNull();
		assertThat(row.folio()).isNull();
		assertThat(row.organization()).isNull();
		assertThat(row.place()).isNull();
		assertThat(row.fieldCount()).isEqualTo(7);
		assertThat(row.headerFieldCount()).isEqualTo(7);
	}

	@Test
	void missingColumnsAreListedInProfileOrder() {
		// given a portal header without subtipo and canal_origen
		String[] header = { "folio", "fecha_ingreso", "tipo_solicitud", "rut_consumidor", "region", "comuna" };

		// when
		ExportHeader resolved = new ExportHeader(PORTAL, header);

		// then
		assertThat(resolved.missingColumns()).containsExactly("subtipo", "canal_origen");
	}

	@Test
	void requiredColumnsOfEachProfile() {
		// given the default profiles

		// when
		List<String> portal = List.copyOf(PORTAL.requiredColumns());
		List<String> municipal = List.copyOf(DefaultSourceProfiles.get("municipal").requiredColumns());
		List<String> movil = List.copyOf(DefaultSourceProfiles.get("movil").requiredColumns());

		// then key columns first, then the role columns, each once
		assertThat(portal).containsExactly("folio", "fecha_ingreso", "tipo_solicitud", "subtipo", "rut_consumidor",
				"region", "comuna", "canal_origen");
		assertThat(municipal).containsExactly("Municipio", "ID Registro", "Fecha", "Tipo de Registro", "RUT",
				"Comuna Consumidor", "Folio SERNAC");
		assertThat(movil).containsExactly("fecha", "comuna_visitada", "correlativo", "tipo", "rut");
	}

	@Test
	void syntaxProblemsBecomeRowProblems() {
		// given a resolved portal header of 11 columns
		ExportHeader header = new ExportHeader(PORTAL, portalHeader());

		// when
		ExportRow unbalanced = header
			.project(new CsvRecord(12, CsvRecord.NO_FIELDS, CsvRecord.Problem.UNBALANCED_QUOTE));
		ExportRow tooLong = header.project(new CsvRecord(13, CsvRecord.NO_FIELDS, CsvRecord.Problem.LINE_TOO_LONG));
		ExportRow tooFew = header.project(new CsvRecord(14, new String[] { "R-2015-0000001", "x" }, null));

		// then
		assertThat(unbalanced.line()).isEqualTo(12);
		assertThat(unbalanced.problem()).isEqualTo(ExportRow.Problem.UNBALANCED_QUOTE);
		assertThat(unbalanced.fieldCount()).isZero();
		assertThat(unbalanced.headerFieldCount()).isEqualTo(11);
		assertThat(tooLong.line()).isEqualTo(13);
		assertThat(tooLong.problem()).isEqualTo(ExportRow.Problem.LINE_TOO_LONG);
		assertThat(tooFew.line()).isEqualTo(14);
		assertThat(tooFew.problem()).isEqualTo(ExportRow.Problem.FIELD_COUNT);
		assertThat(tooFew.fieldCount()).isEqualTo(2);
		assertThat(tooFew.headerFieldCount()).isEqualTo(11);
		assertThat(tooFew.keyParts()).isEmpty();
		assertThat(tooFew.date()).isNull();
	}

	@Test
	void controlCharactersOnlyMatterInColumnsThePipelineReads() {
		// given a resolved portal header
		ExportHeader header = new ExportHeader(PORTAL, portalHeader());

		// when
		ExportRow escInFreeText = header
			.project(portalRecord(2, "R-2015-0000001", "Lampara", "texto \u001B[31m libre"));
		ExportRow tabInUsedColumn = header.project(portalRecord(3, "R-2015-0000002", "Villa\tAlemana", "ok"));
		ExportRow delInUsedColumn = header.project(portalRecord(4, "R-2015-0000003", "Quilpu\u007F", "ok"));
		ExportRow lineBreakInKey = header.project(portalRecord(5, "R-2015-\n0000004", "Quilpué", "ok"));

		// then free text is never read; TAB is tolerated; DEL and line breaks in a used
		// value are a problem
		assertThat(escInFreeText.problem()).isNull();
		assertThat(escInFreeText.keyParts()).containsExactly("R-2015-0000001");
		assertThat(tabInUsedColumn.problem()).isNull();
		assertThat(tabInUsedColumn.comuna()).isEqualTo("Villa\tAlemana");
		assertThat(delInUsedColumn.problem()).isEqualTo(ExportRow.Problem.CONTROL_CHARACTERS);
		assertThat(delInUsedColumn.line()).isEqualTo(4);
		assertThat(lineBreakInKey.problem()).isEqualTo(ExportRow.Problem.CONTROL_CHARACTERS);
		assertThat(lineBreakInKey.fieldCount()).isEqualTo(11);
	}

	private static String[] portalHeader() {
		return new String[] { "folio", "fecha_ingreso", "tipo_solicitud", "subtipo", "canal_origen", "rut_consumidor",
				"region", "comuna", "mercado", "proveedor", "descripcion" };
	}

	private static CsvRecord portalRecord(long line, String folio, String comuna, String descripcion) {
		return new CsvRecord(line, new String[] { folio, "2015-01-15T05:48:47", "reclamo", "", "", "22866484-7", "5",
				comuna, "TELECOMUNICACIONES", "Aerolínea Sur", descripcion }, null);
	}

}
