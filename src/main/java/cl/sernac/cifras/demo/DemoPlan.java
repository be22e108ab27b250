package cl.sernac.cifras.demo;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

import static cl.sernac.cifras.demo.DemoFormats.CONSULTA;
import static cl.sernac.cifras.demo.DemoFormats.INTERNET;
import static cl.sernac.cifras.demo.DemoFormats.RECLAMO;
import static cl.sernac.cifras.demo.DemoFormats.SONI;

/**
 * Plans every row of the demo exports: the final records that must add up to the
 * 2014-2016 account, then the noise a correct count must see through (overlaps,
 * corrections, key variants, forwarded central cases, warnings and rejected rows).
 * Deterministic for a seed: one {@link Random}, drawn in a fixed order.
 */
final class DemoPlan {

	static final int FIRST_YEAR = 2014;

	static final int LAST_YEAR = 2016;

	static final YearMonth FIRST = YearMonth.of(FIRST_YEAR, 1);

	static final YearMonth LAST = YearMonth.of(LAST_YEAR, 12);

	private static final LocalDateTime END = LocalDateTime.of(LAST_YEAR + 1, 1, 1, 0, 0);

	private static final String[][] SONI_SUBTYPES = { { "DISCONFORMIDAD" }, { "RECONOCIMIENTO" }, { "SUGERENCIA" } };

	/**
	 * One cell of the account: records of a type (and SONI subtype) by channel and year.
	 */
	record Cell(String type, String subtype, String channel, int year) implements Comparable<Cell> {

		private static final Comparator<Cell> ORDER = Comparator.comparing(Cell::type)
			.thenComparing(Cell::subtype)
			.thenComparing(Cell::channel)
			.thenComparingInt(Cell::year);

		@Override
		public int compareTo(Cell other) {
			return ORDER.compare(this, other);
		}

	}

	/**
	 * A portal row registered by a municipal platform or partner service whose intake row
	 * never arrives.
	 */
	record PortalOnly(String channel, String type, YearMonth month) {
	}

	private static final List<PortalOnly> PORTAL_ONLY = List.of(
			new PortalOnly("MUNICIPAL", CONSULTA, YearMonth.of(2014, 9)),
			new PortalOnly("MUNICIPAL", RECLAMO, YearMonth.of(2015, 3)),
			new PortalOnly("MUNICIPAL", RECLAMO, YearMonth.of(2015, 8)),
			new PortalOnly("MUNICIPAL", CONSULTA, YearMonth.of(2016, 5)),
			new PortalOnly("MUNICIPAL", RECLAMO, YearMonth.of(2016, 2)),
			new PortalOnly("MUNICIPAL", RECLAMO, YearMonth.of(2016, 10)),
			new PortalOnly("CONVENIO", RECLAMO, YearMonth.of(2015, 11)),
			new PortalOnly("CONVENIO", RECLAMO, YearMonth.of(2016, 6)));

	final Random random;

	final DemoGeo geo;

	final Map<Cell, Integer> targets = new TreeMap<>();

	final Map<DemoSource, List<DemoRow>> rows = new EnumMap<>(DemoSource.class);

	final Map<String, Integer> exercised = new LinkedHashMap<>();

	private final List<DemoFormats.Municipio> municipios;

	private final Map<String, DemoFormats.Municipio> municipioByName = new HashMap<>();

	DemoPlan(long seed, DemoGeo geo) {
		this.random = new Random(seed);
		this.geo = geo;
		for (DemoSource source : DemoSource.values()) {
			this.rows.put(source, new ArrayList<>());
		}
		this.municipios = DemoFormats.municipios(geo);
		this.municipios.forEach((m) -> this.municipioByName.put(m.name(), m));
	}

	DemoPlan build() {
		targets();
		callcenter();
		oficina();
		movil();
		municipal();
		convenio();
		portal();
		renderMunicipal();
		renderConvenio();
		renderPortal();
		corrections();
		variants();
		warnings();
		rejects();
		for (List<DemoRow> list : this.rows.values()) {
			list.sort(Comparator.comparing((DemoRow r) -> r.at));
		}
		verify();
		officeProgramme();
		return this;
	}

	/** The territorial programme of the public account (SPEC-ACCOUNT). */
	static final String TERRITORIAL = "SERNAC en tu barrio";

	/** Office attentions during the programme's visits, entered through the office. */
	static final int OFFICE_PROGRAMME_CONSULTAS = 14;

	static final int OFFICE_PROGRAMME_RECLAMOS = 2;

