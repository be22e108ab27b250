package cl.sernac.cifras.reading;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * What a SONI is about, in the order every table and card lists the subtypes, with the
 * code profiles map values to and the store keeps, and the Spanish words the report uses.
 */
public enum SoniSubtype {

	DISCONFORMIDAD("Disconformidad", "disconformidades"),

	RECONOCIMIENTO("Reconocimiento", "reconocimientos"),

	SUGERENCIA("Sugerencia", "sugerencias");

	/** How the report names a SONI without subtype (stored with an empty subtype). */
	public static final String NONE_TITLE = "Sin subtipo";

	/** The same, inside a sentence. */
	public static final String NONE_PLURAL = "sin subtipo";

	private static final List<String> CODES = Arrays.stream(values()).map(SoniSubtype::code).toList();

	private final String title;

	private final String plural;

	SoniSubtype(String title, String plural) {
		this.title = title;
		this.plural = plural;
	}

	/** The code profiles map values to and the store keeps: {@code SUGERENCIA}. */
	public String code() {
		return name();
	}

	/** {@code Sugerencia}, as a table cell; in lower case, the singular in a sentence. */
	public String title() {
		return this.title;
	}

	/** {@code sugerencias}, inside a sentence. */
	public String plural() {
		return this.plural;
	}

	/** The codes in the order every list of subtypes follows. */
	public static List<String> codes() {
		return CODES;
	}

	public static Optional<SoniSubtype> ofCode(String code) {
		return Arrays.stream(values()).filter((subtype) -> subtype.code().equals(code)).findFirst();
	}

}
