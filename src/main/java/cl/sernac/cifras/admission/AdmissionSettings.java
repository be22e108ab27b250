package cl.sernac.cifras.admission;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How files are taken from the input folder, under {@code cifras.intake.*}.
 *
 * @param quietPeriod a file is taken only when it has not changed for this long; one that
 * is still changing is left for the next run
 * @param archive move ingested files to {@code archiveFolder} and files not ingested to
 * {@code asideFolder}, both inside the input folder; false leaves them in place
 * @param archiveFolder folder for ingested files
 * @param asideFolder folder for files not ingested, each with a note of the reason
 */
@ConfigurationProperties("cifras.intake")
public record AdmissionSettings(Duration quietPeriod, Boolean archive, String archiveFolder, String asideFolder) {

	public AdmissionSettings {
		quietPeriod = (quietPeriod != null) ? quietPeriod : Duration.ofSeconds(2);
		archive = (archive != null) ? archive : Boolean.TRUE;
		archiveFolder = (archiveFolder != null) ? archiveFolder : "archivo";
		asideFolder = (asideFolder != null) ? asideFolder : "no_ingresados";
	}

}