	/**
	 * Marks office rows taken during the programme's visits (since 2015, when the
	 * office's export has the column): rows counted once as they are, without
	 * corrections, key variants or warnings. Draws nothing from the random sequence.
	 */
	private void officeProgramme() {
		int consultas = 0;
		int reclamos = 0;
		int eligible = 0;
		for (DemoRow row : this.rows.get(DemoSource.OFICINA)) {
			if (row.reject != null || row.first != null || row.resent != null || row.warning != null
					|| row.counted == null || row.at.getYear() < 2015 || !row.counted.type().equals(row.type)) {
				continue;
			}
			eligible++;
			if (row.type.equals(CONSULTA) && consultas < OFFICE_PROGRAMME_CONSULTAS && eligible % 700 == 0) {
				row.programme = (consultas % 3 == 0) ? TERRITORIAL.toUpperCase(Locale.ROOT) : TERRITORIAL;
				consultas++;
			}
			else if (row.type.equals(RECLAMO) && reclamos < OFFICE_PROGRAMME_RECLAMOS && eligible % 900 == 0) {
				row.programme = TERRITORIAL;
				reclamos++;
			}
		}
		if (consultas != OFFICE_PROGRAMME_CONSULTAS || reclamos != OFFICE_PROGRAMME_RECLAMOS) {
			throw new IllegalStateException(
					"Office programme rows: " + consultas + " consultas, " + reclamos + " reclamos");
		}
	}

	// ---- the account
	// -------------------------------------------------------------------

	private void targets() {
		account(CONSULTA, "", "CALL_CENTER", 43_566, 0.31, 0.33, 0.36);
		account(CONSULTA, "", INTERNET, 15_446, 0.27, 0.33, 0.40);
		account(CONSULTA, "", "OFICINA", 17_730, 0.35, 0.33, 0.32);
		account(CONSULTA, "", "MOVIL", 998, 0.30, 0.33, 0.37);
		account(CONSULTA, "", "MUNICIPAL", 20_565, 0.25, 0.34, 0.41);
		account(RECLAMO, "", "CONVENIO", 759, 0.24, 0.34, 0.42);
		account(RECLAMO, "", INTERNET, 55_958, 0.28, 0.33, 0.39);
		account(RECLAMO, "", "OFICINA", 6_355, 0.35, 0.33, 0.32);
		account(RECLAMO, "", "CALL_CENTER", 1_030, 0.31, 0.33, 0.36);
		account(RECLAMO, "", "MOVIL", 240, 0.30, 0.33, 0.37);
		account(RECLAMO, "", "MUNICIPAL", 18_737, 0.25, 0.34, 0.41);
		account(SONI, "DISCONFORMIDAD", INTERNET, 24, 0.30, 0.33, 0.37);
		account(SONI, "DISCONFORMIDAD", "OFICINA", 36, 0.30, 0.33, 0.37);
		account(SONI, "RECONOCIMIENTO", INTERNET, 41, 0.30, 0.33, 0.37);
		account(SONI, "RECONOCIMIENTO", "OFICINA", 85, 0.30, 0.33, 0.37);
		account(SONI, "SUGERENCIA", INTERNET, 3, 0.30, 0.33, 0.37);
		account(SONI, "SUGERENCIA", "OFICINA", 2, 0.30, 0.33, 0.37);
	}

	private void account(String type, String subtype, String channel, int total, double... yearWeights) {
		int[] byYear = DemoFormats.split(total, yearWeights);
		for (int i = 0; i < byYear.length; i++) {
			if (byYear[i] > 0) {
				this.targets.put(new Cell(type, subtype, channel, FIRST_YEAR + i), byYear[i]);
			}
		}
	}

	private int target(String type, String subtype, String channel, int year) {
		return this.targets.getOrDefault(new Cell(type, subtype, channel, year), 0);
	}

	/**
	 * A year's total spread over its twelve months with the seasonal shape and some
	 * noise.
	 */
	private int[] months(int total) {
		double[] weights = new double[12];
		for (int m = 0; m < 12; m++) {
			weights[m] = DemoFormats.SEASON[m] * (0.95 + 0.10 * this.random.nextDouble());
		}
		return DemoFormats.split(total, weights);
	}

	private LocalDateTime moment(YearMonth month, boolean weekdays, int fromMinute, int toMinute) {
		LocalDate day;
		do {
			day = month.atDay(1 + this.random.nextInt(month.lengthOfMonth()));
		}
		while (weekdays && !DemoFormats.workingDay(day));
		int minute = fromMinute + this.random.nextInt(toMinute - fromMinute);
		return day.atTime(minute / 60, minute % 60, this.random.nextInt(60));
	}

	private LocalDateTime webMoment(YearMonth month) {
		LocalDate day = month.atDay(1 + this.random.nextInt(month.lengthOfMonth()));
		int minute = (this.random.nextInt(4) == 0) ? this.random.nextInt(1440) : 480 + this.random.nextInt(900);
		return day.atTime(minute / 60, minute % 60, this.random.nextInt(60));
	}

	private List<DemoRow> plan(DemoSource source, String type, String subtype, String channel, int year, int total,
			java.util.function.Function<YearMonth, LocalDateTime> when) {
		List<DemoRow> planned = new ArrayList<>();
		int[] perMonth = months(total);
		for (int m = 0; m < 12; m++) {
			for (int k = 0; k < perMonth[m]; k++) {
				DemoRow row = new DemoRow(source, when.apply(YearMonth.of(year, m + 1)));
				row.type = type;
				row.subtype = subtype;
				row.channel = channel;
				row.counted = new Cell(type, subtype, channel, year);
				planned.add(row);
			}
		}
		return planned;
	}

	private static void byTime(List<DemoRow> list) {
		list.sort(Comparator.comparing((DemoRow r) -> r.at));
	}

	// ---- call center
	// -------------------------------------------------------------------

