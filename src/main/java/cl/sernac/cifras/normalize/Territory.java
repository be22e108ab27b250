package cl.sernac.cifras.normalize;

import cl.sernac.cifras.support.Text;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Catalog of Chile's regions and comunas (official CUT codes), with recognition of the
 * spellings found in the exports.
 * <p>
 * Loaded from the classpath resources {@code reference/regiones.csv},
 * {@code reference/comunas.csv} and {@code reference/aliases.csv}. Instances are
 * immutable and thread-safe; loading parses files, so callers should load once and share
 * the instance. Recognition runs per row, so every spelling is pre-registered under its
 * {@link Text#fold folded} form and a lookup is one or two hash lookups.
 */
public final class Territory {

	static final String REGIONS_RESOURCE = "reference/regiones.csv";

	static final String COMUNAS_RESOURCE = "reference/comunas.csv";

	static final String ALIASES_RESOURCE = "reference/aliases.csv";

	/**
	 * Words ignored when matching region names, so that "Región del Maule", "Maule" and
	 * "Region de la Araucania" / "Araucania" meet.
	 */
	private static final Set<String> REGION_FILLER_WORDS = Set.of("REGION", "REG", "DE", "DEL", "LA", "LAS", "LOS",
			"EL");

	private final Map<String, Region> regions = new TreeMap<>();

	private final Map<String, Comuna> comunas = new TreeMap<>();

	private final Map<String, List<String>> comunasByRegion = new HashMap<>();

	/** Folded spelling (code, numeral, name, official name, alias) to region code. */
	private final Map<String, String> regionCodeByName = new HashMap<>();

	/** Same spellings reduced by {@link #looseRegionKey(String)}. */
	private final Map<String, String> regionCodeByLooseName = new HashMap<>();

	/** Folded comuna name or alias to comuna code. */
	private final Map<String, String> comunaCodeByName = new HashMap<>();

	/**
	 * Same names reduced by {@link #compactKey(String)}: "Llay-Llay" = "Llay Llay" =
	 * "LlayLlay".
	 */
	private final Map<String, String> comunaCodeByCompactName = new HashMap<>();

	private Territory(List<Map<String, String>> regionRows, List<Map<String, String>> comunaRows,
			List<Map<String, String>> aliasRows) {
		regionRows.forEach(this::addRegion);
		comunaRows.forEach(this::addComuna);
		aliasRows.forEach(this::addAlias);
		this.comunasByRegion.replaceAll((region, codes) -> codes.stream().sorted().toList());
	}

	/**
	 * Load the catalog from the classpath reference files.
	 * @return a new, immutable catalog
	 * @throws IllegalStateException if a file is missing or inconsistent
	 * @throws java.io.UncheckedIOException if a file cannot be read
	 */
	public static Territory load() {
		return new Territory(
				ReferenceCsv.read(REGIONS_RESOURCE, "region_code", "roman_numeral", "region_name", "official_name"),
				ReferenceCsv.read(COMUNAS_RESOURCE, "region_code", "comuna_code", "comuna_name"),
				ReferenceCsv.read(ALIASES_RESOURCE, "level", "code", "alias"));
	}

	/**
	 * Recognise a region given as a code ({@code 05}, {@code 5}), a Roman numeral
	 * ({@code V}, {@code XIII}, {@code RM}), a name or official name in any case, accents
	 * and spacing ({@code VALPARAISO}, {@code Región de Valparaíso},
	 * {@code Region del Maule}), a known alias ({@code VALPO}, {@code Metropolitana},
	 * {@code O'Higgins}), or a numeral followed by the matching name
	 * ({@code V Región de Valparaíso}).
	 * @param raw the field as read, may be {@code null}
	 * @return the 2-digit region code, or empty when blank or not recognised
	 */
	public Optional<String> regionCode(String raw) {
		if (Text.isBlank(raw)) {
			return Optional.empty();
		}
		String folded = Text.fold(raw);
		String code = this.regionCodeByName.get(folded);
		if (code == null) {
			code = regionCodeByLooseName(looseRegionKey(folded));
		}
		return Optional.ofNullable(code);
	}

	/**
	 * Recognise a comuna given by its official name or a known alias, in any case,
	 * accents and spacing, with hyphens, apostrophes and spaces not significant
	 * ({@code Viña del Mar}, {@code VINA DEL MAR}, {@code La Calera}, {@code Llay Llay}).
	 * A 5-digit comuna code ({@code 05101}, or {@code 5101}) is also accepted. Comuna
	 * names are unique nationwide, so no region is needed.
	 * @param raw the field as read, may be {@code null}
	 * @return the 5-digit comuna code, or empty when blank or not recognised
	 */
	public Optional<String> comunaCode(String raw) {
		if (Text.isBlank(raw)) {
			return Optional.empty();
		}
		String folded = Text.fold(raw);
		String code = this.comunaCodeByName.get(folded);
		if (code == null) {
			code = this.comunaCodeByCompactName.get(compactKey(folded));
		}
		if (code == null && isDigits(folded) && (folded.length() == 4 || folded.length() == 5)) {
			String padded = (folded.length() == 4) ? "0" + folded : folded;
			code = this.comunas.containsKey(padded) ? padded : null;
		}
		return Optional.ofNullable(code);
	}

	/**
	 * The region's name with accents, e.g. {@code Valparaíso}.
	 * @param code a 2-digit region code
	 * @return the name
	 * @throws IllegalArgumentException if the code is unknown
	 */
	public String regionName(String code) {
		return region(code).name();
	}

	/**
	 * The region's full official name, e.g. {@code Región de Valparaíso}.
	 * @param code a 2-digit region code
	 * @return the official name
	 * @throws IllegalArgumentException if the code is unknown
	 */
	public String regionOfficialName(String code) {
		return region(code).officialName();
	}

	/**
	 * The comuna's official name with accents, e.g. {@code Viña del Mar}.
	 * @param code a 5-digit comuna code
	 * @return the name
	 * @throws IllegalArgumentException if the code is unknown
	 */
	public String comunaName(String code) {
		return comuna(code).name();
	}

	/**
	 * The region a comuna belongs to.
	 * @param comunaCode a 5-digit comuna code
	 * @return the 2-digit region code
	 * @throws IllegalArgumentException if the code is unknown
	 */
	public String regionOfComuna(String comunaCode) {
		return comuna(comunaCode).regionCode();
	}

	/**
	 * The comunas of a region.
	 * @param regionCode a 2-digit region code
	 * @return the comuna codes, sorted, unmodifiable
	 * @throws IllegalArgumentException if the code is unknown
	 */
	public List<String> comunasOfRegion(String regionCode) {
		region(regionCode);
		return this.comunasByRegion.getOrDefault(regionCode, List.of());
	}

	/**
	 * All region codes.
	 * @return the 2-digit codes, sorted, unmodifiable
	 */
	public List<String> regionCodes() {
		return List.copyOf(this.regions.keySet());
	}

	/**
	 * Number of comunas in the catalog (346).
	 * @return the count
	 */
	public int comunaCount() {
		return this.comunas.size();
	}

	/**
	 * Number of regions in the catalog (16).
	 * @return the count
	 */
	public int regionCount() {
		return this.regions.size();
	}

	private Region region(String code) {
		Region region = (code != null) ? this.regions.get(code) : null;
		if (region == null) {
			throw new IllegalArgumentException("Unknown region code: " + code);
		}
		return region;
	}

	private Comuna comuna(String code) {
		Comuna comuna = (code != null) ? this.comunas.get(code) : null;
		if (comuna == null) {
			throw new IllegalArgumentException("Unknown comuna code: " + code);
		}
		return comuna;
	}

	private String regionCodeByLooseName(String loose) {
		if (loose.isEmpty()) {
			return null;
		}
		String code = this.regionCodeByLooseName.get(loose);
		if (code != null) {
			return code;
		}
		// "V Region de Valparaiso", "13 Metropolitana": accept a numeral and a name
		// only when both designate the same region.
		int space = loose.indexOf(' ');
		if (space < 0) {
			return null;
		}
		String head = this.regionCodeByLooseName.get(loose.substring(0, space));
		String tail = this.regionCodeByLooseName.get(loose.substring(space + 1));
		return (head != null && head.equals(tail)) ? head : null;
	}

	private void addRegion(Map<String, String> row) {
		Region region = new Region(row.get("region_code"), row.get("roman_numeral"), row.get("region_name"),
				row.get("official_name"));
		if (!region.code().matches("\\d{2}")) {
			throw new IllegalStateException("Bad region code in " + REGIONS_RESOURCE + ": " + region.code());
		}
		if (this.regions.putIfAbsent(region.code(), region) != null) {
			throw new IllegalStateException("Duplicate region code in " + REGIONS_RESOURCE + ": " + region.code());
		}
		registerRegion(region.code(), region.code());
		registerRegion(String.valueOf(Integer.parseInt(region.code())), region.code());
		registerRegion(region.romanNumeral(), region.code());
		registerRegion(region.name(), region.code());
		registerRegion(region.officialName(), region.code());
	}

	private void addComuna(Map<String, String> row) {
		Comuna comuna = new Comuna(row.get("comuna_code"), row.get("comuna_name"), row.get("region_code"));
		if (!comuna.code().matches("\\d{5}") || !comuna.code().startsWith(comuna.regionCode())) {
			throw new IllegalStateException("Bad comuna code in " + COMUNAS_RESOURCE + ": " + comuna.code());
		}
		region(comuna.regionCode());
		if (this.comunas.putIfAbsent(comuna.code(), comuna) != null) {
			throw new IllegalStateException("Duplicate comuna code in " + COMUNAS_RESOURCE + ": " + comuna.code());
		}
		this.comunasByRegion.computeIfAbsent(comuna.regionCode(), (key) -> new ArrayList<>()).add(comuna.code());
		registerComuna(comuna.name(), comuna.code());
	}

	private void addAlias(Map<String, String> row) {
		String level = row.get("level");
		String code = row.get("code");
		String alias = row.get("alias");
		switch (level) {
			case "region" -> {
				region(code);
				registerRegion(alias, code);
			}
			case "comuna" -> {
				comuna(code);
				registerComuna(alias, code);
			}
			default -> {
				// Other levels (province) are not used by the pipeline.
			}
		}
	}

	private void registerRegion(String spelling, String code) {
		String folded = Text.fold(spelling);
		if (folded.isEmpty()) {
			return;
		}
		register(this.regionCodeByName, folded, code, spelling);
		String loose = looseRegionKey(folded);
		if (!loose.isEmpty()) {
			register(this.regionCodeByLooseName, loose, code, spelling);
		}
	}

	private void registerComuna(String spelling, String code) {
		String folded = Text.fold(spelling);
		if (folded.isEmpty()) {
			return;
		}
		register(this.comunaCodeByName, folded, code, spelling);
		register(this.comunaCodeByCompactName, compactKey(folded), code, spelling);
	}

	/** Reference data must never make a spelling ambiguous: fail loudly if it does. */
	private static void register(Map<String, String> index, String key, String code, String spelling) {
		String previous = index.putIfAbsent(key, code);
		if (previous != null && !previous.equals(code)) {
			throw new IllegalStateException(
					"Ambiguous spelling '%s' (key '%s'): %s and %s".formatted(spelling, key, previous, code));
		}
	}

	/**
	 * Reduce a folded region spelling to its significant words: apostrophes and dots join
	 * ("R.M." = "RM", "O'HIGGINS" = "OHIGGINS"), other punctuation separates, and filler
	 * words ("REGION", "DE", "DEL", articles) are dropped.
	 */
	static String looseRegionKey(String folded) {
		StringBuilder key = new StringBuilder(folded.length());
		StringBuilder word = new StringBuilder();
		for (int i = 0; i <= folded.length(); i++) {
			char c = (i < folded.length()) ? folded.charAt(i) : ' ';
			if (Character.isLetterOrDigit(c)) {
				word.append(c);
			}
			else if (!isJoiner(c)) {
				appendSignificantWord(key, word);
			}
		}
		return key.toString();
	}

	private static void appendSignificantWord(StringBuilder key, StringBuilder word) {
		if (!word.isEmpty() && !REGION_FILLER_WORDS.contains(word.toString())) {
			if (!key.isEmpty()) {
				key.append(' ');
			}
			key.append(word);
		}
		word.setLength(0);
	}

	private static boolean isJoiner(char c) {
		return c == '.' || c == '\'' || c == '\u2019' || c == '`';
	}

	/**
	 * Keep only letters and digits of a folded comuna name, so hyphens, spaces,
	 * apostrophes and dots do not matter.
	 */
	static String compactKey(String folded) {
		StringBuilder key = new StringBuilder(folded.length());
		for (int i = 0; i < folded.length(); i++) {
			char c = folded.charAt(i);
			if (Character.isLetterOrDigit(c)) {
				key.append(c);
			}
		}
		return key.toString();
	}

	private static boolean isDigits(String s) {
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			if (c < '0' || c > '9') {
				return false;
			}
		}
		return !s.isEmpty();
	}

	private record Region(String code, String romanNumeral, String name, String officialName) {
	}

	private record Comuna(String code, String name, String regionCode) {
	}

}
