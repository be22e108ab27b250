package cl.sernac.cifras.normalize;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cl.sernac.cifras.report.ChileanFormat;
import cl.sernac.cifras.source.ExportRow;
import cl.sernac.cifras.source.SourceProfile;

import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * Validates one row and turns it into codes (SPEC rules 3, 4 and 5): the record's key,
 * type, channel, intake day, comuna and region codes, the RUT's keyed hash and the
 * central folio. Names and free text are never read.
 */
public class RecordNormalizer implements ItemProcessor<ExportRow, RowOutcome> {

	private static final int FIRST_YEAR = 2000;

	/** What the store keeps of a key, a folio and an institution (intake_record). */
	static final int MAX_KEY_CHARS = 400;

	static final int MAX_FOLIO_CHARS = 60;

	static final int MAX_ORGANIZATION_CHARS = 200;

	private static final int MAX_DETAIL = 60;

	private final SourceProfile profile;

	private final Territory territory;

	private final RutHasher rutHasher;

	private final LocalDate runDate;

	private final List<DateFormat> dateFormats;

	private final Map<String, String> types;

	private final Map<String, String> subtypes;

	private final Map<String, String> channels;

	public RecordNormalizer(SourceProfile profile, Territory territory, RutHasher rutHasher, LocalDate runDate) {
		this.profile = profile;
		this.territory = territory;
		this.rutHasher = rutHasher;
		this.runDate = runDate;
		this.dateFormats = profile.dateFormats().stream().map(DateFormat::of).toList();
		this.types = byFoldedValue(profile.typeValues());
		this.subtypes = byFoldedValue(profile.subtypeValues());
		this.channels = byFoldedValue(profile.channelValues());
	}

	@Override
	public RowOutcome process(ExportRow row) {
		if (row.problem() != null) {
			return rejectProblem(row);
		}
		StringBuilder key = new StringBuilder();
		for (int i = 0; i < row.keyParts().length; i++) {
			String part = Text.fold(row.keyParts()[i]);
			if (part.isEmpty()) {
				return new RowOutcome.Rejected(row.line(), RejectReason.MISSING_KEY,
						"Columna " + this.profile.keyColumns().get(i) + " vacía");
			}
			if (i > 0) {
				key.append('|');
			}
			key.append(part);
		}
		LocalDate date = parseDate(row.date());
		if (date == null) {
			return new RowOutcome.Rejected(row.line(), RejectReason.BAD_DATE, "Fecha '" + shown(row.date()) + "'");
		}
		if (date.getYear() < FIRST_YEAR || date.isAfter(this.runDate)) {
			return new RowOutcome.Rejected(row.line(), RejectReason.DATE_OUT_OF_RANGE,
					"Fecha " + date + ", ejecución del " + this.runDate);
		}
		String type = this.types.get(Text.fold(row.type()));
		if (type == null) {
			return new RowOutcome.Rejected(row.line(), RejectReason.UNKNOWN_TYPE, "Tipo '" + shown(row.type()) + "'");
		}
		String subtype = null;
		if ("SONI".equals(type)) {
			subtype = this.subtypes.get(Text.fold(row.subtype()));
			if (subtype == null) {
				return new RowOutcome.Rejected(row.line(), RejectReason.UNKNOWN_TYPE,
						"Subtipo SONI '" + shown(row.subtype()) + "'");
			}
		}
		List<WarningKind> warnings = new ArrayList<>(0);
		String channel = channel(row, warnings);
		String rutHash = rutHash(row.rut(), warnings);
		String regionCode = null;
		if (!Text.isBlank(row.region())) {
			regionCode = this.territory.regionCode(row.region()).orElse(null);
			if (regionCode == null) {
				warnings.add(WarningKind.REGION_UNKNOWN);
			}
		}
		String comunaCode = null;
		if (!Text.isBlank(row.comuna())) {
			comunaCode = this.territory.comunaCode(row.comuna()).orElse(null);
			if (comunaCode == null) {
				warnings.add(WarningKind.COMUNA_UNKNOWN);
			}
		}
		String placeCode = Text.isBlank(row.place()) ? null : this.territory.comunaCode(row.place()).orElse(null);
		if (placeCode == null && !Text.isBlank(row.place()) && Text.isBlank(row.comuna())) {
			warnings.add(WarningKind.COMUNA_UNKNOWN);
		}
		String folio = this.profile.central() ? key.toString() : emptyToNull(Text.fold(row.folio()));
		String organization = emptyToNull(Text.fold(row.organization()));
		String tooLong = tooLong(key.toString(), MAX_KEY_CHARS, "La clave")
			.or(() -> tooLong(folio, MAX_FOLIO_CHARS, "El folio"))
			.or(() -> tooLong(organization, MAX_ORGANIZATION_CHARS, "La institución"))
			.orElse(null);
		if (tooLong != null) {
			return new RowOutcome.Rejected(row.line(), RejectReason.VALUE_TOO_LONG, tooLong);
		}
		int intakeDay = date.getYear() * 10000 + date.getMonthValue() * 100 + date.getDayOfMonth();
		return new RowOutcome.Accepted(row.line(), key.toString(), type, subtype, channel, intakeDay, comunaCode,
				regionCode, rutHash, folio, organization, placeCode, warnings);
	}

