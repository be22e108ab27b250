package cl.sernac.cifras.system;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MaskingConvertersTests {

	@Test
	void logMessagesNeverCarryARut() {
		LoggerContext context = new LoggerContext();
		LoggingEvent event = new LoggingEvent("x", context.getLogger("x"), Level.WARN,
				"fila con {} y {} y {}; archivo callcenter_2014.csv línea 12", null,
				new Object[] { "12.345.678-5", "10000013k", "123456785" });
		MaskingConverters.Message converter = new MaskingConverters.Message();

		String line = converter.convert(event);

		assertThat(line).isEqualTo(
				"fila con [valor oculto] y [valor oculto] y [valor oculto];" + " archivo callcenter_2014.csv línea 12");
	}

	@Test
	void figuresInColumnsAreNotTakenForRuts() {
		LoggerContext context = new LoggerContext();
		String table = "portal_2015_01.csv  portal  2.967  0  68  0  2\nTotal  197.319  187.271  46  9.963  39  127";
		LoggingEvent event = new LoggingEvent("x", context.getLogger("x"), Level.INFO, table, null, null);

		assertThat(new MaskingConverters.Message().convert(event)).isEqualTo(table);
	}

}
