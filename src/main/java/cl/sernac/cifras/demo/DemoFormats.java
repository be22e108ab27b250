package cl.sernac.cifras.demo;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * What the demo ({@link DemoPlan}) and the benchmark's scaled data
 * ({@link ScaledExports}) share about the six exports, so that both write them alike:
 * type codes, the calendar and its seasons, the municipal platforms and partner services,
 * how a forwarded case is entered centrally and numbered, how each export writes its
 * dates, times and types, its rows, its re-ordered columns, the places nobody can
 * recognise and how a row is broken for each reject reason. {@link DemoSource} has each
 * export's dialect and columns, {@link DemoWriter} how a file is written (layouts,
 * quoting, empty rows, copies and the files that must not be ingested).
 *
 * <p>
 * A method that takes a {@link Random} draws from it in a fixed order: the generators'
 * output is a function of their seed, so the order of the draws is part of the format.
 */
final class DemoFormats {

	static final String CONSULTA = "CONSULTA";

	static final String RECLAMO = "RECLAMO";

	static final String SONI = "SONI";

	/** {@code canal_origen} of the portal's own rows. */
	static final String INTERNET = DemoSource.PORTAL.channel;

	/**
	 * Seasonal shape of intake: summer holidays low, national holidays in September,
	 * year-end high.
	 */
	static final double[] SEASON = { 0.90, 0.80, 1.04, 1.01, 1.05, 0.97, 1.00, 1.04, 0.91, 1.03, 1.08, 1.06 };

	/** Fixed-date national holidays (month * 100 + day): offices are closed. */
	private static final Set<Integer> HOLIDAYS = Set.of(101, 501, 521, 918, 919, 1225);

	/** Comunas the mobile unit never reaches: the islands. */
	static final Set<String> NOT_VISITED = Set.of("05104", "05201");

	/** Comunas written by clerks that match no comuna (kept with a warning). */
	static final List<String> UNKNOWN_COMUNAS = List.of("Villa Inexistente", "Sector Sin Nombre",
			"Población Los Aromos");

	/** Regions written that match no region (kept with a warning). */
	static final List<String> UNKNOWN_REGIONS = List.of("S/I", "Sin información");

	/** The partner services, drawn 6 : 3 : 1 by {@link #institution(Random)}. */
	static final List<String> INSTITUTIONS = List.of("ChileAtiende", "Instituto de Previsión Social",
			"Servicio de Registro Civil e Identificación");

	private DemoFormats() {
	}

	/**
	 * Largest-remainder split of {@code total} in proportion to {@code weights}; exact.
	 */
	static int[] split(int total, double[] weights) {
		double sum = 0;
		for (double weight : weights) {
			sum += weight;
		}
		int[] parts = new int[weights.length];
		double[] remainders = new double[weights.length];
		int given = 0;
		for (int i = 0; i < weights.length; i++) {
			double exact = total * weights[i] / sum;
			parts[i] = (int) Math.floor(exact);
			remainders[i] = exact - parts[i];
			given += parts[i];
		}
		while (given < total) {
			int best = 0;
			for (int i = 1; i < weights.length; i++) {
				if (remainders[i] > remainders[best]) {
					best = i;
				}
			}
			parts[best]++;
			remainders[best] = -1;
			given++;
		}
		return parts;
	}

	// ---- the calendar
	// ------------------------------------------------------------------

	static boolean holiday(LocalDate day) {
		return HOLIDAYS.contains(day.getMonthValue() * 100 + day.getDayOfMonth());
	}

	/** A weekday that is not a national holiday: offices are open. */
	static boolean workingDay(LocalDate day) {
		return day.getDayOfWeek().getValue() <= 5 && !holiday(day);
	}

	// ---- municipal platforms and partner services
	// --------------------------------------------

	/**
	 * A municipal platform: who attends, the comunas it serves, its share of intake and
	 * the month it joined (the scaled data has every platform from its first month).
	 */
	record Municipio(String name, List<String> home, int weight, YearMonth start) {
	}

