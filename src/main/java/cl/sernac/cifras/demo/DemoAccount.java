package cl.sernac.cifras.demo;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * The rest of the 2014-2016 public account of the Valparaíso office (SPEC-ACCOUNT): the
 * legal unit's lawsuits ({@code juicios_<yyyy>.csv}) and the office's activity log
 * ({@code actividades_<yyyy>.csv}), whose correct count is exactly the account's figures:
 * 241 lawsuits of general interest started and 99 closed (76 favourable, 23
 * unfavourable); 6 studies, 146 price surveys, 27 campaigns, 503 press appearances; 185
 * Educación Financiera activities reaching 12.567 schoolchildren, 2.680 young people and
 * 2.082 older adults in 32 schools; 997 activities for the general public in 2014; 12
 * participation mechanisms.
 *
 * <p>
 * With the awkward cases of the contract: a lawsuit comes back in a later export when it
 * is closed (its court sometimes written in capitals without accents), action types and
 * lines spelled several ways, descriptions with people's names over several lines, an
 * activity corrected by the next year's export, and the last export re-saved by a
 * spreadsheet (byte-order mark, CRLF, every field quoted, an empty row at the end). Its
 * own random sequence, so the six intake exports are the same with or without it.
 */
final class DemoAccount {

	static final int GENERAL_STARTED = 241;

	static final int[] GENERAL_BY_YEAR = { 78, 80, 83 };

	static final int COLLECTIVE_PER_YEAR = 3;

	/** Lawsuits filed in 2013 and closed in 2014: closed in the period all the same. */
	static final int FILED_BEFORE = 5;

	static final int FAVOURABLE = 76;

	static final int UNFAVOURABLE = 23;

	private static final DateTimeFormatter LAWSUIT_DATE = DateTimeFormatter.ofPattern("dd-MM-uuuu", Locale.ROOT);

	private static final List<String> COURTS = List.of("1° Juzgado de Policía Local de Valparaíso",
			"2° Juzgado de Policía Local de Viña del Mar", "Juzgado de Policía Local de Quilpué",
			"Juzgado de Policía Local de Quillota", "Juzgado de Policía Local de San Antonio",
			"Juzgado de Policía Local de Los Andes");

	private static final List<String> MARKETS = List.of("FINANCIERO", "COMERCIO", "TELECOMUNICACIONES", "SALUD",
			"TRANSPORTE", "SERVICIOS BÁSICOS");

	/** Activities of each line by year (2014, 2015, 2016). */
	static final Map<String, int[]> LINES = new LinkedHashMap<>();

	static {
		LINES.put("educacion_financiera", new int[] { 60, 62, 63 });
		LINES.put("educacion_general", new int[] { 997, 0, 0 });
		LINES.put("estudio", new int[] { 2, 2, 2 });
		LINES.put("sondeo_precios", new int[] { 48, 49, 49 });
		LINES.put("campana", new int[] { 9, 9, 9 });
		LINES.put("prensa", new int[] { 160, 170, 173 });
		LINES.put("participacion", new int[] { 4, 4, 4 });
	}

	/** The participation mechanisms, 12 in all, as the log spells them. */
	private static final List<String> MECHANISMS = List.of("cuenta pública", "Consejo Consultivo", "conversatorio",
			"consejo consultivo", "Cuenta Pública", "consulta ciudadana", "consejo consultivo", "conversatorio",
			"Cuenta pública", "Consulta Ciudadana", "consejo consultivo", "otro");

	static final int SCHOOLCHILDREN = 12_567;

	static final int YOUNG_PEOPLE = 2_680;

	static final int OLDER_ADULTS = 2_082;

	static final int SCHOOLS = 32;

	/** Educación Financiera activities held in a school. */
	private static final int IN_SCHOOLS = 120;

	private final Random random;

	private final DemoGeo geo;

	DemoAccount(long seed, DemoGeo geo) {
		this.random = new Random(seed ^ 0x5EC0_0A11L);
		this.geo = geo;
	}

	/** Writes the lawsuits' and the activities' exports; returns data rows by file. */
	Map<String, Integer> write(Path directory) throws IOException {
		Map<String, Integer> rows = new TreeMap<>();
		rows.putAll(lawsuits(directory));
		rows.putAll(activities(directory));
		return rows;
	}

	// ---- lawsuits

	private record Lawsuit(String court, String rol, String action, LocalDate filed, LocalDate closed, String result,
			String market, String comuna) {
	}

