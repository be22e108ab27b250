package cl.sernac.cifras.report;

import cl.sernac.cifras.support.ChileanFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import cl.sernac.cifras.aggregate.AccountQueries;
import cl.sernac.cifras.reading.ChannelCatalog;
import cl.sernac.cifras.reading.RecordType;

/**
 * What the page shows of the public account beyond the cases (template
 * {@code cuenta.html}), in the account's order: lawsuits, the territorial network,
 * information, consumer education, citizen participation and the challenges, each with
 * its headline sentences in the account's words, its tables and charts; and the prose
 * sections whose Markdown texts were given.
 *
 * @param period the period's label ({@code 2014-2016})
 * @param sections the sections with figures, in the account's order
 * @param texts the prose sections, as safe HTML, in the account's order
 */
record AccountPage(String period, List<Section> sections, List<AccountTexts.Text> texts) {

	private static final String CONSULTA = RecordType.CONSULTA.code();

	private static final String RECLAMO = RecordType.RECLAMO.code();

	private static final String MOBILE_UNIT = ChannelCatalog.MOBILE_UNIT;

	/**
	 * A section of the account.
	 *
	 * @param id the element's id, prefixed {@code cuenta-}
	 * @param title its heading
	 * @param sentences the headline sentences
	 * @param charts its charts
	 * @param tables its tables
	 * @param text the prose of the section, as safe HTML, or null
	 */
	record Section(String id, String title, List<String> sentences, List<ReportPage.ChartView> charts,
			List<ReportPage.HtmlTable> tables, String text) {
	}

