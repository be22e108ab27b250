package cl.sernac.cifras.normalize;

import java.util.List;

/**
 * What became of one data row: accepted as a record (maybe with warnings) or rejected.
 */
public sealed interface RowOutcome permits RowOutcome.Accepted, RowOutcome.Rejected {

	long line();

	/**
	 * A normalized record: codes only, no personal data but the RUT's keyed hash.
	 *
	 * @param recordKey the folded key (rule 5), parts joined by {@code |}
	 * @param intakeDay intake date as {@code yyyyMMdd}
	 * @param folio the folded central folio, or null
	 * @param organization the folded municipality or partner service, or null
	 * @param placeCode comuna code where the mobile unit stood, or null
	 * @param programme the folded programme the record was taken in ({@code SERNAC EN TU
	 * BARRIO}), or null
	 * @param detail what a lawsuit or an activity says beyond the common columns, as
	 * codes and numbers joined by {@code |} (see the views {@code lawsuit} and
	 * {@code activity}), or null
	 */
	record Accepted(long line, String recordKey, String recordType, String subtype, String channel, int intakeDay,
			String comunaCode, String regionCode, String rutHash, String folio, String organization, String placeCode,
			String programme, String detail, List<WarningKind> warnings) implements RowOutcome {

		public Accepted(long line, String recordKey, String recordType, String subtype, String channel, int intakeDay,
				String comunaCode, String regionCode, String rutHash, String folio, String organization,
				String placeCode, List<WarningKind> warnings) {
			this(line, recordKey, recordType, subtype, channel, intakeDay, comunaCode, regionCode, rutHash, folio,
					organization, placeCode, null, null, warnings);
		}

	}

	/**
	 * @param detail Spanish detail for analysts; never holds a RUT or a name
	 */
	record Rejected(long line, RejectReason reason, String detail) implements RowOutcome {
	}

}
