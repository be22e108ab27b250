package cl.sernac.cifras.admission;

import cl.sernac.cifras.support.Printable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Moves files out of the way once decided: ingested files into the archive folder (from
 * where a rebuild reads them), files not ingested aside with a note of the reason.
 */
final class FileMover {

	private static final Logger logger = LoggerFactory.getLogger(FileMover.class);

	private final Path inputDir;

	private final AdmissionSettings settings;

	/** The zone of the time that tells apart two files set aside under one name. */
	private final ZoneId zone;

	FileMover(Path inputDir, AdmissionSettings settings, ZoneId zone) {
		this.inputDir = inputDir;
		this.settings = settings;
		this.zone = zone;
	}

	/**
	 * The archive path of an ingested file: its admission number keeps equal names apart.
	 */
	Path archivePath(long ordinal, String fileName) {
		return this.inputDir.resolve(this.settings.archiveFolder())
			.resolve("%06d_%s".formatted(ordinal, fitting(fileName)));
	}

	/**
	 * Moves an ingested file to the archive, under its name as the ledger keeps it
	 * (printable); returns where it is now.
	 */
	Path archive(Path file, long ordinal, String ledgerName) throws IOException {
		Path target = archivePath(ordinal, ledgerName);
		Files.createDirectories(target.getParent());
		Files.move(file, target);
		return target;
	}

	/**
	 * Moves a file not ingested aside, with a note of the reason. When the folder cannot
	 * be used (a plain file has its name, a full disk) the file stays where it is: it is
	 * reported again by the next run, and nothing else stops.
	 */
	/**
	 * A name short enough for the archive's prefix: file systems take 255 bytes, so a
	 * longer name is cut (its extension kept); the admission number keeps it unique.
	 */
	static String fitting(String fileName) {
		int max = 240;
		if (fileName.getBytes(StandardCharsets.UTF_8).length <= max) {
			return fileName;
		}
		int dot = fileName.lastIndexOf('.');
		String extension = (dot > 0 && fileName.length() - dot <= 10) ? fileName.substring(dot) : "";
		String stem = fileName.substring(0, fileName.length() - extension.length());
		while ((stem + "~" + extension).getBytes(StandardCharsets.UTF_8).length > max) {
			stem = stem.substring(0, stem.offsetByCodePoints(stem.length(), -1));
		}
		return stem + "~" + extension;
	}

	void setAside(Path file, String reason) {
		if (!this.settings.archive()) {
			return;
		}
		try {
			moveAside(file, reason);
		}
		catch (IOException ex) {
			logger.warn("{}: no se pudo mover a {} ({}); queda en la carpeta de entrada",
					Printable.of(file.getFileName().toString()), this.settings.asideFolder(),
					ex.getClass().getSimpleName());
		}
	}

	private void moveAside(Path file, String reason) throws IOException {
		Path dir = this.inputDir.resolve(this.settings.asideFolder());
		Files.createDirectories(dir);
		String name = file.getFileName().toString();
		Path target = dir.resolve(name);
		if (Files.exists(target)) {
			name = LocalDateTime.now(this.zone).format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS")) + "_" + name;
			target = dir.resolve(name);
		}
		Files.move(file, target);
		Files.writeString(dir.resolve(name + ".motivo.txt"), reason + "\n", StandardCharsets.UTF_8);
	}

}