	private void callcenter() {
		List<DemoRow> list = this.rows.get(DemoSource.CALLCENTER);
		for (int year = FIRST_YEAR; year <= LAST_YEAR; year++) {
			for (String type : List.of(CONSULTA, RECLAMO)) {
				list.addAll(plan(DemoSource.CALLCENTER, type, "", "CALL_CENTER", year,
						target(type, "", "CALL_CENTER", year), (m) -> moment(m, true, 8 * 60 + 30, 18 * 60 + 30)));
			}
		}
		byTime(list);
		long id = 4_000_001L;
		for (DemoRow row : list) {
			row.values = DemoFormats.callRow(id, DemoFormats.callTime(row.at), row.type, this.geo, this.random);
			id += 1 + this.random.nextInt(3);
		}
	}

	// ---- regional office
	// ---------------------------------------------------------------

	private void oficina() {
		List<DemoRow> list = this.rows.get(DemoSource.OFICINA);
		for (int year = FIRST_YEAR; year <= LAST_YEAR; year++) {
			for (String type : List.of(CONSULTA, RECLAMO)) {
				list.addAll(plan(DemoSource.OFICINA, type, "", "OFICINA", year, target(type, "", "OFICINA", year),
						(m) -> moment(m, true, 8 * 60 + 30, 14 * 60)));
			}
			for (String[] subtype : SONI_SUBTYPES) {
				list.addAll(plan(DemoSource.OFICINA, SONI, subtype[0], "OFICINA", year,
						target(SONI, subtype[0], "OFICINA", year), (m) -> moment(m, true, 8 * 60 + 30, 14 * 60)));
			}
		}
		byTime(list);
		int id = 200_001;
		for (DemoRow row : list) {
			int draw = this.random.nextInt(100);
			String type;
			if (row.type.equals(SONI)) {
				type = (draw < 90) ? "SONI" : "Soni";
			}
			else {
				type = DemoFormats.officeType(row.type, draw);
			}
			String subtype = row.subtype.isEmpty() ? ""
					: (this.random.nextInt(10) == 0) ? row.subtype : DemoFormats.capitalized(row.subtype);
			row.values = new String[] { Integer.toString(id++), DemoFormats.officeDate(row.at.toLocalDate()),
					DemoFormats.officeTime(row.at.toLocalTime().toSecondOfDay()), type, subtype,
					DemoFormats.rutOrEmpty(1, this.random), DemoFake.name(this.random),
					this.geo.render(this.geo.pick(this.random), this.random), DemoFake.matter(this.random) };
		}
	}

	// ---- mobile unit
	// -------------------------------------------------------------------

	private void movil() {
		List<DemoGeo.Comuna> pool = this.geo.comunas.stream()
			.filter((c) -> !DemoFormats.NOT_VISITED.contains(c.code()))
			.toList();
		int[] visitsPerYear = { 32, 35, 38 };
		int visits = visitsPerYear[0] + visitsPerYear[1] + visitsPerYear[2];
		List<DemoGeo.Comuna> where = new ArrayList<>(pool);
		while (where.size() < visits) {
			DemoGeo.Comuna comuna = this.geo.pick(this.random);
			if (!DemoFormats.NOT_VISITED.contains(comuna.code())) {
				where.add(comuna);
			}
		}
		Collections.shuffle(where, this.random);
		List<DemoRow> list = this.rows.get(DemoSource.MOVIL);
		Set<String> visited = new HashSet<>();
		int next = 0;
		for (int year = FIRST_YEAR; year <= LAST_YEAR; year++) {
			int consultas = target(CONSULTA, "", "MOVIL", year);
			int reclamos = target(RECLAMO, "", "MOVIL", year);
			int yearVisits = visitsPerYear[year - FIRST_YEAR];
			double[] sizeWeights = new double[yearVisits];
			for (int i = 0; i < yearVisits; i++) {
				sizeWeights[i] = 0.4 + this.random.nextDouble();
			}
			int[] sizes = DemoFormats.split(consultas + reclamos - 3 * yearVisits, sizeWeights);
			List<String> types = new ArrayList<>();
			types.addAll(Collections.nCopies(consultas, CONSULTA));
			types.addAll(Collections.nCopies(reclamos, RECLAMO));
			Collections.shuffle(types, this.random);
			int[] perMonth = DemoFormats.split(yearVisits, DemoFormats.SEASON);
			int visit = 0;
			int person = 0;
			for (int m = 0; m < 12; m++) {
				for (int k = 0; k < perMonth[m]; k++, visit++) {
					DemoGeo.Comuna comuna = where.get(next++);
					LocalDate day;
					do {
						day = YearMonth.of(year, m + 1)
							.atDay(1 + this.random.nextInt(YearMonth.of(year, m + 1).lengthOfMonth()));
					}
					while (day.getDayOfWeek() == DayOfWeek.SUNDAY || !visited.add(day + comuna.code()));
					String spelled = DemoFormats.visited(comuna, this.random);
					// drawn as before, so the rest of the sequence stays the same; every
					// visit
					// is the territorial programme's
					DemoFake.programme(this.random);
					String programme = TERRITORIAL;
					for (int correlativo = 1; correlativo <= 3 + sizes[visit]; correlativo++) {
						String type = types.get(person++);
						DemoRow row = new DemoRow(DemoSource.MOVIL, day.atTime(10, 0).plusMinutes(6L * correlativo));
						row.type = type;
						row.channel = "MOVIL";
						row.owner = comuna.name();
						row.counted = new Cell(type, "", "MOVIL", year);
						row.values = DemoFormats.movilRow(DemoFormats.movilDate(day), spelled, programme, correlativo,
								type, this.random);
						list.add(row);
					}
				}
			}
		}
		byTime(list);
	}

