package cl.sernac.cifras.report;

import java.awt.Color;

import cl.sernac.cifras.reading.ChannelCatalog;

/**
 * How a channel is shown: its Spanish name and its colour, the same in every chart and
 * table, as the channel catalogue ({@code cifras.channels}) declares them. The default
 * colours stay apart for readers with any common colour-vision deficiency, and channels
 * next to each other in the catalogue differ in lightness too (ChannelPaletteTests).
 */
public final class Channels {

	private Channels() {
	}

	/** The name shown to people; a code the catalogue does not hold is shown as it is. */
	public static String name(String code) {
		return ChannelCatalog.current().label(code);
	}

	public static Color color(String code) {
		return ChannelCatalog.current().colorOf(code);
	}

	/**
	 * The colour of text written over the channel's colour: black or white, whichever
	 * contrasts more with it (WCAG relative luminance).
	 */
	public static Color textColor(String code) {
		Color color = color(code);
		double luminance = 0.2126 * linear(color.getRed()) + 0.7152 * linear(color.getGreen())
				+ 0.0722 * linear(color.getBlue());
		double againstWhite = 1.05 / (luminance + 0.05);
		double againstBlack = (luminance + 0.05) / 0.05;
		return (againstWhite > againstBlack) ? Color.WHITE : Color.BLACK;
	}

	/** The colour as CSS writes it: {@code #0072B2}. */
	public static String hex(String code) {
		return String.format("#%06X", color(code).getRGB() & 0xFFFFFF);
	}

	private static double linear(int component) {
		double c = component / 255.0;
		return (c <= 0.04045) ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
	}

}
