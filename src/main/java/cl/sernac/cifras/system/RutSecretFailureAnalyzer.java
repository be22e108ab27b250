package cl.sernac.cifras.system;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Says in a few lines, instead of a stack trace, why a run with another RUT key stopped
 * and what to do.
 */
class RutSecretFailureAnalyzer extends AbstractFailureAnalyzer<RutSecret.Mismatch> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, RutSecret.Mismatch cause) {
		return new FailureAnalysis(cause.getMessage(), "Quite " + RutSecret.ENVIRONMENT_VARIABLE
				+ " del entorno (la clave ya está guardada en la base de datos) o dé la misma clave con que se creó"
				+ " el almacén.", cause);
	}

}