	// ---- municipal platforms
	// -----------------------------------------------------------

	private int portalOnly(String channel, String type, int year) {
		return (int) PORTAL_ONLY.stream()
			.filter((p) -> p.channel().equals(channel) && p.type().equals(type) && p.month().getYear() == year)
			.count();
	}

	private final Map<YearMonth, List<DemoFormats.Municipio>> activeMunicipios = new HashMap<>();

	/** A platform drawn by weight among those that had joined by {@code month}. */
	private DemoFormats.Municipio pickMunicipio(YearMonth month) {
		List<DemoFormats.Municipio> active = this.activeMunicipios.computeIfAbsent(month,
				(ym) -> this.municipios.stream().filter((m) -> !m.start().isAfter(ym)).toList());
		return DemoFormats.pick(active, active.stream().mapToInt(DemoFormats.Municipio::weight).sum(), this.random);
	}

	private void municipal() {
		List<DemoRow> list = this.rows.get(DemoSource.MUNICIPAL);
		for (int year = FIRST_YEAR; year <= LAST_YEAR; year++) {
			for (String type : List.of(CONSULTA, RECLAMO)) {
				int total = target(type, "", "MUNICIPAL", year) - portalOnly("MUNICIPAL", type, year);
				list.addAll(plan(DemoSource.MUNICIPAL, type, "", "MUNICIPAL", year, total,
						(m) -> moment(m, true, 9 * 60, 17 * 60 + 30)));
			}
		}
		byTime(list);
		Map<String, Integer> ids = new HashMap<>();
		for (DemoRow row : list) {
			row.owner = pickMunicipio(row.fileMonth).name();
			row.id = Integer.toString(ids.merge(row.owner, 1, Integer::sum));
		}
		for (DemoRow row : list) {
			int percent = row.type.equals(RECLAMO) ? 250 : 25;
			if (this.random.nextInt(1000) < percent) {
				forward(row, DemoFormats.centralEntry(row.at, this.random), "MUNICIPAL");
			}
		}
		// Cases a platform attended in the last days of 2014 and the central system
		// entered in January 2015.
		List<DemoRow> lateDecember = list.stream()
			.filter((r) -> r.fileMonth.equals(YearMonth.of(2014, 12)) && r.type.equals(RECLAMO) && r.link == null
					&& r.pendingCentralEntry == null && r.at.getDayOfMonth() >= 22)
			.toList();
		int nextYear = 0;
		for (int i = lateDecember.size() - 1; i >= 0 && nextYear < 3; i--, nextYear++) {
			forward(lateDecember.get(i), LocalDateTime.of(2015, 1, 2 + nextYear * 2, 9 + nextYear, 17, 40),
					"MUNICIPAL");
		}
		// Cases the platform registered as consulta that the central system entered as
		// reclamo.
		List<DemoRow> consultas = list.stream()
			.filter((r) -> r.type.equals(CONSULTA) && r.link != null && r.fileMonth.isBefore(LAST))
			.toList();
		for (int i = 0; i < 4; i++) {
			consultas.get(this.random.nextInt(consultas.size())).link.type = RECLAMO;
		}
	}

	private void forward(DemoRow intake, LocalDateTime centralEntry, String channel) {
		if (!centralEntry.isBefore(END)) {
			intake.pendingCentralEntry = centralEntry;
			return;
		}
		DemoRow portal = new DemoRow(DemoSource.PORTAL, centralEntry);
		portal.type = intake.type;
		portal.channel = channel;
		portal.link = intake;
		intake.link = portal;
		this.rows.get(DemoSource.PORTAL).add(portal);
	}

	private void renderMunicipal() {
		for (DemoRow row : this.rows.get(DemoSource.MUNICIPAL)) {
			row.values = DemoFormats.municipalRow(this.municipioByName.get(row.owner), row.id,
					DemoFormats.municipalDate(row.at.toLocalDate()), row.type, row.folio, this.geo, this.random);
		}
	}

	// ---- partner services
	// --------------------------------------------------------------

