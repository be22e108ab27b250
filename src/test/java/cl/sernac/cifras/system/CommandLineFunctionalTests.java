package cl.sernac.cifras.system;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import cl.sernac.cifras.CifrasRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code scripts/run.sh} as an operator types it: usage, version, both forms of every
 * option, and a bad command line refused at once with one line in Spanish and exit 2. The
 * script runs the application from the tests' class path ({@code CIFRAS_CLASSPATH}), not
 * from a jar it would first have to build.
 */
class CommandLineFunctionalTests {

	private static final Path SCRIPT = Path.of("scripts/run.sh").toAbsolutePath();

	private static final Path SAMPLES = Path.of("src/test/resources/samples");

	@TempDir
	Path root;

	@Test
	void helpPrintsTheUsageInSpanish() throws Exception {
		for (String option : List.of("--help", "-h")) {
			Result result = script(option);
			assertThat(result.status()).as(option).isZero();
			assertThat(result.out()).startsWith("Uso: scripts/run.sh")
				.contains("--from-year AÑO", "\"--opción valor\" o como \"--opción=valor\"", "--demo", "--fresh",
						"Estado de salida:", "2  línea de comandos no válida", "--check ARCHIVO...", "README.md");
			assertThat(result.err()).isEmpty();
		}
	}

	@Test
	void versionIsThePomsVersion() throws Exception {
		String pom = Files.readString(Path.of("pom.xml"));
		String version = pom.replaceFirst("(?s).*?<artifactId>cifras</artifactId>\\s*<version>([^<]+)</version>.*",
				"$1");

		Result result = script("--version");

		assertThat(result.status()).isZero();
		assertThat(result.out().strip()).isEqualTo("Cifras " + version);
	}

	@Test
	void refusesABadCommandLineBeforeTheApplicationStarts() throws Exception {
		assertRefused(script("--bogus"), "run.sh: opción no reconocida: --bogus");
		assertRefused(script("--from-year"), "run.sh: falta el valor de --from-year");
		assertRefused(script("--from-year", "--to-year", "2015"), "run.sh: falta el valor de --from-year");
		assertRefused(script("--from-year", "abc"),
				"run.sh: --from-year debe ser un año de cuatro cifras entre 1990 y 2100, no «abc»");
		assertRefused(script("--to-year=15"),
				"run.sh: --to-year debe ser un año de cuatro cifras entre 1990 y 2100, no «15»");
		assertRefused(script("--from-year=2017", "--to-year=2015"),
				"run.sh: el año inicial (2017) es posterior al año final (2015)");
		assertRefused(script("--schedule", "0 0 2 * *"), "run.sh: --schedule necesita seis campos");
		assertRefused(script("--fresh"), "run.sh: --fresh solo se usa con --demo");
		assertRefused(script("--demo", "--fresh"),
				"run.sh: --fresh vacía carpetas: sin una terminal que pregunte, confírmelo con --yes");
	}

	@Test
	void refusesAnInputFolderThatDoesNotExistWithoutCreatingIt() throws Exception {
		Path missing = this.root.resolve("no/such/dir");

		assertRefused(script("--input", missing.toString()),
				"run.sh: la carpeta de entrada «" + missing + "» no existe");
		assertRefused(script("--input=" + missing), "run.sh: la carpeta de entrada «" + missing + "» no existe");
		// and the application, called without the script
		assertRefused(script("--cifras.input-dir=" + missing),
				"Cifras: la carpeta de entrada «" + missing + "» no existe (--cifras.input-dir)");

		assertThat(this.root.resolve("no")).doesNotExist();
	}

	@Test
	void theApplicationRefusesWhatTheScriptPassesThrough() throws Exception {
		assertRefused(script("--cifras.chunk-sise=5"),
				"Cifras: propiedad desconocida --cifras.chunk-sise; ¿quiso decir --cifras.chunk-size?");
		assertRefused(script("--chunk-size=5"),
				"Cifras: propiedad desconocida --chunk-size; ¿quiso decir --cifras.chunk-size?");
		assertRefused(script("--cifras.chunk-size=cinco"), "Cifras: valor no válido para --cifras.chunk-size: «cinco»");
		assertRefused(script("--cifras.report.from-year=2017", "--cifras.report.to-year=2015"),
				"Cifras: el año inicial del informe (--cifras.report.from-year=2017) es posterior al año final"
						+ " (--cifras.report.to-year=2015)");
		assertRefused(script("--schedule", "0 0 2 * * lunes"),
				"Cifras: expresión cron no válida para --cifras.schedule: \"0 0 2 * * lunes\"");
	}

