package cl.sernac.cifras.support;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TextTests {

	@Test
	void foldNullIsEmpty() {
		assertThat(Text.fold(null)).isEmpty();
	}

	@Test
	void foldEmptyAndBlank() {
		assertThat(Text.fold("")).isEmpty();
		assertThat(Text.fold("   ")).isEmpty();
		assertThat(Text.fold("\u00A0\t\r\n")).isEmpty();
		assertThat(Text.fold("\uFEFF")).isEmpty();
	}

	@Test
	void foldReturnsSameInstanceWhenAlreadyFolded() {
		String folded = "VINA DEL MAR";
		assertThat(Text.fold(folded)).isSameAs(folded);
	}

	@Test
	void foldUppercasesAscii() {
		assertThat(Text.fold("reclamo")).isEqualTo("RECLAMO");
		assertThat(Text.fold("Reclamo")).isEqualTo("RECLAMO");
		assertThat(Text.fold("id_llamada")).isEqualTo("ID_LLAMADA");
	}

	@Test
	void foldTrimsAndCollapsesWhitespace() {
		assertThat(Text.fold(" reclamo ")).isEqualTo("RECLAMO");
		assertThat(Text.fold("  Folio   SERNAC\t")).isEqualTo("FOLIO SERNAC");
		assertThat(Text.fold("ID\tRegistro")).isEqualTo("ID REGISTRO");
		assertThat(Text.fold("a\r\nb")).isEqualTo("A B");
	}

	@Test
	void foldTreatsNoBreakSpacesAsWhitespace() {
		assertThat(Text.fold("\u00A0Viña\u00A0del\u202FMar\u00A0")).isEqualTo("VINA DEL MAR");
		assertThat(Text.fold("\u00A0reclamo ")).isEqualTo("RECLAMO");
	}

	@Test
	void foldStripsByteOrderMark() {
		assertThat(Text.fold("\uFEFFrut")).isEqualTo("RUT");
		assertThat(Text.fold("\uFEFF ID_LLAMADA ")).isEqualTo("ID_LLAMADA");
		assertThat(Text.fold("\uFEFFRUT")).isEqualTo("RUT");
	}

	@Test
	void foldRemovesAccentsAndDiacritics() {
		assertThat(Text.fold("Viña del Mar")).isEqualTo("VINA DEL MAR");
		assertThat(Text.fold("VIÑA DEL MAR")).isEqualTo("VINA DEL MAR");
		assertThat(Text.fold("Ñuñoa")).isEqualTo("NUNOA");
		assertThat(Text.fold("Marchigüe")).isEqualTo("MARCHIGUE");
		assertThat(Text.fold("Concón")).isEqualTo("CONCON");
		assertThat(Text.fold("Región de Valparaíso")).isEqualTo("REGION DE VALPARAISO");
		assertThat(Text.fold("opinión")).isEqualTo("OPINION");
		assertThat(Text.fold("ÁÉÍÓÚáéíóúÀÈÌÒÙâêîôûçÇ")).isEqualTo("AEIOUAEIOUAEIOUAEIOUCC");
	}

	@Test
	void foldHandlesAlreadyDecomposedInput() {
		assertThat(Text.fold("Vin\u0303a")).isEqualTo("VINA");
	}

	@Test
	void foldIgnoresCaseAccentsAndSpacesEquivalently() {
		assertThat(Text.fold(" reclamo ")).isEqualTo(Text.fold("RECLAMO")).isEqualTo(Text.fold("Reclamo"));
		assertThat(Text.fold("Viña del Mar")).isEqualTo(Text.fold("VINA  DEL MAR"));
	}

	@Test
	void foldKeepsPunctuationAndDigits() {
		assertThat(Text.fold("12.345.678-k")).isEqualTo("12.345.678-K");
		assertThat(Text.fold("O'Higgins")).isEqualTo("O'HIGGINS");
		assertThat(Text.fold("Llay-Llay")).isEqualTo("LLAY-LLAY");
	}

	@Test
	void foldUsesRootLocale() {
		// Under a Turkish default locale, "i".toUpperCase() would give a dotted capital
		// I.
		assertThat(Text.fold("quilpue")).isEqualTo("QUILPUE");
		assertThat(Text.fold("quilpué")).isEqualTo("QUILPUE");
	}

	@Test
	void isBlank() {
		assertThat(Text.isBlank(null)).isTrue();
		assertThat(Text.isBlank("")).isTrue();
		assertThat(Text.isBlank(" \t\r\n")).isTrue();
		assertThat(Text.isBlank("\u00A0")).isTrue();
		assertThat(Text.isBlank("\uFEFF ")).isTrue();
		assertThat(Text.isBlank(" x ")).isFalse();
		assertThat(Text.isBlank("0")).isFalse();
	}

}
