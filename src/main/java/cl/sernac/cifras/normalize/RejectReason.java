package cl.sernac.cifras.normalize;

/**
 * Why a row was not counted (SPEC rule 3, plus the syntax errors a file can have). The
 * code is stable for machines; the label heads a column, the message is for analysts.
 */
public enum RejectReason {

	MISSING_KEY("missing-key", "Sin clave", "Falta la clave del registro"),

	BAD_DATE("bad-date", "Fecha ilegible", "Fecha ilegible o inexistente"),

	DATE_OUT_OF_RANGE("date-out-of-range", "Fecha fuera de rango",
			"Fecha anterior a 2000 o posterior al día de la ejecución"),

	UNKNOWN_TYPE("unknown-type", "Tipo no reconocido", "Tipo de registro no reconocido"),

	FIELD_COUNT("field-count", "Campos de más o de menos",
			"La fila no tiene el mismo número de campos que el encabezado"),

	UNBALANCED_QUOTE("unbalanced-quote", "Comillas sin cerrar", "Comillas sin cerrar: el registro no termina"),

	LINE_TOO_LONG("line-too-long", "Línea demasiado larga", "Línea demasiado larga"),

	CONTROL_CHARACTERS("control-characters", "Caracteres de control", "Caracteres de control en un campo"),

	VALUE_TOO_LONG("value-too-long", "Valor demasiado largo", "Clave, folio o institución demasiado larga"),

	UNKNOWN_ACTION("unknown-action", "Acción no reconocida", "Tipo de acción del juicio no reconocido"),

	UNKNOWN_STATE("unknown-state", "Estado no reconocido", "Estado del juicio no reconocido"),

	CLOSED_WITHOUT_END("closed-without-end", "Terminado sin fecha de término", "Juicio terminado sin fecha de término"),

	CLOSED_WITHOUT_RESULT("closed-without-result", "Terminado sin resultado",
			"Juicio terminado sin resultado favorable o desfavorable"),

	OPEN_WITH_END("open-with-end", "En tramitación con término", "Juicio en tramitación con fecha de término"),

	ENDS_BEFORE_FILED("ends-before-filed", "Término antes de la presentación",
			"Fecha de término anterior a la de presentación"),

	UNKNOWN_LINE("unknown-line", "Línea no reconocida", "Línea de trabajo de la actividad no reconocida"),

	UNKNOWN_MECHANISM("unknown-mechanism", "Mecanismo no reconocido", "Mecanismo de participación no reconocido"),

	BAD_COUNT("bad-count", "Número de personas no válido", "Número de personas que no es un entero mayor o igual a 0"),

	BAD_RBD("bad-rbd", "RBD mal formado", "RBD del establecimiento mal formado");

	private final String code;

	private final String label;

	private final String message;

	RejectReason(String code, String label, String message) {
		this.code = code;
		this.label = label;
		this.message = message;
	}

	public String code() {
		return this.code;
	}

	/** Spanish, short enough for a column header; {@link #message()} says it in full. */
	public String label() {
		return this.label;
	}

	/** Spanish description for analysts. */
	public String message() {
		return this.message;
	}

	public static RejectReason ofCode(String code) {
		for (RejectReason reason : values()) {
			if (reason.code.equals(code)) {
				return reason;
			}
		}
		throw new IllegalArgumentException("Unknown reject reason " + code);
	}

}
