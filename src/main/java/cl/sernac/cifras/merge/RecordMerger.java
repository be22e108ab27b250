package cl.sernac.cifras.merge;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import cl.sernac.cifras.intake.FileLedger;
import cl.sernac.cifras.normalize.RowOutcome;
import cl.sernac.cifras.report.ChileanFormat;
import cl.sernac.cifras.source.SourceCatalog;
import cl.sernac.cifras.system.HaltPoints;
import cl.sernac.cifras.system.Progress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

/**
 * Applies staged files to the store, one file per transaction, in ledger order (SPEC rule
 * 1: the version ingested last wins). Each row is classified against the version it
 * replaces: the previous row with its key in the same file, or else the stored record. An
 * unchanged row leaves the stored version as it was: a re-delivery or an overlap changes
 * nothing.
 *
 * <p>
 * A file is applied in blocks of rows: the stored versions of a block's keys are fetched
 * by primary key in batches, the rows are classified in memory, and only the records
 * whose stored version changes are written, in batches. Rule 2 is kept as the
 * {@code counted} flag of each record: a central record counts when no intake record
 * carries its folio; of the intake records sharing a folio, the latest applied counts.
 * Applying an intake file settles again every folio it adds or takes away.
 */
public class RecordMerger implements Tasklet {

	private static final Logger logger = LoggerFactory.getLogger(RecordMerger.class);

	/**
	 * Rows classified and written together; bounds the memory a file needs. A later block
	 * of the same file compares its rows with what the earlier blocks wrote.
	 */
	static final int BLOCK_ROWS = 5_000;

	/** The key sketch of a rebuild: 2^28 bits, 32 MiB. */
	private static final int SKETCH_LOG2_BITS = 28;

	private static final String INTAKE_FOLIO = "intake-folio";

	private static final String ANY_FOLIO = "folio";

	/** Keys or folios per lookup query. */
	private static final int LOOKUP_KEYS = 100;

	private static final String VERSION_COLUMNS = "record_key, type_code, subtype_code, channel_code, intake_day,"
			+ " comuna_code, region_code, rut_hash, folio, organization_code, place_code, version_seq, counted";

	/** The columns of a record, in the order {@link #INSERT} takes them. */
	public static final String RECORD_COLUMNS = "source_code, record_key, central, type_code, subtype_code,"
			+ " channel_code, intake_day, comuna_code, region_code, rut_hash, folio, organization_code, place_code,"
			+ " file_id, version_seq, counted";

	/** A record as the merge writes it (also replayed by the benchmark's store floor). */
	public static final String INSERT = "INSERT INTO intake_record (" + RECORD_COLUMNS
			+ ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

	private static final String UPDATE = "UPDATE intake_record SET type_code = ?, subtype_code = ?,"
			+ " channel_code = ?, intake_day = ?, comuna_code = ?, region_code = ?, rut_hash = ?, folio = ?,"
			+ " organization_code = ?, place_code = ?, file_id = ?, version_seq = ?, counted = ?"
			+ " WHERE source_code = ? AND record_key = ?";

	private final JdbcTemplate jdbc;

	private final FileLedger ledger;

	private final SourceCatalog sources;

	private final StagingArea staging;

	private final StoreCodes codes;

	private final WriteDelay writeDelay;

	/**
	 * Every key and folio written since the store was found empty; null when it was not
	 * (then every key and folio is looked up). Only ever a superset of what is stored: a
	 * rolled-back file leaves extra entries, which cost lookups, never wrong answers.
	 */
	private KeySketch written;

	private boolean storeChecked;

	private final Progress progress = Progress.ofThisProcess(logger, "");

	/** Whether the files planned now were counted for the progress. */
	private boolean progressStarted;

	public RecordMerger(JdbcTemplate jdbc, FileLedger ledger, SourceCatalog sources, StagingArea staging) {
		this.jdbc = jdbc;
		this.ledger = ledger;
		this.sources = sources;
		this.staging = staging;
		this.codes = new StoreCodes(jdbc);
		this.writeDelay = new WriteDelay(jdbc);
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
		if (!mergeNext()) {
			return RepeatStatus.FINISHED;
		}
		contribution.incrementWriteCount(1);
		return RepeatStatus.CONTINUABLE;
	}