	private Map<String, Integer> lawsuits(Path directory) throws IOException {
		List<Lawsuit> lawsuits = new ArrayList<>();
		int number = 100;
		// which general-interest lawsuits of the period close, and how
		int closedInPeriod = FAVOURABLE + UNFAVOURABLE - FILED_BEFORE;
		List<String> results = new ArrayList<>();
		results.addAll(Collections.nCopies(FAVOURABLE, "favorable"));
		results.addAll(Collections.nCopies(UNFAVOURABLE, "desfavorable"));
		Collections.shuffle(results, this.random);
		List<Boolean> closing = new ArrayList<>();
		closing.addAll(Collections.nCopies(closedInPeriod, true));
		closing.addAll(Collections.nCopies(GENERAL_STARTED - closedInPeriod, false));
		Collections.shuffle(closing, this.random);
		int next = 0;
		int result = 0;
		for (int i = 0; i < FILED_BEFORE; i++) {
			LocalDate filed = day(2013, 6 + this.random.nextInt(6));
			LocalDate closed = day(2014, 1 + this.random.nextInt(6));
			lawsuits.add(lawsuit(number++, 2013, "interés general", filed, closed, results.get(result++)));
		}
		for (int y = 0; y < 3; y++) {
			int year = 2014 + y;
			for (int i = 0; i < GENERAL_BY_YEAR[y]; i++) {
				LocalDate filed = day(year, 1 + this.random.nextInt(12));
				LocalDate closed = null;
				String outcome = null;
				if (closing.get(next++)) {
					closed = filed.plusDays(30 + this.random.nextInt(500));
					if (closed.getYear() > 2016) {
						closed = LocalDate.of(2016, 12, 1 + this.random.nextInt(20));
					}
					if (closed.isBefore(filed)) {
						closed = filed;
					}
					outcome = results.get(result++);
				}
				lawsuits.add(lawsuit(number++, year, spelling(), filed, closed, outcome));
			}
			for (int i = 0; i < COLLECTIVE_PER_YEAR; i++) {
				lawsuits.add(lawsuit(number++, year, "interés colectivo", day(year, 1 + this.random.nextInt(12)), null,
						null));
			}
		}
		Map<String, Integer> rows = new TreeMap<>();
		String header = "tribunal;rol;tipo_accion;fecha_presentacion;estado;fecha_termino;resultado;mercado;comuna";
		for (int year = 2014; year <= 2016; year++) {
			String name = "juicios_" + year + ".csv";
			int written = 0;
			try (Writer out = DemoWriter.open(directory.resolve(name), StandardCharsets.UTF_8, false)) {
				out.write(header + "\n");
				for (Lawsuit l : lawsuits) {
					boolean filedNow = l.filed().getYear() == year;
					boolean closedNow = l.closed() != null && l.closed().getYear() == year;
					if (!filedNow && !closedNow) {
						continue;
					}
					// the state at the end of the export's year
					boolean closedYet = l.closed() != null && l.closed().getYear() <= year;
					String court = (!filedNow && this.random.nextInt(4) == 0)
							? " " + DemoGeo.plain(l.court()).toUpperCase(Locale.ROOT) + " " : l.court();
					out.write(String.join(";", court, l.rol(), l.action(), l.filed().format(LAWSUIT_DATE),
							closedYet ? "terminado" : "en tramitación",
							closedYet ? l.closed().format(LAWSUIT_DATE) : "", closedYet ? l.result() : "", l.market(),
							l.comuna()) + "\n");
					written++;
				}
			}
			rows.put(name, written);
		}
		return rows;
	}

	private Lawsuit lawsuit(int number, int year, String action, LocalDate filed, LocalDate closed, String result) {
		return new Lawsuit(COURTS.get(this.random.nextInt(COURTS.size())), number + "-" + year, action, filed, closed,
				result, MARKETS.get(this.random.nextInt(MARKETS.size())), this.geo.pick(this.random).name());
	}

	private String spelling() {
		int draw = this.random.nextInt(10);
		return (draw < 7) ? "interés general" : (draw < 9) ? "Interés General" : "INTERES GENERAL";
	}

	private LocalDate day(int year, int month) {
		LocalDate first = LocalDate.of(year, month, 1);
		return first.plusDays(this.random.nextInt(first.lengthOfMonth()));
	}

	// ---- activities

	private record Activity(String id, LocalDate date, String line, String subtype, String comuna, String rbd,
			int schoolchildren, int youngPeople, int olderAdults, String description) {
	}

