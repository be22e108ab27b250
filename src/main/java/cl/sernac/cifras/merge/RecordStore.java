package cl.sernac.cifras.merge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import javax.sql.DataSource;

import cl.sernac.cifras.normalize.RowOutcome;
import cl.sernac.cifras.support.Milestones;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.StreamUtils;

/**
 * The records: one row per record key holding its latest version (SPEC rule 1), and the
 * store's own account of the files whose rows it holds. The only writer of its tables.
 * Embedded, the store is a DuckDB file beside the ledger's database; on the
 * {@code postgres} profile, the same tables on the server.
 *
 * <p>
 * Files are merged together, in one transaction: their staged rows are loaded in bulk
 * (DuckDB's Appender, PostgreSQL's {@code COPY}), every row is compared with the version
 * it follows, the latest version of each key replaces the stored one, and the files are
 * written to {@code merged_file}, all committed at once or not at all. Cases (rule 2) are
 * read through the view {@code counted_case}.
 */
public class RecordStore {

	private static final Logger logger = LoggerFactory.getLogger(RecordStore.class);

	/** The embedded store's file, in the data folder. */
	public static final String FILE_NAME = "records.duckdb";

	/** The version of the store's tables this code reads and writes. */
	static final int VERSION = 2;

	/** The columns of a record (and of a staged row), in table order. */
	static final String COLUMNS = "source_name, record_key, central, record_type, subtype, channel, intake_day,"
			+ " comuna_code, region_code, rut_hash, folio, organization, place_code, file_id, version_seq, programme,"
			+ " detail";

	/**
	 * What a version says: two versions of a record with the same content are the same
	 * version (a re-delivery or an overlap changes nothing).
	 */
	private static final List<String> CONTENT = List.of("record_type", "subtype", "channel", "intake_day",
			"comuna_code", "region_code", "rut_hash", "folio", "organization", "place_code", "programme", "detail");

	/**
	 * Rule 1, row by row: every staged row in the order it was ingested (files in ledger
	 * order, rows in file order), after the stored version of its key; a row is new when
	 * nothing precedes it, a correction when any part of its content differs from what
	 * precedes it, a repetition when none does.
	 */
	private static final String APPLY = """
			INSERT INTO applied_row
			SELECT %1$s,
				CASE WHEN previous_record_type IS NULL THEN 'N' WHEN %2$s THEN 'U' ELSE 'S' END
			FROM (
				SELECT v.*, %3$s
				FROM (
					SELECT s.*, 1 AS staged FROM staged_row s
					UNION ALL
					SELECT r.*, 0 AS staged FROM intake_record r
					WHERE EXISTS (SELECT 1 FROM staged_row s
						WHERE s.source_name = r.source_name AND s.record_key = r.record_key)
				) v
				WINDOW ingested AS (PARTITION BY source_name, record_key ORDER BY staged, version_seq)
			) t
			WHERE staged = 1
			""".formatted(COLUMNS,
			String.join(" OR ", CONTENT.stream().map((c) -> c + " IS DISTINCT FROM previous_" + c).toList()),
			String.join(", ", CONTENT.stream().map((c) -> "LAG(" + c + ") OVER ingested AS previous_" + c).toList()));

	/** The stored versions a new or corrected row replaces. */
	private static final String REPLACED = """
			DELETE FROM intake_record
			WHERE EXISTS (SELECT 1 FROM applied_row a
				WHERE a.outcome <> 'S' AND a.source_name = intake_record.source_name
					AND a.record_key = intake_record.record_key)
			""";

	/**
	 * The latest new or corrected version of each key: the version ingested last wins.
	 */
	private static final String LATEST = """
			INSERT INTO intake_record
			SELECT %1$s FROM (
				SELECT a.*, ROW_NUMBER() OVER (PARTITION BY source_name, record_key ORDER BY version_seq DESC)
					AS later
				FROM applied_row a
				WHERE a.outcome <> 'S'
			) v
			WHERE later = 1
			""".formatted(COLUMNS);

