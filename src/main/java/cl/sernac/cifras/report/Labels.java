package cl.sernac.cifras.report;

import cl.sernac.cifras.support.ChileanFormat;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import cl.sernac.cifras.normalize.RejectReason;
import cl.sernac.cifras.normalize.WarningKind;

/**
 * Spanish words for the codes of the store: record types, SONI subtypes, reasons for
 * rejecting a row, kinds of warning.
 */
final class Labels {

	/**
	 * Title, plural, singular, the participle that agrees with them, and the plural's
	 * article (consulta is feminine, reclamo and SONI masculine).
	 */
	private static final Map<String, List<String>> TYPES = Map.of("CONSULTA",
			List.of("Consultas", "consultas", "consulta", "recibidas", "las"), "RECLAMO",
			List.of("Reclamos", "reclamos", "reclamo", "recibidos", "los"), "SONI",
			List.of("SONI", "SONI", "SONI", "recibidos", "los"));

	/** What the abbreviation SONI stands for, said once where a reader first meets it. */
	static final String SONI_IN_FULL = "«Su opinión nos interesa»";

	private static final Map<String, String> SUBTYPES = Map.of("DISCONFORMIDAD", "Disconformidad", "RECONOCIMIENTO",
			"Reconocimiento", "SUGERENCIA", "Sugerencia", "", "Sin subtipo");

	/** The subtypes' plurals, inside a sentence. */
	private static final Map<String, String> SUBTYPES_PLURAL = Map.of("DISCONFORMIDAD", "disconformidades",
			"RECONOCIMIENTO", "reconocimientos", "SUGERENCIA", "sugerencias", "", "sin subtipo");

	/**
	 * Short enough for a column header; {@link RejectReason#message()} says it in full.
	 */
	private static final Map<RejectReason, String> REASONS = Map.of(RejectReason.MISSING_KEY, "Sin clave",
			RejectReason.VALUE_TOO_LONG, "Valor demasiado largo", RejectReason.BAD_DATE, "Fecha ilegible",
			RejectReason.DATE_OUT_OF_RANGE, "Fecha fuera de rango", RejectReason.UNKNOWN_TYPE, "Tipo no reconocido",
			RejectReason.FIELD_COUNT, "Campos de más o de menos", RejectReason.UNBALANCED_QUOTE, "Comillas sin cerrar",
			RejectReason.LINE_TOO_LONG, "Línea demasiado larga", RejectReason.CONTROL_CHARACTERS,
			"Caracteres de control");

	private static final Map<WarningKind, String> WARNINGS = Map.of(WarningKind.RUT_INVALID, "RUT inválido",
			WarningKind.COMUNA_UNKNOWN, "Comuna no reconocida", WarningKind.REGION_UNKNOWN, "Región no reconocida",
			WarningKind.CHANNEL_UNKNOWN, "Canal no reconocido");

	private Labels() {
	}

	/** {@code Consultas}, as a title or a table cell. */
	static String type(String code) {
		return word(code, 0);
	}

	/** {@code consultas}, inside a sentence. */
	static String typePlural(String code) {
		return word(code, 1);
	}

	/** {@code las consultas}, {@code los reclamos}, inside a sentence. */
	static String typeWithArticle(String code) {
		List<String> words = TYPES.get(code);
		return (words != null) ? words.get(4) + " " + words.get(1) : code;
	}

	/** {@code consultas recibidas}, {@code reclamos recibidos}. */
	static String typeReceived(String code) {
		return word(code, 1) + " " + word(code, 3);
	}

	/** {@code 1 consulta}, {@code 98.305 consultas}. */
	static String typeCount(String code, long count) {
		return ChileanFormat.integer(count) + " " + word(code, (count == 1) ? 2 : 1);
	}

	static String subtype(String code) {
		return SUBTYPES.getOrDefault(code, code);
	}

	/** {@code 1 sugerencia}, {@code 5 sugerencias}, {@code 60 disconformidades}. */
	static String subtypeCount(String code, long count) {
		return ChileanFormat.integer(count) + " " + subtypeNoun(code, count);
	}

	/** The noun that goes after a count: {@code sugerencia} after 1, else its plural. */
	static String subtypeNoun(String code, long count) {
		String singular = subtype(code).toLowerCase(Locale.forLanguageTag("es-CL"));
		return (count == 1) ? singular : SUBTYPES_PLURAL.getOrDefault(code, singular);
	}

	static List<String> reasonCodes() {
		return Arrays.stream(RejectReason.values()).map(RejectReason::code).toList();
	}

	static String reason(String code) {
		return REASONS.get(RejectReason.ofCode(code));
	}

	static String reasonMessage(String code) {
		return RejectReason.ofCode(code).message();
	}

	static List<String> warningCodes() {
		return Arrays.stream(WarningKind.values()).map(WarningKind::code).toList();
	}

	static String warning(String code) {
		return WARNINGS.get(WarningKind.ofCode(code));
	}

	static String warningMessage(String code) {
		return WarningKind.ofCode(code).message();
	}

	private static String word(String code, int form) {
		List<String> words = TYPES.get(code);
		return (words != null) ? words.get(form) : code;
	}

}
