package cl.sernac.cifras.admission;

import cl.sernac.cifras.ledger.FileOutcome;
import cl.sernac.cifras.ledger.FileFingerprint;
import cl.sernac.cifras.ledger.FileLedger;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import cl.sernac.cifras.merge.RecordStore;
import cl.sernac.cifras.support.Printable;
import cl.sernac.cifras.reading.ExportFileItemReader;
import cl.sernac.cifras.reading.ExportHeader;
import cl.sernac.cifras.reading.ReadLimits;
import cl.sernac.cifras.reading.SourceCatalog;
import cl.sernac.cifras.reading.SourceProfile;
import cl.sernac.cifras.support.Milestones;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Looks at every file in the input folder, in name order, and decides its fate: admitted
 * to the store, left for later (still being copied), already ingested (same content), or
 * not recognized (with the reason). Admitted files get their place in the order in which
 * records are applied.
 */
public class AdmissionPlanner implements Tasklet {

	/** Job parameter: reprocess every file of the ledger into a fresh store first. */
	public static final String REBUILD = "rebuild";

	/**
	 * Job execution context: how many archived files the run's rebuild left out, because
	 * the current configuration can no longer read them.
	 */
	public static final String LEFT_OUT = "rebuild.left-out";

	/** Job execution context: present when the run rebuilt the store. */
	public static final String REBUILT = "rebuild.done";

	private static final Logger logger = LoggerFactory.getLogger(AdmissionPlanner.class);

	/** The folder's own version-control placeholders: not an analyst's file. */
	private static final Set<String> PLACEHOLDERS = Set.of(".gitignore", ".gitkeep");

	private final Path inputDir;

	private final SourceCatalog sources;

	private final FileLedger ledger;

	private final ReadLimits limits;

	private final AdmissionSettings settings;

	private final FileMover mover;

	private final RecordStore records;

	/**
	 * How many archived files the last rebuild of this planner left out (0 when it did
	 * not rebuild).
	 */
	private int leftOut;

	/** Whether the last execution of this planner rebuilt the store. */
	private boolean rebuilt;

	public AdmissionPlanner(Path inputDir, SourceCatalog sources, FileLedger ledger, RecordStore records,
			ReadLimits limits, AdmissionSettings settings, ZoneId zone) {
		this.inputDir = inputDir;
		this.sources = sources;
		this.ledger = ledger;
		this.records = records;
		this.limits = limits;
		this.settings = settings;
		this.mover = new FileMover(inputDir, settings, zone);
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
		long runId = chunkContext.getStepContext().getStepExecution().getJobExecution().getJobInstance().getId();
		this.leftOut = 0;
		this.rebuilt = false;
		Object rebuild = chunkContext.getStepContext().getJobParameters().get(REBUILD);
		if (rebuild != null && Boolean.parseBoolean(rebuild.toString())) {
			prepareRebuild(runId, false);
		}
		else {
			Optional<String> mismatch = recordsMismatch();
			if (mismatch.isPresent()) {
				logger.warn(
						"Los registros de {} no corresponden a los archivos ya incorporados ({}): la carpeta"
								+ " de datos es de una versión anterior de Cifras, o los registros se perdieron. Se"
								+ " reconstruyen desde los archivos archivados.",
						Printable.of(this.records.location()), mismatch.get());
				prepareRebuild(runId, true);
			}
		}
		Map<Path, Snapshot> files = quietFiles(runId, listFiles());
		Map<Path, FileFingerprint> fingerprints = fingerprints(files.keySet());
		Map<String, Path> preferred = preferredCopies(fingerprints);
		int admitted = 0;
		for (Map.Entry<Path, Snapshot> file : files.entrySet()) {
			try {
				admitted += plan(runId, file.getKey(), file.getValue(), fingerprints.get(file.getKey()), preferred) ? 1
						: 0;
			}
			catch (IOException ex) {
				unreadable(runId, file.getKey(), ex);
			}
		}
		logger.info("Admisión: {} archivos nuevos de {} revisados", admitted, files.size());
		if (this.rebuilt) {
			chunkContext.getStepContext()
				.getStepExecution()
				.getJobExecution()
				.getExecutionContext()
				.putString(REBUILT, "true");
		}
		if (this.leftOut > 0) {
			chunkContext.getStepContext()
				.getStepExecution()
				.getJobExecution()
				.getExecutionContext()
				.putInt(LEFT_OUT, this.leftOut);
		}
		Milestones.passed("plan");
		return RepeatStatus.FINISHED;
	}

