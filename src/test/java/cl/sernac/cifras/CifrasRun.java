package cl.sernac.cifras;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * Runs the whole application in this JVM, as {@code scripts/run.sh} would, on folders of
 * a test.
 */
public record CifrasRun(Path input, Path output, Path data) {

	public static final String RUN_DATE = "2026-11-28";

	public static CifrasRun in(Path root) throws IOException {
		CifrasRun run = new CifrasRun(root.resolve("input"), root.resolve("output"), root.resolve("data"));
		Files.createDirectories(run.input);
		return run;
	}

	public int run(String... extraArgs) {
		Map<String, String> args = new LinkedHashMap<>();
		args.put("--cifras.input-dir", this.input.toString());
		args.put("--cifras.output-dir", this.output.toString());
		args.put("--cifras.data-dir", this.data.toString());
		args.put("--cifras.run-date", RUN_DATE);
		args.put("--cifras.intake.quiet-period", "0s");
		args.put("--logging.level.cl.sernac.cifras", "WARN");
		for (String arg : extraArgs) {
			int equals = arg.indexOf('=');
			args.put(arg.substring(0, equals), arg.substring(equals + 1));
		}
		String[] commandLine = args.entrySet()
			.stream()
			.map((e) -> e.getKey() + "=" + e.getValue())
			.toArray(String[]::new);
		return SpringApplication
			.exit(new SpringApplicationBuilder(CifrasApplication.class).web(WebApplicationType.NONE).run(commandLine));
	}

	/** The ledger's database (and Spring Batch's). */
	public Connection database() throws SQLException {
		return DriverManager.getConnection("jdbc:h2:file:" + this.data.resolve("cifras"), "cifras", "");
	}

	/** The record store, read only. */
	public Connection records() throws SQLException {
		Properties readOnly = new Properties();
		readOnly.setProperty("duckdb.read_only", "true");
		return DriverManager.getConnection("jdbc:duckdb:" + this.data.resolve("records.duckdb").toAbsolutePath(),
				readOnly);
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