	private static final String FILE_COUNTS = """
			SELECT file_id, COUNT(*) AS rows_staged,
				SUM(CASE WHEN outcome = 'N' THEN 1 ELSE 0 END) AS records_new,
				SUM(CASE WHEN outcome = 'U' THEN 1 ELSE 0 END) AS records_updated,
				SUM(CASE WHEN outcome = 'S' THEN 1 ELSE 0 END) AS records_unchanged
			FROM applied_row GROUP BY file_id
			""";

	/** Where the store is. */
	public enum Engine {

		DUCKDB, POSTGRESQL

	}

	private final Engine engine;

	private final DataSource dataSource;

	private final JdbcClient jdbc;

	private final String location;

	private volatile boolean ready;

	/**
	 * @param location where the store is, as a message to an operator names it
	 */
	public RecordStore(Engine engine, DataSource dataSource, String location) {
		this.engine = engine;
		this.dataSource = dataSource;
		this.jdbc = JdbcClient.create(dataSource);
		this.location = location;
	}

	public Engine engine() {
		return this.engine;
	}

	public String location() {
		return this.location;
	}

	/** The store's tables for reading, created first if the store is new. */
	public JdbcClient jdbc() {
		ready();
		return this.jdbc;
	}

	/** Creates the store's tables in a new store; refuses a store of another version. */
	private void ready() {
		if (this.ready) {
			return;
		}
		synchronized (this) {
			if (this.ready) {
				return;
			}
			try (Connection c = this.dataSource.getConnection()) {
				Integer version = version(c);
				if (version == null) {
					create(c);
				}
				else if (version == 1) {
					upgradeFromVersion1(c);
				}
				else if (version != VERSION) {
					throw new IllegalStateException("Los registros en " + this.location + " son de la versión "
							+ version + " y esta versión de Cifras lee la " + VERSION
							+ ". Ejecute la versión que los escribió, o reconstrúyalos con --rebuild.");
				}
			}
			catch (SQLException ex) {
				throw new IllegalStateException("No se pudo abrir el almacén de registros " + this.location, ex);
			}
			this.ready = true;
		}
	}

	private static Integer version(Connection c) throws SQLException {
		try (ResultSet tables = c.getMetaData().getTables(null, null, "record_store", null)) {
			if (!tables.next()) {
				return null;
			}
		}
		try (Statement s = c.createStatement();
				ResultSet rs = s.executeQuery("SELECT MAX(version) FROM record_store")) {
			return rs.next() ? rs.getObject(1, Integer.class) : null;
		}
	}

	private void create(Connection c) throws SQLException {
		run(c, script("records.sql") + ((this.engine == Engine.POSTGRESQL) ? script("postgresql.sql") : "")
				+ script("counted_case.sql") + script("account.sql"));
	}

	/**
	 * Version 2 adds the programme of a record and the detail of lawsuits and activities.
	 * The records already stored keep no programme: a rebuild reads it from the archived
	 * files.
	 */
	private void upgradeFromVersion1(Connection c) throws SQLException {
		run(c, script("upgrade-2.sql") + ((this.engine == Engine.POSTGRESQL) ? script("upgrade-2-postgresql.sql") : "")
				+ script("counted_case.sql") + script("account.sql"));
		logger.warn("Los registros en {} se actualizaron a la versión {}; los programas de los registros ya"
				+ " guardados se leen al reconstruirlos con --rebuild", this.location, VERSION);
	}

	private static void run(Connection c, String schema) throws SQLException {
		boolean autoCommit = c.getAutoCommit();
		c.setAutoCommit(false);
		try (Statement s = c.createStatement()) {
			for (String statement : schema.split(";\\s*\\n")) {
				String sql = statement.replaceAll("(?m)^--.*$", "").strip();
				if (!sql.isEmpty()) {
					s.execute(sql);
				}
			}
			c.commit();
		}
		catch (SQLException | RuntimeException ex) {
			c.rollback();
			throw ex;
		}
		finally {
			c.setAutoCommit(autoCommit);
		}
	}

