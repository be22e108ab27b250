package cl.sernac.cifras.report;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What the planners' report covers, under {@code cifras.report.*}.
 *
 * @param fromYear first year of the headline, the period account and the charts; the
 * first year with data when empty
 * @param toYear last year of them; the last year with data when empty
 * @param region the office's region (2-digit code), whose comunas the mobile unit's
 * coverage is counted against
 */
@ConfigurationProperties("cifras.report")
public record ReportProperties(Integer fromYear, Integer toYear, String region) {

	public ReportProperties {
		region = (region != null && !region.isBlank()) ? region.strip() : "05";
		if (fromYear != null && toYear != null && fromYear > toYear) {
			throw new IllegalArgumentException("El año inicial del informe (cifras.report.from-year=" + fromYear
					+ ") es posterior al año final (cifras.report.to-year=" + toYear + ")");
		}
	}

}
