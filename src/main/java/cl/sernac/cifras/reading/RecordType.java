package cl.sernac.cifras.reading;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The types of record a case can be, in the order every table, chart and sentence lists
 * them, with the code profiles map values to and the store keeps, and the Spanish words
 * the report uses for them.
 */
public enum RecordType {

	CONSULTA("Consultas", "consultas", "consulta", "recibidas", "las"),

	RECLAMO("Reclamos", "reclamos", "reclamo", "recibidos", "los"),

	/** «Su opinión nos interesa»: an opinion about SERNAC's own service. */
	SONI("SONI", "SONI", "SONI", "recibidos", "los");

	private static final List<String> CODES = Arrays.stream(values()).map(RecordType::code).toList();

	private final String title;

	private final String plural;

	private final String singular;

	private final String participle;

	private final String article;

	RecordType(String title, String plural, String singular, String participle, String article) {
		this.title = title;
		this.plural = plural;
		this.singular = singular;
		this.participle = participle;
		this.article = article;
	}

	/** The code profiles map values to and the store keeps: {@code CONSULTA}. */
	public String code() {
		return name();
	}

	/** {@code Consultas}, as a title or a table cell. */
	public String title() {
		return this.title;
	}

	/** {@code consultas}, inside a sentence. */
	public String plural() {
		return this.plural;
	}

	/** {@code consulta}, after a count of one. */
	public String singular() {
		return this.singular;
	}

	/**
	 * {@code recibidas}, {@code recibidos}: the participle that agrees with the plural
	 * (consulta is feminine, reclamo and SONI masculine).
	 */
	public String participle() {
		return this.participle;
	}

	/** {@code las}, {@code los}: the plural's article. */
	public String article() {
		return this.article;
	}

	/** Whether a code from the store or a profile is this type's. */
	public boolean is(String code) {
		return code().equals(code);
	}

	/** The codes in the order every list of types follows. */
	public static List<String> codes() {
		return CODES;
	}

	public static Optional<RecordType> ofCode(String code) {
		return Arrays.stream(values()).filter((type) -> type.is(code)).findFirst();
	}

}
