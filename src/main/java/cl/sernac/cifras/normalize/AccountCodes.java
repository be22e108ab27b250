package cl.sernac.cifras.normalize;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The codes of SPEC-ACCOUNT the store and the report know, each with the Spanish the
 * account prints, in the account's order.
 */
public final class AccountCodes {

	/** Lawsuits by action type. */
	public static final Map<String, String> ACTIONS = ordered("INTERES_GENERAL", "Interés general", "INTERES_COLECTIVO",
			"Interés colectivo");

	/** Closed lawsuits by result. */
	public static final Map<String, String> RESULTS = ordered("FAVORABLE", "Favorable", "DESFAVORABLE", "Desfavorable");

	/** Activities by line of work. */
	public static final Map<String, String> LINES = ordered("EDUCACION_FINANCIERA", "Educación Financiera",
			"EDUCACION_GENERAL", "Actividades para público general", "ESTUDIO",
			"Estudios sobre calidad y seguridad en el consumo", "SONDEO_PRECIOS", "Sondeos de precios", "CAMPANA",
			"Campañas a nivel local", "PRENSA", "Apariciones en prensa verificadas", "PARTICIPACION",
			"Mecanismos de Participación Ciudadana");

	/** Participation activities by mechanism. */
	public static final Map<String, String> MECHANISMS = ordered("CUENTA_PUBLICA", "Cuenta pública",
			"CONSULTA_CIUDADANA", "Consulta ciudadana", "CONSEJO_CONSULTIVO", "Consejo consultivo", "CONVERSATORIO",
			"Conversatorio", "OTRO", "Otro");

	/** People reached by Educación Financiera, by group: code to column of the view. */
	public static final Map<String, String> GROUPS = ordered("ESCOLARES", "Escolares", "JOVENES", "Jóvenes",
			"ADULTOS_MAYORES", "Adultos mayores");

	/** The fields a lawsuit profile reads besides its roles. */
	public static final List<String> LAWSUIT_FIELDS = List.of("state", "end-date", "result");

	/** The fields an activity profile reads besides its roles. */
	public static final List<String> ACTIVITY_FIELDS = List.of("school", "escolares", "jovenes", "adultos-mayores");

	private AccountCodes() {
	}

	private static Map<String, String> ordered(String... codesAndLabels) {
		Map<String, String> map = new LinkedHashMap<>();
		for (int i = 0; i < codesAndLabels.length; i += 2) {
			map.put(codesAndLabels[i], codesAndLabels[i + 1]);
		}
		return java.util.Collections.unmodifiableMap(map);
	}

}
