package cl.sernac.cifras.normalize;

/**
 * A problem that keeps the row but treats one field as unknown (SPEC rule 4). The code is
 * stable for machines; the label heads a column, the message is for analysts.
 */
public enum WarningKind {

	RUT_INVALID("rut-invalid", "RUT inválido", "RUT con dígito verificador incorrecto o mal formado"),

	COMUNA_UNKNOWN("comuna-unknown", "Comuna no reconocida", "Comuna no reconocida"),

	REGION_UNKNOWN("region-unknown", "Región no reconocida", "Región no reconocida"),

	CHANNEL_UNKNOWN("channel-unknown", "Canal no reconocido",
			"Canal de origen no reconocido; se usa el canal de la fuente"),

	RBD_INVALID("rbd-invalid", "RBD inválido", "RBD con dígito verificador incorrecto");

	private final String code;

	private final String label;

	private final String message;

	WarningKind(String code, String label, String message) {
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

	public static WarningKind ofCode(String code) {
		for (WarningKind kind : values()) {
			if (kind.code.equals(code)) {
				return kind;
			}
		}
		throw new IllegalArgumentException("Unknown warning kind " + code);
	}

}