	/** The municipal platforms of region 05. */
	static List<Municipio> municipios(DemoGeo geo) {
		return List.of(municipio("Valparaíso", "05101", 14, 2014, 1), municipio("Viña del Mar", "05109", 14, 2014, 1),
				municipio("Quilpué", "05801", 9, 2014, 1), municipio("Villa Alemana", "05804", 7, 2014, 1),
				municipio("San Antonio", "05601", 7, 2014, 1), municipio("Quillota", "05501", 7, 2014, 1),
				municipio("Los Andes", "05301", 6, 2014, 1), municipio("San Felipe", "05701", 6, 2014, 1),
				municipio("La Calera", "05502", 4, 2014, 1), municipio("Limache", "05802", 4, 2014, 1),
				municipio("Concón", "05103", 4, 2014, 1),
				new Municipio("Gobernación Provincial de San Antonio", codes(geo.province("056")), 3,
						YearMonth.of(2014, 1)),
				municipio("La Ligua", "05401", 3, 2014, 4), municipio("Casablanca", "05102", 3, 2014, 7),
				municipio("Quintero", "05107", 3, 2015, 1), municipio("Llaillay", "05703", 2, 2015, 1),
				municipio("Olmué", "05803", 2, 2015, 3),
				new Municipio("Gobernación Provincial de Quillota", codes(geo.province("055")), 2,
						YearMonth.of(2015, 6)),
				municipio("Cartagena", "05603", 2, 2015, 9), municipio("El Quisco", "05604", 2, 2016, 1),
				municipio("Cabildo", "05402", 2, 2016, 1), municipio("Santo Domingo", "05606", 1, 2016, 4));
	}

	private static Municipio municipio(String comuna, String code, int weight, int year, int month) {
		return new Municipio("Municipalidad de " + comuna, List.of(code), weight, YearMonth.of(year, month));
	}

	private static List<String> codes(List<DemoGeo.Comuna> comunas) {
		return comunas.stream().map(DemoGeo.Comuna::code).toList();
	}

	/** A platform drawn by weight. */
	static Municipio pick(List<Municipio> municipios, int totalWeight, Random random) {
		int ticket = random.nextInt(totalWeight);
		for (Municipio municipio : municipios) {
			ticket -= municipio.weight();
			if (ticket < 0) {
				return municipio;
			}
		}
		throw new IllegalStateException();
	}

	/** A partner service drawn 6 : 3 : 1. */
	static String institution(Random random) {
		int ticket = random.nextInt(10);
		return INSTITUTIONS.get((ticket < 6) ? 0 : (ticket < 9) ? 1 : 2);
	}

	// ---- forwarded cases: central entry and folio
	// -------------------------------------------

	/**
	 * When the central system enters a case a platform or partner service forwarded: a
	 * quarter the same day, most within three days, some up to two weeks later.
	 */
	static LocalDateTime centralEntry(LocalDateTime intake, Random random) {
		int draw = random.nextInt(100);
		if (draw < 25) {
			return intake.plusMinutes(20 + random.nextInt(240));
		}
		int days = (draw < 50) ? 1 : (draw < 65) ? 2 : (draw < 75) ? 3 : 4 + random.nextInt(11);
		int minute = 480 + random.nextInt(720);
		return intake.toLocalDate().plusDays(days).atTime(minute / 60, minute % 60, random.nextInt(60));
	}

	/**
	 * The next central folio of a type and year ({@code R-2015-0000042}), numbered by
	 * {@code counters}.
	 */
	static String folio(Map<String, Integer> counters, String type, int year) {
		char letter = type.charAt(0);
		int number = counters.merge(letter + "-" + year, 1, Integer::sum);
		String digits = Integer.toString(number);
		return letter + "-" + year + "-" + ((digits.length() < 7) ? "0000000".substring(digits.length()) : "") + digits;
	}

	/** The description of a central case registered by a platform or partner service. */
	static String centralText(String channel) {
		return channel.equals(DemoSource.MUNICIPAL.channel) ? "Ingresado por plataforma municipal"
				: "Ingresado por servicio en convenio";
	}

	// ---- spellings
	// ---------------------------------------------------------------------

	static String capitalized(String word) {
		String lower = word.toLowerCase(Locale.ROOT);
		return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
	}

	/** The value in the other case, without accents: the same key to a correct count. */
	static String caseVariant(String value) {
		String upper = DemoGeo.plain(value).toUpperCase(Locale.ROOT);
		return upper.equals(value) ? DemoGeo.plain(value).toLowerCase(Locale.ROOT) : upper;
	}

