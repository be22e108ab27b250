package cl.sernac.cifras;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The application in a JVM of its own, as the nightly job runs it: it can be killed with
 * SIGKILL, and two of them can race for the same data folder.
 */
public final class ChildRun {

	private final Process process;

	private final StringBuffer output = new StringBuffer();

	private final Thread pump;

	private ChildRun(Process process) {
		this.process = process;
		// Kept character for character: a test can look for carriage returns and escapes.
		this.pump = new Thread(() -> {
			try (BufferedReader reader = new BufferedReader(
					new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
				char[] buffer = new char[8192];
				for (int read = reader.read(buffer); read >= 0; read = reader.read(buffer)) {
					this.output.append(buffer, 0, read);
				}
			}
			catch (IOException ex) {
				// the process was killed
			}
		});
		this.pump.setDaemon(true);
		this.pump.start();
	}

	/**
	 * Starts {@code CifrasApplication.main} on the folders of a run, with extra
	 * environment.
	 */
	public static ChildRun start(CifrasRun folders, Map<String, String> environment, String... extraArgs)
			throws IOException {
		String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
		return start(List.of(), classpath, folders, environment, extraArgs);
	}

	/**
	 * Starts {@code CifrasApplication.main} on the folders of a run from a working
	 * directory, where it finds a {@code config/application.yml} as an operator's run
	 * would.
	 */
	public static ChildRun startIn(Path workingDirectory, CifrasRun folders, String... extraArgs) throws IOException {
		String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
		return start(List.of(), classpath, workingDirectory, folders, Map.of(), extraArgs);
	}

	/**
	 * Starts the application as an unprivileged user, so that file permissions apply to
	 * it as to an operator's account: as itself when the tests do not run as root, else
	 * as {@code nobody} (with {@code setpriv}), from a copy of the class path in
	 * {@code workDir} and with the run's folders handed over to that user.
	 */
	public static ChildRun startUnprivileged(CifrasRun folders, Path workDir, String... extraArgs)
			throws IOException, InterruptedException {
		String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
		if (!isRoot()) {
			return start(List.of(), classpath, folders, Map.of(), extraArgs);
		}
		Path copy = workDir.resolve("classpath");
		List<String> entries = new ArrayList<>();
		int n = 0;
		for (String entry : classpath.split(File.pathSeparator)) {
			Path source = Path.of(entry);
			if (!Files.exists(source)) {
				continue;
			}
			Path target = copy.resolve((n++) + "-" + source.getFileName());
			if (!Files.exists(target)) {
				copyTree(source, target);
			}
			entries.add(target.toString());
		}
		for (Path owned : List.of(workDir, folders.input().getParent())) {
			exec("chown", "-R", "65534:65534", owned.toString());
			exec("chmod", "o+x", owned.getParent().toString());
		}
		return start(List.of("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"),
				String.join(File.pathSeparator, entries), folders, Map.of(), extraArgs);
	}

	public static boolean isRoot() {
		return "root".equals(System.getProperty("user.name"));
	}

	private static void copyTree(Path source, Path target) throws IOException {
		Files.createDirectories(target.getParent());
		try (Stream<Path> files = Files.walk(source)) {
			for (Path file : files.toList()) {
				Files.copy(file, target.resolve(source.relativize(file).toString()));
			}
		}
	}

	private static void exec(String... command) throws IOException, InterruptedException {
		Process process = new ProcessBuilder(command).inheritIO().start();
		if (process.waitFor() != 0) {
			throw new IOException("failed: " + String.join(" ", command));
		}
	}

	private static ChildRun start(List<String> prefix, String classpath, CifrasRun folders,
			Map<String, String> environment, String... extraArgs) throws IOException {
		return start(prefix, classpath, null, folders, environment, extraArgs);
	}

	private static ChildRun start(List<String> prefix, String classpath, Path workingDirectory, CifrasRun folders,
			Map<String, String> environment, String... extraArgs) throws IOException {
		List<String> command = new ArrayList<>(prefix);
		command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
				"-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", classpath, HaltingApplication.class.getName(),
				"--cifras.input-dir=" + folders.input(), "--cifras.output-dir=" + folders.output(),
				"--cifras.data-dir=" + folders.data(), "--cifras.run-date=" + CifrasRun.RUN_DATE,
				"--cifras.intake.quiet-period=0s"));
		command.addAll(List.of(extraArgs));
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
		builder.environment().putAll(environment);
		if (workingDirectory != null) {
			builder.directory(workingDirectory.toFile());
		}
		return new ChildRun(builder.start());
	}

	/**
	 * Waits until the output holds the marker; false when the process ended or time ran
	 * out first.
	 */
	public boolean awaitOutput(String marker, long seconds) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
		while (System.nanoTime() < deadline) {
			if (this.output.indexOf(marker) >= 0) {
				return true;
			}
			if (!this.process.isAlive()) {
				this.pump.join(2000);
				return this.output.indexOf(marker) >= 0;
			}
			Thread.sleep(20);
		}
		return false;
	}

	/** SIGKILL: no shutdown hook, no cleanup, like a power cut of the process. */
	public void kill() throws InterruptedException {
		this.process.destroyForcibly();
		this.process.waitFor(30, TimeUnit.SECONDS);
	}

	/**
	 * SIGTERM, as a service manager stops a process. Sent with kill(1):
	 * {@link Process#destroy()} would also close the process's output, and what it logs
	 * while stopping would be lost.
	 */
	public void terminate() throws IOException, InterruptedException {
		new ProcessBuilder("kill", "-TERM", Long.toString(this.process.pid())).inheritIO().start().waitFor();
	}

	public int waitForExit(long seconds) throws InterruptedException {
		if (!this.process.waitFor(seconds, TimeUnit.SECONDS)) {
			this.process.destroyForcibly();
			throw new IllegalStateException("The run did not end in " + seconds + " s:\n" + this.output);
		}
		this.pump.join(2000);
		return this.process.exitValue();
	}

	public String output() {
		return this.output.toString();
	}

}
