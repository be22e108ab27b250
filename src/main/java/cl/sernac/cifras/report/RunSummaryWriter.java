package cl.sernac.cifras.report;

import cl.sernac.cifras.support.ChileanFormat;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

import cl.sernac.cifras.ledger.FileOutcome;
import cl.sernac.cifras.support.Printable;
import com.fasterxml.jackson.databind.ObjectMapper;

import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * Writes a run's summary: {@code resumen_ejecucion.txt} for analysts,
 * {@code run_summary.json} for machines.
 */
public final class RunSummaryWriter {

	public static final String TEXT_FILE = "resumen_ejecucion.txt";

	public static final String JSON_FILE = "run_summary.json";

	private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

	public void write(RunSummary summary, Path outputDir) throws IOException {
		AtomicFiles.writeUtf8(outputDir.resolve(JSON_FILE), (writer) -> this.json.writeValue(writer, summary));
		AtomicFiles.writeUtf8(outputDir.resolve(TEXT_FILE), (writer) -> writer.write(text(summary)));
	}

	public String text(RunSummary summary) {
		StringBuilder out = new StringBuilder();
		if (summary.resumedRunId() != null) {
			out.append("Cifras · resumen de las ejecuciones N° ")
				.append(summary.resumedRunId())
				.append(" (interrumpida y reanudada) y N° ")
				.append(summary.runId())
				.append('\n');
		}
		else {
			out.append("Cifras · resumen de la ejecución N° ").append(summary.runId()).append('\n');
		}
		out.append("Producido el ")
			.append(OffsetDateTime.parse(summary.producedAt()).format(DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm")))
			.append(" · fecha de ejecución ")
			.append(LocalDate.parse(summary.runDate()).format(DateTimeFormatter.ofPattern("dd-MM-yyyy")))
			.append(" · carpeta de entrada ")
			.append(Printable.of(summary.inputDir()))
			.append("\n\n");
		List<RunSummary.FileSummary> admitted = summary.files()
			.stream()
			.filter(RunSummary.FileSummary::wasRead)
			.toList();
		if (admitted.isEmpty()) {
			out.append("No hubo archivos nuevos que ingresar.\n");
		}
		else {
			// read left to right, a row adds up: filas = rechazadas + repetidas +
			// correcciones +
			// nuevos
			String format = "%-34s %-12s %9s %11s %10s %12s %9s %12s%n";
			out.append(String.format(format, "Archivo", "Fuente", "Filas", "Rechazadas", "Repetidas", "Correcciones",
					"Nuevos", "Advertencias"));
			for (RunSummary.FileSummary f : admitted) {
				String name = Printable.of(f.file()) + ((f.outcome() == FileOutcome.REPROCESSED)
						? " (" + FileOutcome.REPROCESSED.label() + ")" : "");
				out.append(String.format(format, shorten(name, 34), f.source(), n(f.rowsRead()), n(f.rowsRejected()),
						n(f.recordsUnchanged()), n(f.recordsUpdated()), n(f.recordsNew()), n(f.warnings())));
			}
			RunSummary.Totals t = summary.totals();
			out.append(String.format(format, "Total", "", n(t.rowsRead()), n(t.rowsRejected()), n(t.recordsUnchanged()),
					n(t.recordsUpdated()), n(t.recordsNew()), n(t.warnings())));
			out.append("Repetidas: filas iguales a la versión que su clave ya tenía. Correcciones: filas que cambian"
					+ " un registro anterior (gana la última). Nuevos: registros con una clave nueva.\n");
		}
		List<RunSummary.FileSummary> others = summary.files().stream().filter((f) -> !f.wasRead()).toList();
		if (!others.isEmpty()) {
			out.append("\nArchivos no ingresados en esta ejecución:\n");
			for (RunSummary.FileSummary f : others) {
				out.append("  - ")
					.append(Printable.of(f.file()))
					.append(" (")
					.append(f.outcome().label())
					.append("): ")
					.append(Printable.of(f.reason()))
					.append('\n');
			}
		}
		RunSummary.Account a = summary.account();
		String line = "  %-48s %12s%n";
		out.append("\nDe las filas a los casos, en todo el almacén:\n");
		out.append(String.format(line, "Filas leídas", n(a.rowsRead())));
		out.append(String.format(line, "− rechazadas", n(a.rowsRejected())));
		out.append(String.format(line, "− repetidas sin cambios (misma clave)", n(a.rowsRepeated())));
		out.append(String.format(line, "− correcciones de un registro anterior", n(a.corrections())));
		out.append(String.format(line, "= registros (una versión por clave)", n(a.records())));
		out.append(String.format(line, "− unidos a otro por folio central (regla 2)", n(a.joinedByFolio())));
		out.append(String.format(line, "= casos contados", n(a.cases())));
		out.append("\nCasos contados en total: ").append(n(summary.casesInStore())).append('\n');
		out.append("Detalle de las filas rechazadas: rejects.csv\n");
		return out.toString();
	}

	private static String n(long value) {
		return ChileanFormat.integer(value);
	}

	private static String shorten(String text, int width) {
		return (text.length() <= width) ? text : text.substring(0, width - 1) + "…";
	}

}
