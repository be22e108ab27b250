package cl.sernac.cifras.report;

import cl.sernac.cifras.support.ChileanFormat;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import cl.sernac.cifras.aggregate.ChannelMix;
import cl.sernac.cifras.aggregate.Shares;
import cl.sernac.cifras.reading.ChannelCatalog;

/**
 * What moved most in the channel mix of each record type over the period: the channel
 * whose share changed most between the period's first and last year with cases of the
 * type. The same finding is the mix chart's title and a sentence under the headline.
 */
final class MixFindings {

	private final ReportFigures figures;

	private MixFindings(ReportFigures figures) {
		this.figures = figures;
	}

	static MixFindings of(ReportFigures figures) {
		return new MixFindings(figures);
	}

	/**
	 * The finding of a type, or empty when the period has fewer than two years with cases
	 * of it.
	 */
	Optional<Finding> finding(String type) {
		Period period = this.figures.period();
		List<ChannelMix.Total> years = this.figures.mix().yearsWithRecords(type, period.from(), period.to());
		if (years.size() < 2) {
			return Optional.empty();
		}
		ChannelMix.Total first = years.get(0);
		ChannelMix.Total last = years.get(years.size() - 1);
		Finding most = null;
		for (String channel : this.figures.mix().channels(type)) {
			long before = this.figures.mix().records(type, channel, first.year());
			long after = this.figures.mix().records(type, channel, last.year());
			Finding finding = new Finding(type, channel, first.year(), last.year(),
					Shares.share(before, first.records()), Shares.share(after, last.records()),
					Shares.pointChange(after, last.records(), before, first.records()));
			if (most == null || finding.change().abs().compareTo(most.change().abs()) > 0) {
				most = finding;
			}
		}
		return Optional.ofNullable(most);
	}

	/** The sentence under the headline, or empty when there is no finding. */
	Optional<String> sentence(String type) {
		return finding(type).map(Finding::sentence);
	}

	/**
	 * The sentence's subject for a channel, lower case as inside a sentence, with the
	 * number the verb agrees with, as the channel catalogue declares it; a channel
	 * outside the catalogue is "el canal" and its code.
	 */
	static Subject subject(String channel) {
		return ChannelCatalog.current()
			.get(channel)
			.map((declared) -> new Subject(declared.subject(), declared.plural()))
			.orElse(new Subject("el canal " + Channels.name(channel), false));
	}

	/**
	 * @param change the change of share in percentage points, from the exact figures
	 */
	record Finding(String type, String channel, int from, int to, BigDecimal shareFrom, BigDecimal shareTo,
			BigDecimal change) {

		/**
		 * {@code Las plataformas municipales pasaron del 17,5 % al 23,2 % de las consultas}.
		 */
		String title() {
			Subject subject = subject(this.channel);
			if (this.change.signum() == 0) {
				return capitalized(subject.name()) + " " + (subject.plural() ? "mantuvieron" : "mantuvo") + " su "
						+ ChileanFormat.percent(this.shareTo) + " de " + Labels.typeWithArticle(this.type);
			}
			return capitalized(subject.name()) + " " + (subject.plural() ? "pasaron" : "pasó") + " del "
					+ ChileanFormat.percent(this.shareFrom) + " al " + ChileanFormat.percent(this.shareTo) + " de "
					+ Labels.typeWithArticle(this.type);
		}

		/** The title, with the years and the change in points. */
		String sentence() {
			return title() + " entre el " + this.from + " y el " + this.to + " ("
					+ ChartStyle.minus(ChileanFormat.points(this.change)) + ").";
		}

		private static String capitalized(String text) {
			return Character.toUpperCase(text.charAt(0)) + text.substring(1);
		}

	}

	/**
	 * @param plural whether the verb goes in plural
	 */
	record Subject(String name, boolean plural) {
	}

}
