package cl.sernac.cifras.merge;

import cl.sernac.cifras.staging.StagingArea;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import cl.sernac.cifras.aggregate.CaseCells;
import cl.sernac.cifras.aggregate.CountedCaseQueries;
import cl.sernac.cifras.ledger.FileFingerprint;
import cl.sernac.cifras.ledger.FileLedger;
import cl.sernac.cifras.ledger.FileStatus;
import cl.sernac.cifras.ledger.RejectsAndWarnings;
import cl.sernac.cifras.normalize.RowOutcome;
import cl.sernac.cifras.reading.SourceCatalog;
import cl.sernac.cifras.reading.SourceProfile;
import org.flywaydb.core.Flyway;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The store on its own: a fresh in-memory H2 ledger migrated like the application's, a
 * fresh DuckDB record store in a temporary folder, the application's source profiles, the
 * merger and the queries. Files are admitted under a name (which picks their source),
 * rows are staged as the normalizer would have staged them, and {@link #mergeAll()}
 * applies the staged files in ledger order.
 */
public final class StoreFixture implements AutoCloseable {

	/** The run every file of a test is admitted in, unless said otherwise. */
	public static final long RUN_ID = 1;

	private static final AtomicInteger databases = new AtomicInteger();

	private static final SourceCatalog catalog = new SourceCatalog(applicationProfiles());

	private final AtomicLong fileContents = new AtomicLong();

	private final JdbcTemplate jdbc;

	private final JdbcClient client;

	private final FileLedger ledger;

	private final RejectsAndWarnings rejectsAndWarnings;

	private final StagingArea staging;

	private final RecordMerger merger;

	private final CountedCaseQueries cases;

	private final RecordStore records;

	private final JdbcTemplate recordsJdbc;

	/**
	 * Whether every file is applied by a new merger, as by a new run on a store that is
	 * not empty: every key and folio is then looked up, none skipped by the rebuild's
	 * sketch.
	 */
	private final boolean mergerPerFile;

	public StoreFixture() {
		this(false);
	}

	/**
	 * @param mergerPerFile apply every file with a new merger (no rebuild shortcuts once
	 * the store holds records)
	 */
	public StoreFixture(boolean mergerPerFile) {
		this.mergerPerFile = mergerPerFile;
		String url = "jdbc:h2:mem:rules" + databases.incrementAndGet() + ";DB_CLOSE_DELAY=-1";
		Flyway.configure()
			.dataSource(url, "sa", "")
			.locations("classpath:db/migration/common", "classpath:db/migration/h2")
			.load()
			.migrate();
		DriverManagerDataSource dataSource = new DriverManagerDataSource(url, "sa", "");
		this.jdbc = new JdbcTemplate(dataSource);
		this.client = JdbcClient.create(dataSource);
		this.rejectsAndWarnings = new RejectsAndWarnings(this.jdbc);
		this.ledger = new FileLedger(this.client, this.rejectsAndWarnings);
		this.staging = new StagingArea(stagingDirectory());
		Path recordsFile = this.staging.directory().resolveSibling(this.staging.directory().getFileName() + ".duckdb");
		DuckDbDataSource recordsSource = new DuckDbDataSource(recordsFile, new RecordStoreProperties(null,
				this.staging.directory().resolveSibling("tmp-" + recordsFile.getFileName()), 1));
		this.records = new RecordStore(RecordStore.Engine.DUCKDB, recordsSource, recordsFile.toString());
		this.recordsJdbc = new JdbcTemplate(recordsSource);
		this.merger = new RecordMerger(this.ledger, catalog, this.staging, this.records);
		this.cases = new CountedCaseQueries(this.records.jdbc());
	}

	/**
	 * The source profiles of {@code application.yml}, bound as the application binds
	 * them.
	 */
	private static Map<String, SourceProfile> applicationProfiles() {
		try {
			var sources = new YamlPropertySourceLoader().load("application.yml",
					new ClassPathResource("application.yml"));
			return new Binder(ConfigurationPropertySources.from(sources))
				.bind("cifras.sources", Bindable.mapOf(String.class, SourceProfile.class))
				.get();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public static SourceCatalog catalog() {
		return catalog;
	}

	/** The ledger's database. */
	public JdbcTemplate jdbc() {
		return this.jdbc;
	}

	/** The record store's database. */
	public JdbcTemplate records() {
		return this.recordsJdbc;
	}

	public RecordStore recordStore() {
		return this.records;
	}

	public CountedCaseQueries cases() {
		return this.cases;
	}

	public RejectsAndWarnings rejectsAndWarnings() {
		return this.rejectsAndWarnings;
	}

	public FileLedger ledger() {
		return this.ledger;
	}

	public RecordMerger merger() {
		return this.mergerPerFile ? new RecordMerger(this.ledger, catalog, this.staging, this.records) : this.merger;
	}

	/** Admits a file of the first run; its source is the one its name matches. */
	public StagedFile admit(String fileName) {
		return admit(RUN_ID, fileName);
	}

	public StagedFile admit(long runId, String fileName) {
		String sourceName = catalog.match(fileName)
			.orElseThrow(() -> new IllegalArgumentException("No source for " + fileName))
			.name();
		String sha256 = "%064x".formatted(this.fileContents.incrementAndGet());
		long id = this.ledger.admit(runId, Path.of("input", fileName), new FileFingerprint(sha256, 100, 0),
				Instant.EPOCH, sourceName);
		return new StagedFile(id, fileName, sourceName);
	}

	/**
	 * Stages rows of a file as the staging writer would: lines not set explicitly follow
	 * the file's previous line (the first data line is 2, after the header).
	 */
	public StagedFile stage(StagedFile file, Row... rows) {
		SourceProfile profile = catalog.get(file.sourceName()).profile();
		try (StagingArea.Appender appender = this.staging.append(file.id(), file.stagedBytes)) {
			for (Row row : rows) {
				long line = (row.line > 0) ? row.line : file.nextLine();
				file.lastLine = Math.max(file.lastLine, line);
				String channel = (row.channel != null) ? row.channel : profile.channel();
				String folio = (row.folio != null || !profile.central()) ? row.folio : row.key;
				appender.add(new RowOutcome.Accepted(line, row.key, row.type, row.subtype, channel, row.day, row.comuna,
						row.region, row.rutHash, folio, row.organization, row.place, List.of()));
			}
			file.stagedBytes = appender.flush();
		}
		return file;
	}

	/** Records a rejected line of a file, as the staging writer would. */
	public void reject(StagedFile file, long line, String reason) {
		file.lastLine = Math.max(file.lastLine, line);
		this.rejectsAndWarnings.addRejected(List.of(new RejectsAndWarnings.Rejected(file.id(), line, reason, "")));
	}

	/** Records a warning on a line of a file, as the staging writer would. */
	public void warn(StagedFile file, long line, String kind) {
		this.rejectsAndWarnings.addWarnings(List.of(new RejectsAndWarnings.Warning(file.id(), line, kind)));
	}

	/** Applies every staged file, in ledger order. */
	public int mergeAll() {
		return merger().mergeAll();
	}

	public long recordCount() {
		return this.records.records();
	}

	/** Whether any staged row awaits merging. */
	public boolean stagingEmpty() {
		if (!Files.isDirectory(this.staging.directory())) {
			return true;
		}
		try (var files = Files.list(this.staging.directory())) {
			return files.findAny().isEmpty();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public StagingArea staging() {
		return this.staging;
	}

	private static Path stagingDirectory() {
		try {
			return Files.createTempDirectory("cifras-staging");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The stored version of a record. */
	public StoredRecord record(String sourceName, String key) {
		return this.recordsJdbc.queryForObject("SELECT * FROM intake_record WHERE source_name = ? AND record_key = ?",
				(rs, i) -> new StoredRecord(rs.getString("source_name"), rs.getString("record_key"),
						rs.getBoolean("central"), rs.getString("record_type"), rs.getString("subtype"),
						rs.getString("channel"), rs.getInt("intake_day"), rs.getString("folio"),
						rs.getString("organization"), rs.getLong("file_id"), rs.getLong("version_seq")),
				sourceName, key);
	}

	/** What the ledger says about a file. */
	public FileStats stats(StagedFile file) {
		return this.jdbc.queryForObject("SELECT * FROM ingest_file WHERE id = ?",
				(rs, i) -> new FileStats(FileStatus.valueOf(rs.getString("status")),
						(Integer) rs.getObject("rows_read"), (Integer) rs.getObject("records_new"),
						(Integer) rs.getObject("records_updated"), (Integer) rs.getObject("records_unchanged"),
						(Integer) rs.getObject("rows_rejected"), (Integer) rs.getObject("warnings")),
				file.id());
	}

	/** Files in the order they were applied. */
	public List<String> mergeOrder() {
		return this.jdbc.queryForList("SELECT file_name FROM ingest_file WHERE status = ? ORDER BY merged_at, ordinal",
				String.class, FileStatus.MERGED.name());
	}

	@Override
	public void close() {
		// Whatever a test did, the cells the outputs read equal the counted records.
		List<CaseCells.Cell> kept = this.cases.cells().all();
		List<CaseCells.Cell> grouped = this.cases.cellsFromRecords();
		this.jdbc.execute("SHUTDOWN");
		try {
			this.records.close();
		}
		catch (java.sql.SQLException ex) {
			throw new IllegalStateException(ex);
		}
		this.staging.clear();
		try {
			Files.deleteIfExists(this.staging.directory());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		if (!kept.equals(grouped)) {
			throw new AssertionError("cells " + kept + " differ from the counted records " + grouped);
		}
	}

	/**
	 * A row to stage; defaults: a consultation of 15 January 2015, no folio, no place.
	 */
	public static Row row(String key) {
		return new Row(key);
	}

	/** A file admitted to the ledger. */
	public static final class StagedFile {

		private final long id;

		private final String name;

		private final String sourceName;

		private long lastLine = 1;

		private long stagedBytes;

		StagedFile(long id, String name, String sourceName) {
			this.id = id;
			this.name = name;
			this.sourceName = sourceName;
		}

		public long id() {
			return this.id;
		}

		public String name() {
			return this.name;
		}

		public String sourceName() {
			return this.sourceName;
		}

		long nextLine() {
			return this.lastLine + 1;
		}

	}

	/** A staged row, as the normalizer produces it (key already folded). */
	public static final class Row {

		private final String key;

		private long line;

		private String type = "CONSULTA";

		private String subtype;

		private String channel;

		private int day = 20150115;

		private String comuna;

		private String region;

		private String rutHash;

		private String folio;

		private String organization;

		private String place;

		Row(String key) {
			this.key = key;
		}

		public Row line(long line) {
			this.line = line;
			return this;
		}

		public Row type(String type) {
			this.type = type;
			return this;
		}

		public Row soni(String subtype) {
			this.type = "SONI";
			this.subtype = subtype;
			return this;
		}

		/** Overrides the source's channel (the portal's {@code canal_origen}). */
		public Row channel(String channel) {
			this.channel = channel;
			return this;
		}

		/** Intake day as {@code yyyyMMdd}. */
		public Row day(int day) {
			this.day = day;
			return this;
		}

		public Row comuna(String comuna) {
			this.comuna = comuna;
			return this;
		}

		public Row region(String region) {
			this.region = region;
			return this;
		}

		public Row rutHash(String rutHash) {
			this.rutHash = rutHash;
			return this;
		}

		/** The central folio of a non-central row (a central row's folio is its key). */
		public Row folio(String folio) {
			this.folio = folio;
			return this;
		}

		public Row organization(String organization) {
			this.organization = organization;
			return this;
		}

		public Row place(String place) {
			this.place = place;
			return this;
		}

	}

	/** A row of {@code intake_record}. */
	public record StoredRecord(String sourceName, String recordKey, boolean central, String recordType, String subtype,
			String channel, int intakeDay, String folio, String organization, long fileId, long versionSeq) {
	}

	/** The ledger's figures for a file. */
	public record FileStats(FileStatus status, Integer rowsRead, Integer recordsNew, Integer recordsUpdated,
			Integer recordsUnchanged, Integer rowsRejected, Integer warnings) {

		public static FileStats merged(int rowsRead, int recordsNew, int recordsUpdated, int recordsUnchanged,
				int rowsRejected, int warnings) {
			return new FileStats(FileStatus.MERGED, rowsRead, recordsNew, recordsUpdated, recordsUnchanged,
					rowsRejected, warnings);
		}

	}

}
