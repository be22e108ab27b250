package cl.sernac.cifras.demo;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The six intake exports as SPEC.md describes them: file-name prefix, usual dialect
 * (delimiter, encoding, line ending, byte-order mark), how many trailing days of the
 * previous month each monthly export repeats, and the canonical column order.
 */
enum DemoSource {

	CALLCENTER("callcenter", "CALL_CENTER", ';', Charset.forName("windows-1252"), "\r\n", false, 2, "ID_LLAMADA",
			"FECHA_HORA", "RUT", "TIPO_ATENCION", "MERCADO", "REGION", "COMUNA", "DURACION_SEG"),

	PORTAL("portal", "INTERNET", ',', StandardCharsets.UTF_8, "\n", false, 1, "folio", "fecha_ingreso",
			"tipo_solicitud", "subtipo", "canal_origen", "rut_consumidor", "region", "comuna", "mercado", "proveedor",
			"descripcion"),

	OFICINA("oficina", "OFICINA", ';', Charset.forName("windows-1252"), "\r\n", false, 3, "N_ATENCION", "FECHA", "HORA",
			"TIPO", "SUBTIPO", "RUT", "NOMBRE", "COMUNA", "MATERIA"),

	MUNICIPAL("municipal", "MUNICIPAL", ';', StandardCharsets.UTF_8, "\r\n", true, 2, "Municipio", "ID Registro",
			"Fecha", "Tipo de Registro", "Folio SERNAC", "RUT", "Comuna Consumidor", "Mercado"),

	MOVIL("movil", "MOVIL", ',', StandardCharsets.UTF_8, "\n", false, 3, "fecha", "comuna_visitada", "programa",
			"correlativo", "tipo", "rut", "mercado"),

	CONVENIO("convenio", "CONVENIO", '\t', StandardCharsets.UTF_8, "\n", false, 2, "institucion", "id_caso",
			"fecha_recepcion", "tipo", "folio_sernac", "rut", "comuna");

	final String prefix;

	final String channel;

	final char delimiter;

	final Charset charset;

	final String lineEnd;

	final boolean bom;

	/**
	 * A monthly export repeats the rows of the last {@code overlapDays} calendar days of
	 * the previous month.
	 */
	final int overlapDays;

	final List<String> columns;

	DemoSource(String prefix, String channel, char delimiter, Charset charset, String lineEnd, boolean bom,
			int overlapDays, String... columns) {
		this.prefix = prefix;
		this.channel = channel;
		this.delimiter = delimiter;
		this.charset = charset;
		this.lineEnd = lineEnd;
		this.bom = bom;
		this.overlapDays = overlapDays;
		this.columns = List.of(columns);
	}

	/** The consumer's RUT. */
	int rutColumn() {
		return (this == CALLCENTER) ? 2 : 5;
	}

	/** The consumer's comuna, or -1 (the mobile unit writes the comuna it visits). */
	int comunaColumn() {
		return switch (this) {
			case CALLCENTER, MUNICIPAL, CONVENIO -> 6;
			case PORTAL, OFICINA -> 7;
			case MOVIL -> -1;
		};
	}

	/** The consumer's region, or -1 where the export has none. */
	int regionColumn() {
		return switch (this) {
			case CALLCENTER -> 5;
			case PORTAL -> 6;
			default -> -1;
		};
	}

	int typeColumn() {
		return switch (this) {
			case CALLCENTER, OFICINA, MUNICIPAL, CONVENIO -> 3;
			case PORTAL -> 2;
			case MOVIL -> 4;
		};
	}

	/** The central folio of a municipal or partner row. */
	int folioColumn() {
		return switch (this) {
			case MUNICIPAL, CONVENIO -> 4;
			default -> throw new IllegalArgumentException(this + " carries no central folio");
		};
	}

	int column(String name) {
		int index = this.columns.indexOf(name);
		if (index < 0) {
			throw new IllegalArgumentException(name + " is not a column of " + this.prefix);
		}
		return index;
	}

}
