package cl.sernac.cifras.system;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The names and values the command line accepts, checked before the application starts.
 */
class CommandLineCheckTests {

	@Test
	void acceptsEveryPropertyOfCifrasAndSpringTheTestsAndOperatorsPass() {
		List<String> args = List.of("--cifras.input-dir=.", "--cifras.output-dir=out", "--cifras.data-dir=data",
				"--cifras.run-date=2026-11-28", "--cifras.intake.quiet-period=0s", "--cifras.intake.archive=false",
				"--cifras.chunk-size=500", "--cifras.ingest-threads=1", "--cifras.rebuild=true", "--cifras.demo=true",
				"--cifras.max-line-chars=1000", "--cifras.max-record-lines=10", "--cifras.schedule=0 0 2 * * *",
				"--cifras.report.from-year=2015", "--cifras.report.to-year=2016", "--cifras.report.region=05",
				"--cifras.sources.nueva.file-pattern=nueva_*.csv", "--cifras.sources.portal.encoding=UTF-8",
				"--cifras.chunkSize=500", "--logging.level.cl.sernac.cifras=WARN",
				"--spring.datasource.hikari.maximum-pool-size=3", "--spring.datasource.hikari.connection-timeout=500",
				"--spring.profiles.active=postgres", "--spring.datasource.url=jdbc:h2:mem:x",
				"--spring.config.additional-location=file:x.yml", "--server.port=0", "--management.x=1", "--debug",
				"--trace=false");

		assertThat(CommandLineCheck.problem(args.toArray(String[]::new))).isEmpty();
	}

	@Test
	void refusesAnUnknownNameWithTheNearestKnownOne() {
		assertThat(CommandLineCheck.problem(new String[] { "--cifras.chunk-sise=5" }))
			.contains("propiedad desconocida --cifras.chunk-sise; ¿quiso decir --cifras.chunk-size?");
		assertThat(CommandLineCheck.problem(new String[] { "--cifras.report.from_yaer=2015" }))
			.contains("propiedad desconocida --cifras.report.from_yaer; ¿quiso decir --cifras.report.from-year?");
		assertThat(CommandLineCheck.problem(new String[] { "--rebuild=true" }))
			.contains("propiedad desconocida --rebuild; ¿quiso decir --cifras.rebuild?");
		assertThat(CommandLineCheck.problem(new String[] { "--xyzzy=1" }))
			.contains("propiedad desconocida --xyzzy (vea scripts/run.sh --help)");
		assertThat(CommandLineCheck.problem(new String[] { "entrada" })).get()
			.asString()
			.startsWith("argumento no reconocido: «entrada»");
	}

	@Test
	void refusesYearsOutsideTheirRangeOrInTheWrongOrder() {
		assertThat(CommandLineCheck.years("2015", "2015")).isEmpty();
		assertThat(CommandLineCheck.years("15", null))
			.contains("--cifras.report.from-year debe ser un año de cuatro cifras entre 1990 y 2100, no «15»");
		assertThat(CommandLineCheck.years(null, "3015")).get().asString().contains("no «3015»");
		assertThat(CommandLineCheck.years("2017", "2015")).get().asString().startsWith("el año inicial del informe");
	}

	@Test
	void editDistance() {
		assertThat(CommandLineCheck.distance("chunk-sise", "chunk-size")).isEqualTo(1);
		assertThat(CommandLineCheck.distance("", "abc")).isEqualTo(3);
		assertThat(CommandLineCheck.distance("kitten", "sitting")).isEqualTo(3);
	}

}
