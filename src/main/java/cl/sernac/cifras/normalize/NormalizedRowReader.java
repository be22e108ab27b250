package cl.sernac.cifras.normalize;

import cl.sernac.cifras.reading.ExportFileItemReader;
import cl.sernac.cifras.reading.ExportRow;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * Reads one export's rows and normalizes each as it is read. The file's reader and
 * normalizer sit behind this one step-scoped bean, so each row crosses the step scope's
 * proxy once instead of twice (measured at about a tenth of the reading's time).
 */
public class NormalizedRowReader implements ItemStreamReader<RowOutcome> {

	private final ExportFileItemReader rows;

	private final RecordNormalizer normalizer;

	public NormalizedRowReader(ExportFileItemReader rows, RecordNormalizer normalizer) {
		this.rows = rows;
		this.normalizer = normalizer;
	}

	@Override
	public RowOutcome read() throws Exception {
		ExportRow row = this.rows.read();
		return (row != null) ? this.normalizer.process(row) : null;
	}

	@Override
	public void open(ExecutionContext executionContext) {
		this.rows.open(executionContext);
	}

	@Override
	public void update(ExecutionContext executionContext) {
		this.rows.update(executionContext);
	}

	@Override
	public void close() {
		this.rows.close();
	}

}
