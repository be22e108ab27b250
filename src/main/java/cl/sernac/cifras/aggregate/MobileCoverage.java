package cl.sernac.cifras.aggregate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import cl.sernac.cifras.aggregate.CaseCells.PlaceYearCount;

/**
 * Where the mobile unit went: the region's comunas it attended cases in, per year or over
 * a period, out of all the region's comunas.
 */
public final class MobileCoverage {

	private final List<String> regionComunas;

	private final Map<String, Map<Integer, Long>> casesByPlaceYear = new TreeMap<>();

	private MobileCoverage(List<PlaceYearCount> counts, List<String> regionComunas) {
		this.regionComunas = List.copyOf(regionComunas);
		for (PlaceYearCount count : counts) {
			this.casesByPlaceYear.computeIfAbsent(count.placeCode(), (place) -> new TreeMap<>())
				.merge(count.year(), count.records(), Long::sum);
		}
	}

	/**
	 * @param counts the mobile unit's cases by place and year
	 * ({@link CaseCells#mobileUnitByPlaceYear()})
	 * @param regionComunas codes of every comuna of the region
	 */
	public static MobileCoverage of(List<PlaceYearCount> counts, List<String> regionComunas) {
		return new MobileCoverage(counts, regionComunas);
	}

	/** Coverage over the years {@code fromYear} to {@code toYear}, both included. */
	public Coverage years(int fromYear, int toYear) {
		Set<String> visited = new TreeSet<>();
		this.casesByPlaceYear.forEach((place, byYear) -> {
			if (byYear.keySet().stream().anyMatch((year) -> year >= fromYear && year <= toYear)) {
				visited.add(place);
			}
		});
		List<String> visitedInRegion = new ArrayList<>();
		List<String> notVisited = new ArrayList<>();
		for (String comuna : this.regionComunas) {
			(visited.contains(comuna) ? visitedInRegion : notVisited).add(comuna);
		}
		List<String> outside = visited.stream().filter((place) -> !this.regionComunas.contains(place)).toList();
		return new Coverage(visitedInRegion, notVisited, outside, this.regionComunas.size());
	}

	/** Every comuna of the region, then any other place the unit went, in code order. */
	public List<String> places() {
		List<String> places = new ArrayList<>(this.regionComunas);
		this.casesByPlaceYear.keySet().stream().filter((place) -> !places.contains(place)).forEach(places::add);
		return places;
	}

	/** Cases the unit attended at a place in a year. */
	public long cases(String place, int year) {
		return this.casesByPlaceYear.getOrDefault(place, Map.of()).getOrDefault(year, 0L);
	}

	/**
	 * @param visited the region's comunas visited, in code order
	 * @param notVisited the region's comunas not visited, in code order
	 * @param outsideRegion places visited outside the region
	 * @param regionTotal the number of comunas in the region
	 */
	public record Coverage(List<String> visited, List<String> notVisited, List<String> outsideRegion, int regionTotal) {

	}

}
