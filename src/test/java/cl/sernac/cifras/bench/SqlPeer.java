package cl.sernac.cifras.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The benchmark's peer: runs {@code bench/peer.sql}, which counts an input folder's
 * exports by SPEC's rules with DuckDB alone (its own CSV reader, set-based SQL), and
 * writes the table Cifras writes as {@code tables/by_channel_year.csv}, for
 * {@code scripts/bench.sh} to time it and compare it with Cifras' own.
 *
 * <p>
 * This class only hands the script its parameters ({@code input}, {@code run_date},
 * {@code work}) and runs its statements one after the other on an in-memory DuckDB
 * database; everything that counts is in the SQL. With {@code --shape}, it then runs
 * {@code bench/shape.sql} on the same tables: what the data set is made of (rows, files,
 * corrections, re-deliveries, rejected rows, central folios, multi-line text, bytes per
 * row).
 */
public final class SqlPeer {

	/** The peer's SQL, on the class path. */
	static final String PEER_SQL = "bench/peer.sql";

	static final String SHAPE_SQL = "bench/shape.sql";

	/** The header Cifras writes in {@code tables/by_channel_year.csv}. */
	static final String HEADER = "record_type,subtype,channel,year,records";

	private SqlPeer() {
	}

	/**
	 * What a run of the peer counted.
	 *
	 * @param table the rows of {@code by_channel_year.csv}, header excluded
	 * @param shape the data set's figures by name (empty unless asked for)
	 * @param steps seconds spent in each statement, by its first line
	 * @param seconds wall time of the whole script, in seconds
	 */
	public record Result(List<String> table, Map<String, String> shape, Map<String, Double> steps, double seconds) {

		/** Cases counted: the sum of the table's last column. */
		public long cases() {
			return this.table.stream()
				.mapToLong((row) -> Long.parseLong(row.substring(row.lastIndexOf(',') + 1)))
				.sum();
		}

	}

	/**
	 * Counts the exports of {@code input} as of {@code runDate}, using {@code work} (an
	 * empty folder, created when missing) for scratch files.
	 */
	public static Result count(Path input, LocalDate runDate, Path work, boolean shape) throws IOException {
		Files.createDirectories(work);
		long start = System.nanoTime();
		Map<String, Double> steps = new LinkedHashMap<>();
		try (Connection db = DriverManager.getConnection("jdbc:duckdb:")) {
			setVariable(db, "input", input.toAbsolutePath().normalize().toString());
			setVariable(db, "work", work.toAbsolutePath().normalize().toString());
			try (Statement statement = db.createStatement()) {
				statement.execute("SET VARIABLE run_date = DATE '" + runDate + "'");
			}
			List<List<String>> table = run(db, script(PEER_SQL), steps);
			double seconds = (System.nanoTime() - start) / 1e9;
			Map<String, String> figures = new LinkedHashMap<>();
			if (shape) {
				for (List<String> row : run(db, script(SHAPE_SQL), new LinkedHashMap<>())) {
					figures.put(row.get(0), row.get(1));
				}
			}
			return new Result(table.stream().map((row) -> String.join(",", row)).toList(), figures, steps, seconds);
		}
		catch (SQLException ex) {
			throw new IOException("the peer's SQL failed: " + ex.getMessage(), ex);
		}
	}

	private static void setVariable(Connection db, String name, String value) throws SQLException {
		try (PreparedStatement statement = db.prepareStatement("SET VARIABLE " + name + " = ?")) {
			statement.setString(1, value);
			statement.execute();
		}
	}

	/**
	 * Runs a script's statements in order and returns the rows of the last one, every
	 * value as text (NULL as empty).
	 */
	static List<List<String>> run(Connection db, List<String> statements, Map<String, Double> steps)
			throws SQLException {
		List<List<String>> rows = new ArrayList<>();
		try (Statement statement = db.createStatement()) {
			for (String sql : statements) {
				long start = System.nanoTime();
				rows.clear();
				if (statement.execute(sql)) {
					try (ResultSet result = statement.getResultSet()) {
						ResultSetMetaData meta = result.getMetaData();
						while (result.next()) {
							List<String> row = new ArrayList<>(meta.getColumnCount());
							for (int i = 1; i <= meta.getColumnCount(); i++) {
								String value = result.getString(i);
								row.add((value != null) ? value : "");
							}
							rows.add(row);
						}
					}
				}
				steps.merge(firstLine(sql), (System.nanoTime() - start) / 1e9, Double::sum);
			}
		}
		return rows;
	}

