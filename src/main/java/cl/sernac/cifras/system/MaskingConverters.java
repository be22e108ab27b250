package cl.sernac.cifras.system;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.pattern.ThrowableProxyConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import cl.sernac.cifras.normalize.PersonalData;

/**
 * Log converters that mask RUT-shaped text, so no log line carries one, whatever logged
 * it.
 */
public final class MaskingConverters {

	private MaskingConverters() {
	}

	/** {@code %maskedMsg}: the message with RUTs masked. */
	public static class Message extends MessageConverter {

		@Override
		public String convert(ILoggingEvent event) {
			return PersonalData.mask(super.convert(event));
		}

	}

	/** {@code %maskedEx}: the stack trace with RUTs masked. */
	public static class Throwable extends ThrowableProxyConverter {

		@Override
		public String convert(ILoggingEvent event) {
			return PersonalData.mask(super.convert(event));
		}

	}

}