	@Test
	void honoursTheEqualsFormOfThePeriod() throws Exception {
		// given the agency's samples, which hold 2014 to 2016
		CifrasRun run = CifrasRun.in(this.root).withInputFrom(SAMPLES);

		// when the script runs with --from-year=2015 --to-year=2015
		Result result = script("--input=" + run.input(), "--output=" + run.output(), "--data=" + run.data(),
				"--from-year=2015", "--to-year=2015", "--cifras.run-date=" + CifrasRun.RUN_DATE,
				"--cifras.intake.quiet-period=0s");

		// then the period account covers 2015 alone
		assertThat(result.status()).as(result.all()).isZero();
		List<String> account = Files.readAllLines(run.output().resolve("tables/cuenta_periodo.csv"));
		assertThat(account).hasSizeGreaterThan(1);
		assertThat(account.subList(1, account.size())).allSatisfy((line) -> assertThat(line).startsWith("2015;"));
		// and the run records read as the analysts need them: Chile time with its offset,
		// rows that add up to cases
		assertThat(Files.readString(run.output().resolve("run_summary.json")))
			.containsPattern("\"producedAt\" : \"[0-9-]+T[0-9:]+-0[34]:00\"");
		assertThat(Files.readString(run.output().resolve("resumen_ejecucion.txt")))
			.containsPattern("= casos contados +305\n");

		// when the script asks for a period with no data
		Map<Path, byte[]> before = contents(run.output());
		Result empty = script("--input", run.input().toString(), "--output", run.output().toString(), "--data",
				run.data().toString(), "--from-year", "2019", "--to-year", "2020",
				"--cifras.run-date=" + CifrasRun.RUN_DATE, "--cifras.intake.quiet-period=0s");

		// then it is refused with exit 2, and the published outputs stay as they were
		assertThat(empty.status()).as(empty.all()).isEqualTo(CifrasExit.USAGE);
		assertThat(empty.all()).contains("No hay casos contados en el período del informe (del 2019 al 2020");
		Map<Path, byte[]> after = contents(run.output());
		assertThat(after.keySet()).isEqualTo(before.keySet());
		before.forEach((file, bytes) -> assertThat(after.get(file)).as(file.toString()).isEqualTo(bytes));
	}

	private static Map<Path, byte[]> contents(Path folder) throws IOException {
		Map<Path, byte[]> contents = new TreeMap<>();
		try (Stream<Path> files = Files.walk(folder)) {
			for (Path file : files.filter(Files::isRegularFile).toList()) {
				contents.put(folder.relativize(file), Files.readAllBytes(file));
			}
		}
		return contents;
	}

	@Test
	void demoStartsOverOnlyWhenAsked() throws Exception {
		// given folders that already hold something
		Path input = Files.createDirectories(this.root.resolve("entrada"));
		Path output = Files.createDirectories(this.root.resolve("salida"));
		Path data = Files.createDirectories(this.root.resolve("datos"));
		Files.writeString(input.resolve("notas.txt"), "no es una exportación\n");
		Files.writeString(output.resolve("viejo.txt"), "x\n");
		Files.writeString(data.resolve("viejo.txt"), "x\n");
		String[] folders = { "--input", input.toString(), "--output", output.toString(), "--data", data.toString(),
				"--cifras.run-date=" + CifrasRun.RUN_DATE, "--cifras.intake.quiet-period=0s" };

		// when --demo runs on them, it says how to start over and generates nothing
		Result demo = script(concat(folders, "--demo"));
		assertThat(demo.status()).as(demo.all()).isZero();
		assertThat(demo.all()).contains("ya tiene datos: no se generan datos de demostración",
				"Para empezar de nuevo: scripts/run.sh --demo --fresh");
		assertThat(input.resolve("no_ingresados/notas.txt")).exists();

		// when --demo --fresh --yes runs, the folders are emptied first and the demo runs
		Result fresh = script(concat(folders, "--demo", "--fresh", "--yes"));
		assertThat(fresh.status()).as(fresh.all()).isZero();
		assertThat(input.resolve("no_ingresados/notas.txt")).doesNotExist();
		assertThat(output.resolve("viejo.txt")).doesNotExist();
		assertThat(data.resolve("viejo.txt")).doesNotExist();
		assertThat(fresh.all()).doesNotContain("ya tiene datos");
		assertThat(Files.readString(output.resolve("run_summary.json"))).contains("portal_2015_06.csv");
		assertThat(output.resolve("index.html")).exists();
	}