	private Map<String, Integer> activities(Path directory) throws IOException {
		List<String> schools = new ArrayList<>();
		for (int i = 0; i < SCHOOLS; i++) {
			int body = 1000 + 137 * i + this.random.nextInt(100);
			schools.add(body + "-" + DemoFake.checkDigit(body));
		}
		// people reached by Educación Financiera, split exactly over its activities
		int financial = 0;
		for (int n : LINES.get("educacion_financiera")) {
			financial += n;
		}
		int inCommunity = financial - IN_SCHOOLS;
		int[] schoolchildren = DemoFormats.split(SCHOOLCHILDREN, weights(IN_SCHOOLS));
		int[] young = DemoFormats.split(YOUNG_PEOPLE, weights(inCommunity));
		int[] older = DemoFormats.split(OLDER_ADULTS, weights(inCommunity));
		List<Boolean> inSchool = new ArrayList<>();
		inSchool.addAll(Collections.nCopies(IN_SCHOOLS, true));
		inSchool.addAll(Collections.nCopies(inCommunity, false));
		Collections.shuffle(inSchool, this.random);
		Map<Integer, List<Activity>> byYear = new TreeMap<>();
		int school = 0;
		int community = 0;
		int mechanism = 0;
		int financialIndex = 0;
		for (int y = 0; y < 3; y++) {
			int year = 2014 + y;
			List<Activity> list = byYear.computeIfAbsent(year, (k) -> new ArrayList<>());
			int number = 1;
			for (Map.Entry<String, int[]> line : LINES.entrySet()) {
				for (int i = 0; i < line.getValue()[y]; i++) {
					String id = String.format(Locale.ROOT, "ACT-%d-%04d", year, number++);
					LocalDate date = day(year, 1 + this.random.nextInt(12));
					String comuna = this.geo.pick(this.random).name();
					String description = description();
					switch (line.getKey()) {
						case "educacion_financiera" -> {
							boolean atSchool = inSchool.get(financialIndex++);
							if (atSchool) {
								// every school at least once, then any
								String rbd = (school < SCHOOLS) ? schools.get(school)
										: schools.get(this.random.nextInt(SCHOOLS));
								if (this.random.nextInt(5) == 0) {
									rbd = rbd.substring(0, rbd.indexOf('-'));
								}
								list.add(new Activity(id, date, lineSpelling(line.getKey()), "", comuna, rbd,
										schoolchildren[school], 0, 0, description));
								school++;
							}
							else {
								list.add(new Activity(id, date, lineSpelling(line.getKey()), "", comuna, "", 0,
										young[community], older[community], description));
								community++;
							}
						}
						case "participacion" -> list.add(new Activity(id, date, "participacion",
								MECHANISMS.get(mechanism++), comuna, "", 0, 0, 0, description));
						default ->
							list.add(new Activity(id, date, line.getKey(), "", comuna, "", 0, 0, 0, description));
					}
				}
			}
			list.sort(java.util.Comparator.comparing(Activity::date));
		}
		Map<String, Integer> rows = new TreeMap<>();
		String header = "id_actividad,fecha,linea,subtipo,comuna,rbd,escolares,jovenes,adultos_mayores,descripcion";
		// an activity of 2014 delivered first with a wrong count, corrected by the 2015
		// export
		Activity corrected = byYear.get(2014).stream().filter((a) -> a.schoolchildren() > 1).findFirst().orElseThrow();
		for (int year = 2014; year <= 2016; year++) {
			String name = "actividades_" + year + ".csv";
			boolean resaved = year == 2016;
			String lineEnd = resaved ? "\r\n" : "\n";
			int written = 0;
			try (Writer out = DemoWriter.open(directory.resolve(name), StandardCharsets.UTF_8, resaved)) {
				out.write(resaved ? quoted(header.split(",")) : header);
				out.write(lineEnd);
				List<Activity> list = new ArrayList<>(byYear.get(year));
				if (year == 2015) {
					list.add(0, corrected);
				}
				for (Activity a : list) {
					int children = a.schoolchildren();
					if (year == 2014 && a == corrected) {
						children = children - 1;
					}
					String[] fields = { a.id(), a.date().toString(), a.line(), a.subtype(), a.comuna(), a.rbd(),
							count(children, a), count(a.youngPeople(), a), count(a.olderAdults(), a), a.description() };
					out.write(resaved ? quoted(fields) : csv(fields));
					out.write(lineEnd);
					written++;
				}
				if (resaved) {
					out.write(quoted(new String[10]));
					out.write(lineEnd);
				}
			}
			rows.put(name, written);
		}
		return rows;
	}

	/** A count as the log writes it: empty for 0 now and then. */
	private static String count(int n, Activity activity) {
		return (n == 0 && !activity.line().startsWith("educ")) ? "" : Integer.toString(n);
	}

	private double[] weights(int n) {
		double[] weights = new double[n];
		for (int i = 0; i < n; i++) {
			weights[i] = 0.5 + this.random.nextDouble();
		}
		return weights;
	}

	private String lineSpelling(String line) {
		return (this.random.nextInt(6) == 0) ? "Educación Financiera" : line;
	}

	private String description() {
		int draw = this.random.nextInt(10);
		if (draw == 0) {
			return "Taller dictado por\n" + DemoFake.name(this.random) + "\ny equipo";
		}
		if (draw < 3) {
			return "Charla con " + DemoFake.name(this.random);
		}
		return (draw < 6) ? "Taller, \"consumo responsable\"" : "";
	}

	private static String csv(String[] fields) {
		StringBuilder line = new StringBuilder();
		for (int i = 0; i < fields.length; i++) {
			if (i > 0) {
				line.append(',');
			}
			String f = fields[i];
			if (f.indexOf(',') >= 0 || f.indexOf('"') >= 0 || f.indexOf('\n') >= 0) {
				line.append('"').append(f.replace("\"", "\"\"")).append('"');
			}
			else {
				line.append(f);
			}
		}
		return line.toString();
	}

	private static String quoted(String[] fields) {
		StringBuilder line = new StringBuilder();
		for (int i = 0; i < fields.length; i++) {
			if (i > 0) {
				line.append(',');
			}
			String f = (fields[i] != null) ? fields[i] : "";
			line.append('"').append(f.replace("\"", "\"\"")).append('"');
		}
		return line.toString();
	}

}