	static String rutOrEmpty(int percentEmpty, Random random) {
		return (random.nextInt(100) < percentEmpty) ? "" : DemoFake.rut(random);
	}

	/** A type as the office writes it, for a {@code draw} of 0 to 99. */
	static String officeType(String type, int draw) {
		return (draw < 85) ? capitalized(type) : (draw < 93) ? type : type.toLowerCase(Locale.ROOT);
	}

	/** A type as the portal writes it, for a {@code draw} of 0 to 99. */
	static String portalType(String type, int draw) {
		return (draw < 94) ? type.toLowerCase(Locale.ROOT) : (draw < 97) ? capitalized(type) : " " + type + " ";
	}

	/**
	 * A {@code canal_origen} as the portal writes it, for the same {@code draw} as its
	 * type: its own rows mostly without one.
	 */
	static String portalChannel(String channel, int draw) {
		return !channel.equals(INTERNET) ? channel : (draw % 50 < 30) ? "" : (draw % 50 < 49) ? INTERNET : "Internet";
	}

	/** The comuna a mobile unit visits, as its export spells it. */
	static String visited(DemoGeo.Comuna comuna, Random random) {
		int draw = random.nextInt(100);
		return (comuna.alias() != null && draw < 50) ? comuna.alias() : (draw < 80) ? comuna.name()
				: (draw < 90) ? DemoGeo.plain(comuna.name()).toUpperCase(Locale.ROOT) : DemoGeo.plain(comuna.name());
	}

	// ---- rows, in the canonical column order of DemoSource
	// ------------------------------------

	/** A call-center row: the type as typed, the call's length, the caller's comuna. */
	static String[] callRow(long id, String time, String type, DemoGeo geo, Random random) {
		int draw = random.nextInt(100);
		String written = (draw < 65) ? type : (draw < 90) ? " " + type.toLowerCase(Locale.ROOT) : capitalized(type);
		int seconds = 40 + random.nextInt(300) + ((random.nextInt(4) == 0) ? random.nextInt(1500) : 0);
		return new String[] { Long.toString(id), time, rutOrEmpty(12, random), written, DemoFake.market(random),
				geo.region(random), geo.render(geo.pick(random), random), Integer.toString(seconds) };
	}

	/**
	 * A municipal platform's row: the consumer's comuna mostly one the platform serves.
	 */
	static String[] municipalRow(Municipio municipio, String id, String date, String type, String folio, DemoGeo geo,
			Random random) {
		DemoGeo.Comuna comuna = (random.nextInt(100) < 75)
				? geo.byCode(municipio.home().get(random.nextInt(municipio.home().size()))) : geo.pick(random);
		int draw = random.nextInt(100);
		String written = (draw < 88) ? capitalized(type) : (draw < 96) ? type : type.toLowerCase(Locale.ROOT);
		return new String[] { municipio.name(), id, date, written, folio, rutOrEmpty(3, random),
				geo.render(comuna, random), DemoFake.market(random) };
	}

	/** A partner service's row: the type as one letter, rarely lower case. */
	static String[] partnerRow(String institution, String id, String date, String type, String folio, DemoGeo geo,
			Random random) {
		String written = type.substring(0, 1);
		if (random.nextInt(30) == 0) {
			written = written.toLowerCase(Locale.ROOT);
		}
		return new String[] { institution, id, date, written, folio, rutOrEmpty(2, random),
				geo.render(geo.pick(random), random) };
	}

	/** A mobile unit's row of a visit. */
	static String[] movilRow(String date, String comuna, String programme, int correlativo, String type,
			Random random) {
		String written = (random.nextInt(20) == 0) ? capitalized(type) : type.toLowerCase(Locale.ROOT);
		return new String[] { date, comuna, programme, Integer.toString(correlativo), written, rutOrEmpty(3, random),
				DemoFake.market(random) };
	}

	// ---- re-ordered columns, with an unknown extra one
	// ---------------------------------------

	/**
	 * Columns of an export whose columns come in another order: canonical indexes, -1 for
	 * the unknown extra column, and the header's names.
	 */
	record Reordering(int[] order, List<String> header) {
	}

