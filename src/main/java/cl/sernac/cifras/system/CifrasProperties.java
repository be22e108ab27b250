package cl.sernac.cifras.system;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;

import cl.sernac.cifras.reading.SourceProfile;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Everything an operator can set, under {@code cifras.*}.
 *
 * @param inputDir where analysts drop exports
 * @param outputDir where tables, charts and the report are written
 * @param dataDir the embedded database and the RUT hashing secret
 * @param runDate the day of the run (rule 3: later dates are rejected); today in Chile
 * when empty
 * @param chunkSize rows per transaction while reading a file
 * @param ingestThreads files read at once
 * @param maxLineChars a physical line longer than this is rejected, never buffered whole
 * @param maxRecordLines a quoted field may span at most this many lines
 * @param demo generate the demo data set into an empty input folder before running
 * @param rebuild reprocess every archived file into a fresh store before taking new files
 * @param sources source profiles by name
 */
@ConfigurationProperties("cifras")
public record CifrasProperties(Path inputDir, Path outputDir, Path dataDir, LocalDate runDate, Integer chunkSize,
		Integer ingestThreads, Integer maxLineChars, Integer maxRecordLines, boolean demo, boolean rebuild,
		Map<String, SourceProfile> sources) {

	public CifrasProperties {
		inputDir = (inputDir != null) ? inputDir : Path.of("input");
		outputDir = (outputDir != null) ? outputDir : Path.of("output");
		dataDir = (dataDir != null) ? dataDir : Path.of("data");
		chunkSize = (chunkSize != null) ? chunkSize : 2000;
		ingestThreads = (ingestThreads != null) ? ingestThreads : Runtime.getRuntime().availableProcessors();
		maxLineChars = (maxLineChars != null) ? maxLineChars : 100_000;
		maxRecordLines = (maxRecordLines != null) ? maxRecordLines : 200;
		sources = (sources != null) ? new TreeMap<>(sources) : new TreeMap<>();
	}

}
