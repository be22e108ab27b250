package cl.sernac.cifras.system;

import java.io.IOException;
import java.nio.file.Path;

import cl.sernac.cifras.demo.DemoDataGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Fills an empty input folder with the demo data set (2014-2016), for the quick start.
 */
@Component
class DemoData {

	static final long SEED = DemoDataGenerator.DEFAULT_SEED;

	private static final Logger logger = LoggerFactory.getLogger(DemoData.class);

	void generateIfEmpty(Path inputDir) throws IOException {
		if (!CifrasRunner.isEmpty(inputDir)) {
			logger.warn("La carpeta de entrada {} ya tiene datos: no se generan datos de demostración y esta ejecución"
					+ " solo toma lo nuevo. Para empezar de nuevo: scripts/run.sh --demo --fresh (vacía las carpetas"
					+ " de entrada, datos y salida)", inputDir);
			return;
		}
		logger.info("Generando datos de demostración (de 2014 a 2016) en {}", inputDir);
		new DemoDataGenerator(SEED).generate(inputDir);
	}

}