	private static String script(String name) {
		try {
			return StreamUtils.copyToString(new ClassPathResource("db/records/" + name).getInputStream(),
					StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The files whose rows the store holds, by ledger id. */
	public Map<Long, MergedFile> mergedFiles() {
		Map<Long, MergedFile> files = new HashMap<>();
		jdbc()
			.sql("SELECT file_id, sha256, rows_staged, records_new, records_updated, records_unchanged"
					+ " FROM merged_file")
			.query((RowCallbackHandler) (rs) -> {
				MergedFile file = new MergedFile(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getLong(4),
						rs.getLong(5), rs.getLong(6));
				files.put(file.fileId(), file);
			});
		return files;
	}

	/** Records stored (one per key). */
	public long records() {
		return jdbc().sql("SELECT COUNT(*) FROM intake_record").query(Long.class).single();
	}

	/** Empties the store, in one transaction (a rebuild). */
	public void clear() {
		ready();
		inTransaction((c) -> {
			for (String table : List.of("intake_record", "merged_file", "staged_row", "applied_row")) {
				execute(c, "DELETE FROM " + table);
			}
		});
		checkpoint();
	}

	/**
	 * Merges files in the order given (ledger order), in one transaction with their
	 * account in {@code merged_file}.
	 * @param rows the staged rows of a file, in the order they were read
	 * @return what each file brought, by ledger id
	 */
	public Map<Long, MergedFile> merge(List<FileToMerge> files, StagedRows rows, LoadListener loaded) {
		ready();
		Map<Long, MergedFile> merged = new LinkedHashMap<>();
		long started = System.nanoTime();
		inTransaction((c) -> {
			execute(c, "DELETE FROM staged_row");
			execute(c, "DELETE FROM applied_row");
			long staged = load(c, files, rows, loaded);
			Milestones.passed("records:loaded");
			long applying = System.nanoTime();
			execute(c, APPLY);
			Map<Long, MergedFile> counts = fileCounts(c, files);
			execute(c, REPLACED);
			execute(c, LATEST);
			saveMergedFiles(c, counts.values());
			execute(c, "DELETE FROM staged_row");
			execute(c, "DELETE FROM applied_row");
			Milestones.passed("records:merged");
			merged.putAll(counts);
			logger.debug("Record store: {} rows loaded in {} ms, merged in {} ms", staged,
					(applying - started) / 1_000_000, (System.nanoTime() - applying) / 1_000_000);
		});
		Milestones.passed("records:committed");
		checkpoint();
		return merged;
	}

	private long load(Connection c, List<FileToMerge> files, StagedRows rows, LoadListener loaded) throws SQLException {
		long staged = 0;
		DuckDBAppender appender = (this.engine == Engine.DUCKDB)
				? c.unwrap(DuckDBConnection.class).createAppender("main", "staged_row") : null;
		try {
			for (FileToMerge file : files) {
				long fileRows = (appender != null) ? appendRows(appender, file, rows) : copyRows(c, file, rows);
				staged += fileRows;
				loaded.fileLoaded(file, fileRows);
				Milestones.passed("merge");
			}
		}
		finally {
			if (appender != null) {
				appender.close();
			}
		}
		return staged;
	}

	private static long appendRows(DuckDBAppender appender, FileToMerge file, StagedRows rows) throws SQLException {
		long[] count = { 0 };
		try {
			rows.read(file.fileId(), (row) -> {
				try {
					appender.beginRow();
					text(appender, file.sourceName());
					text(appender, row.recordKey());
					appender.append(file.central());
					text(appender, row.recordType());
					text(appender, row.subtype());
					text(appender, row.channel());
					appender.append(row.intakeDay());
					text(appender, row.comunaCode());
					text(appender, row.regionCode());
					Long hash = StoreNumbers.hash(row.rutHash());
					if (hash == null) {
						appender.appendNull();
					}
					else {
						appender.append(hash.longValue());
					}
					text(appender, row.folio());
					text(appender, row.organization());
					text(appender, row.placeCode());
					appender.append(file.fileId());
					appender.append(file.versionSeq(row.line()));
					text(appender, row.programme());
					text(appender, row.detail());
					appender.endRow();
					count[0]++;
				}
				catch (SQLException ex) {
					throw new IllegalStateException(ex);
				}
			});
		}
		catch (IllegalStateException ex) {
			if (ex.getCause() instanceof SQLException sql) {
				throw sql;
			}
			throw ex;
		}
		return count[0];
	}

	private static void text(DuckDBAppender appender, String value) throws SQLException {
		if (value == null) {
			appender.appendNull();
		}
		else {
			appender.append(value);
		}
	}

	/** One file's rows through PostgreSQL's {@code COPY}, as CSV. */
	private static long copyRows(Connection c, FileToMerge file, StagedRows rows) throws SQLException {
		CopyIn copy = c.unwrap(PGConnection.class)
			.getCopyAPI()
			.copyIn("COPY staged_row (" + COLUMNS + ") FROM STDIN WITH (FORMAT csv)");
		long[] count = { 0 };
		StringBuilder csv = new StringBuilder(1 << 17);
		try {
			rows.read(file.fileId(), (row) -> {
				csv.append(quoted(file.sourceName()))
					.append(',')
					.append(quoted(row.recordKey()))
					.append(',')
					.append(file.central() ? 't' : 'f')
					.append(',')
					.append(quoted(row.recordType()))
					.append(',')
					.append(quoted(row.subtype()))
					.append(',')
					.append(quoted(row.channel()))
					.append(',')
					.append(row.intakeDay())
					.append(',')
					.append(quoted(row.comunaCode()))
					.append(',')
					.append(quoted(row.regionCode()))
					.append(',');
				Long hash = StoreNumbers.hash(row.rutHash());
				if (hash != null) {
					csv.append(hash.longValue());
				}
				csv.append(',')
					.append(quoted(row.folio()))
					.append(',')
					.append(quoted(row.organization()))
					.append(',')
					.append(quoted(row.placeCode()))
					.append(',')
					.append(file.fileId())
					.append(',')
					.append(file.versionSeq(row.line()))
					.append(',')
					.append(quoted(row.programme()))
					.append(',')
					.append(quoted(row.detail()))
					.append('\n');
				count[0]++;
				if (csv.length() >= (1 << 16)) {
					write(copy, csv);
				}
			});
			write(copy, csv);
			copy.endCopy();
		}
		catch (RuntimeException ex) {
			if (copy.isActive()) {
				copy.cancelCopy();
			}
			if (ex.getCause() instanceof SQLException sql) {
				throw sql;
			}
			throw ex;
		}
		return count[0];
	}

	/**
	 * A text as a CSV field of {@code COPY}: quoted, so that an unquoted empty is null.
	 */
	private static String quoted(String value) {
		return (value == null) ? "" : "\"" + value.replace("\"", "\"\"") + "\"";
	}

	private static void write(CopyIn copy, StringBuilder csv) {
		byte[] bytes = csv.toString().getBytes(StandardCharsets.UTF_8);
		try {
			copy.writeToCopy(bytes, 0, bytes.length);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
		csv.setLength(0);
	}

	private static Map<Long, MergedFile> fileCounts(Connection c, List<FileToMerge> files) throws SQLException {
		Map<Long, long[]> counts = new HashMap<>();
		try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(FILE_COUNTS)) {
			while (rs.next()) {
				counts.put(rs.getLong(1), new long[] { rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5) });
			}
		}
		Map<Long, MergedFile> merged = new LinkedHashMap<>();
		for (FileToMerge file : files) {
			long[] n = counts.getOrDefault(file.fileId(), new long[4]);
			merged.put(file.fileId(), new MergedFile(file.fileId(), file.sha256(), n[0], n[1], n[2], n[3]));
		}
		return merged;
	}

	private static void saveMergedFiles(Connection c, Iterable<MergedFile> files) throws SQLException {
		Timestamp now = Timestamp.from(Instant.now());
		try (PreparedStatement insert = c.prepareStatement("INSERT INTO merged_file (file_id, sha256, rows_staged,"
				+ " records_new, records_updated, records_unchanged, merged_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
			for (MergedFile file : files) {
				insert.setLong(1, file.fileId());
				insert.setString(2, file.sha256());
				insert.setLong(3, file.rowsStaged());
				insert.setLong(4, file.recordsNew());
				insert.setLong(5, file.recordsUpdated());
				insert.setLong(6, file.recordsUnchanged());
				insert.setTimestamp(7, now);
				insert.addBatch();
			}
			insert.executeBatch();
		}
	}

	/**
	 * Writes what the last transactions left in DuckDB's log into its file, so the next
	 * start opens the store without replaying it (a crash before or during it loses
	 * nothing committed).
	 */
	private void checkpoint() {
		if (this.engine != Engine.DUCKDB) {
			return;
		}
		Milestones.passed("records:checkpoint");
		try (Connection c = this.dataSource.getConnection(); Statement s = c.createStatement()) {
			s.execute("CHECKPOINT");
		}
		catch (SQLException ex) {
			logger.debug("Record store checkpoint postponed: {}", ex.getMessage());
		}
	}

	private void inTransaction(SqlWork work) {
		try (Connection c = this.dataSource.getConnection()) {
			c.setAutoCommit(false);
			try {
				work.run(c);
				c.commit();
			}
			catch (SQLException | RuntimeException ex) {
				c.rollback();
				throw ex;
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("El almacén de registros " + this.location + " rechazó la operación", ex);
		}
	}

	private static void execute(Connection c, String sql) throws SQLException {
		long started = System.nanoTime();
		try (Statement s = c.createStatement()) {
			s.execute(sql);
		}
		if (logger.isDebugEnabled()) {
			logger.debug("Record store: {} ms for {}", (System.nanoTime() - started) / 1_000_000,
					sql.strip().lines().findFirst().orElse(""));
		}
	}

	/**
	 * Closes the embedded store's database (the server's pool is closed by its owner).
	 */
	public void close() throws SQLException {
		if (this.dataSource instanceof DuckDbDataSource duckDb) {
			duckDb.close();
		}
	}

	@FunctionalInterface
	private interface SqlWork {

		void run(Connection c) throws SQLException;

	}

	/** Told of each file whose rows are loaded, before the rules are applied. */
	@FunctionalInterface
	public interface LoadListener {

		void fileLoaded(FileToMerge file, long rows);

	}

	/** The staged rows of a file, in the order they were read. */
	@FunctionalInterface
	public interface StagedRows {

		void read(long fileId, Consumer<RowOutcome.Accepted> rows);

	}

	/**
	 * A file to merge: its ledger id, place in the ledger's order, content hash, the key
	 * space of its source's records ({@code source_name}: the profile's name unless
	 * profiles share one), and whether its source is the central one (rule 2).
	 */
	public record FileToMerge(long fileId, long ordinal, String sha256, String sourceName, boolean central) {

		/**
		 * The place of a row in the order of everything ingested: its file's place in the
		 * ledger, then its line.
		 */
		long versionSeq(long line) {
			return (this.ordinal << 32) + line;
		}

	}

	/**
	 * What a merged file brought: rows staged, and of them records new, corrected and
	 * repeated.
	 */
	public record MergedFile(long fileId, String sha256, long rowsStaged, long recordsNew, long recordsUpdated,
			long recordsUnchanged) {
	}

}
