package cl.sernac.cifras.aggregate;

import java.util.List;

import cl.sernac.cifras.aggregate.CaseCells.OrganizationYearCount;
import cl.sernac.cifras.aggregate.CaseCells.PlaceYearCount;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The mobile unit's comunas and the municipalities, per year and over a period.
 */
class CoverageTests {

	private static final List<String> REGION = List.of("05101", "05102", "05103", "05109");

	@Test
	void mobileUnitCoverageCountsTheRegionsComunasVisitedInTheYears() {
		MobileCoverage mobile = MobileCoverage.of(List.of(new PlaceYearCount("05101", 2014, 3),
				new PlaceYearCount("05109", 2015, 1), new PlaceYearCount("13101", 2015, 2)), REGION);
		MobileCoverage.Coverage year = mobile.years(2014, 2014);
		assertThat(year.visited()).containsExactly("05101");
		assertThat(year.notVisited()).containsExactly("05102", "05103", "05109");
		assertThat(year.regionTotal()).isEqualTo(4);
		MobileCoverage.Coverage period = mobile.years(2014, 2015);
		assertThat(period.visited()).containsExactly("05101", "05109");
		assertThat(period.outsideRegion()).containsExactly("13101");
		assertThat(mobile.places()).containsExactly("05101", "05102", "05103", "05109", "13101");
		assertThat(mobile.cases("05101", 2014)).isEqualTo(3);
		assertThat(mobile.cases("05102", 2014)).isZero();
	}

	@Test
	void municipalCoverageTellsMunicipalitiesFromProvincialGovernments() {
		MunicipalCoverage municipal = MunicipalCoverage
			.of(List.of(new OrganizationYearCount("GOBERNACION PROVINCIAL DE SAN ANTONIO", 2015, "RECLAMO", 2),
					new OrganizationYearCount("MUNICIPALIDAD DE QUILPUE", 2014, "CONSULTA", 5),
					new OrganizationYearCount("MUNICIPALIDAD DE QUILPUE", 2014, "RECLAMO", 1),
					new OrganizationYearCount("MUNICIPALIDAD DE LIMACHE", 2016, "CONSULTA", 1)));
		assertThat(municipal.count(2014, 2016)).isEqualTo(new MunicipalCoverage.Count(2, 1, 9));
		assertThat(municipal.count(2014, 2014)).isEqualTo(new MunicipalCoverage.Count(1, 0, 6));
		assertThat(municipal.organizations(2015, 2016)).containsExactly("GOBERNACION PROVINCIAL DE SAN ANTONIO",
				"MUNICIPALIDAD DE LIMACHE");
		assertThat(municipal.records("MUNICIPALIDAD DE QUILPUE", 2014, "CONSULTA")).isEqualTo(5);
		assertThat(MunicipalCoverage.isProvincialGovernment("DELEGACION PRESIDENCIAL PROVINCIAL DE QUILLOTA")).isTrue();
	}

}
