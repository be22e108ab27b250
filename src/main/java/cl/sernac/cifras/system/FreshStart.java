package cl.sernac.cifras.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code --demo --fresh}: empties the input, data and output folders, so that the demo
 * starts over as on a new machine. Done while the run holds the data folder's lock,
 * before the database is opened.
 */
public final class FreshStart {

	private static final Logger logger = LoggerFactory.getLogger(FreshStart.class);

	private FreshStart() {
	}

	/**
	 * Why these folders must not be emptied: the working directory, the home folder, the
	 * root or a folder holding them, or one of the three inside another.
	 */
	static Optional<String> refusal(Path input, Path output, Path data) {
		List<Path> folders = Stream.of(input, output, data).map(FreshStart::absolute).toList();
		List<Path> guarded = Stream.of(System.getProperty("user.dir"), System.getProperty("user.home"))
			.map(Path::of)
			.map(FreshStart::absolute)
			.toList();
		for (int i = 0; i < folders.size(); i++) {
			Path folder = folders.get(i);
			if (folder.getParent() == null || guarded.stream().anyMatch((g) -> g.startsWith(folder))) {
				return Optional.of("--fresh no vacía «" + folder + "»: es la carpeta de trabajo, la carpeta personal, "
						+ "la raíz o una que las contiene");
			}
			for (int j = 0; j < folders.size(); j++) {
				if (i != j && folders.get(j).startsWith(folder)) {
					return Optional.of("--fresh no vacía «" + folder + "»: las carpetas de entrada, datos y salida "
							+ "deben ser distintas y no estar una dentro de otra");
				}
			}
		}
		return Optional.empty();
	}

	/** Removes everything in the three folders but the run lock being held. */
	public static void empty(Path input, Path output, Path data) throws IOException {
		for (Path folder : List.of(input, output, data)) {
			if (!Files.isDirectory(folder)) {
				continue;
			}
			try (Stream<Path> entries = Files.list(folder)) {
				for (Path entry : entries.toList()) {
					if (!entry.equals(data.resolve(RunLock.FILE_NAME))) {
						delete(entry);
					}
				}
			}
		}
		logger.info("Carpetas vaciadas para empezar de nuevo: {}, {} y {}", input, data, output);
	}

	private static void delete(Path entry) throws IOException {
		if (Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
			try (Stream<Path> tree = Files.walk(entry)) {
				for (Path path : tree.sorted(Comparator.reverseOrder()).toList()) {
					Files.delete(path);
				}
			}
		}
		else {
			Files.delete(entry);
		}
	}

	private static Path absolute(Path path) {
		return path.toAbsolutePath().normalize();
	}

}
