package cl.sernac.cifras.normalize;

import cl.sernac.cifras.support.PersonalData;
import cl.sernac.cifras.support.Text;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import cl.sernac.cifras.support.ChileanFormat;
import cl.sernac.cifras.reading.ExportRow;
import cl.sernac.cifras.reading.SourceProfile;

import cl.sernac.cifras.reading.RecordType;
import cl.sernac.cifras.reading.SoniSubtype;
import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * Validates one row and turns it into codes (SPEC rules 3, 4 and 5): the record's key,
 * type, channel, intake day, comuna and region codes, the RUT's keyed hash and the
 * central folio. Names and free text are never read.
 *
 * <p>
 * Personal data typed in the wrong column goes no further: a reject detail quotes a value
 * only when it cannot be a name or a RUT (see {@link #dateShown} and {@link #codeShown}),
 * and a key, folio or institution that holds a RUT or looks like a person's name is not
 * stored as text (see {@link #storable}).
 */
public class RecordNormalizer implements ItemProcessor<ExportRow, RowOutcome> {

	private static final int FIRST_YEAR = 2000;

	/** What the store keeps of a key, a folio and an institution (intake_record). */
	static final int MAX_KEY_CHARS = 400;

	static final int MAX_FOLIO_CHARS = 60;

	static final int MAX_ORGANIZATION_CHARS = 200;

	/** A type or subtype value this short is quoted in a reject detail: no name is. */
	private static final int MAX_CODE_SHOWN = 2;

	/**
	 * Words that make a value of several words an institution's name rather than a
	 * person's (folded).
	 */
	private static final Set<String> INSTITUTION_WORDS = Set.of("MUNICIPALIDAD", "MUNICIPIO", "MUNICIPAL",
			"GOBERNACION", "DELEGACION", "PROVINCIAL", "PRESIDENCIAL", "ILUSTRE", "SERVICIO", "SERVICIOS", "MINISTERIO",
			"SUBSECRETARIA", "SECRETARIA", "SEREMI", "INTENDENCIA", "SUPERINTENDENCIA", "CORPORACION", "FUNDACION",
			"INSTITUTO", "DIRECCION", "DEPARTAMENTO", "OFICINA", "TESORERIA", "REGISTRO", "CHILE", "CHILEATIENDE",
			"SERNAC", "CONVENIO", "CENTRO", "UNIVERSIDAD", "HOSPITAL", "CONSULTORIO", "JUZGADO", "TRIBUNAL", "CAMARA",
			"ASOCIACION", "BANCO", "COMPANIA", "EMPRESA", "PLATAFORMA", "PROGRAMA", "CIVIL", "NACIONAL", "REGIONAL",
			"GOBIERNO");

	private static final Set<String> TYPE_CODES = Set.copyOf(RecordType.codes());

	private static final Set<String> SUBTYPE_CODES = Set.copyOf(SoniSubtype.codes());

	private final SourceProfile profile;

	private final Territory territory;

	private final RutHasher rutHasher;

	private final LocalDate runDate;

	private final List<DateFormat> dateFormats;

	private final Map<String, String> types;

	private final Map<String, String> subtypes;

	private final Map<String, String> channels;

	private final SourceProfile.Kind kind;

	/** Lawsuits and activities, when the profile's rows are such. */
	private final AccountRows accountRows;

	public RecordNormalizer(SourceProfile profile, Territory territory, RutHasher rutHasher, LocalDate runDate) {
		this.profile = profile;
		this.territory = territory;
		this.rutHasher = rutHasher;
		this.runDate = runDate;
		this.dateFormats = profile.dateFormats().stream().map(DateFormat::of).toList();
		this.types = byFoldedValue(profile.typeValues());
		this.subtypes = byFoldedValue(profile.subtypeValues());
		acceptCode(this.types, profile.constants().get("type"), TYPE_CODES);
		acceptCode(this.types, profile.defaults().get("type"), TYPE_CODES);
		acceptCode(this.subtypes, profile.constants().get("subtype"), SUBTYPE_CODES);
		acceptCode(this.subtypes, profile.defaults().get("subtype"), SUBTYPE_CODES);
		this.channels = byFoldedValue(profile.channelValues());
		this.kind = profile.recordKind();
		this.accountRows = (this.kind != SourceProfile.Kind.CASO) ? new AccountRows(profile, this.dateFormats) : null;
	}

	@Override
	public RowOutcome process(ExportRow row) {
		if (row.problem() != null) {
			return rejectProblem(row);
		}
		StringBuilder key = new StringBuilder();
		StringBuilder storedKey = new StringBuilder();
		for (int i = 0; i < row.keyParts().length; i++) {
			String part = Text.fold(row.keyParts()[i]);
			if (part.isEmpty()) {
				return new RowOutcome.Rejected(row.line(), RejectReason.MISSING_KEY,
						"Columna " + this.profile.keyColumns().get(i) + " vacía");
			}
			if (i > 0) {
				key.append('|');
				storedKey.append('|');
			}
			key.append(part);
			storedKey.append(storable(part));
		}
		LocalDate date = parseDate(row.date());
		if (date == null) {
			return new RowOutcome.Rejected(row.line(), RejectReason.BAD_DATE, dateShown(row.date()));
		}
		if (date.getYear() < FIRST_YEAR || date.isAfter(this.runDate)) {
			return new RowOutcome.Rejected(row.line(), RejectReason.DATE_OUT_OF_RANGE,
					"Fecha " + date + ", ejecución del " + this.runDate);
		}
		if (this.kind != SourceProfile.Kind.CASO) {
			List<WarningKind> warnings = new ArrayList<>(0);
			String comunaCode = comunaCode(row.comuna(), warnings);
			return (this.kind == SourceProfile.Kind.JUICIO)
					? this.accountRows.lawsuit(row, storedKey.toString(), date, comunaCode, this.runDate, warnings)
					: this.accountRows.activity(row, storedKey.toString(), date, comunaCode, warnings);
		}
		String type = this.types.get(Text.fold(row.type()));
		if (type == null) {
			return new RowOutcome.Rejected(row.line(), RejectReason.UNKNOWN_TYPE, codeShown("Tipo", row.type()));
		}
		String subtype = null;
		if (RecordType.SONI.is(type)) {
			subtype = this.subtypes.get(Text.fold(row.subtype()));
			if (subtype == null) {
				return new RowOutcome.Rejected(row.line(), RejectReason.UNKNOWN_TYPE,
						codeShown("Subtipo SONI", row.subtype()));
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
		String programme = emptyToNull(Text.fold(row.field("programme")));
		String tooLong = tooLong(key.toString(), MAX_KEY_CHARS, "La clave")
			.or(() -> tooLong(folio, MAX_FOLIO_CHARS, "El folio"))
			.or(() -> tooLong(organization, MAX_ORGANIZATION_CHARS, "La institución"))
			.or(() -> tooLong(programme, MAX_ORGANIZATION_CHARS, "El programa"))
			.orElse(null);
		if (tooLong != null) {
			return new RowOutcome.Rejected(row.line(), RejectReason.VALUE_TOO_LONG, tooLong);
		}
		String storedFolio = this.profile.central() ? storedKey.toString() : (folio != null) ? storable(folio) : null;
		String storedOrganization = (organization != null) ? storable(organization) : null;
		int intakeDay = date.getYear() * 10000 + date.getMonthValue() * 100 + date.getDayOfMonth();
		String storedProgramme = (programme != null) ? storable(programme) : null;
		return new RowOutcome.Accepted(row.line(), storedKey.toString(), type, subtype, channel, intakeDay, comunaCode,
				regionCode, rutHash, storedFolio, storedOrganization, placeCode, storedProgramme, null, warnings);
	}

	private String comunaCode(String comuna, List<WarningKind> warnings) {
		if (Text.isBlank(comuna)) {
			return null;
		}
		String code = this.territory.comunaCode(comuna).orElse(null);
		if (code == null) {
			warnings.add(WarningKind.COMUNA_UNKNOWN);
		}
		return code;
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
		if (!this.profile.readsChannel()) {
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

	/**
	 * A constant or default type given as a code ({@code RECLAMO}) means that code, even
	 * when no value of the profile's list is spelled so; cells are not affected.
	 */
	private static void acceptCode(Map<String, String> codeByValue, String value, Set<String> codes) {
		String folded = Text.fold(value);
		if (value != null && !codeByValue.containsKey(folded) && codes.contains(folded)) {
			codeByValue.put(folded, folded);
		}
	}

	private static Map<String, String> byFoldedValue(Map<String, List<String>> valuesByCode) {
		Map<String, String> codeByValue = new HashMap<>();
		valuesByCode.forEach((code, values) -> values.forEach((value) -> codeByValue.put(Text.fold(value), code)));
		return codeByValue;
	}

	private static String emptyToNull(String value) {
		return (value == null || value.isEmpty()) ? null : value;
	}

	/**
	 * A key part, folio or institution as stored: as it is, unless it holds a RUT or
	 * looks like a person's name (two words or more that are neither a comuna nor an
	 * institution), then its keyed stand-in ({@link RutHasher#pseudonym}). The same value
	 * always gives the same stand-in, so keys stay distinct, folios still meet their
	 * central key, and an institution is counted once whatever it is called: a record is
	 * never dropped or moved by this, only its text is not kept.
	 */
	private String storable(String folded) {
		boolean name = PersonalData.holdsWords(folded) && !isInstitution(folded)
				&& this.territory.comunaCode(folded).isEmpty();
		return (name || PersonalData.holdsRut(folded)) ? this.rutHasher.pseudonym(folded) : folded;
	}

	/**
	 * Whether a value names an institution (municipality, partner service) rather than a
	 * person: one word ({@code CHILEATIENDE}) or words with one of
	 * {@link #INSTITUTION_WORDS}, and no RUT.
	 */
	private static boolean isInstitution(String folded) {
		if (PersonalData.holdsRut(folded)) {
			return false;
		}
		if (!PersonalData.holdsWords(folded)) {
			return true;
		}
		for (String word : folded.split("[^A-Z0-9]+")) {
			if (INSTITUTION_WORDS.contains(word)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The detail of a bad date. The value is quoted only when it is made of digits and
	 * date or time separators alone, so it cannot be a name; among those, one shaped like
	 * a RUT is hidden unless it is eight digits that read as a date ({@code 20150631}:
	 * year, month and day, or day, month and year, with the month and day in range).
	 * Anything with letters or other signs is described by its length only.
	 */
	static String dateShown(String raw) {
		String value = (raw == null) ? "" : raw.strip();
		if (value.isEmpty()) {
			return "Fecha vacía";
		}
		if (!value.chars().allMatch((c) -> (c >= '0' && c <= '9') || "/-.: T".indexOf(c) >= 0) || value.length() > 30) {
			return "Fecha de " + length(value) + " con letras u otros signos (no se muestra)";
		}
		if (PersonalData.holdsRut(value) && !eightDigitDate(value)) {
			return "Fecha con forma de RUT (no se muestra)";
		}
		if (!DATE_SHAPE.matcher(value).matches() && !eightDigitDate(value)) {
			// digits grouped as no date is (12.345.678, 12:345:678): maybe a RUT's body
			return "Fecha de " + length(value) + " sin forma de fecha (no se muestra)";
		}
		return "Fecha '" + value + "'";
	}

	/**
	 * The shapes of a date, with or without a time, whatever its order and separators:
	 * groups of at most four digits, the middle one of at most two ({@code 31/02/2015},
	 * {@code 2015-06-31 10:00:00}, {@code 2015-06-31T10:00}).
	 */
	private static final java.util.regex.Pattern DATE_SHAPE = java.util.regex.Pattern
		.compile("\\d{1,4}[-/.]\\d{1,2}[-/.]\\d{1,4}(?:[ T]\\d{1,2}:\\d{1,2}(?::\\d{1,2}(?:\\.\\d{1,9})?)?)?");

	private static boolean eightDigitDate(String value) {
		if (value.length() != 8 || !value.chars().allMatch((c) -> c >= '0' && c <= '9')) {
			return false;
		}
		int first4 = Integer.parseInt(value.substring(0, 4));
		int last4 = Integer.parseInt(value.substring(4));
		return (yearLike(first4) && monthDay(last4 / 100, last4 % 100))
				|| (yearLike(last4) && monthDay(first4 % 100, first4 / 100));
	}

	private static boolean yearLike(int year) {
		return year >= 1900 && year <= 2099;
	}

	private static boolean monthDay(int month, int day) {
		return month >= 1 && month <= 12 && day >= 1 && day <= 31;
	}

	/**
	 * The detail of an unknown type or subtype. The column is free text that could hold a
	 * name, so the value is quoted only when it has at most {@value #MAX_CODE_SHOWN}
	 * letters or digits ({@code X}, {@code R2}): no name or RUT is that short. Otherwise
	 * only its length is said.
	 */
	static String codeShown(String what, String raw) {
		String value = (raw == null) ? "" : raw.strip();
		if (value.isEmpty()) {
			return what + " vacío";
		}
		if (value.length() <= MAX_CODE_SHOWN && value.chars().allMatch(Character::isLetterOrDigit)) {
			return what + " '" + value + "'";
		}
		return what + " de " + length(value) + " (no se muestra)";
	}

	private static String length(String value) {
		int characters = value.codePointCount(0, value.length());
		return (characters == 1) ? "1 carácter" : ChileanFormat.integer(characters) + " caracteres";
	}

}
