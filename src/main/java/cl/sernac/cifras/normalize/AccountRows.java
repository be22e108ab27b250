package cl.sernac.cifras.normalize;

import cl.sernac.cifras.support.Text;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cl.sernac.cifras.reading.ExportRow;
import cl.sernac.cifras.reading.SourceProfile;

/**
 * The checks of SPEC-ACCOUNT for the rows of the lawsuits register and of the activity
 * log, once their key and date passed the common ones: the rest of the row becomes codes
 * and numbers. Descriptions and other free text are never read.
 *
 * <p>
 * A lawsuit's action type comes from the profile's {@code type-values}; its state and
 * result are the register's fixed values. An activity's line of work comes from
 * {@code type-values} and a participation's mechanism from {@code subtype-values}, both
 * compared ignoring case, accents, and spaces against underscores.
 */
final class AccountRows {

	/** The line of work whose activities are counted by mechanism. */
	static final String PARTICIPATION = "PARTICIPACION";

	static final String OPEN = "EN_TRAMITACION";

	static final String CLOSED = "TERMINADO";

	private static final Map<String, String> STATES = Map.of("EN_TRAMITACION", OPEN, "TERMINADO", CLOSED);

	private static final Map<String, String> RESULTS = Map.of("FAVORABLE", "FAVORABLE", "DESFAVORABLE", "DESFAVORABLE");

	/** The groups of people an activity reaches, as the profile's fields name them. */
	static final List<String> GROUPS = AccountCodes.ACTIVITY_FIELDS.subList(1, 4);

	/** An RBD: its digits, then optionally {@code -} and a check digit. */
	private static final Pattern RBD = Pattern.compile("(\\d{1,9})(?:\\s*-\\s*([0-9kK]))?");

	/** A count as written: digits alone. */
	private static final Pattern COUNT = Pattern.compile("\\d{1,9}");

	private final List<DateFormat> dateFormats;

	private final Map<String, String> types;

	private final Map<String, String> subtypes;

	AccountRows(SourceProfile profile, List<DateFormat> dateFormats) {
		this.dateFormats = dateFormats;
		this.types = byValue(profile.typeValues());
		this.subtypes = byValue(profile.subtypeValues());
	}

	/**
	 * A value as compared: folded, spaces and {@code -} as underscores
	 * ({@code Educación Financiera} is {@code EDUCACION_FINANCIERA}).
	 */
	static String code(String raw) {
		return Text.fold(raw).replace(' ', '_').replace('-', '_');
	}

	private static Map<String, String> byValue(Map<String, List<String>> valuesByCode) {
		Map<String, String> codeByValue = new HashMap<>();
		valuesByCode.forEach((code, values) -> {
			codeByValue.put(code(code), code);
			values.forEach((value) -> codeByValue.put(code(value), code));
		});
		return codeByValue;
	}

	RowOutcome lawsuit(ExportRow row, String key, LocalDate filed, String comunaCode, LocalDate runDate,
			List<WarningKind> warnings) {
		String action = this.types.get(code(row.type()));
		if (action == null) {
			return new RowOutcome.Rejected(row.line(), RejectReason.UNKNOWN_ACTION,
					RecordNormalizer.codeShown("Tipo de acción", row.type()));
		}
		String state = STATES.get(code(row.field("state")));
		if (state == null) {
			return new RowOutcome.Rejected(row.line(), RejectReason.UNKNOWN_STATE,
					RecordNormalizer.codeShown("Estado", row.field("state")));
		}
		String endRaw = row.field("end-date");
		LocalDate end = null;
		if (!Text.isBlank(endRaw)) {
			end = parseDate(endRaw);
			if (end == null) {
				return new RowOutcome.Rejected(row.line(), RejectReason.BAD_DATE,
						"Término: " + RecordNormalizer.dateShown(endRaw));
			}
			if (end.getYear() < 2000 || end.isAfter(runDate)) {
				return new RowOutcome.Rejected(row.line(), RejectReason.DATE_OUT_OF_RANGE,
						"Fecha de término " + end + ", ejecución del " + runDate);
			}
		}
		String result = RESULTS.get(code(row.field("result")));
		if (CLOSED.equals(state)) {
			if (end == null) {
				return new RowOutcome.Rejected(row.line(), RejectReason.CLOSED_WITHOUT_END, "");
			}
			if (result == null) {
				return new RowOutcome.Rejected(row.line(), RejectReason.CLOSED_WITHOUT_RESULT,
						Text.isBlank(row.field("result")) ? "Resultado vacío"
								: RecordNormalizer.codeShown("Resultado", row.field("result")));
			}
		}
		else {
			if (end != null) {
				return new RowOutcome.Rejected(row.line(), RejectReason.OPEN_WITH_END, "Fecha de término " + end);
			}
			// an open lawsuit has no result yet, whatever the cell says
			result = null;
		}
		if (end != null && end.isBefore(filed)) {
			return new RowOutcome.Rejected(row.line(), RejectReason.ENDS_BEFORE_FILED,
					"Presentado el " + filed + ", terminado el " + end);
		}
		String detail = state + "|" + ((end != null) ? Integer.toString(day(end)) : "") + "|"
				+ ((result != null) ? result : "");
		return new RowOutcome.Accepted(row.line(), key, "JUICIO", action, "", day(filed), comunaCode, null, null, null,
				null, null, null, detail, warnings);
	}