	/**
	 * A script's statements: comment lines left out, a statement ending with a line that
	 * ends with a semicolon.
	 */
	static List<String> script(String resource) throws IOException {
		String text;
		try (InputStream in = SqlPeer.class.getClassLoader().getResourceAsStream(resource)) {
			if (in == null) {
				throw new IOException("missing on the class path: " + resource);
			}
			text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		List<String> statements = new ArrayList<>();
		StringBuilder statement = new StringBuilder();
		for (String line : text.split("\n")) {
			if (line.strip().startsWith("--") || (statement.isEmpty() && line.isBlank())) {
				continue;
			}
			statement.append(line).append('\n');
			if (line.stripTrailing().endsWith(";")) {
				statements.add(statement.toString().strip());
				statement.setLength(0);
			}
		}
		if (!statement.toString().isBlank()) {
			statements.add(statement.toString().strip());
		}
		return statements;
	}

	private static String firstLine(String sql) {
		int end = sql.indexOf('\n');
		return (end < 0) ? sql : sql.substring(0, end);
	}

	/** Writes the table as Cifras writes {@code by_channel_year.csv}. */
	static void writeTable(Result result, Path file) throws IOException {
		if (file.getParent() != null) {
			Files.createDirectories(file.getParent());
		}
		try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			out.write(HEADER);
			out.write('\n');
			for (String row : result.table()) {
				out.write(row);
				out.write('\n');
			}
		}
	}

	private static void deleteTree(Path root) {
		if (!Files.exists(root)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(root)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(path);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * {@code SqlPeer <input> --out FILE [--run-date yyyy-MM-dd] [--work DIR] [--shape]}:
	 * writes the table to {@code FILE} and prints {@code cases=... rows=... seconds=...};
	 * with {@code --shape}, one {@code shape.<name>=<value>} line per figure of the data
	 * set. The work folder is deleted at the end.
	 */
	public static void main(String[] args) throws IOException {
		Path input = null;
		Path out = null;
		Path work = null;
		LocalDate runDate = LocalDate.now();
		boolean shape = false;
		try {
			for (int i = 0; i < args.length; i++) {
				switch (args[i]) {
					case "--out" -> out = Path.of(args[++i]);
					case "--work" -> work = Path.of(args[++i]);
					case "--run-date" -> runDate = LocalDate.parse(args[++i]);
					case "--shape" -> shape = true;
					default -> {
						if (args[i].startsWith("--") || input != null) {
							throw new IllegalArgumentException("unknown argument " + args[i]);
						}
						input = Path.of(args[i]);
					}
				}
			}
			if (input == null || out == null || !Files.isDirectory(input)) {
				throw new IllegalArgumentException("an input folder and --out are required");
			}
		}
		catch (RuntimeException ex) {
			System.err.println(ex.getMessage());
			System.err.println("usage: SqlPeer <input> --out FILE [--run-date yyyy-MM-dd] [--work DIR] [--shape]");
			System.exit(2);
			return;
		}
		Path scratch = (work != null) ? work : Files.createTempDirectory("cifras-peer");
		if (Files.exists(scratch)) {
			deleteTree(scratch);
		}
		try {
			Result result = count(input, runDate, scratch, shape);
			writeTable(result, out);
			System.out.println(String.format(Locale.ROOT, "cases=%d rows=%d seconds=%.3f", result.cases(),
					result.table().size(), result.seconds()));
			result.shape().forEach((name, value) -> System.out.println("shape." + name + "=" + value));
			result.steps()
				.forEach((step, seconds) -> System.err
					.println(String.format(Locale.ROOT, "%8.3f s  %s", seconds, step)));
		}
		finally {
			deleteTree(scratch);
		}
	}

}
