package cl.sernac.cifras.intake;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import cl.sernac.cifras.source.ExportFileItemReader;
import cl.sernac.cifras.source.ExportHeader;
import cl.sernac.cifras.source.ReadLimits;
import cl.sernac.cifras.source.SourceCatalog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Looks at every file in the input folder, in name order, and decides its fate: admitted to the
 * store, already ingested (same content), or not recognized (with the reason). Admitted files get
 * their place in the order in which records are applied.
 */
public class IntakePlanner implements Tasklet {

	private static final Logger logger = LoggerFactory.getLogger(IntakePlanner.class);

	private final Path inputDir;

	private final SourceCatalog sources;

	private final FileLedger ledger;

	private final ReadLimits limits;

	public IntakePlanner(Path inputDir, SourceCatalog sources, FileLedger ledger, ReadLimits limits) {
		this.inputDir = inputDir;
		this.sources = sources;
		this.ledger = ledger;
		this.limits = limits;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
		long runId = chunkContext.getStepContext().getStepExecution().getJobExecution().getJobInstance().getId();
		for (Path file : listFiles()) {
			plan(runId, file);
		}
		return RepeatStatus.FINISHED;
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

	private void plan(long runId, Path file) throws IOException {
		String name = file.getFileName().toString();
		if (Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS)) {
			return;
		}
		if (name.startsWith(".") || Files.isSymbolicLink(file) || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
			logger.warn("Archivo ignorado (oculto, enlace o especial): {}", name);
			this.ledger.record(runId, name, FileOutcome.IGNORED, null, null,
					"Archivo oculto, enlace simbólico o especial");
			return;
		}
		Optional<SourceCatalog.Source> match = this.sources.match(name);
		if (match.isEmpty()) {
			notRecognized(runId, name, null, "El nombre no corresponde a ninguna fuente configurada");
			return;
		}
		SourceCatalog.Source source = match.get();
		FileFingerprint fingerprint = FileFingerprint.of(file, Charset.forName(source.profile().encoding()));
		Optional<String> admittedAs = this.ledger.admittedName(fingerprint.sha256());
		if (admittedAs.isPresent()) {
			String reason = admittedAs.get().equals(name) ? "Ya ingresado" : "Mismo contenido que " + admittedAs.get();
			logger.info("{}: {}; no cambia nada", name, reason);
			this.ledger.record(runId, name, FileOutcome.ALREADY_INGESTED, source.name(), null, reason);
			return;
		}
		if (fingerprint.badEncodingLine() > 0) {
			notRecognized(runId, name, source.name(), "Codificación inválida: no es UTF-8 (línea "
					+ fingerprint.badEncodingLine() + ")");
			return;
		}
		ExportHeader header = ExportFileItemReader.readHeader(file, source.profile(), this.limits);
		if (header == null) {
			notRecognized(runId, name, source.name(), "Archivo vacío o sin fila de encabezado");
			return;
		}
		if (!header.missingColumns().isEmpty()) {
			notRecognized(runId, name, source.name(),
					"Faltan columnas obligatorias: " + String.join(", ", header.missingColumns()));
			return;
		}
		long fileId = this.ledger.admit(runId, file, fingerprint, source.name());
		this.ledger.record(runId, name, FileOutcome.ADMITTED, source.name(), fileId, null);
		logger.info("{}: fuente {}", name, source.name());
	}

	private void notRecognized(long runId, String name, String sourceName, String reason) {
		logger.warn("{}: no se ingresa. {}", name, reason);
		this.ledger.record(runId, name, FileOutcome.NOT_RECOGNIZED, sourceName, null, reason);
	}

}
