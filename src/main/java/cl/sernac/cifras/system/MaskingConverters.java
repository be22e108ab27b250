package cl.sernac.cifras.system;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.pattern.ThrowableProxyConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import cl.sernac.cifras.support.PersonalData;
import cl.sernac.cifras.support.Printable;

/**
 * Log converters that mask RUT-shaped text and neutralise control characters, so no log
 * line carries a RUT, starts a forged line or holds a terminal escape sequence, whatever
 * logged it.
 */
public final class MaskingConverters {

	private MaskingConverters() {
	}

	/**
	 * {@code %maskedMsg}: the message with RUTs masked and every control character (line
	 * breaks included), line separator and invisible format character as {@code ?}: a
	 * message is one line.
	 */
	public static class Message extends MessageConverter {

		@Override
		public String convert(ILoggingEvent event) {
			return PersonalData.mask(Printable.of(super.convert(event)));
		}

	}

	/**
	 * {@code %maskedEx}: the stack trace with RUTs masked. Its own line breaks and the
	 * tabs that indent its frames stay; any other control character (a carriage return,
	 * an escape in an exception's message) becomes {@code ?}.
	 */
	public static class Throwable extends ThrowableProxyConverter {

		@Override
		public String convert(ILoggingEvent event) {
			String trace = super.convert(event);
			if (trace == null || trace.isEmpty()) {
				return trace;
			}
			StringBuilder safe = new StringBuilder(trace.length());
			int from = 0;
			for (int i = 0; i < trace.length(); i++) {
				char c = trace.charAt(i);
				if (c == '\n' || c == '\t') {
					safe.append(Printable.of(trace.substring(from, i))).append(c);
					from = i + 1;
				}
			}
			safe.append(Printable.of(trace.substring(from)));
			return PersonalData.mask(safe.toString());
		}

	}

}