	static AccountPage of(AccountFigures figures, AccountTables tables, List<ReportCharts.Chart> drawn,
			AccountTexts.Texts texts, String source, int firstNumber) {
		List<ReportPage.ChartView> charts = new ArrayList<>();
		for (ReportCharts.Chart chart : drawn) {
			charts.add(ReportPage.ChartView.of(chart, firstNumber + charts.size(), chart.table(), source));
		}
		Period period = figures.period();
		String label = period.label();
		List<Section> sections = new ArrayList<>();
		// Juicios
		long general = figures.startedInPeriod(AccountFigures.GENERAL);
		long collective = figures.startedInPeriod("INTERES_COLECTIVO");
		long favourable = figures.closedInPeriod(AccountFigures.GENERAL, "FAVORABLE");
		long unfavourable = figures.closedInPeriod(AccountFigures.GENERAL, "DESFAVORABLE");
		List<String> lawsuits = new ArrayList<>();
		lawsuits.add(period.phrase() + " realizamos " + n(general) + " "
				+ ((general == 1) ? "Juicio de Interés General" : "Juicios de Interés General") + ".");
		lawsuits.add(
				"Cerramos " + n(favourable + unfavourable) + ((favourable + unfavourable == 1) ? " juicio" : " juicios")
						+ " de los cuales " + n(favourable) + " " + ((favourable == 1) ? "tuvo" : "tuvieron")
						+ " resultado favorable y " + n(unfavourable) + " desfavorable.");
		if (collective > 0) {
			lawsuits.add("Además, presentamos " + n(collective) + " "
					+ ((collective == 1) ? "juicio de interés colectivo" : "juicios de interés colectivo") + ".");
		}
		sections.add(new Section("cuenta-juicios", "Juicios", lawsuits, chart(charts, "cuenta_juicios_anio"),
				List.of(ReportPage.html(tables.lawsuitsStarted()), ReportPage.html(tables.lawsuitsClosed())), null));
		// Red territorial
		String programme = figures.programme();
		String key = figures.programmeKey();
		List<String> network = new ArrayList<>();
		network.add(period.phrase() + ", a través de «" + programme + "» ingresamos "
				+ Labels.typeCount(CONSULTA, figures.programmeInPeriod(key, CONSULTA)) + " y "
				+ Labels.typeCount(RECLAMO, figures.programmeInPeriod(key, RECLAMO)) + "; el canal "
				+ Channels.name(MOBILE_UNIT) + " registró "
				+ Labels.typeCount(CONSULTA, figures.casesInPeriod(CONSULTA, MOBILE_UNIT)) + " y "
				+ Labels.typeCount(RECLAMO, figures.casesInPeriod(RECLAMO, MOBILE_UNIT)) + ".");
		network.add("Las cifras del programa incluyen las atenciones que la oficina regional ingresa durante sus"
				+ " visitas, que se cuentan también en el canal Oficina regional; por eso difieren de las del canal.");
		network.add(Channels.name(MOBILE_UNIT) + " visitó " + n(figures.mobileRegionComunasInPeriod()) + " de las "
				+ n(figures.regionComunas()) + " comunas de la región.");
		if (figures.municipalities() > 0) {
			network.add(n(figures.municipalities()) + " municipalidades y gobernaciones con convenio enviaron casos por"
					+ " sus plataformas.");
		}
		sections.add(new Section("cuenta-red", "Red territorial", network, List.of(),
				List.of(ReportPage.html(tables.programmes())), null));
		// Información
		List<String> information = new ArrayList<>();
		information
			.add(period.phrase() + " realizamos " + of(figures.activitiesInPeriod("ESTUDIO"), "estudio", "estudios")
					+ " sobre calidad y seguridad en el consumo, "
					+ of(figures.activitiesInPeriod("SONDEO_PRECIOS"), "sondeo", "sondeos") + " de precios y "
					+ of(figures.activitiesInPeriod("CAMPANA"), "campaña", "campañas") + " a nivel local, y logramos "
					+ of(figures.activitiesInPeriod("PRENSA"), "aparición", "apariciones") + " en prensa verificadas.");
		sections.add(new Section("cuenta-informacion", "Información", information, List.of(),
				List.of(ReportPage.html(tables.information())), null));
		// Educación en Consumo
		AccountQueries.Reached reached = figures.reachedInPeriod();
		List<String> education = new ArrayList<>();
		education.add("Como servicio organizamos "
				+ of(figures.activitiesInPeriod("EDUCACION_FINANCIERA"), "actividad", "actividades")
				+ " de Educación Financiera, llegando a " + n(reached.schoolchildren()) + " escolares, "
				+ n(reached.youngPeople()) + " jóvenes y " + n(reached.olderAdults()) + " adultos mayores.");
		education.add(((figures.schoolsInPeriod() == 1) ? "1 establecimiento educacional participó"
				: n(figures.schoolsInPeriod()) + " establecimientos educacionales participaron")
				+ " en Educación Financiera.");
		List<Integer> general2 = figures.yearsWith("EDUCACION_GENERAL");
		if (general2.size() == 1) {
			education.add("En " + general2.get(0) + ", además, realizamos "
					+ of(figures.activities("EDUCACION_GENERAL", general2.get(0)), "actividad", "actividades")
					+ " para público general.");
		}
		else if (!general2.isEmpty()) {
			education.add("Además, realizamos "
					+ of(figures.activitiesInPeriod("EDUCACION_GENERAL"), "actividad", "actividades")
					+ " para público general.");
		}
		sections.add(new Section("cuenta-educacion", "Educación en Consumo", education,
				chart(charts, "cuenta_personas_anio"), List.of(ReportPage.html(tables.education())), null));
		// Participación Ciudadana
		long mechanisms = figures.activitiesInPeriod("PARTICIPACION");
		List<String> parts = new ArrayList<>();
		for (Map.Entry<String, String[]> mechanism : MECHANISMS.entrySet()) {
			long count = figures.mechanismInPeriod(mechanism.getKey());
			if (count > 0) {
				parts.add(n(count) + " " + mechanism.getValue()[(count == 1) ? 0 : 1]);
			}
		}
		List<String> participation = new ArrayList<>();
		participation.add(period.phrase() + " realizamos " + of(mechanisms, "mecanismo", "mecanismos")
				+ " de Participación Ciudadana" + (parts.isEmpty() ? "." : " (" + String.join(", ", parts) + ")."));
		sections.add(new Section("cuenta-participacion", "Participación Ciudadana", participation, List.of(),
				List.of(ReportPage.html(tables.participation())), texts.html("dialogo-participativo")));
		// Desafíos
		List<String> challenges = new ArrayList<>();
		for (AccountTables.TargetProgress p : tables.targetProgress()) {
			String unit = p.indicator().label();
			challenges.add(p.sentence() + " (" + p.year() + "). Meta: " + n(p.target()) + ". "
					+ ((p.reached() == null) ? "Aún no hay datos de " + p.year() + "."
							: "Alcanzado: " + n(p.reached()) + ", el " + ChileanFormat.percent(p.share())
									+ " de la meta (" + unit.toLowerCase(java.util.Locale.ROOT) + ")."));
		}
		if (challenges.isEmpty()) {
			challenges.add("No hay metas configuradas para " + label + " ni para " + (period.to() + 1) + ".");
		}
		sections.add(new Section("cuenta-desafios", "Desafíos", challenges, List.of(),
				List.of(ReportPage.html(tables.targets())), texts.html("desafios")));
		List<AccountTexts.Text> prose = new ArrayList<>();
		AccountTexts.Text innovation = texts.text("innovacion");
		if (innovation != null) {
			prose.add(innovation);
		}
		return new AccountPage(label, sections, prose);
	}

	/** Each mechanism as a sentence names it, singular and plural. */
	private static final Map<String, String[]> MECHANISMS = new java.util.LinkedHashMap<>();

	static {
		MECHANISMS.put("CUENTA_PUBLICA", new String[] { "cuenta pública", "cuentas públicas" });
		MECHANISMS.put("CONSULTA_CIUDADANA", new String[] { "consulta ciudadana", "consultas ciudadanas" });
		MECHANISMS.put("CONSEJO_CONSULTIVO",
				new String[] { "sesión del consejo consultivo", "sesiones del consejo consultivo" });
		MECHANISMS.put("CONVERSATORIO", new String[] { "conversatorio", "conversatorios" });
		MECHANISMS.put("OTRO", new String[] { "otro", "otros" });
	}

	private static List<ReportPage.ChartView> chart(List<ReportPage.ChartView> charts, String name) {
		return charts.stream().filter((c) -> c.png().equals("charts/" + name + ".png")).toList();
	}

	/** A count with its noun: {@code 1 campaña}, {@code 27 campañas}. */
	private static String of(long value, String singular, String plural) {
		return n(value) + " " + ((value == 1) ? singular : plural);
	}

	private static String n(long value) {
		return ChileanFormat.integer(value);
	}

}
