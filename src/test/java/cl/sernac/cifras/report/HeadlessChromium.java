package cl.sernac.cifras.report;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Debian's Chromium, headless, with a fresh profile and no way out to the network:
 * renders a page from disk and returns its DOM once loaded.
 */
final class HeadlessChromium {

	private static final List<String> NAMES = List.of("chromium", "chromium-browser");

	private final Path executable;

	private HeadlessChromium(Path executable) {
		this.executable = executable;
	}

	/**
	 * The browser on the {@code PATH}. Without it a test is skipped, except in CI (the
	 * environment variable {@code CI} is set), where {@code .ci/run} installs it and its
	 * absence is a failure.
	 */
	static HeadlessChromium required() {
		Optional<Path> found = Optional.empty();
		for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
			for (String name : NAMES) {
				Path candidate = Path.of(dir, name);
				if (found.isEmpty() && Files.isExecutable(candidate)) {
					found = Optional.of(candidate);
				}
			}
		}
		if (found.isEmpty()) {
			if (System.getenv("CI") != null) {
				fail("Chromium is not installed; .ci/run installs Debian's chromium package");
			}
			assumeTrue(false, "Chromium is not installed (apt-get install chromium): page not rendered");
		}
		return new HeadlessChromium(found.get());
	}

	/**
	 * Renders the page and returns the DOM after it loaded, scripts run and images
	 * decoded.
	 * @param options more of Chromium's options, e.g. {@code --window-size=1280,900}
	 */
	String dumpDom(Path page, Path workDir, String... options) throws IOException, InterruptedException {
		Path out = workDir.resolve("dom.html");
		List<String> arguments = new ArrayList<>(List.of(options));
		arguments.addAll(List.of("--virtual-time-budget=10000", "--dump-dom", page.toUri().toString()));
		run(arguments, workDir, out);
		String dom = Files.readString(out, StandardCharsets.UTF_8);
		if (dom.isBlank()) {
			fail("Chromium rendered nothing: " + Files.readString(workDir.resolve("chromium.log")));
		}
		return dom;
	}

	/**
	 * Prints the page to PDF as a reader's browser would (print styles, no header nor
	 * footer), once it loaded.
	 */
	Path printToPdf(Path page, Path workDir) throws IOException, InterruptedException {
		Path pdf = workDir.resolve("page.pdf");
		run(List.of("--virtual-time-budget=10000", "--no-pdf-header-footer", "--print-to-pdf=" + pdf,
				page.toUri().toString()), workDir, workDir.resolve("stdout.txt"));
		if (!Files.isRegularFile(pdf) || Files.size(pdf) == 0) {
			fail("Chromium printed nothing: " + Files.readString(workDir.resolve("chromium.log")));
		}
		return pdf;
	}

	private void run(List<String> arguments, Path workDir, Path out) throws IOException, InterruptedException {
		Path profile = Files.createTempDirectory(workDir, "chromium-profile");
		Path err = workDir.resolve("chromium.log");
		List<String> command = new ArrayList<>(
				List.of(this.executable.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
						"--no-first-run", "--disable-background-networking", "--disable-component-update",
						"--disable-sync", "--user-data-dir=" + profile, "--host-resolver-rules=MAP * ~NOTFOUND"));
		command.addAll(arguments);
		Process process = new ProcessBuilder(command).redirectOutput(out.toFile())
			.redirectError(err.toFile())
			.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
			.start();
		if (!process.waitFor(120, TimeUnit.SECONDS)) {
			process.destroyForcibly();
			fail("Chromium did not finish in 120 s: " + Files.readString(err));
		}
	}

}
