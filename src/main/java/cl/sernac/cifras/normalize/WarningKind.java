package cl.sernac.cifras.normalize;

/**
 * A problem that keeps the row but treats one field as unknown (SPEC rule 4).
 */
public enum WarningKind {

	RUT_INVALID("rut-invalid", "RUT con dígito verificador incorrecto o mal formado"),

	COMUNA_UNKNOWN("comuna-unknown", "Comuna no reconocida"),

	REGION_UNKNOWN("region-unknown", "Región no reconocida"),

	CHANNEL_UNKNOWN("channel-unknown", "Canal de origen no reconocido; se usa el canal de la fuente"),

	RBD_INVALID("rbd-invalid", "RBD con dígito verificador incorrecto");

	private final String code;

	private final String message;

	WarningKind(String code, String message) {
		this.code = code;
		this.message = message;
	}

	public String code() {
		return this.code;
	}

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
