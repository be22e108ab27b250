package cl.sernac.cifras.report;

import java.awt.Color;
import java.util.Map;

/**
 * How a channel is shown: its Spanish name (SPEC's channel table) and its colour, the
 * same in every chart and table. The colours are the Okabe-Ito palette, told apart with
 * every common form of colour blindness; its yellow is left out because it vanishes on
 * white when projected.
 */
public final class Channels {

	private static final Style UNKNOWN = new Style(null, new Color(0x8C8C8C), Color.BLACK);

	private static final Map<String, Style> STYLES = Map.of("CALL_CENTER",
			new Style("Call center", new Color(0x0072B2), Color.WHITE), "INTERNET",
			new Style("Internet", new Color(0xE69F00), Color.BLACK), "OFICINA",
			new Style("Oficina regional", new Color(0x009E73), Color.BLACK), "MUNICIPAL",
			new Style("Plataformas municipales", new Color(0xCC79A7), Color.BLACK), "MOVIL",
			new Style("SERNAC Móvil", new Color(0xD55E00), Color.BLACK), "CONVENIO",
			new Style("Servicios en convenio", new Color(0x56B4E9), Color.BLACK));

	private Channels() {
	}

	/** The name shown to people; a code Cifras does not know is shown as it is. */
	public static String name(String code) {
		Style style = STYLES.get(code);
		return (style != null) ? style.name() : code;
	}

	public static Color color(String code) {
		return STYLES.getOrDefault(code, UNKNOWN).color();
	}

	/**
	 * The colour of text written over the channel's colour (black or white, the more
	 * legible).
	 */
	public static Color textColor(String code) {
		return STYLES.getOrDefault(code, UNKNOWN).text();
	}

	/** The colour as CSS writes it: {@code #0072B2}. */
	public static String hex(String code) {
		return String.format("#%06X", color(code).getRGB() & 0xFFFFFF);
	}

	private record Style(String name, Color color, Color text) {
	}

}
