package cl.sernac.cifras.admission;

import cl.sernac.cifras.ledger.FileLedger;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Moves applied files from the input folder to the archive, and records where they are.
 * Runs after the merge: until then a file stays where the reader expects it. A move
 * interrupted before the ledger is updated is found again at its archive path.
 */
public class FileArchiver implements Tasklet {

	private final Path inputDir;

	private final FileLedger ledger;

	private final FileMover mover;

	private static final Logger logger = LoggerFactory.getLogger(FileArchiver.class);

	private final boolean archive;

	private final String archiveFolder;

	public FileArchiver(Path inputDir, FileLedger ledger, AdmissionSettings settings, ZoneId zone) {
		this.inputDir = inputDir.toAbsolutePath().normalize();
		this.ledger = ledger;
		this.mover = new FileMover(inputDir, settings, zone);
		this.archive = settings.archive();
		this.archiveFolder = settings.archiveFolder();
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
		if (!this.archive) {
			return RepeatStatus.FINISHED;
		}
		for (FileLedger.PlannedFile file : this.ledger.all()) {
			Path path = file.path().toAbsolutePath().normalize();
			if (!this.inputDir.equals(path.getParent())) {
				continue;
			}
			Path archived = this.mover.archivePath(file.ordinal(), file.fileName()).toAbsolutePath();
			if (Files.exists(path)) {
				try {
					archived = this.mover.archive(path, file.ordinal(), file.fileName()).toAbsolutePath();
				}
				catch (IOException ex) {
					// it stays in the input folder, applied; the next run archives it
					logger.warn("{}: no se pudo archivar en {} ({}); queda en la carpeta de entrada", file.fileName(),
							this.archiveFolder, ex.getClass().getSimpleName());
					continue;
				}
			}
			if (Files.exists(archived)) {
				this.ledger.moved(file.id(), archived);
			}
		}
		return RepeatStatus.FINISHED;
	}

}
