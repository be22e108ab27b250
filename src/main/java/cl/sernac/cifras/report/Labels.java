package cl.sernac.cifras.report;

import cl.sernac.cifras.support.ChileanFormat;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import cl.sernac.cifras.normalize.RejectReason;
import cl.sernac.cifras.normalize.WarningKind;
import cl.sernac.cifras.reading.RecordType;
import cl.sernac.cifras.reading.SoniSubtype;

/**
 * Spanish words for the codes of the store, as the report puts them in tables and
 * sentences: record types and SONI subtypes (their words are on {@link RecordType} and
 * {@link SoniSubtype}), reasons for rejecting a row, kinds of warning. A code the
 * vocabulary does not hold is shown as it is.
 */
final class Labels {

	/** What the abbreviation SONI stands for, said once where a reader first meets it. */
	static final String SONI_IN_FULL = "«Su opinión nos interesa»";

	private Labels() {
	}

	/** {@code Consultas}, as a title or a table cell. */
	static String type(String code) {
		return RecordType.ofCode(code).map(RecordType::title).orElse(code);
	}

	/** {@code consultas}, inside a sentence. */
	static String typePlural(String code) {
		return RecordType.ofCode(code).map(RecordType::plural).orElse(code);
	}

	/** {@code las consultas}, {@code los reclamos}, inside a sentence. */
	static String typeWithArticle(String code) {
		return RecordType.ofCode(code).map((type) -> type.article() + " " + type.plural()).orElse(code);
	}

	/** {@code consultas recibidas}, {@code reclamos recibidos}. */
	static String typeReceived(String code) {
		return RecordType.ofCode(code).map((type) -> type.plural() + " " + type.participle()).orElse(code + " " + code);
	}

	/** {@code 1 consulta}, {@code 98.305 consultas}. */
	static String typeCount(String code, long count) {
		String noun = RecordType.ofCode(code)
			.map((type) -> (count == 1) ? type.singular() : type.plural())
			.orElse(code);
		return ChileanFormat.integer(count) + " " + noun;
	}

	/** {@code Sugerencia}; {@code Sin subtipo} for a SONI without one. */
	static String subtype(String code) {
		if ("".equals(code)) {
			return SoniSubtype.NONE_TITLE;
		}
		return SoniSubtype.ofCode(code).map(SoniSubtype::title).orElse(code);
	}

	/** {@code 1 sugerencia}, {@code 5 sugerencias}, {@code 60 disconformidades}. */
	static String subtypeCount(String code, long count) {
		return ChileanFormat.integer(count) + " " + subtypeNoun(code, count);
	}

	/** The noun that goes after a count: {@code sugerencia} after 1, else its plural. */
	static String subtypeNoun(String code, long count) {
		String singular = subtype(code).toLowerCase(Locale.forLanguageTag("es-CL"));
		if (count == 1) {
			return singular;
		}
		if ("".equals(code)) {
			return SoniSubtype.NONE_PLURAL;
		}
		return SoniSubtype.ofCode(code).map(SoniSubtype::plural).orElse(singular);
	}

	static List<String> reasonCodes() {
		return Arrays.stream(RejectReason.values()).map(RejectReason::code).toList();
	}

	/** Short enough for a column header. */
	static String reason(String code) {
		return RejectReason.ofCode(code).label();
	}

	static String reasonMessage(String code) {
		return RejectReason.ofCode(code).message();
	}

	static List<String> warningCodes() {
		return Arrays.stream(WarningKind.values()).map(WarningKind::code).toList();
	}

	/** Short enough for a column header. */
	static String warning(String code) {
		return WarningKind.ofCode(code).label();
	}

	static String warningMessage(String code) {
		return WarningKind.ofCode(code).message();
	}

}