	private void convenio() {
		List<DemoRow> list = this.rows.get(DemoSource.CONVENIO);
		for (int year = FIRST_YEAR; year <= LAST_YEAR; year++) {
			int total = target(RECLAMO, "", "CONVENIO", year) - portalOnly("CONVENIO", RECLAMO, year);
			list.addAll(plan(DemoSource.CONVENIO, RECLAMO, "", "CONVENIO", year, total,
					(m) -> moment(m, true, 9 * 60, 17 * 60)));
		}
		byTime(list);
		Map<String, Integer> ids = new HashMap<>();
		for (DemoRow row : list) {
			row.owner = DemoFormats.institution(this.random);
			row.id = Integer.toString(ids.merge(row.owner, 10_001, (a, b) -> a + 1));
		}
		for (DemoRow row : list) {
			if (this.random.nextInt(100) < 60) {
				forward(row, DemoFormats.centralEntry(row.at, this.random), "CONVENIO");
			}
		}
		// One case received in the last days of 2015 and entered centrally in January
		// 2016.
		list.stream()
			.filter((r) -> r.fileMonth.equals(YearMonth.of(2015, 12)) && r.link == null
					&& r.pendingCentralEntry == null)
			.reduce((a, b) -> b)
			.ifPresent((r) -> forward(r, LocalDateTime.of(2016, 1, 5, 11, 2, 9), "CONVENIO"));
	}

	private void renderConvenio() {
		for (DemoRow row : this.rows.get(DemoSource.CONVENIO)) {
			row.values = DemoFormats.partnerRow(row.owner, row.id, DemoFormats.partnerDate(row.at.toLocalDate()),
					row.type, row.folio, this.geo, this.random);
		}
	}

	// ---- web portal / central case system
	// ----------------------------------------------

	private void portal() {
		List<DemoRow> list = this.rows.get(DemoSource.PORTAL);
		for (int year = FIRST_YEAR; year <= LAST_YEAR; year++) {
			for (String type : List.of(CONSULTA, RECLAMO)) {
				list.addAll(plan(DemoSource.PORTAL, type, "", INTERNET, year, target(type, "", INTERNET, year),
						this::webMoment));
			}
			for (String[] subtype : SONI_SUBTYPES) {
				list.addAll(plan(DemoSource.PORTAL, SONI, subtype[0], INTERNET, year,
						target(SONI, subtype[0], INTERNET, year), this::webMoment));
			}
		}
		for (PortalOnly only : PORTAL_ONLY) {
			DemoRow row = new DemoRow(DemoSource.PORTAL, moment(only.month(), true, 9 * 60, 18 * 60));
			row.type = only.type();
			row.channel = only.channel();
			row.counted = new Cell(only.type(), "", only.channel(), only.month().getYear());
			list.add(row);
		}
		// Complaints first entered as consultations: the folio keeps its C- prefix, the
		// next export corrects the type.
		List<DemoRow> reclamos = list.stream()
			.filter((r) -> r.channel.equals(INTERNET) && r.type.equals(RECLAMO) && r.fileMonth.isBefore(LAST))
			.toList();
		while (list.stream().filter((r) -> r.folioType != null).count() < 6) {
			reclamos.get(this.random.nextInt(reclamos.size())).folioType = CONSULTA;
		}
		byTime(list);
		Map<String, Integer> counters = new HashMap<>();
		for (DemoRow row : list) {
			row.folio = DemoFormats.folio(counters, (row.folioType != null) ? row.folioType : row.type,
					row.at.getYear());
			if (row.link != null) {
				row.link.folio = row.folio;
			}
		}
		List<DemoRow> pending = new ArrayList<>();
		pending.addAll(this.rows.get(DemoSource.MUNICIPAL));
		pending.addAll(this.rows.get(DemoSource.CONVENIO));
		pending.removeIf((r) -> r.pendingCentralEntry == null);
		pending.sort(Comparator.comparing((DemoRow r) -> r.pendingCentralEntry));
		for (DemoRow row : pending) {
			row.folio = DemoFormats.folio(counters, row.type, row.pendingCentralEntry.getYear());
		}
		this.exercised.put("intake-rows-with-folio-whose-central-row-is-not-yet-delivered", pending.size());
	}

	private void renderPortal() {
		for (DemoRow row : this.rows.get(DemoSource.PORTAL)) {
			boolean web = row.channel.equals(INTERNET);
			int draw = this.random.nextInt(100);
			String text = web ? DemoFake.description(this.random) : DemoFormats.centralText(row.channel);
			row.values = new String[] { row.folio, DemoFormats.portalTime(row.at),
					DemoFormats.portalType(row.type, draw), row.subtype.toLowerCase(Locale.ROOT),
					DemoFormats.portalChannel(row.channel, draw), DemoFake.rut(this.random),
					this.geo.region(this.random), this.geo.render(this.geo.pick(this.random), this.random),
					DemoFake.market(this.random), DemoFake.provider(this.random), text };
		}
	}

	// ---- corrections, key variants, warnings ------------------------------------------