	private static String[] concat(String[] first, String... more) {
		List<String> all = new ArrayList<>(List.of(first));
		all.addAll(List.of(more));
		return all.toArray(String[]::new);
	}

	@Test
	void checkTellsHowAGoodAndABadFileWouldBeReadAndChangesNothing() throws Exception {
		// given an input folder with a readable export and one that lacks the columns
		Path input = Files.createDirectories(this.root.resolve("input"));
		Path good = Files.copy(SAMPLES.resolve("oficina_2015.csv"), input.resolve("oficina_2015.csv"));
		Path bad = Files.copy(SAMPLES.resolve("callcenter_resumen.csv"), input.resolve("callcenter_resumen.csv"));
		Map<String, String> before = folder(input);

		// when each is checked
		Result checkedGood = script("--check", good.toString(), "--cifras.run-date=" + CifrasRun.RUN_DATE);
		Result checkedBad = script("--check", bad.toString());
		Result checkedBoth = script("--check", good.toString(), bad.toString());

		// then the good one is described as a run would read it, exit 0
		assertThat(checkedGood.status()).as(checkedGood.all()).isZero();
		assertThat(checkedGood.err()).isEmpty();
		assertThat(checkedGood.out().lines().toList()).containsExactly("Archivo: oficina_2015.csv",
				"  Fuente: oficina (patrón oficina_*.csv, codificación windows-1252, separador ;)",
				"  Encabezado (línea 1): N_ATENCION;FECHA;HORA;TIPO;SUBTIPO;RUT;NOMBRE;COMUNA;MATERIA", "  Columnas:",
				"    clave: N_ATENCION (columna 1)", "    fecha: FECHA (columna 2)", "    tipo: TIPO (columna 4)",
				"    subtipo: SUBTIPO (columna 5)", "    rut: RUT (columna 6)", "    comuna: COMUNA (columna 8)",
				"  Primeras filas normalizadas:",
				"    línea 2: tipo CONSULTA, subtipo -, canal OFICINA, fecha 26-12-2014, comuna 05705, región -, folio no",
				"    línea 3: tipo CONSULTA, subtipo -, canal OFICINA, fecha 23-01-2015, comuna 05301, región -, folio no",
				"    línea 4: tipo CONSULTA, subtipo -, canal OFICINA, fecha 04-02-2015, comuna 05302, región -, folio no",
				"    línea 5: tipo RECLAMO, subtipo -, canal OFICINA, fecha 25-02-2015, comuna 05303, región -, folio no",
				"    línea 6: tipo SONI, subtipo RECONOCIMIENTO, canal OFICINA, fecha 10-04-2015, comuna 05304,"
						+ " región -, folio no",
				"  Filas: 21 leídas, 20 aceptadas, 1 rechazada; por motivo:",
				"    Fecha ilegible o inexistente: 1 (línea 13)", "  Resultado: legible", "",
				"Revisión: 1 de 1 archivos legibles con la configuración actual. No se guardó ni se movió nada.");
		// and no RUT nor name of the file is shown
		assertThat(checkedGood.out()).doesNotContain("24.525.869-0").doesNotContain("Ana Luisa");

		// and the bad one says why it cannot be read, exit 1
		assertThat(checkedBad.status()).as(checkedBad.all()).isEqualTo(CifrasExit.FAILED);
		assertThat(checkedBad.out().lines().toList()).containsExactly("Archivo: callcenter_resumen.csv",
				"  Fuente: callcenter (patrón callcenter_*.csv, codificación windows-1252, separador ;)",
				"  Encabezado (línea 1): MES;TOTAL", "  Columnas:", "    clave: ID_LLAMADA (FALTA)",
				"    fecha: FECHA_HORA (FALTA)", "    tipo: TIPO_ATENCION (FALTA)", "    rut: RUT (FALTA)",
				"    región: REGION (FALTA)", "    comuna: COMUNA (FALTA)",
				"  Resultado: no legible: Faltan columnas obligatorias: ID_LLAMADA, FECHA_HORA, TIPO_ATENCION, RUT,"
						+ " REGION, COMUNA (encabezado en la línea 1). Columnas esperadas: ID_LLAMADA, FECHA_HORA,"
						+ " TIPO_ATENCION, RUT, REGION, COMUNA",
				"", "Revisión: 0 de 1 archivos legibles con la configuración actual. No se guardó ni se movió nada.");
		assertThat(checkedBoth.status()).as(checkedBoth.all()).isEqualTo(CifrasExit.FAILED);
		assertThat(checkedBoth.out()).contains("Revisión: 1 de 2 archivos legibles");

		// and nothing was stored, moved or written: no data nor output folder, the input
		// folder as it was
		assertThat(this.root.resolve("data")).doesNotExist();
		assertThat(this.root.resolve("output")).doesNotExist();
		assertThat(folder(input)).isEqualTo(before);
	}