	/**
	 * Applies the first staged file in ledger order, if any.
	 * @return whether a file was applied
	 */
	public boolean mergeNext() {
		List<FileLedger.PlannedFile> planned = this.ledger.planned();
		if (planned.isEmpty()) {
			this.writeDelay.restore();
			// The staging of applied files is never read again (and every file applied is
			// on disk).
			this.staging.clear();
			this.progressStarted = false;
			return false;
		}
		if (!this.progressStarted) {
			long bytes = 0;
			for (FileLedger.PlannedFile file : planned) {
				bytes += this.staging.size(file.id());
			}
			this.progress.start("Incorporación", planned.size(), bytes);
			this.progressStarted = true;
			this.writeDelay.relax();
		}
		if (!this.storeChecked) {
			Boolean any = this.jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM intake_record)", Boolean.class);
			this.written = Boolean.TRUE.equals(any) ? null : new KeySketch(SKETCH_LOG2_BITS);
			this.storeChecked = true;
		}
		merge(planned.get(0));
		return true;
	}

	private void merge(FileLedger.PlannedFile file) {
		long stagedBytes = this.staging.size(file.id());
		this.codes.refresh();
		FileMerge merge = new FileMerge(file, this.sources.get(file.sourceName()).profile().central(),
				this.codes.code(StoreCodes.Kind.SOURCE, file.sourceName()));
		List<RowOutcome.Accepted> block = new ArrayList<>();
		this.staging.read(file.id(), (row) -> {
			block.add(row);
			if (block.size() >= BLOCK_ROWS) {
				merge.apply(block);
				block.clear();
			}
		});
		merge.apply(block);
		merge.saveCells();
		HaltPoints.reached("merge");
		long staged = merge.created + merge.updated + merge.unchanged;
		long rejected = count("SELECT COUNT(*) FROM rejected_row WHERE file_id = ?", file.id());
		long warnings = count("SELECT COUNT(*) FROM row_warning WHERE file_id = ?", file.id());
		this.jdbc.update(
				"UPDATE ingest_file SET status = ?, rows_read = ?, records_new = ?, records_updated = ?,"
						+ " records_unchanged = ?, rows_rejected = ?, warnings = ?, merged_at = ? WHERE id = ?",
				FileLedger.MERGED, staged + rejected, merge.created, merge.updated, merge.unchanged, rejected, warnings,
				Timestamp.from(Instant.now()), file.id());
		this.progress.fileDone(file.fileName(), staged + rejected, stagedBytes,
				", " + ChileanFormat.integer(merge.created) + " nuevos, " + ChileanFormat.integer(merge.updated)
						+ " actualizados, " + ChileanFormat.integer(merge.unchanged) + " sin cambios, "
						+ ChileanFormat.integer(rejected) + " rechazadas");
	}

	/**
	 * Makes every commit durable and each later one written at once (see
	 * {@link WriteDelay}); called after the merge step, whether it completed or not.
	 */
	public void restoreWriteDelay() {
		this.writeDelay.restore();
	}

	private long count(String sql, long fileId) {
		Long value = this.jdbc.queryForObject(sql, Long.class, fileId);
		return (value != null) ? value : 0;
	}

	/**
	 * Runs a query once per batch of values bound to a trailing {@code IN} list.
	 * @param sqlBeforeIn the query up to the column (or row of columns) compared
	 * @param values each value's parameters (one per column compared)
	 */
	private void inBatches(String sqlBeforeIn, List<Object[]> values, RowCallbackHandler handler) {
		for (int from = 0; from < values.size(); from += LOOKUP_KEYS) {
			List<Object[]> batch = values.subList(from, Math.min(values.size(), from + LOOKUP_KEYS));
			int width = batch.get(0).length;
			String one = (width == 1) ? "?" : "(" + "?, ".repeat(width - 1) + "?)";
			String sql = sqlBeforeIn + " IN (" + (one + ", ").repeat(batch.size() - 1) + one + ")";
			List<Object> args = new ArrayList<>(batch.size() * width);
			for (Object[] value : batch) {
				args.addAll(List.of(value));
			}
			this.jdbc.query(sql, handler, args.toArray());
		}
	}

	private static List<Object[]> single(Collection<String> values) {
		List<Object[]> params = new ArrayList<>(values.size());
		for (String value : values) {
			params.add(new Object[] { value });
		}
		return params;
	}

	/** A cell's key between an optional leading and an optional trailing argument. */
	private static Object[] cellArgs(Object first, List<Object> cell, Object last) {
		List<Object> args = new ArrayList<>(cell.size() + 1);
		if (first != null) {
			args.add(first);
		}
		args.addAll(cell);
		if (last != null) {
			args.add(last);
		}
		return args.toArray();
	}

	/**
	 * The stored version on the current row of a query selecting {@code VERSION_COLUMNS}.
	 */
	private Version read(ResultSet rs) throws SQLException {
		StoreCodes c = this.codes;
		return new Version(c.name(StoreCodes.Kind.TYPE, rs.getInt("type_code")),
				c.name(StoreCodes.Kind.SUBTYPE, rs.getInt("subtype_code")),
				c.name(StoreCodes.Kind.CHANNEL, rs.getInt("channel_code")), rs.getInt("intake_day"),
				rs.getObject("comuna_code", Integer.class), rs.getObject("region_code", Integer.class),
				rs.getObject("rut_hash", Long.class), rs.getString("folio"),
				c.name(StoreCodes.Kind.ORGANIZATION, rs.getInt("organization_code")),
				StoreNumbers.comuna(rs.getObject("place_code", Integer.class)), rs.getLong("version_seq"),
				rs.getBoolean("counted"));
	}

	/**
	 * Everything a version carries, as the store keeps it (comuna, region and the RUT's
	 * hash as numbers), the order it was applied in, and whether it counts as stored
	 * (false for a row not yet written).
	 */
	private record Version(String recordType, String subtype, String channel, int intakeDay, Integer comunaCode,
			Integer regionCode, Long rutHash, String folio, String organization, String placeCode, long seq,
			boolean counted) {

		static Version of(RowOutcome.Accepted row, long seq) {
			return new Version(row.recordType(), row.subtype(), row.channel(), row.intakeDay(),
					StoreNumbers.code(row.comunaCode()), StoreNumbers.code(row.regionCode()),
					StoreNumbers.hash(row.rutHash()), row.folio(), row.organization(), row.placeCode(), seq, false);
		}

		/** The {@code case_cell} this version counts in. */
		List<Object> cell() {
			return List.of(this.recordType, (this.subtype != null) ? this.subtype : "", this.channel,
					this.intakeDay / 100,
					("MOVIL".equals(this.channel) && this.placeCode != null) ? this.placeCode : "",
					("MUNICIPAL".equals(this.channel) && this.organization != null) ? this.organization : "");
		}

		boolean sameContent(Version other) {
			return this.recordType.equals(other.recordType) && Objects.equals(this.subtype, other.subtype)
					&& this.channel.equals(other.channel) && this.intakeDay == other.intakeDay
					&& Objects.equals(this.comunaCode, other.comunaCode)
					&& Objects.equals(this.regionCode, other.regionCode) && Objects.equals(this.rutHash, other.rutHash)
					&& Objects.equals(this.folio, other.folio) && Objects.equals(this.organization, other.organization)
					&& Objects.equals(this.placeCode, other.placeCode);
		}

	}

	/** A version about to be written, with its codes. */
	private record Written(String key, Version version, boolean counted, Integer type, Integer subtype, Integer channel,
			Integer organization, Integer place) {

	}

	/** One file being applied: its counts so far. */
	private final class FileMerge {

		private final FileLedger.PlannedFile file;

		private final boolean central;

		private final int sourceCode;

		private long created;

		private long updated;

		private long unchanged;

		/**
		 * Changes to {@code case_cell}: cell key to records added (or taken, if
		 * negative).
		 */
		private final Map<List<Object>, Long> cellChanges = new HashMap<>();

		FileMerge(FileLedger.PlannedFile file, boolean central, int sourceCode) {
			this.file = file;
			this.central = central;
			this.sourceCode = sourceCode;
		}

		void apply(List<RowOutcome.Accepted> rows) {
			if (rows.isEmpty()) {
				return;
			}
			rows.sort(Comparator.comparingLong(RowOutcome.Accepted::line));
			Map<String, Version> stored = storedVersions(rows);
			Map<String, Version> current = new HashMap<>(stored);
			Map<String, Version> written = new LinkedHashMap<>();
			long base = this.file.ordinal() << 32;
			for (RowOutcome.Accepted row : rows) {
				Version version = Version.of(row, base + row.line());
				Version previous = current.get(row.recordKey());
				if (previous == null) {
					this.created++;
				}
				else if (!previous.sameContent(version)) {
					this.updated++;
				}
				else {
					this.unchanged++;
					continue;
				}
				current.put(row.recordKey(), version);
				written.put(row.recordKey(), version);
			}
			// A record changed and changed back within the block keeps its stored
			// version.
			written.entrySet().removeIf((e) -> {
				Version before = stored.get(e.getKey());
				return before != null && before.sameContent(e.getValue());
			});
			write(stored, written);
		}

		private Map<String, Version> storedVersions(List<RowOutcome.Accepted> rows) {
			Set<String> keys = new HashSet<>();
			List<Object[]> params = new ArrayList<>();
			KeySketch sketch = RecordMerger.this.written;
			for (RowOutcome.Accepted row : rows) {
				if (keys.add(row.recordKey())
						&& (sketch == null || sketch.mayContain(this.file.sourceName(), row.recordKey()))) {
					params.add(new Object[] { this.sourceCode, row.recordKey() });
				}
			}
			Map<String, Version> stored = new HashMap<>();
			if (params.isEmpty()) {
				return stored;
			}
			// A row value compared as a whole uses the whole primary key.
			inBatches("SELECT " + VERSION_COLUMNS + " FROM intake_record WHERE (source_code, record_key)", params,
					(rs) -> stored.put(rs.getString("record_key"), read(rs)));
			return stored;
		}

		private void write(Map<String, Version> stored, Map<String, Version> written) {
			KeySketch sketch = RecordMerger.this.written;
			Set<String> carried = this.central ? foliosCarriedByIntake(written.values()) : Set.of();
			Set<String> affected = new HashSet<>();
			List<Written> inserts = new ArrayList<>();
			List<Written> updates = new ArrayList<>();
			for (Map.Entry<String, Version> entry : written.entrySet()) {
				String key = entry.getKey();
				Version v = entry.getValue();
				boolean counted = this.central ? !carried.contains(v.folio) : v.folio == null;
				Version before = stored.get(key);
				if (!this.central) {
					if (v.folio != null) {
						if (sketch != null && !sketch.mayContain(ANY_FOLIO, v.folio)) {
							// No other record carries the folio: this one counts, nothing
							// to settle.
							counted = true;
						}
						else {
							affected.add(v.folio);
						}
					}
					if (before != null && before.folio != null) {
						affected.add(before.folio);
					}
				}
				if (sketch != null) {
					sketch.add(this.file.sourceName(), key);
					if (v.folio != null) {
						sketch.add(ANY_FOLIO, v.folio);
						if (!this.central) {
							sketch.add(INTAKE_FOLIO, v.folio);
						}
					}
				}
				if (before != null && before.counted) {
					count(before.cell(), -1);
				}
				if (counted) {
					count(v.cell(), +1);
				}
				StoreCodes c = RecordMerger.this.codes;
				Written row = new Written(key, v, counted, c.code(StoreCodes.Kind.TYPE, v.recordType),
						c.code(StoreCodes.Kind.SUBTYPE, v.subtype), c.code(StoreCodes.Kind.CHANNEL, v.channel),
						c.code(StoreCodes.Kind.ORGANIZATION, v.organization), StoreNumbers.code(v.placeCode));
				((before == null) ? inserts : updates).add(row);
			}
			JdbcTemplate jdbc = RecordMerger.this.jdbc;
			if (!inserts.isEmpty()) {
				jdbc.batchUpdate(INSERT, inserts, inserts.size(), (ps, row) -> {
					ps.setInt(1, this.sourceCode);
					ps.setString(2, row.key());
					ps.setBoolean(3, this.central);
					bindContent(ps, 4, row);
				});
			}
			if (!updates.isEmpty()) {
				jdbc.batchUpdate(UPDATE, updates, updates.size(), (ps, row) -> {
					int next = bindContent(ps, 1, row);
					ps.setInt(next, this.sourceCode);
					ps.setString(next + 1, row.key());
				});
			}
			settle(affected);
		}

		/**
		 * Binds a record's content from type_code to counted, as {@link #INSERT} and
		 * {@link #UPDATE} list it, with a setter of the column's own type.
		 * @return the index of the next parameter
		 */
		private int bindContent(PreparedStatement ps, int first, Written row) throws SQLException {
			Version v = row.version();
			int i = first;
			ps.setInt(i++, row.type());
			setInt(ps, i++, row.subtype());
			ps.setInt(i++, row.channel());
			ps.setInt(i++, v.intakeDay);
			setInt(ps, i++, v.comunaCode);
			setInt(ps, i++, v.regionCode);
			if (v.rutHash != null) {
				ps.setLong(i++, v.rutHash);
			}
			else {
				ps.setNull(i++, Types.BIGINT);
			}
			ps.setString(i++, v.folio);
			setInt(ps, i++, row.organization());
			setInt(ps, i++, row.place());
			ps.setLong(i++, this.file.id());
			ps.setLong(i++, v.seq);
			ps.setBoolean(i++, row.counted());
			return i;
		}

		private static void setInt(PreparedStatement ps, int index, Integer value) throws SQLException {
			if (value != null) {
				ps.setInt(index, value);
			}
			else {
				ps.setNull(index, Types.INTEGER);
			}
		}

		/**
		 * Of the folios of central versions about to be written, those an intake record
		 * carries.
		 */
		private Set<String> foliosCarriedByIntake(Collection<Version> versions) {
			KeySketch sketch = RecordMerger.this.written;
			Set<String> folios = new HashSet<>();
			for (Version v : versions) {
				if (v.folio != null && (sketch == null || sketch.mayContain(INTAKE_FOLIO, v.folio))) {
					folios.add(v.folio);
				}
			}
			Set<String> carried = new HashSet<>();
			inBatches("SELECT DISTINCT folio FROM intake_record WHERE central = FALSE AND folio", single(folios),
					(rs) -> carried.add(rs.getString("folio")));
			return carried;
		}

		private void count(List<Object> cell, long records) {
			this.cellChanges.merge(cell, records, Long::sum);
		}

		/** Adds the file's changes to {@code case_cell}, creating the cells it lacks. */
		void saveCells() {
			List<Map.Entry<List<Object>, Long>> changes = this.cellChanges.entrySet()
				.stream()
				.filter((change) -> change.getValue() != 0)
				.toList();
			if (changes.isEmpty()) {
				return;
			}
			List<Object[]> additions = new ArrayList<>();
			for (Map.Entry<List<Object>, Long> change : changes) {
				additions.add(cellArgs(change.getValue(), change.getKey(), null));
			}
			int[] updated = RecordMerger.this.jdbc.batchUpdate("UPDATE case_cell SET records = records + ?"
					+ " WHERE record_type = ? AND subtype = ? AND channel = ? AND ym = ? AND place = ? AND organization = ?",
					additions);
			List<Object[]> created = new ArrayList<>();
			for (int i = 0; i < changes.size(); i++) {
				if (updated[i] == 0) {
					created.add(cellArgs(null, changes.get(i).getKey(), changes.get(i).getValue()));
				}
			}
			if (!created.isEmpty()) {
				RecordMerger.this.jdbc.batchUpdate("INSERT INTO case_cell (record_type, subtype, channel, ym, place,"
						+ " organization, records) VALUES (?, ?, ?, ?, ?, ?, ?)", created);
			}
		}

		/** Rule 2 again for every record carrying one of the folios. */
		private void settle(Set<String> folios) {
			if (folios.isEmpty()) {
				return;
			}
			record Holder(int sourceCode, String key, boolean central, Version version) {
			}
			Map<String, List<Holder>> byFolio = new HashMap<>();
			inBatches("SELECT source_code, central, " + VERSION_COLUMNS + " FROM intake_record WHERE folio",
					single(folios),
					(rs) -> byFolio.computeIfAbsent(rs.getString("folio"), (f) -> new ArrayList<>())
						.add(new Holder(rs.getInt("source_code"), rs.getString("record_key"), rs.getBoolean("central"),
								read(rs))));
			List<Object[]> changes = new ArrayList<>();
			for (List<Holder> holders : byFolio.values()) {
				long latestIntake = Long.MIN_VALUE;
				for (Holder h : holders) {
					if (!h.central()) {
						latestIntake = Math.max(latestIntake, h.version().seq());
					}
				}
				for (Holder h : holders) {
					boolean counted = h.central() ? latestIntake == Long.MIN_VALUE : h.version().seq() == latestIntake;
					if (counted != h.version().counted()) {
						changes.add(new Object[] { counted, h.sourceCode(), h.key() });
						count(h.version().cell(), counted ? +1 : -1);
					}
				}
			}
			if (!changes.isEmpty()) {
				RecordMerger.this.jdbc.batchUpdate(
						"UPDATE intake_record SET counted = ? WHERE source_code = ? AND record_key = ?", changes);
			}
		}

	}

}
