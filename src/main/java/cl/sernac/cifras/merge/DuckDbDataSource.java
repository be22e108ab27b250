package cl.sernac.cifras.merge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

import org.duckdb.DuckDBConnection;

import org.springframework.jdbc.datasource.AbstractDataSource;

/**
 * The embedded record store's database: one DuckDB file, opened on the first connection
 * asked for (so never before the run holds the data folder's lock) and closed with the
 * application. Every connection handed out is a connection of its own to the one open
 * database; closing it leaves the database open.
 */
public class DuckDbDataSource extends AbstractDataSource implements AutoCloseable {

	private final Path file;

	private final RecordStoreProperties settings;

	private DuckDBConnection database;

	public DuckDbDataSource(Path file, RecordStoreProperties settings) {
		this.file = file;
		this.settings = settings;
	}

	public Path file() {
		return this.file;
	}

	@Override
	public Connection getConnection() throws SQLException {
		return open().duplicate();
	}

	@Override
	public Connection getConnection(String username, String password) throws SQLException {
		return getConnection();
	}

	private synchronized DuckDBConnection open() throws SQLException {
		if (this.database == null) {
			Path temp = this.settings.tempDir(this.file.getParent());
			try {
				Files.createDirectories(this.file.toAbsolutePath().getParent());
				Files.createDirectories(temp);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			Properties config = new Properties();
			config.setProperty("memory_limit", this.settings.memoryLimit());
			config.setProperty("temp_directory", temp.toAbsolutePath().toString());
			config.setProperty("threads", Integer.toString(this.settings.threads()));
			// Rows are applied in the order SQL says (ORDER BY), never by the order of
			// insertion:
			// large inserts need not keep it, and take less memory.
			config.setProperty("preserve_insertion_order", "false");
			// Integers divide as in PostgreSQL (intake_day / 100 is the month): one SQL
			// for both.
			config.setProperty("integer_division", "true");
			this.database = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:" + this.file.toAbsolutePath(),
					config);
		}
		return this.database;
	}

	@Override
	public synchronized void close() throws SQLException {
		if (this.database != null) {
			this.database.close();
			this.database = null;
		}
	}

}
