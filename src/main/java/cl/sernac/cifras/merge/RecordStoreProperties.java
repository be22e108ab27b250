package cl.sernac.cifras.merge;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The embedded record store, under {@code cifras.records.*} (the {@code postgres} profile
 * keeps the records on the server and uses none of these).
 *
 * @param memoryLimit the most memory DuckDB takes for its work, beside the JVM's heap
 * (DuckDB's notation: {@code 256MB}, {@code 1GB}); beyond it, sorts and joins spill to
 * {@code tempDir}
 * @param tempDir where DuckDB spills; {@code <data>/records.tmp} by default
 * @param threads the threads DuckDB works with
 */
@ConfigurationProperties("cifras.records")
public record RecordStoreProperties(String memoryLimit, Path tempDir, Integer threads) {

	public RecordStoreProperties {
		memoryLimit = (memoryLimit != null && !memoryLimit.isBlank()) ? memoryLimit.strip() : "256MB";
		threads = (threads != null && threads > 0) ? threads : Math.min(2, Runtime.getRuntime().availableProcessors());
	}

	/** Where DuckDB spills, for a store in the given folder. */
	public Path tempDir(Path storeFolder) {
		return (this.tempDir != null) ? this.tempDir : storeFolder.resolve("records.tmp");
	}

}