	/**
	 * Whether the record store holds exactly the files the ledger says were merged: it
	 * may also hold files the ledger still has as admitted (a run stopped between the
	 * store's commit and the ledger's), never fewer, never others.
	 * @return what does not match, when something does not
	 */
	private Optional<String> recordsMismatch() {
		Map<Long, String> merged = this.ledger.mergedHashes();
		Map<Long, String> admitted = this.ledger.allHashes();
		Map<Long, RecordStore.MergedFile> stored = this.records.mergedFiles();
		long missing = merged.entrySet()
			.stream()
			.filter((e) -> !stored.containsKey(e.getKey()) || !stored.get(e.getKey()).sha256().equals(e.getValue()))
			.count();
		long foreign = stored.values().stream().filter((f) -> !f.sha256().equals(admitted.get(f.fileId()))).count();
		if (missing == 0 && foreign == 0) {
			return Optional.empty();
		}
		return Optional.of((missing > 0) ? missing + " de " + merged.size() + " archivos incorporados no están en ellos"
				: foreign + " archivos de los registros no están en el registro de archivos");
	}

	/**
	 * Empties the store and queues every file of the ledger again, in its original order.
	 * @param records whether the rebuild is the run's own answer to records that do not
	 * match the ledger (not asked for with {@code --rebuild})
	 */
	private void prepareRebuild(long runId, boolean records) throws IOException {
		List<FileLedger.PlannedFile> files = this.ledger.all();
		for (FileLedger.PlannedFile file : files) {
			if (!Files.isRegularFile(file.path())) {
				throw new RebuildRefusedException("Reconstrucción cancelada, sin cambiar nada: falta el archivo "
						+ Printable.of(file.path().toString())
						+ (records
								? ". Devuélvalo a esa carpeta: cada ejecución intentará de nuevo la reconstrucción"
										+ " hasta que esté (o comience de cero con --fresh --yes)."
								: ". Devuélvalo a esa carpeta y ejecute de nuevo con --rebuild; las ejecuciones"
										+ " normales siguen como antes."));
			}
		}
		// the records first: a run stopped between the two finds records that do not
		// match
		// the ledger, and rebuilds them
		this.records.clear();
		this.ledger.readAllAgain();
		int leftOut = 0;
		for (FileLedger.PlannedFile file : files) {
			Optional<String> unreadable = unreadableNow(file);
			if (unreadable.isPresent()) {
				leaveOut(runId, file, unreadable.get());
				leftOut++;
				continue;
			}
			this.ledger.record(runId, file.fileName(), FileOutcome.REPROCESSED, file.sourceName(), file.id(),
					"Reconstrucción desde " + file.path().getFileName());
		}
		logger.info("Reconstrucción: se vuelven a leer {} archivos en su orden original", files.size() - leftOut);
		this.leftOut = leftOut;
		this.rebuilt = true;
	}

	/**
	 * Why an archived file can no longer be read with the current configuration (its
	 * source is gone, its header lacks a required column, it cannot be read), if so.
	 */
	private Optional<String> unreadableNow(FileLedger.PlannedFile file) {
		SourceProfile profile = this.sources.profiles().get(file.sourceName());
		if (profile == null) {
			return Optional.of("la fuente " + file.sourceName() + " ya no está en la configuración");
		}
		try {
			ExportHeader header = ExportFileItemReader.readHeader(file.path(), profile, this.limits);
			if (header == null) {
				return Optional.of("no se encontró la fila de encabezado");
			}
			if (!header.missingColumns().isEmpty()) {
				return Optional.of("faltan columnas obligatorias según la configuración actual: "
						+ String.join(", ", header.missingColumns()));
			}
			return Optional.empty();
		}
		catch (IOException | RuntimeException ex) {
			return Optional.of("no se pudo leer (" + ex.getClass().getSimpleName() + ")");
		}
	}