	private void corrections() {
		int corrected = 0;
		corrected += correct(DemoSource.CALLCENTER, (r) -> r.type.equals(RECLAMO), 8, (r) -> r.first[3] = CONSULTA);
		corrected += correct(DemoSource.CALLCENTER, (r) -> r.type.equals(CONSULTA), 2, (r) -> r.first[3] = RECLAMO);
		corrected += correct(DemoSource.CALLCENTER, (r) -> true, 4, (r) -> r.first[6] = otherComuna(r.first[6]));
		for (DemoRow row : this.rows.get(DemoSource.PORTAL)) {
			if (row.folioType != null) {
				row.first = row.values.clone();
				row.first[2] = "consulta";
				corrected++;
			}
		}
		corrected += correct(DemoSource.PORTAL,
				(r) -> r.link != null && r.channel.equals("MUNICIPAL") && r.type.equals(r.link.type), 2,
				(r) -> r.first[4] = "");
		corrected += correct(DemoSource.PORTAL, (r) -> r.subtype.equals("RECONOCIMIENTO"), 1,
				(r) -> r.first[3] = "disconformidad");
		corrected += correct(DemoSource.PORTAL, (r) -> r.channel.equals(INTERNET), 3,
				(r) -> r.first[7] = otherComuna(r.first[7]));
		corrected += correct(DemoSource.OFICINA, (r) -> r.type.equals(RECLAMO), 5, (r) -> r.first[3] = "Consulta");
		corrected += correct(DemoSource.OFICINA, (r) -> r.subtype.equals("RECONOCIMIENTO"), 1,
				(r) -> r.first[4] = "Disconformidad");
		corrected += correct(DemoSource.OFICINA, (r) -> true, 2, (r) -> r.first[7] = otherComuna(r.first[7]));
		corrected += correct(DemoSource.MUNICIPAL, (r) -> r.type.equals(RECLAMO) && r.folio.isEmpty(), 5,
				(r) -> r.first[3] = "Consulta");
		corrected += correct(DemoSource.MUNICIPAL, (r) -> r.folio.isEmpty(), 2,
				(r) -> r.first[6] = otherComuna(r.first[6]));
		corrected += correct(DemoSource.MOVIL, (r) -> r.type.equals(RECLAMO), 2, (r) -> r.first[4] = "consulta");
		corrected += correct(DemoSource.CONVENIO, (r) -> r.folio.isEmpty(), 3, (r) -> r.first[3] = "C");
		this.exercised.put("corrected-records", corrected);
	}

	private int correct(DemoSource source, Predicate<DemoRow> eligible, int count, Consumer<DemoRow> change) {
		List<DemoRow> pool = this.rows.get(source);
		int done = 0;
		for (int attempt = 0; done < count; attempt++) {
			if (attempt > 1_000_000) {
				throw new IllegalStateException("no row of " + source + " to correct");
			}
			DemoRow row = pool.get(this.random.nextInt(pool.size()));
			if (row.first == null && row.fileMonth.isBefore(LAST) && eligible.test(row)) {
				row.first = row.values.clone();
				change.accept(row);
				done++;
			}
		}
		return done;
	}

	private String otherComuna(String current) {
		String folded = DemoGeo.plain(current).toLowerCase(Locale.ROOT);
		while (true) {
			DemoGeo.Comuna comuna = this.geo.pick(this.random);
			if (!DemoGeo.plain(comuna.name()).toLowerCase(Locale.ROOT).equals(folded)
					&& (comuna.alias() == null || !comuna.alias().toLowerCase(Locale.ROOT).equals(folded))) {
				return comuna.name();
			}
		}
	}

	private void variants() {
		int varied = 0;
		varied += vary(DemoSource.CALLCENTER, (r) -> r.first == null, 10, (v) -> v[0] = " " + v[0]);
		varied += vary(DemoSource.OFICINA, (r) -> r.first == null, 5, (v) -> v[0] = v[0] + " ");
		varied += vary(DemoSource.PORTAL, (r) -> r.first == null && r.link == null, 5, (v) -> v[0] = " " + v[0] + " ");
		List<UnaryOperator<String>> municipalForms = List.of((s) -> s.toUpperCase(Locale.ROOT), DemoGeo::plain,
				(s) -> DemoGeo.plain(s).toUpperCase(Locale.ROOT), (s) -> s.replaceFirst(" de ", "  de "),
				(s) -> " " + s.toLowerCase(Locale.ROOT));
		int[] form = { 0 };
		varied += vary(DemoSource.MUNICIPAL, (r) -> r.first == null, 12,
				(v) -> v[0] = municipalForms.get(form[0]++ % municipalForms.size()).apply(v[0]));
		varied += vary(DemoSource.MUNICIPAL, (r) -> r.first != null, 2, (v) -> v[0] = v[0].toUpperCase(Locale.ROOT));
		varied += vary(DemoSource.MOVIL, (r) -> r.first == null, 3, (v) -> v[1] = DemoFormats.caseVariant(v[1]));
		varied += vary(DemoSource.CONVENIO, (r) -> r.first == null, 3, (v) -> v[0] = DemoFormats.caseVariant(v[0]));
		this.exercised.put("rows-re-sent-with-a-key-variant", varied);
	}

	private int vary(DemoSource source, Predicate<DemoRow> eligible, int count, Consumer<String[]> change) {
		List<DemoRow> pool = new ArrayList<>(this.rows.get(source)
			.stream()
			.filter((r) -> r.repeated() && r.resent == null && eligible.test(r))
			.toList());
		if (pool.size() < count) {
			throw new IllegalStateException("not enough repeated rows of " + source + " for key variants");
		}
		Collections.shuffle(pool, this.random);
		for (DemoRow row : pool.subList(0, count)) {
			row.resent = row.values.clone();
			change.accept(row.resent);
		}
		return count;
	}

