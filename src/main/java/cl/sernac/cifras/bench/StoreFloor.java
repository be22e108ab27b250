package cl.sernac.cifras.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.Locale;

import cl.sernac.cifras.merge.RecordMerger;
import org.flywaydb.core.Flyway;

/**
 * The store's floor (issue 5): what writing a rebuilt store's records costs H2 alone.
 * Copies every record of a store to a file, closes it, then writes the records into a
 * new, empty store made by the same migrations and opened with the same settings as the
 * pipeline's, with the merge's own insert, in JDBC batches, committing every
 * {@value #COMMIT_ROWS} records (about a monthly file), in primary-key order (the
 * cheapest for the table's key; measured on the 2M benchmark: 30,7 s against 34,1 s in
 * the order the merge wrote them). Only the inserts and commits are timed: no reading, no
 * normalization, no lookups, no rule 2. A rebuild that keeps one row per record in H2
 * cannot take less.
 */
public final class StoreFloor {

	static final int COMMIT_ROWS = 10_000;

	private static final int BATCH_ROWS = 1_000;

	private static final int COLUMN_COUNT = RecordMerger.RECORD_COLUMNS.split(",").length;

	/** How the copy marks each value: its kind, then the value (none for null). */
	private static final byte NULL = 0;

	private static final byte TEXT = 1;

	private static final byte NUMBER = 2;

	private static final byte BOOLEAN = 3;

	private StoreFloor() {
	}

	/**
	 * @param records records written
	 * @param seconds time spent in inserts and commits
	 */
	public record Result(long records, double seconds) {

		public String toLine() {
			return String.format(Locale.ROOT, "records=%d seconds=%.3f", this.records, this.seconds);
		}

	}

	/**
	 * Copies the records of the store at {@code from} into a new store at {@code to}.
	 * @param from an H2 database path as the pipeline names it ({@code <data>/cifras})
	 * @param to a path for the new database (must not exist)
	 */
	public static Result copy(Path from, Path to) throws SQLException, IOException {
		String settings = ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0";
		// The records are first copied to a file, the old store closed: the new store is
		// then written with nothing else open. The old store is read lazily: H2 would
		// otherwise hold the whole result in memory (out of memory at 20M records).
		Path records = Files.createTempFile("store-floor", ".bin");
		try {
			long count = export("jdbc:h2:file:" + from.toAbsolutePath() + settings
					+ ";ACCESS_MODE_DATA=r;LAZY_QUERY_EXECUTION=TRUE", records);
			String target = "jdbc:h2:file:" + to.toAbsolutePath() + settings;
			Flyway.configure()
				.dataSource(target, "cifras", "")
				.locations("classpath:db/migration/common", "classpath:db/migration/h2")
				.load()
				.migrate();
			return new Result(count, write(records, count, target));
		}
		finally {
			Files.deleteIfExists(records);
		}
	}

	/** Writes the store's records, in the order the merge wrote them, to a file. */
	private static long export(String url, Path file) throws SQLException, IOException {
		long count = 0;
		try (Connection source = DriverManager.getConnection(url, "cifras", "");
				Statement select = source.createStatement();
				ResultSet rs = select.executeQuery("SELECT " + RecordMerger.RECORD_COLUMNS
						+ " FROM intake_record ORDER BY source_code, record_key");
				DataOutputStream out = new DataOutputStream(
						new BufferedOutputStream(Files.newOutputStream(file), 1 << 16))) {
			ResultSetMetaData columns = rs.getMetaData();
			int[] types = new int[COLUMN_COUNT + 1];
			for (int i = 1; i <= COLUMN_COUNT; i++) {
				types[i] = columns.getColumnType(i);
			}
			while (rs.next()) {
				for (int i = 1; i <= COLUMN_COUNT; i++) {
					switch (types[i]) {
						case Types.VARCHAR, Types.CHAR -> {
							String text = rs.getString(i);
							out.writeByte((text != null) ? TEXT : NULL);
							if (text != null) {
								out.writeUTF(text);
							}
						}
						case Types.BOOLEAN -> {
							out.writeByte(BOOLEAN);
							out.writeBoolean(rs.getBoolean(i));
						}
						default -> {
							long number = rs.getLong(i);
							boolean none = rs.wasNull();
							out.writeByte(none ? NULL : NUMBER);
							if (!none) {
								out.writeLong(number);
							}
						}
					}
				}
				count++;
			}
		}
		return count;
	}

	/** Inserts the records of the file; the seconds spent in inserts and commits. */
	private static double write(Path file, long count, String url) throws SQLException, IOException {
		long nanos = 0;
		try (Connection store = DriverManager.getConnection(url, "cifras", "");
				PreparedStatement insert = store.prepareStatement(RecordMerger.INSERT);
				DataInputStream in = new DataInputStream(
						new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
			store.setAutoCommit(false);
			for (long records = 1; records <= count; records++) {
				for (int i = 1; i <= COLUMN_COUNT; i++) {
					switch (in.readByte()) {
						case TEXT -> insert.setString(i, in.readUTF());
						case BOOLEAN -> insert.setBoolean(i, in.readBoolean());
						case NUMBER -> insert.setLong(i, in.readLong());
						default -> insert.setNull(i, Types.NULL);
					}
				}
				insert.addBatch();
				if (records % BATCH_ROWS == 0 || records == count) {
					long start = System.nanoTime();
					insert.executeBatch();
					if (records % COMMIT_ROWS == 0 || records == count) {
						store.commit();
					}
					nanos += System.nanoTime() - start;
				}
			}
		}
		return nanos / 1e9;
	}

	/**
	 * {@code StoreFloor <store> <new store>}: the stores as H2 database paths
	 * ({@code <data>/cifras}); prints {@code records=... seconds=...}.
	 */
	public static void main(String[] args) throws SQLException, IOException {
		if (args.length != 2 || !Files.exists(Path.of(args[0] + ".mv.db"))
				|| Files.exists(Path.of(args[1] + ".mv.db"))) {
			System.err.println("usage: StoreFloor <existing store> <new store>  (H2 paths without .mv.db)");
			System.exit(2);
			return;
		}
		System.out.println(copy(Path.of(args[0]), Path.of(args[1])).toLine());
	}

}
