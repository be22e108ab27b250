package cl.sernac.cifras.system;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.Properties;

/**
 * One run at a time per PostgreSQL database, whatever data folder or machine it runs
 * from: a session-level advisory lock taken on a connection of its own (not from the
 * pool) and held while the run lasts. The server releases it when that connection ends,
 * however the process ends (even {@code kill -9}). H2 needs none: its file is in the data
 * folder, which {@link RunLock} guards.
 */
public final class DatabaseRunLock implements AutoCloseable {

	/**
	 * The advisory lock's key: the ASCII bytes of "cifras" read as a number,
	 * {@code 0x636966726173}. Any session can see who holds it:
	 * {@code SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND classid = 25449 AND objid = 1718772083}.
	 */
	public static final long KEY = 0x636966726173L;

	private final Connection connection;

	private DatabaseRunLock(Connection connection) {
		this.connection = connection;
	}

	/** Whether a datasource URL needs this lock (H2 does not). */
	public static boolean appliesTo(String jdbcUrl) {
		return jdbcUrl != null && jdbcUrl.startsWith("jdbc:postgresql:");
	}

	/** The lock, or empty when another session holds it. */
	public static Optional<DatabaseRunLock> tryAcquire(String jdbcUrl, String user, String password)
			throws SQLException {
		Properties properties = new Properties();
		if (user != null) {
			properties.setProperty("user", user);
		}
		if (password != null) {
			properties.setProperty("password", password);
		}
		// Shown in pg_stat_activity; keepalives tell a dead peer from an idle one.
		properties.setProperty("ApplicationName", "cifras run lock");
		properties.setProperty("tcpKeepAlive", "true");
		Connection connection = DriverManager.getConnection(jdbcUrl, properties);
		try (Statement sql = connection.createStatement();
				ResultSet rs = sql.executeQuery("SELECT pg_try_advisory_lock(" + KEY + ")")) {
			if (rs.next() && rs.getBoolean(1)) {
				return Optional.of(new DatabaseRunLock(connection));
			}
		}
		catch (SQLException ex) {
			connection.close();
			throw ex;
		}
		connection.close();
		return Optional.empty();
	}

	/**
	 * A URL fit for a message: without its parameters, which may carry a password.
	 */
	public static String describe(String jdbcUrl) {
		int query = jdbcUrl.indexOf('?');
		return (query >= 0) ? jdbcUrl.substring(0, query) : jdbcUrl;
	}

	@Override
	public void close() throws SQLException {
		try (Statement sql = this.connection.createStatement()) {
			sql.execute("SELECT pg_advisory_unlock(" + KEY + ")");
		}
		finally {
			// Ending the session releases the lock anyway.
			this.connection.close();
		}
	}

}