	/**
	 * A file the rebuild cannot read any more: none of its records are counted, the
	 * ledger keeps it as left out (not read again by the nightly runs, read again by the
	 * next rebuild), and the run's summary tells why and what to do.
	 */
	private void leaveOut(long runId, FileLedger.PlannedFile file, String why) {
		String reason = "Quedó fuera de la reconstrucción: " + why
				+ ". Sus registros no se cuentan. Corrija la configuración (p. ej. agregue el nombre anterior de la"
				+ " columna) y ejecute de nuevo con --rebuild";
		logger.warn("{}: {}", Printable.of(file.fileName()), reason);
		this.ledger.leftOut(file.id());
		this.ledger.record(runId, file.fileName(), FileOutcome.NOT_RECOGNIZED, file.sourceName(), file.id(),
				truncate(reason));
	}

	private static String truncate(String reason) {
		return (reason.length() <= 500) ? reason : reason.substring(0, 499) + "…";
	}

	private List<Path> listFiles() throws IOException {
		if (!Files.isDirectory(this.inputDir)) {
			throw new IOException("La carpeta de entrada no existe: " + this.inputDir);
		}
		List<Path> files = new ArrayList<>();
		try (Stream<Path> entries = Files.list(this.inputDir)) {
			entries.sorted((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()))
				.forEach(files::add);
		}
		return files;
	}

