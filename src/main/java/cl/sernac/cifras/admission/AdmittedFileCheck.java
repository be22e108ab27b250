package cl.sernac.cifras.admission;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;

import cl.sernac.cifras.ledger.FileLedger;
import cl.sernac.cifras.ledger.FileOutcome;
import cl.sernac.cifras.staging.StagingArea;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Checks, before and after reading, that every admitted file is still the one admitted:
 * the same size and modification time as when its content was hashed. A file truncated,
 * rewritten or removed meanwhile would otherwise be counted as it happened to be while
 * its hash, the ledger's promise of what was counted, says otherwise.
 *
 * <p>
 * A changed file is withdrawn: its admission is taken back (so its content is admitted
 * anew, as it is then, by the next run), nothing read from it is kept, and it is left in
 * the input folder with a warning. Run after reading, the check covers any change made
 * while the file was read: a write changes the modification time and stays visible.
 */
public class AdmittedFileCheck implements Tasklet {

	private static final Logger logger = LoggerFactory.getLogger(AdmittedFileCheck.class);

	private final FileLedger ledger;

	private final StagingArea staging;

	private final Path inputDir;

	private final AdmittedFiles files;

	private final boolean afterReading;

	public AdmittedFileCheck(FileLedger ledger, StagingArea staging, Path inputDir, AdmittedFiles files,
			boolean afterReading) {
		this.ledger = ledger;
		this.staging = staging;
		this.inputDir = inputDir.toAbsolutePath().normalize();
		this.files = files;
		this.afterReading = afterReading;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
		long runId = chunkContext.getStepContext().getStepExecution().getJobExecution().getJobInstance().getId();
		for (FileLedger.PlannedFile file : this.ledger.planned()) {
			if (!unchanged(file) && !sameContent(file)) {
				withdraw(runId, file);
			}
		}
		return RepeatStatus.FINISHED;
	}

	/**
	 * A file whose modification time changed but whose content is still the one admitted
	 * (touched, or copied again over itself) keeps its place in the order. After reading,
	 * it is read again now, in full, since what the reading saw while it changed is not
	 * known; it stays if it did not change during that second reading.
	 */
	private boolean sameContent(FileLedger.PlannedFile file) throws Exception {
		BasicFileAttributes before = attributes(file.path());
		if (before == null || before.size() != file.sizeBytes()
				|| !this.files.sha256(file).equals(this.ledger.sha256(file.id()))) {
			return false;
		}
		if (this.afterReading) {
			long rows = this.files.readAgain(file);
			BasicFileAttributes after = attributes(file.path());
			if (after == null || !after.lastModifiedTime().equals(before.lastModifiedTime())
					|| after.size() != before.size()) {
				return false;
			}
			logger.warn("{}: cambió su fecha de modificación mientras se leía, no su contenido; se leyó de nuevo"
					+ " ({} filas)", file.fileName(), rows);
		}
		this.ledger.touched(file.id(), before.lastModifiedTime().toInstant());
		return true;
	}

	private static BasicFileAttributes attributes(Path path) {
		try {
			BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class,
					LinkOption.NOFOLLOW_LINKS);
			return attributes.isRegularFile() ? attributes : null;
		}
		catch (IOException ex) {
			return null;
		}
	}

	/** What the check needs of the reading stage. */
	public interface AdmittedFiles {

		/** The file's content hash, as admission computes it. */
		String sha256(FileLedger.PlannedFile file) throws IOException;

		/** Reads the file again from its first row into its staging; returns the rows. */
		long readAgain(FileLedger.PlannedFile file) throws Exception;

	}

	private static boolean unchanged(FileLedger.PlannedFile file) {
		BasicFileAttributes now = attributes(file.path());
		return now != null && file.unchanged(now.size(), now.lastModifiedTime().toInstant());
	}

	private void withdraw(long runId, FileLedger.PlannedFile file) throws IOException {
		boolean present = Files.isRegularFile(file.path(), LinkOption.NOFOLLOW_LINKS);
		String reason = present
				? "El archivo cambió después de admitirlo (tamaño o fecha de modificación distintos): no se cuenta"
						+ " nada de lo leído y se leerá de nuevo, tal como esté, en la próxima ejecución"
				: "El archivo desapareció después de admitirlo: no se cuenta nada de él";
		logger.warn("{}: {}", file.fileName(), reason);
		this.staging.delete(file.id());
		this.ledger.withdraw(file.id());
		this.ledger.record(runId, file.fileName(), FileOutcome.DEFERRED, file.sourceName(), null, reason);
		if (present && !this.inputDir.equals(file.path().toAbsolutePath().normalize().getParent())) {
			putBack(file);
		}
	}

	/**
	 * A file read again from the archive (a rebuild) that changed goes back to the input
	 * folder, to be admitted as it is now.
	 */
	private void putBack(FileLedger.PlannedFile file) throws IOException {
		Path target = this.inputDir.resolve(file.fileName());
		if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
			target = this.inputDir.resolve("%06d_%s".formatted(file.ordinal(), file.fileName()));
		}
		Files.move(file.path(), target, StandardCopyOption.ATOMIC_MOVE);
	}

}
