package cl.sernac.cifras.reading;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.support.AbstractItemCountingItemStreamItemReader;

/**
 * Reads one export's data rows by its source profile. Restartable: the row count is kept
 * in the step's execution context and a restart skips that many rows.
 */
public class ExportFileItemReader extends AbstractItemCountingItemStreamItemReader<ExportRow> {

	private final Path file;

	private final SourceProfile profile;

	private final ReadLimits limits;

	private CsvRecordReader records;

	private ExportHeader header;

	public ExportFileItemReader(String name, Path file, SourceProfile profile, ReadLimits limits) {
		setName(name);
		this.file = file;
		this.profile = profile;
		this.limits = limits;
	}

	@Override
	protected void doOpen() throws Exception {
		if (!Files.exists(this.file)) {
			// gone since it was admitted: nothing to read; the check that follows reading
			// withdraws it, and the other files go on
			this.records = null;
			return;
		}
		this.records = open(this.file, this.profile, this.limits);
		ExportHeader.Found found = ExportHeader.find(this.records, this.profile);
		if (found.header() == null) {
			throw new ItemStreamException(found.problem() + " (" + this.file.getFileName() + ")");
		}
		this.header = found.header();
	}

	@Override
	protected ExportRow doRead() throws Exception {
		if (this.records == null) {
			return null;
		}
		CsvRecord record = nextNonBlank(this.records);
		return (record != null) ? this.header.project(record) : null;
	}

	@Override
	protected void doClose() throws Exception {
		if (this.records != null) {
			this.records.close();
			this.records = null;
		}
	}

	static CsvRecordReader open(Path file, SourceProfile profile, ReadLimits limits) throws IOException {
		return CsvRecordReader.open(file, Charset.forName(profile.encoding()), profile.delimiterChar(),
				limits.maxLineChars(), limits.maxRecordLines());
	}

	/** Rows whose fields are all empty are skipped without a word (SPEC). */
	static CsvRecord nextNonBlank(CsvRecordReader records) throws IOException {
		CsvRecord record;
		do {
			record = records.next();
		}
		while (record != null && record.isBlank());
		return record;
	}

	/**
	 * Reads only the header of a file, to decide before ingesting whether it can be read.
	 * @return the resolved header, or null when the file has no header row (with
	 * {@code header-line} or {@code header-search-lines}: no header with every required
	 * column where the profile says)
	 */
	public static ExportHeader readHeader(Path file, SourceProfile profile, ReadLimits limits) throws IOException {
		if (profile.headerLine() != null || profile.headerSearchLines() != null) {
			// the header is where the profile says, or there is none
			return findHeader(file, profile, limits).header();
		}
		try (CsvRecordReader records = open(file, profile, limits)) {
			CsvRecord first = nextNonBlank(records);
			return (first == null || first.problem() != null) ? null : new ExportHeader(profile, first.fields());
		}
	}

	/**
	 * Finds the header of a file as its profile says ({@link ExportHeader#find}), to
	 * decide before ingesting whether it can be read.
	 * @return the header, or why there is none
	 */
	public static ExportHeader.Found findHeader(Path file, SourceProfile profile, ReadLimits limits)
			throws IOException {
		try (CsvRecordReader records = open(file, profile, limits)) {
			return ExportHeader.find(records, profile);
		}
	}

}
