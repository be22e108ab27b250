package cl.sernac.cifras.demo;

import java.util.List;
import java.util.Random;

/**
 * Fake personal data and free text for the demo exports. Nothing here belongs to a real
 * person.
 */
final class DemoFake {

	static final List<String> MARKETS = List.of("FINANCIERO", "TELECOMUNICACIONES", "COMERCIO", "SALUD", "TRANSPORTE",
			"VIVIENDA", "SERVICIOS BASICOS", "TURISMO", "EDUCACION", "SEGUROS");

	private static final int[] MARKET_WEIGHTS = { 24, 22, 18, 7, 7, 6, 8, 3, 3, 2 };

	private static final List<String> FIRST_NAMES = List.of("María José", "Juan Carlos", "Ana Luisa", "Pedro", "Camila",
			"Francisco", "Valentina", "José Miguel", "Carolina", "Luis Alberto", "Daniela", "Cristián", "Fernanda",
			"Rodrigo", "Javiera", "Matías", "Ñusta", "Héctor");

	private static final List<String> SURNAMES = List.of("González", "Muñoz", "Rojas", "Díaz", "Pérez", "Soto",
			"Contreras", "Silva", "Martínez", "Sepúlveda", "Morales", "Rodríguez", "Fuentes", "Araya", "Tapia", "Núñez",
			"Vera", "Espinoza", "Valenzuela", "Castillo", "Ibáñez", "Reyes");

	static final List<String> PROVIDERS = List.of("Banco Uno S.A.", "Telefónica \"Norte\"", "Tienda, Grande y Cía.",
			"Aerolínea Sur", "Isapre Vida Plena", "Inmobiliaria Costa Ltda.", "Eléctrica del Litoral",
			"Supermercados Aconcagua", "Automotora El Puerto", "Cable \"Bahía\" SpA", "Farmacias del Valle",
			"Instituto Técnico Océano");

	private static final List<String> DESCRIPTIONS = List.of("Sin detalle", "Me cobraron dos veces.",
			"Producto llegó roto, pedí cambio, no responden.", "No respetan la garantía legal",
			"Cobro de comisión \"por mantención\" no informada", "Cancelé el servicio en marzo, siguen cobrando.",
			"Repactaron mi deuda sin mi consentimiento", "Dijeron: \"no corresponde\", y cortaron.");

	/** Free text written over several lines; a minority of the descriptions. */
	private static final List<String> LONG_DESCRIPTIONS = List.of(
			"Dijeron: \"no corresponde\".\nSegunda línea del relato.",
			"Contraté plan de 300 MB, me cobran 500.\nAdjunto boleta, contrato y correo.",
			"El vuelo fue cancelado; no devuelven el dinero.\n\nReclamé por teléfono tres veces, \"sin respuesta\".");

	private static final List<String> MATTERS = List.of("Cobro indebido", "Repactación",
			"Garantía; producto defectuoso", "Consulta sobre \"retracto\"", "Corte de suministro",
			"Cobranza extrajudicial", "Contrato de arriendo");

	/** Subjects written over several lines; a minority of the front-desk records. */
	private static final List<String> LONG_MATTERS = List.of(
			"Compra por internet; producto no llegó.\nSolicita orientación para reclamar",
			"Seguro de desgravamen \"no informado\"\nPide copia de la póliza; trae boletas");

	private static final List<String> PROGRAMMES = List.of("SERNAC en tu barrio", "Plaza de servicios",
			"Gobierno en terreno");

	private DemoFake() {
	}

	static char checkDigit(int body) {
		int sum = 0;
		int factor = 2;
		for (int rest = body; rest > 0; rest /= 10) {
			sum += (rest % 10) * factor;
			factor = (factor == 7) ? 2 : factor + 1;
		}
		int digit = 11 - (sum % 11);
		return (digit == 11) ? '0' : (digit == 10) ? 'K' : (char) ('0' + digit);
	}

	/** A RUT with a correct check digit in one of the three written forms. */
	static String rut(Random random) {
		int body = 3_000_000 + random.nextInt(23_000_000);
		return format(body, checkDigit(body), random.nextInt(3));
	}

	/** The same RUT with a wrong check digit, in the same written form. */
	static String withWrongCheckDigit(String rut, Random random) {
		char correct = rut.charAt(rut.length() - 1);
		String digits = "0123456789K";
		char wrong;
		do {
			wrong = digits.charAt(random.nextInt(digits.length()));
		}
		while (wrong == correct);
		return rut.substring(0, rut.length() - 1) + wrong;
	}

	static String format(int body, char checkDigit, int form) {
		String digits = Integer.toString(body);
		return switch (form) {
			case 0 -> {
				StringBuilder dotted = new StringBuilder();
				for (int i = 0; i < digits.length(); i++) {
					if (i > 0 && (digits.length() - i) % 3 == 0) {
						dotted.append('.');
					}
					dotted.append(digits.charAt(i));
				}
				yield dotted + "-" + checkDigit;
			}
			case 1 -> digits + "-" + checkDigit;
			default -> digits + checkDigit;
		};
	}

	static String market(Random random) {
		int ticket = random.nextInt(100);
		for (int i = 0; i < MARKETS.size(); i++) {
			ticket -= MARKET_WEIGHTS[i];
			if (ticket < 0) {
				return MARKETS.get(i);
			}
		}
		return MARKETS.get(0);
	}

	static String name(Random random) {
		return pick(FIRST_NAMES, random) + " " + pick(SURNAMES, random) + " " + pick(SURNAMES, random);
	}

	static String provider(Random random) {
		return pick(PROVIDERS, random);
	}

	static String description(Random random) {
		return (random.nextInt(100) < 8) ? pick(LONG_DESCRIPTIONS, random) : pick(DESCRIPTIONS, random);
	}

	static String matter(Random random) {
		return (random.nextInt(100) < 4) ? pick(LONG_MATTERS, random) : pick(MATTERS, random);
	}

	static String programme(Random random) {
		return pick(PROGRAMMES, random);
	}

	static <T> T pick(List<T> list, Random random) {
		return list.get(random.nextInt(list.size()));
	}

}
