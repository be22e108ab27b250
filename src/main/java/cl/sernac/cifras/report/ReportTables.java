package cl.sernac.cifras.report;

import java.text.Collator;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import cl.sernac.cifras.aggregate.CaseCells.SubtypeYearCount;
import cl.sernac.cifras.aggregate.CaseCells.TypeChannelCount;
import cl.sernac.cifras.aggregate.ChannelMix;
import cl.sernac.cifras.aggregate.MobileCoverage;
import cl.sernac.cifras.aggregate.MunicipalCoverage;
import cl.sernac.cifras.aggregate.QualityQueries.FileQuality;
import cl.sernac.cifras.aggregate.Shares;
import cl.sernac.cifras.reading.ChannelCatalog;
import cl.sernac.cifras.reading.RecordType;
import cl.sernac.cifras.reading.SoniSubtype;
import cl.sernac.cifras.support.Printable;
import cl.sernac.cifras.normalize.Territory;

import static cl.sernac.cifras.report.Table.change;
import static cl.sernac.cifras.report.Table.count;
import static cl.sernac.cifras.report.Table.plain;
import static cl.sernac.cifras.report.Table.points;
import static cl.sernac.cifras.report.Table.share;
import static cl.sernac.cifras.report.Table.text;

/**
 * The planners' tables, in Spanish. The year-by-year tables keep every year with data;
 * the period account covers the chosen period.
 */
final class ReportTables {

	static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm");

	private final ReportFigures figures;

	private final Territory territory;

	private final Institutions institutions;

	ReportTables(ReportFigures figures, Territory territory) {
		this.figures = figures;
		this.territory = territory;
		this.institutions = new Institutions(territory);
	}

	List<Table> all() {
		return List.of(byChannelYear(), byChannelMonth(), periodAccount(), periodByChannelAndType(),
				soniBySubtypeYear(), mobileCoverage(), mobileByComuna(), municipalities(), municipalCoverage(),
				fileQuality());
	}

	Table byChannelYear() {
		Table table = new Table("por_tipo_canal_anio", "Por canal y año",
				"Registros por tipo, canal y año, con la participación de cada canal y su variación", text("Tipo"),
				text("Canal"), plain("Año"), count("Registros"), count("Total del tipo en el año"),
				share("Participación en el total del tipo (%)"),
				change("Variación de registros respecto del año anterior (%)"),
				points("Variación de la participación respecto del año anterior (puntos porcentuales)"));
		for (ChannelMix.Row row : this.figures.mix().rows()) {
			table.row(Labels.type(row.recordType()), Channels.name(row.channel()), row.year(), row.records(),
					row.typeTotal(), row.share(), row.recordsChange(), row.shareChange());
		}
		return table;
	}

	Table byChannelMonth() {
		Table table = new Table("por_tipo_canal_mes", "Por canal y mes", "Registros por tipo, canal y mes",
				text("Tipo"), text("Canal"), plain("Año"), plain("Mes"), count("Registros"));
		List<TypeChannelCount> monthly = this.figures.monthly();
		if (monthly.isEmpty()) {
			return table;
		}
		int first = monthly.stream().mapToInt(TypeChannelCount::period).min().getAsInt();
		int last = monthly.stream().mapToInt(TypeChannelCount::period).max().getAsInt();
		Map<String, Long> counts = new TreeMap<>();
		monthly.forEach((c) -> counts.put(c.recordType() + '|' + c.channel() + '|' + c.period(), c.records()));
		for (String type : this.figures.mix().types()) {
			for (String channel : this.figures.mix().channels(type)) {
				for (int month = first; month <= last; month = nextMonth(month)) {
					table.row(Labels.type(type), Channels.name(channel), month / 100, month % 100,
							counts.getOrDefault(type + '|' + channel + '|' + month, 0L));
				}
			}
		}
		return table;
	}

	Table periodAccount() {
		Table table = new Table("cuenta_periodo", "Cuenta del período",
				"Cuenta del período " + this.figures.period().label() + ": registros por tipo y canal", text("Período"),
				text("Tipo"), text("Canal"), count("Registros"), share("Participación en el total del tipo (%)"));
		String label = this.figures.period().label();
		for (String type : RecordType.codes()) {
			long total = this.figures.periodTotal(type);
			this.figures.periodByChannel(type)
				.forEach((channel, records) -> table.row(label, Labels.type(type), Channels.name(channel), records,
						Shares.share(records, total)));
			table.row(label, Labels.type(type), "Total", total, Shares.share(total, total));
		}
		return table;
	}

