package cl.sernac.cifras.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import cl.sernac.cifras.aggregate.AccountQueries;
import cl.sernac.cifras.aggregate.Shares;
import cl.sernac.cifras.normalize.AccountCodes;
import cl.sernac.cifras.reading.ChannelCatalog;
import cl.sernac.cifras.reading.RecordType;
import cl.sernac.cifras.support.Text;

/**
 * The tables of the public account beyond the cases, in the account's order: lawsuits,
 * the territorial network, information, consumer education, citizen participation and the
 * targets. Each covers the report's period, year by year with the period's total.
 */
final class AccountTables {

	private static final String TOTAL = "Total";

	private static final String CONSULTA = RecordType.CONSULTA.code();

	private static final String RECLAMO = RecordType.RECLAMO.code();

	private static final String MOBILE_UNIT = ChannelCatalog.MOBILE_UNIT;

	private final AccountFigures figures;

	private final List<AccountProperties.Target> targets;

	AccountTables(AccountFigures figures, List<AccountProperties.Target> targets) {
		this.figures = figures;
		this.targets = targets;
	}

	List<Table> all() {
		return List.of(lawsuitsStarted(), lawsuitsClosed(), programmes(), information(), education(), participation(),
				targets());
	}

	private List<Integer> years() {
		return this.figures.period().years();
	}

	/** A column per year of the period, then the period's total. */
	private List<Table.Column> yearColumns(String first) {
		List<Table.Column> columns = new ArrayList<>();
		columns.add(Table.text(first));
		for (int year : years()) {
			columns.add(Table.count(String.valueOf(year)));
		}
		columns.add(Table.count(TOTAL + " " + this.figures.period().label()));
		return columns;
	}

	Table lawsuitsStarted() {
		Table table = new Table("cuenta_juicios_presentados", "Juicios presentados",
				"Juicios presentados por tipo de acción y año de presentación", yearColumns("Tipo de acción"));
		for (Map.Entry<String, String> action : AccountCodes.ACTIONS.entrySet()) {
			List<Object> row = new ArrayList<>();
			row.add(action.getValue());
			for (int year : years()) {
				row.add(this.figures.started(action.getKey(), year));
			}
			row.add(this.figures.startedInPeriod(action.getKey()));
			table.row(row.toArray());
		}
		return table;
	}

	Table lawsuitsClosed() {
		Table table = new Table("cuenta_juicios_terminados", "Juicios terminados",
				"Juicios terminados por tipo de acción, año de término y resultado", Table.text("Tipo de acción"),
				Table.text("Año"), Table.count("Favorables"), Table.count("Desfavorables"), Table.count("Terminados"));
		for (Map.Entry<String, String> action : AccountCodes.ACTIONS.entrySet()) {
			for (int year : years()) {
				long favourable = this.figures.closed(action.getKey(), "FAVORABLE", year);
				long unfavourable = this.figures.closed(action.getKey(), "DESFAVORABLE", year);
				table.row(action.getValue(), String.valueOf(year), favourable, unfavourable, favourable + unfavourable);
			}
			long favourable = this.figures.closedInPeriod(action.getKey(), "FAVORABLE");
			long unfavourable = this.figures.closedInPeriod(action.getKey(), "DESFAVORABLE");
			table.row(action.getValue(), TOTAL + " " + this.figures.period().label(), favourable, unfavourable,
					favourable + unfavourable);
		}
		return table;
	}

	/**
	 * What each programme took in over the period, whatever the channel, beside what the
	 * mobile unit's channel counted.
	 */
	Table programmes() {
		Table table = new Table("cuenta_programas", "Programas",
				"Consultas y reclamos ingresados por programa, cualquiera sea el canal, y por el canal "
						+ Channels.name(MOBILE_UNIT) + ", " + this.figures.period().label(),
				Table.text("Programa o canal"), Table.count("Consultas"), Table.count("Reclamos"));
		for (String programme : this.figures.programmes()) {
			table.row(programmeName(programme), this.figures.programmeInPeriod(programme, CONSULTA),
					this.figures.programmeInPeriod(programme, RECLAMO));
		}
		table.row("Canal " + Channels.name(MOBILE_UNIT) + " (todos los programas)",
				this.figures.casesInPeriod(CONSULTA, MOBILE_UNIT), this.figures.casesInPeriod(RECLAMO, MOBILE_UNIT));
		return table;
	}

	/** A programme's name as configured, or as stored when it is another. */
	String programmeName(String key) {
		return key.equals(Text.fold(this.figures.programme())) ? this.figures.programme() : key;
	}

