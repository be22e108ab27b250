package cl.sernac.cifras;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * Runs the whole application in this JVM, as {@code scripts/run.sh} would, on folders of a test.
 */
public record CifrasRun(Path input, Path output, Path data) {

	public static final String RUN_DATE = "2026-11-28";

	public static CifrasRun in(Path root) throws IOException {
		CifrasRun run = new CifrasRun(root.resolve("input"), root.resolve("output"), root.resolve("data"));
		Files.createDirectories(run.input);
		return run;
	}

	public int run(String... extraArgs) {
		List<String> args = new ArrayList<>(List.of("--cifras.input-dir=" + this.input,
				"--cifras.output-dir=" + this.output, "--cifras.data-dir=" + this.data,
				"--cifras.run-date=" + RUN_DATE, "--cifras.intake.quiet-period=0s",
				"--logging.level.cl.sernac.cifras=WARN"));
		args.addAll(List.of(extraArgs));
		return SpringApplication.exit(new SpringApplicationBuilder(CifrasApplication.class)
			.web(WebApplicationType.NONE)
			.run(args.toArray(String[]::new)));
	}

	public Connection database() throws SQLException {
		return DriverManager.getConnection("jdbc:h2:file:" + this.data.resolve("cifras"), "cifras", "");
	}

	/** Copies every file of a test resource folder into the input folder. */
	public CifrasRun withInputFrom(Path folder) throws IOException {
		try (Stream<Path> files = Files.list(folder)) {
			for (Path file : files.toList()) {
				Files.copy(file, this.input.resolve(file.getFileName()));
			}
		}
		return this;
	}

	public String outputFile(String name) throws IOException {
		return Files.readString(this.output.resolve(name));
	}

}
