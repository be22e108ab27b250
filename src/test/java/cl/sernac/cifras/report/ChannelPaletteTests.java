package cl.sernac.cifras.report;

import java.awt.Color;
import java.util.List;

import cl.sernac.cifras.reading.ChannelCatalog;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The default channel colours as readers with the common colour-vision deficiencies see
 * them (Machado, Oliveira and Fernandes 2009, full severity): every two channels stay
 * apart, and channels next to each other in the catalogue differ in lightness, so that
 * they are told apart in grey print too.
 */
class ChannelPaletteTests {

	/** CIE76 colour difference below which two colours are easily confused. */
	private static final double DISTINCT = 15;

	private static final double LIGHTNESS_STEP = 10;

	private static final double[][] NORMAL = { { 1, 0, 0 }, { 0, 1, 0 }, { 0, 0, 1 } };

	private static final double[][] PROTANOPIA = { { 0.152286, 1.052583, -0.204868 }, { 0.114503, 0.786281, 0.099216 },
			{ -0.003882, -0.048116, 1.051998 } };

	private static final double[][] DEUTERANOPIA = { { 0.367322, 0.860646, -0.227968 },
			{ 0.280085, 0.672501, 0.047413 }, { -0.011820, 0.042940, 0.968881 } };

	private static final double[][] TRITANOPIA = { { 1.255528, -0.076749, -0.178779 },
			{ -0.078411, 0.930809, 0.147602 }, { 0.004733, 0.691367, 0.303900 } };

	private final List<Color> colours = ChannelCatalog.defaults()
		.codes()
		.stream()
		.map(ChannelCatalog.defaults()::colorOf)
		.toList();

	@Test
	void everyTwoChannelsStayApartWithEveryCommonDeficiency() {
		for (double[][] vision : List.of(NORMAL, PROTANOPIA, DEUTERANOPIA, TRITANOPIA)) {
			for (int i = 0; i < this.colours.size(); i++) {
				for (int j = i + 1; j < this.colours.size(); j++) {
					double[] a = lab(seen(this.colours.get(i), vision));
					double[] b = lab(seen(this.colours.get(j), vision));
					assertThat(distance(a, b)).as("channels %d and %d", i + 1, j + 1).isGreaterThan(DISTINCT);
				}
			}
		}
	}

	@Test
	void neighboursDifferInLightness() {
		for (int i = 0; i + 1 < this.colours.size(); i++) {
			double a = lab(linear(this.colours.get(i)))[0];
			double b = lab(linear(this.colours.get(i + 1)))[0];
			assertThat(Math.abs(a - b)).as("channels %d and %d", i + 1, i + 2).isGreaterThan(LIGHTNESS_STEP);
		}
	}

	@Test
	void thePreviousPaletteFailsTheLightnessCheck() {
		// the regional office's green and the municipalities' purple of the previous
		// palette, next to each other, were the same grey
		double green = lab(linear(new Color(0x009E73)))[0];
		double purple = lab(linear(new Color(0xCC79A7)))[0];
		assertThat(Math.abs(green - purple)).isLessThan(LIGHTNESS_STEP);
	}

	private static double[] seen(Color colour, double[][] vision) {
		double[] rgb = linear(colour);
		double[] out = new double[3];
		for (int i = 0; i < 3; i++) {
			out[i] = Math.min(1, Math.max(0, vision[i][0] * rgb[0] + vision[i][1] * rgb[1] + vision[i][2] * rgb[2]));
		}
		return out;
	}

	private static double[] linear(Color colour) {
		return new double[] { linear(colour.getRed()), linear(colour.getGreen()), linear(colour.getBlue()) };
	}

	private static double linear(int component) {
		double c = component / 255.0;
		return (c <= 0.04045) ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
	}

	/** CIE L*a*b* (D65) of a linear sRGB colour. */
	private static double[] lab(double[] rgb) {
		double x = (0.4124 * rgb[0] + 0.3576 * rgb[1] + 0.1805 * rgb[2]) / 0.95047;
		double y = 0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2];
		double z = (0.0193 * rgb[0] + 0.1192 * rgb[1] + 0.9505 * rgb[2]) / 1.08883;
		return new double[] { 116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z)) };
	}

	private static double f(double t) {
		return (t > 0.008856) ? Math.cbrt(t) : 7.787 * t + 16.0 / 116;
	}

	private static double distance(double[] a, double[] b) {
		return Math.sqrt(Math.pow(a[0] - b[0], 2) + Math.pow(a[1] - b[1], 2) + Math.pow(a[2] - b[2], 2));
	}

}
