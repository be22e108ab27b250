package cl.sernac.cifras.report;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import cl.sernac.cifras.reading.RecordType;

/**
 * The figures a target can be set for (SPEC-ACCOUNT, Targets), by the code a target's
 * {@code indicator} names, with the Spanish the report shows.
 */
public enum AccountIndicator {

	COMUNAS_MOVIL("comunas-movil", "Comunas visitadas por SERNAC Móvil", false),

	PERSONAS_EDUCACION_FINANCIERA("personas-educacion-financiera",
			"Personas alcanzadas por Educación Financiera (escolares, jóvenes y adultos mayores)", false),

	ESTABLECIMIENTOS_EDUCACION_FINANCIERA("establecimientos-educacion-financiera",
			"Establecimientos educacionales en Educación Financiera", false),

	JUICIOS_INTERES_GENERAL("juicios-interes-general", "Juicios de Interés General presentados", false),

	CONSULTAS("consultas", "Consultas recibidas", true),

	RECLAMOS("reclamos", "Reclamos recibidos", true),

	SONI("soni", "SONI recibidas", true);

	private final String code;

	private final String label;

	private final boolean byChannel;

	AccountIndicator(String code, String label, boolean byChannel) {
		this.code = code;
		this.label = label;
		this.byChannel = byChannel;
	}

	public String code() {
		return this.code;
	}

	public String label() {
		return this.label;
	}

	/** Whether a target of this indicator may name a channel. */
	public boolean byChannel() {
		return this.byChannel;
	}

	/** The record type counted, for consultations, complaints and SONI. */
	public String recordType() {
		RecordType type = switch (this) {
			case CONSULTAS -> RecordType.CONSULTA;
			case RECLAMOS -> RecordType.RECLAMO;
			case SONI -> RecordType.SONI;
			default -> null;
		};
		return (type != null) ? type.code() : null;
	}

	public static Optional<AccountIndicator> of(String code) {
		String wanted = (code != null) ? code.strip().toLowerCase(java.util.Locale.ROOT).replace('_', '-') : "";
		return Arrays.stream(values()).filter((i) -> i.code.equals(wanted)).findFirst();
	}

	public static List<String> codes() {
		return Arrays.stream(values()).map(AccountIndicator::code).toList();
	}

}
