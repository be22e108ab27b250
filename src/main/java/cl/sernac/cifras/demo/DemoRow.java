package cl.sernac.cifras.demo;

import java.time.LocalDateTime;
import java.time.YearMonth;

/**
 * One row the generator plans to write, with the versions it is delivered in and what a
 * correct count makes of it. Mutable while the plan is being built.
 */
final class DemoRow {

	final DemoSource source;

	/**
	 * Moment that orders the row and decides its monthly export (portal:
	 * {@code fecha_ingreso}).
	 */
	final LocalDateTime at;

	/**
	 * Export the row is first delivered in; the month of {@link #at} unless set for a
	 * rejected row.
	 */
	YearMonth fileMonth;

	/**
	 * Final classification: type, subtype (SONI only) and, for portal rows, canal_origen.
	 */
	String type;

	String subtype = "";

	String channel;

	/**
	 * Type under which a portal folio was issued when the row is later corrected to
	 * another type.
	 */
	String folioType;

	/** Municipality, partner service or visit the row belongs to (intake sources). */
	String owner;

	/**
	 * The intake row of a centrally registered case, or the portal row of an intake row.
	 */
	DemoRow link;

	/** Record number within its municipality or partner service. */
	String id;

	String folio = "";

	/**
	 * Central entry of a forwarded intake row that falls after the generated period
	 * (never delivered).
	 */
	LocalDateTime pendingCentralEntry;

	/** Final field values in {@link DemoSource#columns} order. */
	String[] values;

	/** Earlier version delivered first and corrected by the next export, or null. */
	String[] first;

	/**
	 * How the row is written when delivered again (a key variant), or null for
	 * {@link #values}.
	 */
	String[] resent;

	/** Expected warning kind (row kept), or null. */
	String warning;

	/** Expected reject reason, or null. */
	String reject;

	/** For field-count rejects: -1 drops the last field. */
	int fieldDelta;

	/** For field-count rejects: a field written after the row's last one, or null. */
	String extraField;

	/**
	 * What the row's final version counts as, or null when it counts as part of another
	 * row or not at all.
	 */
	DemoPlan.Cell counted;

	/**
	 * The programme an office row was taken in (the office's optional {@code PROGRAMA}
	 * column), or null.
	 */
	String programme;

	DemoRow(DemoSource source, LocalDateTime at) {
		this.source = source;
		this.at = at;
		this.fileMonth = YearMonth.from(at);
	}

	boolean inOverlapWindow() {
		return this.at.getDayOfMonth() > this.fileMonth.lengthOfMonth() - this.source.overlapDays;
	}

	/** Whether the next monthly export carries the row again (overlap or correction). */
	boolean repeated() {
		return this.reject == null && this.fileMonth.isBefore(DemoPlan.LAST)
				&& (this.first != null || inOverlapWindow());
	}

	String get(String column) {
		return this.values[this.source.column(column)];
	}

	void set(String column, String value) {
		this.values[this.source.column(column)] = value;
	}

}
