package cl.sernac.cifras.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;

/**
 * The comunas of region 05 (Valparaíso), read from the classpath reference data, with
 * rough population weights and the spellings that intake exports use for them.
 */
final class DemoGeo {

	static final String REGION = "05";

	/** Approximate population in thousands (2017 census), used only to weight draws. */
	private static final Map<String, Integer> WEIGHTS = Map.ofEntries(Map.entry("05101", 296), Map.entry("05102", 26),
			Map.entry("05103", 42), Map.entry("05104", 1), Map.entry("05105", 18), Map.entry("05107", 31),
			Map.entry("05109", 334), Map.entry("05201", 8), Map.entry("05301", 66), Map.entry("05302", 14),
			Map.entry("05303", 10), Map.entry("05304", 18), Map.entry("05401", 35), Map.entry("05402", 19),
			Map.entry("05403", 6), Map.entry("05404", 9), Map.entry("05405", 7), Map.entry("05501", 90),
			Map.entry("05502", 50), Map.entry("05503", 17), Map.entry("05504", 22), Map.entry("05506", 22),
			Map.entry("05601", 91), Map.entry("05602", 13), Map.entry("05603", 22), Map.entry("05604", 15),
			Map.entry("05605", 13), Map.entry("05606", 10), Map.entry("05701", 76), Map.entry("05702", 13),
			Map.entry("05703", 24), Map.entry("05704", 7), Map.entry("05705", 16), Map.entry("05706", 14),
			Map.entry("05801", 151), Map.entry("05802", 46), Map.entry("05803", 17), Map.entry("05804", 126));

	private static final String[] REGION_FORMS = { "Región de Valparaíso", "VALPARAISO", "Valparaiso", "Valparaíso",
			"V", "5", "05" };

	private static final Pattern MARKS = Pattern.compile("\\p{M}+");

	record Comuna(String code, String province, String name, int weight, String alias) {
	}

	final List<Comuna> comunas;

	private final int totalWeight;

	private DemoGeo(List<Comuna> comunas) {
		this.comunas = List.copyOf(comunas);
		this.totalWeight = comunas.stream().mapToInt(Comuna::weight).sum();
	}

	/**
	 * Reads {@code reference/comunas.csv} and {@code reference/aliases.csv} from the
	 * classpath.
	 */
	static DemoGeo load() {
		Map<String, String> aliases = new HashMap<>();
		for (String[] row : read("reference/aliases.csv")) {
			if (row[0].equals("comuna") && row[1].startsWith(REGION)) {
				aliases.put(row[1], row[2]);
			}
		}
		List<Comuna> comunas = new ArrayList<>();
		for (String[] row : read("reference/comunas.csv")) {
			if (row[0].equals(REGION)) {
				comunas.add(new Comuna(row[4], row[2], row[5], WEIGHTS.getOrDefault(row[4], 10), aliases.get(row[4])));
			}
		}
		if (comunas.size() != 38) {
			throw new IllegalStateException("expected the 38 comunas of region 05, found " + comunas.size());
		}
		return new DemoGeo(comunas);
	}

	private static List<String[]> read(String resource) {
		ClassLoader loader = DemoGeo.class.getClassLoader();
		try (InputStream in = loader.getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException(resource + " is not on the classpath");
			}
			BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
			List<String[]> rows = new ArrayList<>();
			reader.readLine();
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				if (!line.isBlank()) {
					rows.add(line.split(",", -1));
				}
			}
			return rows;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	Comuna byCode(String code) {
		return this.comunas.stream()
			.filter((c) -> c.code().equals(code))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException(code));
	}

	List<Comuna> province(String provinceCode) {
		return this.comunas.stream().filter((c) -> c.province().equals(provinceCode)).toList();
	}

	/** A comuna drawn by population. */
	Comuna pick(Random random) {
		int ticket = random.nextInt(this.totalWeight);
		for (Comuna comuna : this.comunas) {
			ticket -= comuna.weight();
			if (ticket < 0) {
				return comuna;
			}
		}
		throw new IllegalStateException();
	}

	/**
	 * The comuna as a person or clerk writes it: official, without accents, uppercase, or
	 * a common alias.
	 */
	String render(Comuna comuna, Random random) {
		if (comuna.alias() != null && random.nextInt(100) < 40) {
			return random.nextInt(5) == 0 ? comuna.alias().toUpperCase(Locale.ROOT) : comuna.alias();
		}
		int draw = random.nextInt(100);
		if (draw < 72) {
			return comuna.name();
		}
		if (draw < 84) {
			return plain(comuna.name()).toUpperCase(Locale.ROOT);
		}
		if (draw < 91) {
			return plain(comuna.name());
		}
		if (draw < 96) {
			return comuna.name().toUpperCase(Locale.ROOT);
		}
		return plain(comuna.name()).toLowerCase(Locale.ROOT);
	}

	String region(Random random) {
		return REGION_FORMS[random.nextInt(REGION_FORMS.length)];
	}

	static String plain(String text) {
		return MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("");
	}

}
