package cl.sernac.cifras.report;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import cl.sernac.cifras.aggregate.MunicipalCoverage;
import cl.sernac.cifras.normalize.Territory;

/**
 * Names of municipalities and provincial governments as people write them. The store
 * keeps them folded ({@code MUNICIPALIDAD DE QUILPUE}) so that spellings meet; the comuna
 * or province in the name gets its official spelling back from the reference
 * ({@code Municipalidad de Quilpué}).
 */
final class Institutions {

	private static final List<String> PREFIXES = List.of("GOBERNACION PROVINCIAL DE ",
			"DELEGACION PRESIDENCIAL PROVINCIAL DE ", "ILUSTRE MUNICIPALIDAD DE ", "I. MUNICIPALIDAD DE ",
			"MUNICIPALIDAD DE ");

	private static final Set<String> SMALL_WORDS = Set.of("de", "del", "la", "las", "los", "el", "y");

	private final Territory territory;

	Institutions(Territory territory) {
		this.territory = territory;
	}

	String name(String folded) {
		for (String prefix : PREFIXES) {
			if (folded.startsWith(prefix)) {
				String place = folded.substring(prefix.length());
				String placeName = this.territory.comunaCode(place)
					.map(this.territory::comunaName)
					.orElseGet(() -> titleCase(place));
				return titleCase(prefix.strip()) + " " + placeName;
			}
		}
		return titleCase(folded);
	}

	static String kind(String folded) {
		return MunicipalCoverage.isProvincialGovernment(folded) ? "Gobernación provincial" : "Municipalidad";
	}

	private static String titleCase(String text) {
		StringBuilder out = new StringBuilder(text.length());
		String[] words = text.toLowerCase(Locale.ROOT).split(" ");
		for (int i = 0; i < words.length; i++) {
			String word = words[i];
			if (i > 0) {
				out.append(' ');
			}
			if (word.isEmpty() || (i > 0 && SMALL_WORDS.contains(word))) {
				out.append(word);
			}
			else {
				out.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
			}
		}
		return out.toString().replace("Gobernacion", "Gobernación").replace("Delegacion", "Delegación");
	}

}
