package cl.sernac.cifras.merge;

import cl.sernac.cifras.staging.StagingArea;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cl.sernac.cifras.ledger.FileLedger;
import cl.sernac.cifras.support.ChileanFormat;
import cl.sernac.cifras.reading.SourceCatalog;
import cl.sernac.cifras.support.Progress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Applies the staged files to the record store in ledger order (SPEC rule 1: the version
 * ingested last wins), all in one transaction of the store, then records them as merged
 * in the ledger.
 *
 * <p>
 * The store and the ledger are two databases when the store is embedded. The store keeps
 * its own account of the files it merged, committed with their rows; the ledger is
 * updated after. A run stopped between the two commits finds the files in the store's
 * account and only completes the ledger: a file is never applied twice, never skipped.
 */
public class RecordMerger implements Tasklet {

	private static final Logger logger = LoggerFactory.getLogger(RecordMerger.class);

	private final FileLedger ledger;

	private final SourceCatalog sources;

	private final StagingArea staging;

	private final RecordStore store;

	private final Progress progress = Progress.ofThisProcess(logger, "");

	public RecordMerger(FileLedger ledger, SourceCatalog sources, StagingArea staging, RecordStore store) {
		this.ledger = ledger;
		this.sources = sources;
		this.staging = staging;
		this.store = store;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
		contribution.incrementWriteCount(mergeAll());
		return RepeatStatus.FINISHED;
	}

	/**
	 * Applies every file admitted and not yet merged.
	 * @return the files merged
	 */
	public int mergeAll() {
		List<FileLedger.PlannedFile> planned = this.ledger.planned();
		if (planned.isEmpty()) {
			// The staging of merged files is never read again.
			this.staging.clear();
			return 0;
		}
		long started = System.nanoTime();
		Map<Long, String> hashes = this.ledger.allHashes();
		Map<Long, RecordStore.MergedFile> inStore = this.store.mergedFiles();
		List<RecordStore.FileToMerge> toMerge = new ArrayList<>();
		int completed = 0;
		for (FileLedger.PlannedFile file : planned) {
			String sha256 = hashes.get(file.id());
			RecordStore.MergedFile merged = inStore.get(file.id());
			if (merged != null && merged.sha256().equals(sha256)) {
				// merged by a run stopped before it could say so in the ledger
				markMerged(merged);
				completed++;
			}
			else {
				// the record's identity is its profile's key space; rule 2 is the
				// profile's
				SourceCatalog.Source source = this.sources.get(file.sourceName());
				toMerge.add(new RecordStore.FileToMerge(file.id(), file.ordinal(), sha256, source.keySpace(),
						source.profile().central()));
			}
		}
		if (completed > 0) {
			logger.info("Incorporación: {} archivos ya estaban en los registros; se completa su anotación", completed);
		}
		if (!toMerge.isEmpty()) {
			Map<Long, Long> bytes = new HashMap<>();
			Map<Long, String> names = new HashMap<>();
			for (FileLedger.PlannedFile file : planned) {
				bytes.put(file.id(), this.staging.size(file.id()));
				names.put(file.id(), file.fileName());
			}
			this.progress.start("Incorporación", toMerge.size(),
					toMerge.stream().mapToLong((f) -> bytes.get(f.fileId())).sum());
			Map<Long, RecordStore.MergedFile> merged;
			try (ReadAhead staged = new ReadAhead(this.staging,
					toMerge.stream().map(RecordStore.FileToMerge::fileId).toList())) {
				merged = this.store.merge(toMerge, staged,
						(file, rows) -> this.progress.fileDone(names.get(file.fileId()), rows, bytes.get(file.fileId()),
								", " + ChileanFormat.integer(rows) + " filas cargadas"));
			}
			long created = 0;
			long updated = 0;
			long unchanged = 0;
			for (RecordStore.MergedFile file : merged.values()) {
				markMerged(file);
				created += file.recordsNew();
				updated += file.recordsUpdated();
				unchanged += file.recordsUnchanged();
			}
			logger.info("Incorporación: {} nuevos, {} actualizados, {} sin cambios en {} s",
					ChileanFormat.integer(created), ChileanFormat.integer(updated), ChileanFormat.integer(unchanged),
					ChileanFormat.decimal(BigDecimal.valueOf((System.nanoTime() - started) / 1_000_000)
						.movePointLeft(3)
						.setScale(1, RoundingMode.HALF_UP)));
		}
		this.staging.clear();
		return planned.size();
	}

	private void markMerged(RecordStore.MergedFile file) {
		this.ledger.merged(file.fileId(), file.rowsStaged(), file.recordsNew(), file.recordsUpdated(),
				file.recordsUnchanged());
	}

}