	private void warnings() {
		warn(DemoSource.CALLCENTER, "rut-check-digit", 30);
		warn(DemoSource.PORTAL, "rut-check-digit", 40);
		warn(DemoSource.OFICINA, "rut-check-digit", 15);
		warn(DemoSource.MUNICIPAL, "rut-check-digit", 20);
		warn(DemoSource.MOVIL, "rut-check-digit", 3);
		warn(DemoSource.CONVENIO, "rut-check-digit", 2);
		warn(DemoSource.CALLCENTER, "unknown-comuna", 3);
		warn(DemoSource.PORTAL, "unknown-comuna", 3);
		warn(DemoSource.OFICINA, "unknown-comuna", 3);
		warn(DemoSource.MUNICIPAL, "unknown-comuna", 2);
		warn(DemoSource.CONVENIO, "unknown-comuna", 1);
		warn(DemoSource.CALLCENTER, "unknown-region", 3);
		warn(DemoSource.PORTAL, "unknown-region", 2);
	}

	private void warn(DemoSource source, String kind, int count) {
		int column = switch (kind) {
			case "rut-check-digit" -> source.rutColumn();
			case "unknown-comuna" -> source.comunaColumn();
			default -> source.regionColumn();
		};
		List<DemoRow> pool = this.rows.get(source);
		int done = 0;
		for (int attempt = 0; done < count; attempt++) {
			if (attempt > 1_000_000) {
				throw new IllegalStateException("no row of " + source + " for " + kind);
			}
			DemoRow row = pool.get(this.random.nextInt(pool.size()));
			if (row.warning != null || row.first != null || row.resent != null || row.repeated()
					|| row.values[column].isEmpty()) {
				continue;
			}
			row.warning = kind;
			row.values[column] = switch (kind) {
				case "rut-check-digit" -> DemoFake.withWrongCheckDigit(row.values[column], this.random);
				case "unknown-comuna" -> DemoFormats.UNKNOWN_COMUNAS.get(done % DemoFormats.UNKNOWN_COMUNAS.size());
				default -> DemoFormats.UNKNOWN_REGIONS.get(done % DemoFormats.UNKNOWN_REGIONS.size());
			};
			done++;
		}
	}

	// ---- rejected rows
	// -----------------------------------------------------------------

	private int rejectKey = 0;

	private void rejects() {
		DemoSource cc = DemoSource.CALLCENTER;
		reject(cc, 2014, 5, "missing-key", true);
		reject(cc, 2015, 7, "missing-key", false);
		reject(cc, 2015, 3, "bad-date", true);
		reject(cc, 2015, 10, "bad-date", false);
		reject(cc, 2016, 2, "unknown-type", true);
		reject(cc, 2016, 6, "field-count", true);
		reject(cc, 2014, 11, "date-out-of-range", true);
		reject(cc, 2016, 9, "date-out-of-range", false);
		DemoSource portal = DemoSource.PORTAL;
		reject(portal, 2014, 8, "missing-key", true);
		// the 29th of February of a year that has none
		reject(portal, 2015, 2, "bad-date", true, (v) -> v[1] = "2015-02-29T10:15:00");
		reject(portal, 2016, 7, "bad-date", false);
		reject(portal, 2015, 9, "unknown-type", true);
		reject(portal, 2014, 12, "unknown-type", false);
		reject(portal, 2016, 3, "field-count", true);
		reject(portal, 2015, 6, "date-out-of-range", true);
		reject(portal, 2016, 11, "date-out-of-range", false);
		DemoSource office = DemoSource.OFICINA;
		reject(office, 2014, 10, "missing-key", true);
		reject(office, 2015, 7, "bad-date", false);
		reject(office, 2016, 4, "bad-date", true);
		reject(office, 2015, 12, "unknown-type", true);
		reject(office, 2016, 10, "field-count", true);
		reject(office, 2014, 3, "date-out-of-range", true);
		DemoSource municipal = DemoSource.MUNICIPAL;
		reject(municipal, 2015, 3, "missing-key", true, (v) -> v[0] = "Municipalidad de Zapallar");
		reject(municipal, 2016, 3, "missing-key", false);
		reject(municipal, 2015, 2, "bad-date", true);
		reject(municipal, 2016, 8, "bad-date", false);
		reject(municipal, 2014, 10, "unknown-type", true);
		reject(municipal, 2015, 11, "field-count", true);
		reject(municipal, 2016, 5, "date-out-of-range", true);
		DemoSource movil = DemoSource.MOVIL;
		reject(movil, 2015, 5, "missing-key", true, (v) -> v[1] = "Juan Fernández");
		reject(movil, 2014, 9, "bad-date", true);
		reject(movil, 2016, 3, "unknown-type", true);
		reject(movil, 2015, 8, "field-count", true);
		reject(movil, 2016, 12, "date-out-of-range", true, (v) -> v[1] = "Isla de Pascua");
		DemoSource partner = DemoSource.CONVENIO;
		reject(partner, 2014, 7, "missing-key", true);
		reject(partner, 2015, 6, "bad-date", true);
		reject(partner, 2016, 1, "unknown-type", true);
		reject(partner, 2015, 10, "field-count", true);
		reject(partner, 2016, 9, "date-out-of-range", true);
	}