	Table information() {
		Table table = new Table("cuenta_informacion", "Información",
				"Estudios, sondeos de precios, campañas y apariciones en prensa por año", yearColumns("Actividad"));
		for (String line : List.of("ESTUDIO", "SONDEO_PRECIOS", "CAMPANA", "PRENSA")) {
			addLine(table, line);
		}
		return table;
	}

	private void addLine(Table table, String line) {
		List<Object> row = new ArrayList<>();
		row.add(AccountCodes.LINES.get(line));
		for (int year : years()) {
			row.add(this.figures.activities(line, year));
		}
		row.add(this.figures.activitiesInPeriod(line));
		table.row(row.toArray());
	}

	Table education() {
		Table table = new Table("cuenta_educacion", "Educación en Consumo",
				"Educación Financiera por año: actividades, personas alcanzadas por grupo y establecimientos;"
						+ " actividades para público general",
				Table.text("Año"), Table.count("Actividades de Educación Financiera"), Table.count("Escolares"),
				Table.count("Jóvenes"), Table.count("Adultos mayores"), Table.count("Personas alcanzadas"),
				Table.count("Establecimientos"), Table.count("Actividades para público general"));
		for (int year : years()) {
			AccountQueries.Reached reached = this.figures.reached(year);
			table.row(String.valueOf(year), this.figures.activities("EDUCACION_FINANCIERA", year),
					reached.schoolchildren(), reached.youngPeople(), reached.olderAdults(), reached.total(),
					this.figures.schools(year), this.figures.activities("EDUCACION_GENERAL", year));
		}
		AccountQueries.Reached reached = this.figures.reachedInPeriod();
		table.row(TOTAL + " " + this.figures.period().label(), this.figures.activitiesInPeriod("EDUCACION_FINANCIERA"),
				reached.schoolchildren(), reached.youngPeople(), reached.olderAdults(), reached.total(),
				this.figures.schoolsInPeriod(), this.figures.activitiesInPeriod("EDUCACION_GENERAL"));
		return table;
	}

	Table participation() {
		Table table = new Table("cuenta_participacion", "Participación Ciudadana",
				"Mecanismos de Participación Ciudadana por tipo y año", yearColumns("Mecanismo"));
		List<Object> total = new ArrayList<>();
		total.add(TOTAL);
		for (Map.Entry<String, String> mechanism : AccountCodes.MECHANISMS.entrySet()) {
			List<Object> row = new ArrayList<>();
			row.add(mechanism.getValue());
			for (int year : years()) {
				row.add(this.figures.mechanism(mechanism.getKey(), year));
			}
			row.add(this.figures.mechanismInPeriod(mechanism.getKey()));
			table.row(row.toArray());
		}
		for (int year : years()) {
			total.add(this.figures.activities("PARTICIPACION", year));
		}
		total.add(this.figures.activitiesInPeriod("PARTICIPACION"));
		table.row(total.toArray());
		return table;
	}

	/** The targets of the period's years and of the year after it. */
	List<TargetProgress> targetProgress() {
		List<TargetProgress> progress = new ArrayList<>();
		Period period = this.figures.period();
		for (AccountProperties.Target target : this.targets) {
			AccountIndicator indicator = AccountIndicator.of(target.indicator()).orElse(null);
			if (indicator == null || target.year() == null || target.value() == null || target.year() < period.from()
					|| target.year() > period.to() + 1) {
				continue;
			}
			String channel = (target.channel() != null && !target.channel().isBlank()) ? target.channel().strip()
					: null;
			Long reached = this.figures.reachedBy(indicator, channel, target.year());
			BigDecimal share = (reached != null) ? Shares.share(reached, target.value()) : null;
			progress.add(new TargetProgress(target.year(), indicator, channel, target.value(), reached, share,
					(target.sentence() != null) ? target.sentence().strip() : ""));
		}
		progress.sort(java.util.Comparator.comparing(TargetProgress::year));
		return progress;
	}

	Table targets() {
		Table table = new Table("cuenta_metas", "Desafíos",
				"Metas por año: valor alcanzado y porcentaje de la meta (vacío cuando el año aún no tiene datos)",
				Table.plain("Año"), Table.text("Indicador"), Table.text("Canal"), Table.count("Meta"),
				Table.count("Alcanzado"), Table.share("% de la meta"), Table.text("Desafío"));
		for (TargetProgress p : targetProgress()) {
			table.row(p.year(), p.indicator().label(), (p.channel() != null) ? Channels.name(p.channel()) : "Todos",
					p.target(), p.reached(), p.share(), p.sentence());
		}
		return table;
	}

	/**
	 * A target with what was reached.
	 *
	 * @param reached the value of the year so far; null when the year has no data yet
	 * @param share the reached value as a percentage of the target; null when no data
	 */
	record TargetProgress(int year, AccountIndicator indicator, String channel, long target, Long reached,
			BigDecimal share, String sentence) {
	}

}