	/**
	 * The period account as the public account shows it: channels in rows, each type's
	 * cases and share in columns, a total row.
	 */
	Table periodByChannelAndType() {
		List<Table.Column> columns = new ArrayList<>(List.of(text("Canal")));
		for (String type : RecordType.codes()) {
			columns.add(count(Labels.type(type)));
			columns.add(share(Labels.type(type) + ": participación (%)"));
		}
		Table table = new Table("cuenta_periodo_canal", "Cuenta por canal y tipo",
				"Cuenta del período " + this.figures.period().label()
						+ ": casos por canal de ingreso y tipo, con la participación de cada"
						+ " canal en el total del tipo",
				columns);
		for (String channel : periodChannels()) {
			List<Object> cells = new ArrayList<>(List.of(Channels.name(channel)));
			for (String type : RecordType.codes()) {
				long records = this.figures.periodByChannel(type).getOrDefault(channel, 0L);
				cells.add(records);
				cells.add(Shares.share(records, this.figures.periodTotal(type)));
			}
			table.row(cells.toArray());
		}
		List<Object> total = new ArrayList<>(List.of("Total"));
		for (String type : RecordType.codes()) {
			long records = this.figures.periodTotal(type);
			total.add(records);
			total.add(Shares.share(records, records));
		}
		table.row(total.toArray());
		return table;
	}

	/**
	 * The channels with cases of any type in the period, in their fixed order: the rows
	 * of {@link #periodByChannelAndType()}.
	 */
	List<String> periodChannels() {
		Set<String> channels = new TreeSet<>(ChannelMix.CHANNEL_ORDER);
		for (String type : RecordType.codes()) {
			channels.addAll(this.figures.periodByChannel(type).keySet());
		}
		return List.copyOf(channels);
	}

	Table soniBySubtypeYear() {
		Table table = new Table("soni_subtipo_anio", "SONI por subtipo", "SONI por subtipo y año", text("Subtipo"),
				plain("Año"), count("Registros"), share("Participación en los SONI del año (%)"));
		Map<String, Long> counts = new TreeMap<>();
		Map<Integer, Long> totals = new TreeMap<>();
		List<String> subtypes = new ArrayList<>(SoniSubtype.codes());
		for (SubtypeYearCount c : this.figures.soni()) {
			counts.put(c.subtype() + '|' + c.year(), c.records());
			totals.merge(c.year(), c.records(), Long::sum);
			if (!subtypes.contains(c.subtype())) {
				subtypes.add(c.subtype());
			}
		}
		for (String subtype : subtypes) {
			for (int year : this.figures.years()) {
				long records = counts.getOrDefault(subtype + '|' + year, 0L);
				table.row(Labels.subtype(subtype), year, records, Shares.share(records, totals.getOrDefault(year, 0L)));
			}
		}
		return table;
	}

	Table mobileCoverage() {
		Table table = new Table("movil_cobertura", "Móvil cobertura",
				Channels.name(ChannelCatalog.MOBILE_UNIT) + ": comunas de la región visitadas, por año y en el período",
				text("Año o período"), count("Comunas visitadas"), count("Comunas de la región"),
				share("Cobertura (%)"), text("Comunas no visitadas"), text("Visitadas fuera de la región"));
		for (int year : this.figures.years()) {
			mobileCoverageRow(table, String.valueOf(year), this.figures.mobile().years(year, year));
		}
		Period period = this.figures.period();
		mobileCoverageRow(table, "Período " + period.label(), this.figures.mobile().years(period.from(), period.to()));
		return table;
	}

	private void mobileCoverageRow(Table table, String label, MobileCoverage.Coverage coverage) {
		table.row(label, coverage.visited().size(), coverage.regionTotal(),
				Shares.share(coverage.visited().size(), coverage.regionTotal()), comunaNames(coverage.notVisited()),
				comunaNames(coverage.outsideRegion()));
	}

	Table mobileByComuna() {
		List<Table.Column> columns = new ArrayList<>(List.of(text("Código comuna"), text("Comuna")));
		for (int year : this.figures.years()) {
			columns.add(count("Atenciones " + year));
		}
		columns.add(count("Atenciones en el período " + this.figures.period().label()));
		columns.add(text("Visitada en el período"));
		Table table = new Table("movil_comunas", "Móvil por comuna",
				Channels.name(ChannelCatalog.MOBILE_UNIT) + ": atenciones por comuna donde se instaló y año", columns);
		Period period = this.figures.period();
		for (String place : this.figures.mobile().places()) {
			List<Object> cells = new ArrayList<>(List.of(place, comunaName(place)));
			long inPeriod = 0;
			for (int year : this.figures.years()) {
				long cases = this.figures.mobile().cases(place, year);
				cells.add(cases);
				inPeriod += period.contains(year) ? cases : 0;
			}
			cells.add(inPeriod);
			cells.add((inPeriod > 0) ? "Sí" : "No");
			table.row(cells.toArray());
		}
		return table;
	}

