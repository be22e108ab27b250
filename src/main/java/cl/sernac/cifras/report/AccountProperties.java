package cl.sernac.cifras.report;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The rest of the public account, under {@code cifras.account.*} (SPEC-ACCOUNT).
 *
 * @param targets the office's targets, one per indicator (and channel) and year
 * @param texts the folder of the Markdown texts of the report's prose sections; a section
 * whose text is missing is left out ({@code textos} when empty)
 * @param programme the territorial programme the account reports under "Red territorial"
 * ({@code SERNAC en tu barrio} when empty)
 */
@ConfigurationProperties("cifras.account")
public record AccountProperties(List<Target> targets, String texts, String programme) {

	public AccountProperties {
		targets = (targets != null) ? List.copyOf(targets) : List.of();
		texts = (texts != null && !texts.isBlank()) ? texts.strip() : "textos";
		programme = (programme != null && !programme.isBlank()) ? programme.strip() : "SERNAC en tu barrio";
	}

	/**
	 * A target as the account prints it.
	 *
	 * @param indicator what is measured, one of {@link AccountIndicator}
	 * @param channel for consultations, complaints and SONI: the channel's code, or none
	 * for every channel
	 * @param year the year the target is for
	 * @param value the figure to reach
	 * @param sentence the sentence the account prints ({@code Sernac Móvil se ha
	 * planteado el desafío de alcanzar 314 comunas})
	 */
	public record Target(String indicator, String channel, Integer year, Long value, String sentence) {
	}

}