	private void reject(DemoSource source, int year, int month, String reason, boolean early) {
		reject(source, year, month, reason, early, (v) -> {
		});
	}

	/**
	 * A row that would be valid, broken in exactly one way ({@link DemoFormats#breakRow},
	 * then {@code also}) and placed in the export of its month.
	 */
	private void reject(DemoSource source, int year, int month, String reason, boolean early, Consumer<String[]> also) {
		LocalDateTime at = moment(YearMonth.of(year, month), true, 9 * 60, 17 * 60);
		int n = ++this.rejectKey;
		String rut = DemoFake.rut(this.random);
		String comuna = this.geo.pick(this.random).name();
		String market = DemoFake.market(this.random);
		String[] values = switch (source) {
			case CALLCENTER -> new String[] { Integer.toString(4_900_000 + n), DemoFormats.callTime(at), rut, CONSULTA,
					market, "V", comuna, "300" };
			case PORTAL ->
				new String[] { String.format(Locale.ROOT, "R-%d-%07d", year, 8_000_000 + n), DemoFormats.portalTime(at),
						"reclamo", "", "", rut, "5", comuna, market, DemoFake.provider(this.random), "Sin detalle" };
			case OFICINA -> new String[] { Integer.toString(290_000 + n), DemoFormats.officeDate(at.toLocalDate()),
					DemoFormats.officeTime(at.toLocalTime().toSecondOfDay()), "Consulta", "", rut,
					DemoFake.name(this.random), comuna, "Cobro indebido" };
			case MUNICIPAL -> new String[] { "Municipalidad de Quilpué", Integer.toString(90_000 + n),
					DemoFormats.municipalDate(at.toLocalDate()), "Reclamo", "", rut, comuna, market };
			case MOVIL -> new String[] { DemoFormats.movilDate(at.toLocalDate()), "Quillota", "SERNAC en tu barrio",
					Integer.toString(90 + n), "consulta", rut, market };
			case CONVENIO -> new String[] { "ChileAtiende", Integer.toString(99_000 + n),
					DemoFormats.partnerDate(at.toLocalDate()), "R", "", rut, comuna };
		};
		DemoFormats.Broken broken = DemoFormats.breakRow(source, reason, values, year, early);
		also.accept(broken.values());
		DemoRow row = new DemoRow(source, at);
		row.values = broken.values();
		row.extraField = broken.extraField();
		row.fieldDelta = broken.dropLast() ? -1 : 0;
		row.reject = reason;
		this.rows.get(source).add(row);
	}

	// ---- checks
	// ------------------------------------------------------------------------

	/** What a correct count of the final versions gives, by cell. */
	Map<Cell, Integer> counted() {
		Map<Cell, Integer> counted = new TreeMap<>();
		for (List<DemoRow> list : this.rows.values()) {
			for (DemoRow row : list) {
				if (row.reject == null && row.counted != null) {
					counted.merge(row.counted, 1, Integer::sum);
				}
			}
		}
		return counted;
	}

	List<String> movilComunasVisited() {
		return new ArrayList<>(this.rows.get(DemoSource.MOVIL)
			.stream()
			.filter((r) -> r.counted != null)
			.map((r) -> r.owner)
			.collect(java.util.stream.Collectors.toCollection(TreeSet::new)));
	}

	List<String> municipalSources() {
		return new ArrayList<>(this.rows.get(DemoSource.MUNICIPAL)
			.stream()
			.filter((r) -> r.counted != null)
			.map((r) -> r.owner)
			.collect(java.util.stream.Collectors.toCollection(TreeSet::new)));
	}

	private void verify() {
		Map<Cell, Integer> counted = counted();
		if (!counted.equals(this.targets)) {
			throw new IllegalStateException("planned rows do not add up to the account: " + counted);
		}
		for (List<DemoRow> list : this.rows.values()) {
			for (DemoRow row : list) {
				if (row.values == null || row.values.length != row.source.columns.size()) {
					throw new IllegalStateException("row without values in " + row.source);
				}
				if (row.link != null && row.link.link != row) {
					throw new IllegalStateException("broken central link " + row.folio);
				}
			}
		}
		if (movilComunasVisited().size() != 36 || municipalSources().size() != 22) {
			throw new IllegalStateException("mobile comunas " + movilComunasVisited().size() + ", municipal sources "
					+ municipalSources().size());
		}
		List<DemoRow> portal = this.rows.get(DemoSource.PORTAL);
		List<DemoRow> forwarded = portal.stream().filter((r) -> r.link != null).toList();
		this.exercised.put("central-cases-with-portal-and-intake-row", forwarded.size());
		this.exercised.put("central-cases-entered-in-the-next-year",
				(int) forwarded.stream().filter((r) -> r.at.getYear() != r.link.at.getYear()).count());
		this.exercised.put("central-cases-where-portal-type-differs",
				(int) forwarded.stream().filter((r) -> !r.type.equals(r.link.type)).count());
		this.exercised.put("portal-rows-from-a-platform-whose-intake-row-never-arrives", PORTAL_ONLY.size());
		this.exercised.put("warnings",
				(int) this.rows.values().stream().flatMap(List::stream).filter((r) -> r.warning != null).count());
	}

}