	RowOutcome activity(ExportRow row, String key, LocalDate date, String comunaCode, List<WarningKind> warnings) {
		String line = this.types.get(code(row.type()));
		if (line == null) {
			return new RowOutcome.Rejected(row.line(), RejectReason.UNKNOWN_LINE,
					RecordNormalizer.codeShown("Línea", row.type()));
		}
		String mechanism = "";
		if (PARTICIPATION.equals(line)) {
			mechanism = this.subtypes.get(code(row.subtype()));
			if (mechanism == null) {
				return new RowOutcome.Rejected(row.line(), RejectReason.UNKNOWN_MECHANISM,
						RecordNormalizer.codeShown("Subtipo", row.subtype()));
			}
		}
		long[] reached = new long[GROUPS.size()];
		for (int i = 0; i < GROUPS.size(); i++) {
			String raw = row.field(GROUPS.get(i));
			if (Text.isBlank(raw)) {
				continue;
			}
			String value = raw.strip();
			if (!COUNT.matcher(value).matches()) {
				return new RowOutcome.Rejected(row.line(), RejectReason.BAD_COUNT, countShown(GROUPS.get(i), value));
			}
			reached[i] = Long.parseLong(value);
		}
		String school = "";
		String rbd = row.field("school");
		if (!Text.isBlank(rbd)) {
			Matcher m = RBD.matcher(rbd.strip());
			if (!m.matches()) {
				return new RowOutcome.Rejected(row.line(), RejectReason.BAD_RBD,
						"RBD de " + rbd.strip().length() + " caracteres que no son cifras con dígito verificador");
			}
			long digits = Long.parseLong(m.group(1));
			school = Long.toString(digits);
			if (m.group(2) != null && Character.toUpperCase(m.group(2).charAt(0)) != Rut.checkDigit(digits)) {
				warnings.add(WarningKind.RBD_INVALID);
			}
		}
		String detail = mechanism + "|" + school + "|" + reached[0] + "|" + reached[1] + "|" + reached[2];
		return new RowOutcome.Accepted(row.line(), key, "ACTIVIDAD", line, "", day(date), comunaCode, null, null, null,
				null, null, null, detail, warnings);
	}

	/** A bad count is quoted when it is made of digits and signs alone: no name is. */
	private static String countShown(String group, String value) {
		String what = "Columna " + group.replace('-', '_');
		return (value.length() <= 12 && value.chars().allMatch((c) -> "0123456789-+.,".indexOf(c) >= 0))
				? what + ": '" + value + "'" : what + ": valor de " + value.length() + " caracteres (no se muestra)";
	}

	private LocalDate parseDate(String raw) {
		String text = raw.strip();
		for (DateFormat format : this.dateFormats) {
			LocalDate date = format.parse(text);
			if (date != null) {
				return date;
			}
		}
		return null;
	}

	private static int day(LocalDate date) {
		return date.getYear() * 10000 + date.getMonthValue() * 100 + date.getDayOfMonth();
	}

}