	private static Optional<String> tooLong(String value, int max, String what) {
		return (value != null && value.length() > max)
				? Optional
					.of(what + " tiene " + ChileanFormat.integer(value.length()) + " caracteres (máximo " + max + ")")
				: Optional.empty();
	}

	private RowOutcome rejectProblem(ExportRow row) {
		return switch (row.problem()) {
			case FIELD_COUNT -> new RowOutcome.Rejected(row.line(), RejectReason.FIELD_COUNT,
					row.fieldCount() + " campos; el encabezado tiene " + row.headerFieldCount());
			case UNBALANCED_QUOTE -> new RowOutcome.Rejected(row.line(), RejectReason.UNBALANCED_QUOTE, "");
			case LINE_TOO_LONG -> new RowOutcome.Rejected(row.line(), RejectReason.LINE_TOO_LONG, "");
			case CONTROL_CHARACTERS -> new RowOutcome.Rejected(row.line(), RejectReason.CONTROL_CHARACTERS, "");
		};
	}

	private String channel(ExportRow row, List<WarningKind> warnings) {
		if (this.profile.channelColumn() == null || this.profile.channelColumn().isBlank()) {
			return this.profile.channel();
		}
		String channel = this.channels.get(Text.fold(row.channel()));
		if (channel == null) {
			warnings.add(WarningKind.CHANNEL_UNKNOWN);
			return this.profile.channel();
		}
		return channel;
	}

	private String rutHash(String raw, List<WarningKind> warnings) {
		RutCheck check = Rut.check(raw);
		return switch (check.status()) {
			case EMPTY -> null;
			case VALID -> this.rutHasher.hash(check.canonical());
			case INVALID -> {
				warnings.add(WarningKind.RUT_INVALID);
				yield null;
			}
		};
	}

	private LocalDate parseDate(String raw) {
		if (Text.isBlank(raw)) {
			return null;
		}
		String text = raw.strip();
		for (DateFormat format : this.dateFormats) {
			LocalDate date = format.parse(text);
			if (date != null) {
				return date;
			}
		}
		return null;
	}

	private static Map<String, String> byFoldedValue(Map<String, List<String>> valuesByCode) {
		Map<String, String> codeByValue = new HashMap<>();
		valuesByCode.forEach((code, values) -> values.forEach((value) -> codeByValue.put(Text.fold(value), code)));
		return codeByValue;
	}

	private static String emptyToNull(String value) {
		return (value == null || value.isEmpty()) ? null : value;
	}

	/** A raw value shown in a reject message: short, without control characters. */
	private static String shown(String raw) {
		if (raw == null) {
			return "";
		}
		String clean = PersonalData.mask(raw.strip().replaceAll("\\p{Cntrl}", "?"));
		return (clean.length() > MAX_DETAIL) ? clean.substring(0, MAX_DETAIL) + "…" : clean;
	}

}