	static final Map<DemoSource, Reordering> REORDERED = new EnumMap<>(Map.of(DemoSource.CALLCENTER,
			new Reordering(new int[] { 6, 0, 3, 7, 2, 4, 5, 1, -1 },
					List.of("COMUNA", "ID_LLAMADA", "TIPO_ATENCION", "DURACIÓN_SEG", "RUT", "MERCADO", "REGIÓN",
							"FECHA_HORA", "EXTRA_CALLCENTER")),
			DemoSource.PORTAL,
			new Reordering(new int[] { 1, 0, 4, 2, 3, -1, 7, 6, 5, 8, 9, 10 },
					List.of("fecha_ingreso", "folio", "canal_origen", "tipo_solicitud", "subtipo", "id_interno",
							"comuna", "region", "rut_consumidor", "mercado", "proveedor", "descripcion")),
			DemoSource.OFICINA,
			new Reordering(new int[] { 1, 2, 0, 3, 4, 7, 5, 6, 8, -1 },
					List.of("FECHA", "HORA", "N_ATENCIÓN", "TIPO", "SUBTIPO", "COMUNA", "RUT", "NOMBRE", "MATERIA",
							"OBSERVACIONES")),
			DemoSource.MUNICIPAL,
			new Reordering(new int[] { 2, 0, 1, 3, 5, 4, 6, 7, -1 },
					List.of("Fecha", "Municipio", "ID Registro", "Tipo de Registro", "RUT", "Folio SERNAC",
							"Comuna Consumidor", "Mercado", "Observación")),
			DemoSource.MOVIL,
			new Reordering(new int[] { 3, 0, 1, 4, 5, 6, -1, 2 },
					List.of("correlativo", "fecha", "comuna_visitada", "tipo", "rut", "mercado", "observaciones",
							"programa")),
			DemoSource.CONVENIO, new Reordering(new int[] { 2, 6, 4, 3, 5, 0, 1, -1 }, List.of("fecha_recepcion",
					"comuna", "folio_sernac", "tipo", "rut", "institucion", "id_caso", "EXTRA_CONVENIO"))));

	/** The {@code n}th value written in an unknown extra column; it must be ignored. */
	static String extraValue(DemoSource source, int n) {
		return switch (source) {
			case PORTAL -> Integer.toString(500_000 + n);
			case MOVIL -> (n % 9 == 4) ? "Lluvia; poca asistencia, se cerró antes" : "";
			default -> "";
		};
	}

	// ---- rejected rows
	// -----------------------------------------------------------------------

	/**
	 * How a row is broken when it is to be rejected: its values, a field written after
	 * its last one (or null), and whether its last field is left out.
	 */
	record Broken(String[] values, String extraField, boolean dropLast) {
	}

	/**
	 * A copy of a valid row broken in exactly one way, as each export breaks rows for a
	 * reason of SPEC rule 3; {@code early} chooses between the two ways a reason has (an
	 * impossible date or a date in another format, a date before or after the period,
	 * ...), {@code year} the year of an impossible date.
	 */
	static Broken breakRow(DemoSource source, String reason, String[] values, int year, boolean early) {
		String[] v = values.clone();
		String extra = null;
		boolean dropLast = false;
		switch (source) {
			case CALLCENTER -> {
				switch (reason) {
					case "missing-key" -> v[0] = early ? "" : "   ";
					case "bad-date" -> v[1] = early ? "31/02/" + year + " 10:14:00" : year + "-10-07 11:20:00";
					case "unknown-type" -> v[3] = "QUEJA";
					case "field-count" -> extra = "RETAIL";
					default -> v[1] = early ? "11/03/1999 10:00:00" : "14/09/2031 10:05:00";
				}
			}
			case PORTAL -> {
				switch (reason) {
					case "missing-key" -> v[0] = "";
					case "bad-date" -> v[1] = early ? year + "-02-30T10:15:00" : "15/07/" + year + " 10:00";
					case "unknown-type" -> v[2] = early ? "queja" : "denuncia";
					case "field-count" -> {
						v[10] = "Cobro duplicado";
						extra = " sin respuesta";
					}
					default -> v[1] = early ? "1999-12-31T10:00:00" : "2031-11-05T09:12:00";
				}
			}
			case OFICINA -> {
				switch (reason) {
					case "missing-key" -> v[0] = "";
					case "bad-date" -> v[1] = early ? "31-04-" + year : year + "-07-01";
					case "unknown-type" -> v[3] = "Denuncia";
					case "field-count" -> dropLast = true;
					default -> v[1] = "12-03-1914";
				}
			}
			case MUNICIPAL -> {
				switch (reason) {
					case "missing-key" -> v[early ? 1 : 0] = "";
					case "bad-date" -> v[2] = early ? "31/2/" + year : year + "-08-12";
					case "unknown-type" -> v[3] = "Sugerencia";
					case "field-count" -> extra = "COMERCIO";
					default -> v[2] = "5/5/2031";
				}
			}
			case MOVIL -> {
				switch (reason) {
					case "missing-key" -> v[3] = "";
					case "bad-date" -> v[0] = year + "-09-31";
					case "unknown-type" -> v[4] = "orientacion";
					case "field-count" -> dropLast = true;
					default -> v[0] = "2031-01-01";
				}
			}
			case CONVENIO -> {
				switch (reason) {
					case "missing-key" -> v[1] = "";
					case "bad-date" -> v[2] = year + "0631";
					case "unknown-type" -> v[3] = "S";
					case "field-count" -> extra = "";
					default -> v[2] = "19991231";
				}
			}
		}
		return new Broken(v, extra, dropLast);
	}

