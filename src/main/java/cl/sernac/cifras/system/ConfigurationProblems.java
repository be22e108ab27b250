package cl.sernac.cifras.system;

import java.util.List;

/**
 * The configuration has problems ({@link ConfigurationCheck}): the application does not
 * start. {@link ConfigurationFailureAnalyzer} lists them instead of a stack trace.
 */
public class ConfigurationProblems extends RuntimeException {

	private final List<String> problems;

	public ConfigurationProblems(List<String> problems) {
		super(String.join("\n", problems));
		this.problems = List.copyOf(problems);
	}

	public List<String> problems() {
		return this.problems;
	}

}