	/**
	 * The files that have not changed for the quiet period. Files changed more recently
	 * are watched until they are quiet (at most one quiet period); those still changing
	 * are left for later.
	 */
	private Map<Path, Snapshot> quietFiles(long runId, List<Path> candidates) throws IOException {
		Map<Path, Snapshot> snapshots = new LinkedHashMap<>();
		for (Path file : candidates) {
			String name = file.getFileName().toString();
			if (PLACEHOLDERS.contains(name) || (name.startsWith(".") && Files.isDirectory(file))) {
				continue;
			}
			if (Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS)) {
				if (!isWorkFolder(name)) {
					ignored(runId, name, "Es una carpeta, no un archivo: no se lee su contenido");
				}
				continue;
			}
			if (name.startsWith(".") || Files.isSymbolicLink(file)
					|| !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) || escapes(file)) {
				ignored(runId, name, "Archivo oculto, enlace simbólico, especial o con un nombre no válido");
				continue;
			}
			if (isWorkFolder(name)) {
				ignored(runId, name, "Tiene el nombre de una carpeta de trabajo de Cifras ("
						+ this.settings.archiveFolder() + ", " + this.settings.asideFolder()
						+ "): no se lee, y los archivos no se pueden archivar ni apartar hasta que se le cambie el nombre");
				continue;
			}
			try {
				snapshots.put(file, Snapshot.of(file));
			}
			catch (IOException ex) {
				// gone since the folder was listed, or a name the system cannot open
				unreadable(runId, file, ex);
			}
		}
		Duration quiet = this.settings.quietPeriod();
		Instant now = Instant.now();
		Instant newest = snapshots.values()
			.stream()
			.map(Snapshot::modified)
			.max(Instant::compareTo)
			.orElse(Instant.EPOCH);
		Duration wait = quiet.minus(Duration.between(newest, now));
		if (!quiet.isZero() && !wait.isNegative() && !wait.isZero()) {
			sleep(wait);
		}
		Map<Path, Snapshot> quietFiles = new LinkedHashMap<>();
		for (Map.Entry<Path, Snapshot> entry : snapshots.entrySet()) {
			Snapshot again = Snapshot.ofOrNull(entry.getKey());
			if (again == null) {
				logger.warn("{}: desapareció de la carpeta de entrada mientras se revisaba",
						Printable.of(entry.getKey().getFileName().toString()));
			}
			else if (again.equals(entry.getValue())) {
				quietFiles.put(entry.getKey(), again);
			}
			else {
				defer(runId, entry.getKey());
			}
		}
		return quietFiles;
	}

	/**
	 * The content of every file that matches a source, read once. A file that cannot be
	 * read is left out here, and reported when its turn comes.
	 */
	private Map<Path, FileFingerprint> fingerprints(Iterable<Path> files) {
		Map<Path, FileFingerprint> fingerprints = new LinkedHashMap<>();
		for (Path file : files) {
			Optional<SourceCatalog.Source> match = this.sources.match(file.getFileName().toString());
			if (match.isPresent()) {
				try {
					fingerprints.put(file, FileFingerprint.of(file, Charset.forName(match.get().profile().encoding())));
				}
				catch (IOException ex) {
					// reported by plan()
				}
			}
		}
		return fingerprints;
	}

	/**
	 * Among files of this run with the same content, the one to ingest: the plainest
	 * name, the others being copies ({@code portal_2015_06.csv}, not
	 * {@code portal_2015_06 (copia).csv} nor {@code copia de portal_2015_06.csv}).
	 * @return by content hash, the file to ingest
	 */
	static Map<String, Path> preferredCopies(Map<Path, FileFingerprint> fingerprints) {
		Map<String, Path> preferred = new HashMap<>();
		for (Map.Entry<Path, FileFingerprint> entry : fingerprints.entrySet()) {
			preferred.merge(entry.getValue().sha256(), entry.getKey(), (a, b) -> (PLAINER.compare(a, b) <= 0) ? a : b);
		}
		return preferred;
	}

	/** Names without a copy's marks first, then shorter ones, then in name order. */
	private static final Comparator<Path> PLAINER = Comparator
		.comparing((Path p) -> looksLikeACopy(p.getFileName().toString()))
		.thenComparing((Path p) -> p.getFileName().toString().length())
		.thenComparing((Path p) -> p.getFileName().toString());

	private static final Pattern COPY_MARK = Pattern
		.compile("(?iu)((?<!\\p{L})(copia|copy|duplicad[oa])(?!\\p{L})|\\(\\d+\\)|\\[\\d+\\]|~\\d*(?=\\.|$))");

	static boolean looksLikeACopy(String fileName) {
		return COPY_MARK.matcher(fileName).find();
	}

	/**
	 * Admits a file, sets it aside or leaves it for later.
	 * @return whether it was admitted
	 */
	private boolean plan(long runId, Path file, Snapshot snapshot, FileFingerprint preread, Map<String, Path> preferred)
			throws IOException {
		String name = file.getFileName().toString();
		Optional<SourceCatalog.Source> match = this.sources.match(name);
		if (match.isEmpty()) {
			notIngested(runId, file, null, "El nombre no corresponde a ninguna fuente configurada");
			return false;
		}
		SourceCatalog.Source source = match.get();
		if (snapshot.size() == 0) {
			// a copy that has not written its first byte yet: waited for, never set aside
			String reason = "Archivo vacío (0 bytes): se espera a que termine de copiarse y se revisa en la próxima"
					+ " ejecución";
			logger.warn("{}: {}", Printable.of(name), reason);
			this.ledger.record(runId, name, FileOutcome.DEFERRED, source.name(), null, reason);
			return false;
		}
		FileFingerprint fingerprint = (preread != null) ? preread
				: FileFingerprint.of(file, Charset.forName(source.profile().encoding()));
		if (!Snapshot.of(file).equals(snapshot)) {
			defer(runId, file);
			return false;
		}
		Optional<FileLedger.AdmittedFile> admitted = this.ledger.admitted(fingerprint.sha256());
		if (admitted.isPresent() && isSameFile(admitted.get().path(), file)) {
			// the admitted file itself, not yet archived (a run was interrupted, or the
			// archive folder could not be used): it stays where the ledger expects it
			String reason = admitted.get().waiting()
					? "Admitido por una ejecución que no terminó; se lee y se aplica ahora"
					: "Ya ingresado; no cambia nada y queda en la carpeta de entrada";
			logger.info("{}: {}", Printable.of(name), reason);
			this.ledger.record(runId, name, FileOutcome.ALREADY_INGESTED, source.name(), null, reason);
			return false;
		}
		Path original = preferred.get(fingerprint.sha256());
		if (admitted.isEmpty() && original != null && !original.equals(file)) {
			String reason = "Mismo contenido que " + FileLedger.displayName(original.getFileName().toString())
					+ ", que se ingresa en esta ejecución; no cambia nada";
			logger.info("{}: {}", Printable.of(name), reason);
			this.ledger.record(runId, name, FileOutcome.ALREADY_INGESTED, source.name(), null, reason);
			this.mover.setAside(file, reason);
			return false;
		}
		if (admitted.isPresent()) {
			String admittedAs = admitted.get().fileName();
			String reason = admittedAs.equals(FileLedger.displayName(name)) ? "Ya ingresado antes; no cambia nada"
					: "Mismo contenido que " + admittedAs + ", ya ingresado; no cambia nada";
			logger.info("{}: {}", Printable.of(name), reason);
			this.ledger.record(runId, name, FileOutcome.ALREADY_INGESTED, source.name(), null, reason);
			this.mover.setAside(file, reason);
			return false;
		}
		if (fingerprint.badEncodingLine() > 0) {
			notIngested(runId, file, source.name(),
					"Codificación inválida: no es UTF-8 (línea " + fingerprint.badEncodingLine() + ")");
			return false;
		}
		ExportHeader.Found header = ExportFileItemReader.findHeader(file, source.profile(), this.limits);
		if (header.header() == null) {
			notIngested(runId, file, source.name(), header.problem());
			return false;
		}
		long fileId = this.ledger.admit(runId, file, fingerprint, snapshot.modified(), source.name());
		this.ledger.record(runId, name, FileOutcome.ADMITTED, source.name(), fileId, null);
		logger.debug("{}: fuente {}", Printable.of(name), source.name());
		return true;
	}

	/**
	 * A file that cannot be read (permissions, an input/output error) is left where it
	 * is, reported, and tried again by the next run; the other files go on.
	 */
	private void unreadable(long runId, Path file, IOException ex) {
		String name = file.getFileName().toString();
		String why = (ex instanceof java.nio.file.AccessDeniedException) ? "permiso denegado"
				: (ex instanceof java.nio.file.NoSuchFileException) ? "ya no está en la carpeta" : "error de lectura";
		String reason = "No se pudo leer el archivo (" + why
				+ "); queda en la carpeta de entrada y se intentará en la próxima ejecución";
		logger.warn("{}: {}", Printable.of(name), reason);
		this.ledger.record(runId, name, FileOutcome.NOT_RECOGNIZED, null, null, reason);
	}

	private void ignored(long runId, String name, String reason) {
		logger.warn("{}: se ignora. {}", Printable.of(name), reason);
		this.ledger.record(runId, name, FileOutcome.IGNORED, null, null, reason);
	}

	/** The folders Cifras keeps inside the input folder. */
	private boolean isWorkFolder(String name) {
		return name.equals(this.settings.archiveFolder()) || name.equals(this.settings.asideFolder());
	}

	private static boolean isSameFile(Path admitted, Path file) {
		return admitted.toAbsolutePath().normalize().equals(file.toAbsolutePath().normalize());
	}

	private void defer(long runId, Path file) {
		String name = file.getFileName().toString();
		logger.warn("{}: todavía está cambiando (copia en curso); se leerá en una próxima ejecución",
				Printable.of(name));
		this.ledger.record(runId, name, FileOutcome.DEFERRED, null, null,
				"El archivo todavía está cambiando (copia en curso); se leerá en una próxima ejecución");
	}

	private void notIngested(long runId, Path file, String sourceName, String reason) throws IOException {
		String name = file.getFileName().toString();
		logger.warn("{}: no se ingresa. {}", Printable.of(name), reason);
		this.ledger.record(runId, name, FileOutcome.NOT_RECOGNIZED, sourceName, null, reason);
		this.mover.setAside(file, reason);
	}

	/**
	 * A name that is not a plain file name of the input folder (path separators, dot
	 * names).
	 */
	private boolean escapes(Path file) {
		String name = file.getFileName().toString();
		return name.contains("/") || name.contains("\\") || name.equals("..")
				|| !file.toAbsolutePath().normalize().getParent().equals(this.inputDir.toAbsolutePath().normalize());
	}

	private static void sleep(Duration wait) {
		try {
			Thread.sleep(wait.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * A rebuild that cannot be done as asked (an archived file is missing): nothing was
	 * changed, and the run is not to be resumed; the operator decides.
	 */
	public static final class RebuildRefusedException extends IllegalStateException {

		RebuildRefusedException(String message) {
			super(message);
		}

	}

	/** Size and modification time: a file still being written changes one or both. */
	record Snapshot(long size, Instant modified) {

		static Snapshot of(Path file) throws IOException {
			BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class,
					LinkOption.NOFOLLOW_LINKS);
			return new Snapshot(attributes.size(), attributes.lastModifiedTime().toInstant());
		}

		/** The snapshot, or null when the file is gone or cannot be looked at. */
		static Snapshot ofOrNull(Path file) {
			try {
				return of(file);
			}
			catch (IOException ex) {
				return null;
			}
		}

	}

}