	// ---- dates and times as each export writes them, without a formatter (the scaled
	// data's hot loop)

	private static void two(StringBuilder text, int value) {
		if (value < 10) {
			text.append('0');
		}
		text.append(value);
	}

	private static void clock(StringBuilder text, int second, boolean withSeconds) {
		two(text, second / 3600);
		text.append(':');
		two(text, (second / 60) % 60);
		if (withSeconds) {
			text.append(':');
			two(text, second % 60);
		}
	}

	/** Call center: {@code dd/MM/yyyy HH:mm:ss}. */
	static String callTime(LocalDate day, int second) {
		StringBuilder text = new StringBuilder(19);
		two(text, day.getDayOfMonth());
		text.append('/');
		two(text, day.getMonthValue());
		text.append('/').append(day.getYear()).append(' ');
		clock(text, second, true);
		return text.toString();
	}

	static String callTime(LocalDateTime at) {
		return callTime(at.toLocalDate(), at.toLocalTime().toSecondOfDay());
	}

	/** Portal: {@code yyyy-MM-dd'T'HH:mm:ss}. */
	static String portalTime(LocalDateTime at) {
		StringBuilder text = new StringBuilder(19);
		text.append(at.getYear()).append('-');
		two(text, at.getMonthValue());
		text.append('-');
		two(text, at.getDayOfMonth());
		text.append('T');
		clock(text, at.toLocalTime().toSecondOfDay(), true);
		return text.toString();
	}

	/** Office: {@code dd-MM-yyyy}. */
	static String officeDate(LocalDate day) {
		StringBuilder text = new StringBuilder(10);
		two(text, day.getDayOfMonth());
		text.append('-');
		two(text, day.getMonthValue());
		return text.append('-').append(day.getYear()).toString();
	}

	/** Office: {@code HH:mm}. */
	static String officeTime(int second) {
		StringBuilder text = new StringBuilder(5);
		clock(text, second, false);
		return text.toString();
	}

	/** Municipal platforms: {@code d/M/yyyy}. */
	static String municipalDate(LocalDate day) {
		return day.getDayOfMonth() + "/" + day.getMonthValue() + "/" + day.getYear();
	}

	/** Mobile unit: {@code yyyy-MM-dd}. */
	static String movilDate(LocalDate day) {
		StringBuilder text = new StringBuilder(10);
		text.append(day.getYear()).append('-');
		two(text, day.getMonthValue());
		text.append('-');
		two(text, day.getDayOfMonth());
		return text.toString();
	}

	/** Partner services: {@code yyyyMMdd}. */
	static String partnerDate(LocalDate day) {
		StringBuilder text = new StringBuilder(8);
		text.append(day.getYear());
		two(text, day.getMonthValue());
		two(text, day.getDayOfMonth());
		return text.toString();
	}

}
