package cl.sernac.cifras.aggregate;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import cl.sernac.cifras.aggregate.CaseCells.OrganizationYearCount;

/**
 * The municipalities and provincial governments that sent municipal-platform records, per
 * year and over a period.
 */
public final class MunicipalCoverage {

	/** organization → year → record type → cases */
	private final Map<String, Map<Integer, Map<String, Long>>> cases = new TreeMap<>();

	private MunicipalCoverage(List<OrganizationYearCount> counts) {
		for (OrganizationYearCount count : counts) {
			this.cases.computeIfAbsent(count.organization(), (org) -> new TreeMap<>())
				.computeIfAbsent(count.year(), (year) -> new TreeMap<>())
				.merge(count.recordType(), count.records(), Long::sum);
		}
	}

	/**
	 * @param counts municipal cases by organization, year and type
	 * ({@link CaseCells#municipalByOrganizationYear()})
	 */
	public static MunicipalCoverage of(List<OrganizationYearCount> counts) {
		return new MunicipalCoverage(counts);
	}

	/**
	 * A provincial government ("Gobernación Provincial de San Antonio", since 2021
	 * "Delegación Presidencial Provincial") as opposed to a municipality.
	 * @param organization the folded upper-case name
	 */
	public static boolean isProvincialGovernment(String organization) {
		return organization.startsWith("GOBERNACION") || organization.startsWith("DELEGACION");
	}

	/** Every organization that ever sent records, in name order. */
	public List<String> organizations() {
		return List.copyOf(this.cases.keySet());
	}

	/** The organizations with records in the years {@code fromYear} to {@code toYear}. */
	public List<String> organizations(int fromYear, int toYear) {
		return this.cases.keySet().stream().filter((org) -> records(org, fromYear, toYear) > 0).toList();
	}

	public Count count(int fromYear, int toYear) {
		List<String> organizations = organizations(fromYear, toYear);
		int governments = (int) organizations.stream().filter(MunicipalCoverage::isProvincialGovernment).count();
		long records = organizations.stream().mapToLong((org) -> records(org, fromYear, toYear)).sum();
		return new Count(organizations.size() - governments, governments, records);
	}

	/** Cases of one type an organization sent in a year. */
	public long records(String organization, int year, String recordType) {
		return this.cases.getOrDefault(organization, Map.of())
			.getOrDefault(year, Map.of())
			.getOrDefault(recordType, 0L);
	}

	/**
	 * Cases of every type an organization sent in the years {@code fromYear} to
	 * {@code toYear}.
	 */
	public long records(String organization, int fromYear, int toYear) {
		return this.cases.getOrDefault(organization, Map.of())
			.entrySet()
			.stream()
			.filter((e) -> e.getKey() >= fromYear && e.getKey() <= toYear)
			.flatMap((e) -> e.getValue().values().stream())
			.mapToLong(Long::longValue)
			.sum();
	}

	public record Count(int municipalities, int provincialGovernments, long records) {
	}

}
