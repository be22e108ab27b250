package cl.sernac.cifras.system;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Lists the problems of the configuration, one a line, instead of a stack trace, when the
 * application is started other than by its command line (which checks them before Spring
 * starts).
 */
class ConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<ConfigurationProblems> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, ConfigurationProblems cause) {
		return new FailureAnalysis(String.join("\n", cause.problems()),
				"Corrija la configuración (config/application.yml, el entorno o la línea de órdenes; vea README.md) "
						+ "y vuelva a ejecutar: no se hizo nada.",
				cause);
	}

}
