package cl.sernac.cifras.check;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import cl.sernac.cifras.support.Printable;
import cl.sernac.cifras.normalize.RecordNormalizer;
import cl.sernac.cifras.normalize.RejectReason;
import cl.sernac.cifras.normalize.RowOutcome;
import cl.sernac.cifras.normalize.RutHasher;
import cl.sernac.cifras.normalize.Territory;
import cl.sernac.cifras.support.Text;
import cl.sernac.cifras.reading.CsvRecord;
import cl.sernac.cifras.reading.CsvRecordReader;
import cl.sernac.cifras.reading.ExportFileItemReader;
import cl.sernac.cifras.reading.ExportHeader;
import cl.sernac.cifras.normalize.NormalizedRowReader;
import cl.sernac.cifras.reading.ReadLimits;
import cl.sernac.cifras.reading.SourceCatalog;
import cl.sernac.cifras.reading.SourceProfile;

import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * Reads export files as a run would, and tells an analyst how: the profile that matched,
 * the header and the role of each column, the first rows as normalized records and the
 * rows that would be rejected. Stores, moves and writes nothing.
 */
public final class ExportCheck {

	/** Normalized rows shown per file. */
	static final int SHOWN_ROWS = 5;

	/** Line numbers shown per reject reason. */
	static final int SHOWN_LINES = 5;

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");

	private static final DateTimeFormatter SHOWN_DAY = DateTimeFormatter.ofPattern("dd-MM-yyyy");

	private final SourceCatalog sources;

	private final ReadLimits limits;

	private final Territory territory;

	private final LocalDate runDate;

	/** A key of this check alone: the hashes it computes are never shown nor kept. */
	private final RutHasher hasher;

	public ExportCheck(SourceCatalog sources, ReadLimits limits, Territory territory, LocalDate runDate) {
		this.sources = sources;
		this.limits = limits;
		this.territory = territory;
		this.runDate = runDate;
		byte[] key = new byte[32];
		new SecureRandom().nextBytes(key);
		this.hasher = new RutHasher(key);
	}

	/**
	 * Checks every file, printing what it finds.
	 * @return whether every file can be read by the current configuration
	 */
	public boolean check(List<Path> files, PrintStream out) {
		int readable = 0;
		for (int i = 0; i < files.size(); i++) {
			if (i > 0) {
				out.println();
			}
			readable += check(files.get(i), out) ? 1 : 0;
		}
		out.println();
		out.println("Revisión: " + readable + " de " + files.size() + " archivos legibles con la configuración actual."
				+ " No se guardó ni se movió nada.");
		return readable == files.size();
	}

	private boolean check(Path file, PrintStream out) {
		String name = (file.getFileName() != null) ? file.getFileName().toString() : file.toString();
		out.println("Archivo: " + Printable.of(name));
		if (!Files.isRegularFile(file)) {
			return unreadable(out, Files.exists(file) ? "no es un archivo" : "no existe");
		}
		if (!Files.isReadable(file)) {
			return unreadable(out, "permiso denegado");
		}
		Optional<SourceCatalog.Source> match = this.sources.match(name);
		if (match.isEmpty()) {
			return unreadable(out,
					"el nombre no corresponde a ninguna fuente configurada (patrones: "
							+ String.join(", ",
									this.sources.profiles().values().stream().map(SourceProfile::filePattern).toList())
							+ ")");
		}
		SourceProfile profile = match.get().profile();
		out.println("  Fuente: " + match.get().name() + " (patrón " + profile.filePattern() + ", codificación "
				+ profile.encoding() + ", separador " + shownDelimiter(profile.delimiter()) + ")");
		try {
			ExportHeader.Found found;
			try (CsvRecordReader records = open(file, profile)) {
				found = ExportHeader.find(records, profile);
			}
			// the line read as the header, or the line tried when none was found
			long line = (found.header() != null) ? found.header().line()
					: (profile.headerLine() != null) ? profile.headerLine() : firstLine(file, profile);
			Optional<CsvRecord> header = headerRecord(file, profile, line);
			if (header.isEmpty()) {
				return unreadable(out,
						(found.problem() != null) ? found.problem() : "archivo vacío o sin fila de encabezado");
			}
			String[] fields = header.get().fields();
			out.println("  Encabezado (línea " + header.get().line() + "): "
					+ Printable.of(String.join(profile.delimiter(), fields)));
			out.println("  Columnas:");
			for (Map.Entry<String, List<String>> role : roles(profile).entrySet()) {
				int index = indexOf(fields, role.getValue());
				out.println("    " + role.getKey() + ": " + String.join(" o ", role.getValue())
						+ ((index >= 0) ? " (columna " + (index + 1) + ")" : " (FALTA)"));
			}
			if (found.header() == null) {
				return unreadable(out, found.problem());
			}
			readRows(file, profile, out);
			out.println("  Resultado: legible");
			return true;
		}
		catch (IOException | RuntimeException ex) {
			return unreadable(out, "no se pudo leer (" + ex.getClass().getSimpleName() + ")");
		}
	}

