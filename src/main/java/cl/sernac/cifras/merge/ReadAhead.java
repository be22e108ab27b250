package cl.sernac.cifras.merge;

import cl.sernac.cifras.staging.StagingArea;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import cl.sernac.cifras.normalize.RowOutcome;

/**
 * The staged rows of several files decoded on a thread of their own, file after file, a
 * few thousand rows ahead of the store that loads them: decoding and loading each take a
 * core. Files must be asked for in the order given.
 */
final class ReadAhead implements RecordStore.StagedRows, AutoCloseable {

	private static final int BATCH_ROWS = 4_096;

	/** Batches decoded and not yet loaded: bounds the memory read ahead. */
	private static final int BATCHES_AHEAD = 8;

	private final BlockingQueue<Batch> batches = new ArrayBlockingQueue<>(BATCHES_AHEAD);

	private final Iterator<Long> expected;

	private final Thread decoder;

	private volatile boolean closed;

	ReadAhead(StagingArea staging, List<Long> fileIds) {
		this.expected = List.copyOf(fileIds).iterator();
		this.decoder = new Thread(() -> decode(staging, fileIds), "cifras-read-ahead");
		this.decoder.setDaemon(true);
		this.decoder.start();
	}

	private void decode(StagingArea staging, List<Long> fileIds) {
		try {
			for (long fileId : fileIds) {
				List<RowOutcome.Accepted> rows = new ArrayList<>(BATCH_ROWS);
				staging.read(fileId, (row) -> {
					rows.add(row);
					if (rows.size() == BATCH_ROWS) {
						put(new Batch(fileId, List.copyOf(rows), false, null));
						rows.clear();
					}
				});
				put(new Batch(fileId, rows, true, null));
			}
		}
		catch (RuntimeException ex) {
			if (!this.closed) {
				put(new Batch(-1, List.of(), true, ex));
			}
		}
	}

	private void put(Batch batch) {
		try {
			while (!this.batches.offer(batch, 100, TimeUnit.MILLISECONDS)) {
				if (this.closed) {
					throw new IllegalStateException("read ahead closed");
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("read ahead interrupted", ex);
		}
	}

	@Override
	public void read(long fileId, Consumer<RowOutcome.Accepted> rows) {
		if (!this.expected.hasNext() || this.expected.next() != fileId) {
			throw new IllegalStateException("Staged file " + fileId + " asked for out of order");
		}
		while (true) {
			Batch batch = take();
			if (batch.failure() != null) {
				throw batch.failure();
			}
			batch.rows().forEach(rows);
			if (batch.last()) {
				return;
			}
		}
	}

	private Batch take() {
		try {
			return this.batches.take();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("read ahead interrupted", ex);
		}
	}

	@Override
	public void close() {
		this.closed = true;
		this.batches.clear();
		this.decoder.interrupt();
	}

	private record Batch(long fileId, List<RowOutcome.Accepted> rows, boolean last, RuntimeException failure) {
	}

}
