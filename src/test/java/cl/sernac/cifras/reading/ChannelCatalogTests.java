package cl.sernac.cifras.reading;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import cl.sernac.cifras.report.Channels;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The channel catalogue: the six of SPEC by default, as they were shown before it was
 * configuration; a declared channel takes its place.
 */
class ChannelCatalogTests {

	@AfterEach
	void restoreTheDefaults() {
		ChannelCatalog.use(ChannelCatalog.defaults());
	}

	@Test
	void theDefaultsAreTheSixChannelsOfSpecInTheirOrderLabelsAndColours() {
		ChannelCatalog catalog = ChannelCatalog.defaults();
		assertThat(catalog.codes()).containsExactly("CALL_CENTER", "INTERNET", "OFICINA", "MUNICIPAL", "MOVIL",
				"CONVENIO");
		ChannelCatalog.use(catalog);
		assertThat(catalog.codes().stream().map(Channels::name)).containsExactly("Call center", "Internet",
				"Oficina regional", "Plataformas municipales", "SERNAC Móvil", "Servicios en convenio");
		assertThat(catalog.codes().stream().map(Channels::hex)).containsExactly("#004488", "#E69F00", "#009E73",
				"#AA3377", "#D55E00", "#56B4E9");
		assertThat(catalog.codes().stream().map(Channels::textColor)).containsExactly(Color.WHITE, Color.BLACK,
				Color.BLACK, Color.WHITE, Color.BLACK, Color.BLACK);
	}

	@Test
	void aDeclaredChannelIsNamedColouredAndOrderedAsDeclared() {
		ChannelCatalog
			.use(ChannelCatalog.of(Map.of("totem", new ChannelCatalog.Entry(null, "Tótems", "#F0E442", 0, null, null),
					"movil", new ChannelCatalog.Entry("MOVIL", "SERNAC Móvil", "#D55E00", 5, null, null))));
		assertThat(Channels.name("TOTEM")).isEqualTo("Tótems");
		assertThat(Channels.hex("TOTEM")).isEqualTo("#F0E442");
		assertThat(Channels.name("OTRO")).isEqualTo("OTRO");
		assertThat(Channels.hex("OTRO")).isEqualTo("#8C8C8C");
		List<String> codes = new ArrayList<>(List.of("OTRO", "MOVIL", "TOTEM"));
		codes.sort(ChannelCatalog.current().order());
		assertThat(codes).containsExactly("TOTEM", "MOVIL", "OTRO");
	}

}
