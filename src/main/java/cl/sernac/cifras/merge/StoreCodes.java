package cl.sernac.cifras.merge;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The small numbers the store keeps instead of the texts every record would repeat: the
 * source, type, subtype, channel and institution of a record (table {@code store_code}).
 * A text gets the next free code of its kind the first time a record needs it, in the
 * transaction writing that record; codes are never changed, reused or taken back.
 *
 * <p>
 * The codes are cached. The cache is checked against the table once per file
 * ({@link #refresh()}): a file rolled back takes its new codes with it, and a store
 * emptied or replaced under a long-lived merger is read again.
 */
class StoreCodes {

	/** What a code stands for. */
	enum Kind {

		SOURCE, TYPE, SUBTYPE, CHANNEL, ORGANIZATION;

		/** The kind as {@code store_code.kind} names it. */
		String label() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

	private final JdbcTemplate jdbc;

	private final Map<Kind, Map<String, Integer>> codes = new EnumMap<>(Kind.class);

	private final Map<Kind, Map<Integer, String>> names = new EnumMap<>(Kind.class);

	private long cached = -1;

	StoreCodes(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** Reads the codes again unless the cache holds exactly as many as the table. */
	void refresh() {
		Long stored = this.jdbc.queryForObject("SELECT COUNT(*) FROM store_code", Long.class);
		if (stored != null && stored == this.cached) {
			return;
		}
		for (Kind kind : Kind.values()) {
			this.codes.put(kind, new HashMap<>());
			this.names.put(kind, new HashMap<>());
		}
		this.cached = 0;
		this.jdbc.query("SELECT kind, code, name FROM store_code", (rs) -> {
			Kind kind = Kind.valueOf(rs.getString("kind").toUpperCase(Locale.ROOT));
			remember(kind, rs.getString("name"), rs.getInt("code"));
		});
	}

	/** The code of a text, given now if the text has none; null for null. */
	Integer code(Kind kind, String name) {
		if (name == null) {
			return null;
		}
		Integer code = this.codes.get(kind).get(name);
		if (code == null) {
			code = this.codes.get(kind).size() + 1;
			this.jdbc.update("INSERT INTO store_code (kind, code, name) VALUES (?, ?, ?)", kind.label(), code, name);
			remember(kind, name, code);
		}
		return code;
	}

	/** The text of a code read from the store (0 and null read as no text). */
	String name(Kind kind, int code) {
		if (code == 0) {
			return null;
		}
		String name = this.names.get(kind).get(code);
		if (name == null) {
			throw new IllegalStateException("store_code has no " + kind.label() + " " + code);
		}
		return name;
	}

	private void remember(Kind kind, String name, int code) {
		this.codes.get(kind).put(name, code);
		this.names.get(kind).put(code, name);
		this.cached++;
	}

}