	private void readRows(Path file, SourceProfile profile, PrintStream out) throws IOException {
		NormalizedRowReader reader = new NormalizedRowReader(
				new ExportFileItemReader("check", file, profile, this.limits),
				new RecordNormalizer(profile, this.territory, this.hasher, this.runDate));
		long rows = 0;
		Map<RejectReason, List<Long>> rejected = new EnumMap<>(RejectReason.class);
		Map<RejectReason, Long> rejectedCount = new EnumMap<>(RejectReason.class);
		List<String> shown = new ArrayList<>();
		reader.open(new ExecutionContext());
		try {
			RowOutcome row;
			while ((row = reader.read()) != null) {
				rows++;
				if (shown.size() < SHOWN_ROWS) {
					shown.add(describe(row));
				}
				if (row instanceof RowOutcome.Rejected reject) {
					rejectedCount.merge(reject.reason(), 1L, Long::sum);
					List<Long> lines = rejected.computeIfAbsent(reject.reason(), (r) -> new ArrayList<>());
					if (lines.size() < SHOWN_LINES) {
						lines.add(reject.line());
					}
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			throw ex;
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
		finally {
			reader.close();
		}
		out.println("  Primeras filas normalizadas:");
		if (shown.isEmpty()) {
			out.println("    (ninguna fila de datos)");
		}
		shown.forEach((line) -> out.println("    " + line));
		long rejectedRows = rejectedCount.values().stream().mapToLong(Long::longValue).sum();
		out.println("  Filas: " + number(rows) + " leídas, " + number(rows - rejectedRows) + " aceptadas, "
				+ number(rejectedRows) + ((rejectedRows == 1) ? " rechazada" : " rechazadas")
				+ (rejectedRows > 0 ? "; por motivo:" : ""));
		for (Map.Entry<RejectReason, Long> reason : rejectedCount.entrySet()) {
			List<Long> lines = rejected.get(reason.getKey());
			out.println("    " + reason.getKey().message() + ": " + number(reason.getValue())
					+ ((lines.size() == 1) ? " (línea " : " (líneas ")
					+ String.join(", ", lines.stream().map(String::valueOf).toList())
					+ ((reason.getValue() > lines.size()) ? ", …" : "") + ")");
		}
	}

	private String describe(RowOutcome row) {
		if (row instanceof RowOutcome.Rejected reject) {
			return "línea " + reject.line() + ": rechazada: " + reject.reason().message();
		}
		RowOutcome.Accepted record = (RowOutcome.Accepted) row;
		return "línea " + record.line() + ": tipo " + record.recordType() + ", subtipo " + orDash(record.subtype())
				+ ", canal " + orDash(record.channel()) + ", fecha "
				+ LocalDate.parse(Integer.toString(record.intakeDay()), DAY).format(SHOWN_DAY) + ", comuna "
				+ orDash(record.comunaCode()) + ", región " + orDash(record.regionCode()) + ", folio "
				+ ((record.folio() != null) ? "sí" : "no")
				+ ((record.programme() != null) ? ", programa " + record.programme() : "")
				+ ((record.detail() != null) ? ", detalle " + record.detail() : "");
	}

	private CsvRecordReader open(Path file, SourceProfile profile) throws IOException {
		return CsvRecordReader.open(file, Charset.forName(profile.encoding()), profile.delimiterChar(),
				this.limits.maxLineChars(), this.limits.maxRecordLines());
	}

	/** The line of the first record that is not blank; 0 when there is none. */
	private long firstLine(Path file, SourceProfile profile) throws IOException {
		try (CsvRecordReader records = open(file, profile)) {
			CsvRecord record;
			do {
				record = records.next();
			}
			while (record != null && record.isBlank());
			return (record != null) ? record.line() : 0;
		}
	}

	/** The header's fields: the record on the line where a run finds the header. */
	private Optional<CsvRecord> headerRecord(Path file, SourceProfile profile, long line) throws IOException {
		try (CsvRecordReader records = open(file, profile)) {
			CsvRecord record;
			do {
				record = records.next();
			}
			while (record != null && record.line() < line);
			return (record == null || record.line() != line || record.problem() != null) ? Optional.empty()
					: Optional.of(record);
		}
	}

	/** Each role the profile reads, in Spanish, with its configured column. */
	private static Map<String, List<String>> roles(SourceProfile profile) {
		Map<String, List<String>> roles = new LinkedHashMap<>();
		for (int i = 0; i < profile.keyColumns().size(); i++) {
			roles.put((profile.keyColumns().size() == 1) ? "clave" : "clave " + (i + 1),
					List.of(profile.keyColumns().get(i).split("\\|")));
		}
		SourceProfile.Columns columns = profile.columns();
		put(roles, "fecha", columns.date());
		put(roles, "tipo", columns.type());
		put(roles, "subtipo", columns.subtype());
		put(roles, "canal", columns.channel());
		if (profile.channelColumn() != null && !profile.channelColumn().isBlank() && !roles.containsKey("canal")) {
			roles.put("canal", List.of(profile.channelColumn()));
		}
		put(roles, "rut", columns.rut());
		put(roles, "región", columns.region());
		put(roles, "comuna", columns.comuna());
		put(roles, "folio", columns.folio());
		put(roles, "institución", columns.organization());
		put(roles, "lugar", columns.place());
		return roles;
	}

	private static void put(Map<String, List<String>> roles, String role, List<String> columns) {
		List<String> named = (columns != null) ? columns.stream().filter((c) -> c != null && !c.isBlank()).toList()
				: List.of();
		if (!named.isEmpty()) {
			roles.put(role, named);
		}
	}

	/** The first field named by any of the names, compared as a run compares them. */
	private static int indexOf(String[] fields, List<String> names) {
		for (String name : names) {
			String key = ExportHeader.nameKey(name);
			for (int i = 0; i < fields.length; i++) {
				if (ExportHeader.nameKey(fields[i]).equals(key)) {
					return i;
				}
			}
		}
		return -1;
	}

	private static boolean unreadable(PrintStream out, String why) {
		out.println("  Resultado: no legible: " + why);
		return false;
	}

	private static String shownDelimiter(String delimiter) {
		return "\t".equals(delimiter) || "\\t".equals(delimiter) ? "TAB" : delimiter;
	}

	private static String orDash(String value) {
		return (value == null || value.isEmpty()) ? "-" : value;
	}

	/** Chilean grouping: 98.305. */
	private static String number(long value) {
		return String.format(Locale.ROOT, "%,d", value).replace(',', '.');
	}

}