	Table municipalities() {
		Period period = this.figures.period();
		List<Table.Column> columns = new ArrayList<>(List.of(text("Institución"), text("Tipo de institución")));
		for (int year : this.figures.years()) {
			columns.add(count("Registros " + year));
		}
		columns.add(count("Consultas " + period.label()));
		columns.add(count("Reclamos " + period.label()));
		columns.add(count("Total " + period.label()));
		Table table = new Table("municipios", "Municipios",
				"Plataformas municipales: registros por municipalidad o gobernación provincial y año", columns);
		MunicipalCoverage municipal = this.figures.municipal();
		Map<String, String> byName = new TreeMap<>(Collator.getInstance(Locale.forLanguageTag("es-CL")));
		municipal.organizations().forEach((org) -> byName.put(this.institutions.name(org), org));
		byName.forEach((name, org) -> {
			List<Object> cells = new ArrayList<>(List.of(name, Institutions.kind(org)));
			long consultas = 0;
			long reclamos = 0;
			for (int year : this.figures.years()) {
				cells.add(municipal.records(org, year, year));
				if (period.contains(year)) {
					consultas += municipal.records(org, year, RecordType.CONSULTA.code());
					reclamos += municipal.records(org, year, RecordType.RECLAMO.code());
				}
			}
			cells.addAll(List.of(consultas, reclamos, consultas + reclamos));
			table.row(cells.toArray());
		});
		return table;
	}

	Table municipalCoverage() {
		Table table = new Table("municipios_cobertura", "Municipios por año",
				"Plataformas municipales: municipalidades y gobernaciones provinciales que enviaron registros",
				text("Año o período"), count("Municipalidades"), count("Gobernaciones provinciales"),
				count("Registros"));
		for (int year : this.figures.years()) {
			municipalCoverageRow(table, String.valueOf(year), this.figures.municipal().count(year, year));
		}
		Period period = this.figures.period();
		municipalCoverageRow(table, "Período " + period.label(),
				this.figures.municipal().count(period.from(), period.to()));
		return table;
	}

	private static void municipalCoverageRow(Table table, String label, MunicipalCoverage.Count count) {
		table.row(label, count.municipalities(), count.provincialGovernments(), count.records());
	}

	Table fileQuality() {
		List<Table.Column> columns = new ArrayList<>(List.of(text("Archivo"), text("Fuente"), text("Aplicado el"),
				count("Filas leídas"), count("Registros nuevos"), count("Correcciones"), count("Repetidos sin cambios"),
				count("Filas rechazadas")));
		Labels.reasonCodes().forEach((code) -> columns.add(count("Rechazadas: " + Labels.reason(code))));
		columns.add(count("Advertencias"));
		Labels.warningCodes().forEach((code) -> columns.add(count("Advertencias: " + Labels.warning(code))));
		Table table = new Table("calidad_archivos", "Calidad por archivo",
				"Calidad de los datos: lo leído de cada archivo ingresado", columns);
		for (FileQuality file : this.figures.files()) {
			List<Object> cells = new ArrayList<>(List.of(Printable.of(file.fileName()), file.sourceName(),
					file.appliedAt().format(DATE_TIME), file.rowsRead(), file.recordsNew(), file.recordsUpdated(),
					file.recordsUnchanged(), file.rowsRejected()));
			Labels.reasonCodes().forEach((code) -> cells.add(file.rejectedByReason().getOrDefault(code, 0L)));
			cells.add(file.warnings());
			Labels.warningCodes().forEach((code) -> cells.add(file.warningsByKind().getOrDefault(code, 0L)));
			table.row(cells.toArray());
		}
		return table;
	}

	String comunaName(String code) {
		try {
			return this.territory.comunaName(code);
		}
		catch (IllegalArgumentException ex) {
			return code;
		}
	}

	private String comunaNames(List<String> codes) {
		return String.join(", ", codes.stream().map(this::comunaName).toList());
	}

	private static int nextMonth(int yyyymm) {
		return (yyyymm % 100 == 12) ? (yyyymm / 100 + 1) * 100 + 1 : yyyymm + 1;
	}

}
