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

		assertThat(new MaskingConverters.Message().convert(event)).isEqualTo(table.replace('\n', '?'));
	}

	@Test
	void aMessageIsOneLineWithoutEscapeSequences() {
		LoggerContext context = new LoggerContext();
		String name = "portal_2015_\n2026-11-28 02:00:00 INFO  Forja: todo bien\r\u001B[31mrojo\u202Egpj.csv";
		LoggingEvent event = new LoggingEvent("x", context.getLogger("x"), Level.INFO, "{}: fuente portal", null,
				new Object[] { name });

		String line = new MaskingConverters.Message().convert(event);

		assertThat(line)
			.isEqualTo("portal_2015_?2026-11-28 02:00:00 INFO  Forja: todo bien??[31mrojo?gpj.csv: fuente portal");
	}

	@Test
	void aStackTraceKeepsItsLinesAndTabsButNoEscapeOrRut() {
		LoggerContext context = new LoggerContext();
		Exception cause = new IllegalStateException("archivo \u001B[2Jx\r.csv, rut 12 345 678\u20135");
		LoggingEvent event = new LoggingEvent("x", context.getLogger("x"), Level.ERROR, "falló", cause, null);
		MaskingConverters.Throwable converter = new MaskingConverters.Throwable();
		converter.setContext(context);
		converter.start();

		String trace = converter.convert(event);

		assertThat(trace).startsWith("java.lang.IllegalStateException: archivo ?[2Jx?.csv, rut [valor oculto]"
				+ System.lineSeparator() + "\tat ");
		assertThat(trace.lines().count()).isGreaterThan(2);
		assertThat(trace.chars().filter((c) -> c < 0x20 && c != '\n' && c != '\t')).isEmpty();
	}

}