	@Test
	void checkIsRefusedWithoutAFileOrWithTheOptionsOfARun() throws Exception {
		assertRefused(script("--check"), "run.sh: --check necesita al menos un archivo");
		assertRefused(script("--check", "a.csv", "--rebuild"),
				"run.sh: --check solo admite archivos y --propiedad=valor");
		assertRefused(script("--check", "a.csv", "--cifras.chunk-sise=5"),
				"Cifras: propiedad desconocida --cifras.chunk-sise; ¿quiso decir --cifras.chunk-size?");
	}

	/** Every entry of a folder, with its size and modification time. */
	private static Map<String, String> folder(Path dir) throws IOException {
		Map<String, String> entries = new TreeMap<>();
		try (Stream<Path> files = Files.walk(dir)) {
			for (Path file : files.toList()) {
				entries.put(dir.relativize(file).toString(),
						Files.size(file) + " " + Files.getLastModifiedTime(file).toMillis());
			}
		}
		return entries;
	}

	private static void assertRefused(Result result, String message) {
		assertThat(result.status()).as(result.all()).isEqualTo(CifrasExit.USAGE);
		assertThat(result.err()).as(result.all()).startsWith(message).hasLineCount(1);
		assertThat(result.out()).isEmpty();
	}

	/** Runs the script in the test's folder, with no terminal on stdin. */
	private Result script(String... args) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(List.of("bash", SCRIPT.toString()));
		command.addAll(List.of(args));
		Path out = Files.createTempFile(this.root, "out", ".txt");
		Path err = Files.createTempFile(this.root, "err", ".txt");
		ProcessBuilder builder = new ProcessBuilder(command).directory(this.root.toFile())
			.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
			.redirectOutput(out.toFile())
			.redirectError(err.toFile());
		builder.environment()
			.put("CIFRAS_CLASSPATH",
					System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")));
		builder.environment().put("CIFRAS_JAVA_OPTS", "-Xmx512m -XX:+UseSerialGC -XX:TieredStopAtLevel=1");
		Process process = builder.start();
		if (!process.waitFor(300, TimeUnit.SECONDS)) {
			process.destroyForcibly();
			throw new IllegalStateException("scripts/run.sh " + String.join(" ", args) + " did not end in 300 s");
		}
		Result result = new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
				Files.readString(err, StandardCharsets.UTF_8));
		Files.delete(out);
		Files.delete(err);
		return result;
	}

	private record Result(int status, String out, String err) {

		String all() {
			return this.out + this.err;
		}

	}

}
