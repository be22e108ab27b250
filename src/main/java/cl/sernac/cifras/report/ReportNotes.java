package cl.sernac.cifras.report;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;

import cl.sernac.cifras.reading.RecordType;

/**
 * What the report's figures mean, said once for every place that says it: the page's
 * notes and definitions, the workbook's first sheet and every chart's source line.
 */
final class ReportNotes {

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd-MM-yyyy");

	private ReportNotes() {
	}

	/** The office the report speaks for: {@code Dirección Regional de Valparaíso}. */
	static String office(String regionName) {
		return "Dirección Regional de " + regionName;
	}

	/** The production date as the report writes it: {@code 02-12-2026}. */
	static String date(LocalDate produced) {
		return produced.format(DATE);
	}

	/**
	 * The line under every chart and table: where the figures come from and when Cifras
	 * produced them.
	 * @param office {@code Dirección Regional de Valparaíso}
	 */
	static String source(String office, LocalDate produced) {
		return "Fuente: registros de atención de SERNAC, " + office + " · Cifras, " + produced.format(DATE);
	}

	/** The terms a reader of the figures needs, in the order the page lists them. */
	static List<Note> definitions(Period period) {
		return List.of(new Note("Consulta", "El consumidor pregunta por sus derechos o por una situación de consumo."),
				new Note("Reclamo", "El consumidor reclama contra un proveedor."),
				new Note(RecordType.SONI.title(),
						Labels.SONI_IN_FULL + ": una opinión sobre la atención del propio SERNAC, de disconformidad,"
								+ " de reconocimiento o una sugerencia."),
				new Note("Canal de ingreso",
						"Por dónde llegó el consumidor: call center, Internet (el portal), la oficina regional, las"
								+ " plataformas municipales, SERNAC Móvil o los servicios públicos en convenio."),
				new Note("Registro",
						"Una fila de una exportación, una sola vez por clave: una fila repetida no se vuelve a contar"
								+ " y una versión posterior corrige la anterior."),
				new Note("Caso",
						"Lo que se cuenta: un registro, o dos registros que comparten un folio central (regla del"
								+ " folio central)."),
				new Note("Regla del folio central",
						"Un registro del portal y uno de una plataforma municipal o de un servicio en convenio con el"
								+ " mismo folio central son un solo caso. Se cuenta una vez, en el canal por donde llegó"
								+ " el consumidor, con el tipo, la fecha y la comuna del registro municipal o del"
								+ " servicio."),
				new Note("Año y mes", "Los de la fecha de ingreso del caso, en hora de Chile."),
				new Note("Participación",
						"El porcentaje que los casos de un canal representan en el total del tipo en el año,"
								+ " calculado con las cifras exactas y redondeado una sola vez a un decimal (las"
								+ " mitades se redondean alejándose de cero)."),
				new Note("Cambio en puntos porcentuales (pp)",
						"La diferencia entre dos participaciones sin redondear, redondeada al final; por eso puede"
								+ " diferir en 0,1 de la resta de las participaciones mostradas."),
				new Note("Variación (%)",
						"El cambio del número de casos respecto del año anterior, en porcentaje; no se calcula"
								+ " cuando el año anterior no tuvo casos (—)."),
				new Note("Período",
						"Los años " + period.label() + " para el titular, la cuenta del período y los gráficos; las"
								+ " tablas año a año incluyen todos los años con datos."),
				new Note("Filas rechazadas",
						"Las que no tienen clave, fecha legible o tipo reconocido, o no tienen tantos campos como su"
								+ " encabezado: no se cuentan, y el resto de su archivo sí."),
				new Note("Datos personales",
						"Ningún RUT, nombre ni texto libre de las exportaciones aparece en el informe, las tablas ni"
								+ " los gráficos."));
	}

	/**
	 * @param term the word defined, as a reader looks it up
	 * @param text its definition, one or two sentences
	 */
	record Note(String term, String text) {
	}

}
