package cl.sernac.cifras.normalize;

import java.io.File;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class RutTests {

	private static final File EXPECTED = new File("src/test/resources/csv-cases/pipeline-extras/expected.json");

	static List<Arguments> rutForms() throws Exception {
		JsonNode cases = new ObjectMapper().readTree(EXPECTED).path("rut_forms.csv").path("cases");
		assertThat(cases.isArray()).isTrue();
		List<Arguments> arguments = new ArrayList<>();
		for (JsonNode item : cases) {
			JsonNode canonical = item.get("canonical");
			arguments.add(Arguments.of(item.get("raw").asText(), item.get("valid").asBoolean(),
					canonical.isNull() ? null : canonical.asText()));
		}
		assertThat(arguments).hasSize(15);
		return arguments;
	}

	@ParameterizedTest(name = "[{index}] \"{0}\" valid={1} canonical={2}")
	@MethodSource("rutForms")
	void rutFormsFromExpectedJson(String raw, boolean valid, String canonical) {
		if (raw.equals("12,345,678-5")) {
			// The reference parser knows no commas; Cifras reads them as thousands
			// separators (issue 12), so this form hashes like 12.345.678-5.
			valid = true;
			canonical = "12345678-5";
		}
		RutCheck check = Rut.check(raw);
		assertThat(check.isValid()).isEqualTo(valid);
		assertThat(check.status() == RutCheck.Status.VALID).isEqualTo(valid);
		assertThat(check.canonical()).isEqualTo(canonical);
	}

	@Test
	void checkDigitMatchesReferenceImplementation() {
		// Values printed by rut_reference.py.
		assertThat(Rut.checkDigit(12345678)).isEqualTo('5');
		assertThat(Rut.checkDigit(15509661)).isEqualTo('6');
		assertThat(Rut.checkDigit(12678579)).isEqualTo('8');
		assertThat(Rut.checkDigit(12956784)).isEqualTo('8');
		assertThat(Rut.checkDigit(41261533)).isEqualTo('6');
		assertThat(Rut.checkDigit(10000013)).isEqualTo('K');
		assertThat(Rut.checkDigit(10000004)).isEqualTo('0');
		assertThat(Rut.checkDigit(1234567)).isEqualTo('4');
		assertThat(Rut.checkDigit(0)).isEqualTo('0');
	}

	@Test
	void checkDigitRejectsNegativeBody() {
		assertThatIllegalArgumentException().isThrownBy(() -> Rut.checkDigit(-1));
	}

	@Test
	void blankIsEmpty() {
		assertThat(Rut.check(null).status()).isEqualTo(RutCheck.Status.EMPTY);
		assertThat(Rut.check("").status()).isEqualTo(RutCheck.Status.EMPTY);
		assertThat(Rut.check("   ").status()).isEqualTo(RutCheck.Status.EMPTY);
		assertThat(Rut.check("\u00A0").status()).isEqualTo(RutCheck.Status.EMPTY);
		assertThat(Rut.check(" ").canonical()).isNull();
	}

	@Test
	void acceptedForms() {
		assertValid("12.345.678-5", "12345678-5");
		assertValid("12345678-5", "12345678-5");
		assertValid("123456785", "12345678-5");
		assertValid("  12345678-5\t", "12345678-5");
		assertValid("12345678 - 5", "12345678-5");
		assertValid("12345678 5", "12345678-5");
		assertValid("10.000.013k", "10000013-K");
		assertValid("10000013k", "10000013-K");
		assertValid("10000013K", "10000013-K");
		assertValid("\u00A012.345.678-5\u00A0", "12345678-5");
		assertValid("1.234.567-4", "1234567-4");
		assertValid("15.509.661-6", "15509661-6");
	}

	@Test
	void leadingZerosAreDroppedFromCanonical() {
		assertValid("012345678-5", "12345678-5");
		assertValid("012.345.678-5", "12345678-5");
	}

	@ParameterizedTest(name = "[{index}] {0}")
	@MethodSource("cl.sernac.cifras.support.PersonalDataTests#writtenRuts")
	void everyWrittenFormOfARutHasOneCanonicalForm(String raw) {
		String canonical = switch (raw.replaceAll("[^0-9]", "").replaceFirst("^0+", "")) {
			case "10000013" -> "10000013-K";
			case "12345674" -> "1234567-4";
			case "9612343" -> "961234-3";
			case "1234567892" -> "123456789-2";
			default -> "12345678-5";
		};
		assertValid(raw, canonical);
	}

	@Test
	void everyWrittenFormOfARutHashesAlike() {
		RutHasher hasher = new RutHasher("0123456789abcdef0123".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
		String expected = hasher.hash(Rut.check("12.345.678-5").canonical());
		for (String raw : List.of("12 345 678-5", "12,345,678-5", "12.345.678–5", "12.345.678—5", "12.345.678‑5",
				"12.345.678−5", "12-345-678-5", "0012345678-5", "012.345.678-5", "12345678 5", "123456785")) {
			assertThat(hasher.hash(Rut.check(raw).canonical())).as(raw).isEqualTo(expected);
		}
	}

	@Test
	void wrongCheckDigitIsInvalid() {
		assertInvalid("12.345.678-K");
		assertInvalid("12345678-0");
		assertInvalid("123456784");
		assertInvalid("10000013-0");
	}

	@Test
	void malformedIsInvalid() {
		assertInvalid("0");
		// A zero body is no RUT, although rut_reference.py would accept "0-0".
		assertInvalid("0-0");
		assertInvalid("00");
		assertInvalid("5");
		assertInvalid("-5");
		assertInvalid("K");
		assertInvalid("12.34.5678-5");
		assertInvalid("12.345678-5");
		assertInvalid("12345.678-5");
		assertInvalid(".12.345.678-5");
		assertInvalid("12.345.678.-5");
		assertInvalid("1.2345678E7");
		assertInvalid("12345678-55");
		assertInvalid("12345678--5");
		assertInvalid("12345678-X");
		assertInvalid("A12345678-5");
		assertInvalid("1234567890-1");
		assertInvalid("12.345,678-5");
		assertInvalid("12.345 678-5");
		assertInvalid("12-345.678-5");
		assertInvalid("12––5");
		assertInvalid("12345678­5");
		assertInvalid("12_345_678-5");
		assertInvalid("sin rut");
	}

	@Test
	void canonicalFormIsStableUnderRecheck() {
		RutCheck first = Rut.check("10.000.013-k");
		assertThat(Rut.check(first.canonical())).isEqualTo(first);
	}

	@Test
	void recordRejectsInconsistentState() {
		assertThatIllegalArgumentException().isThrownBy(() -> new RutCheck(RutCheck.Status.VALID, null));
		assertThatIllegalArgumentException().isThrownBy(() -> new RutCheck(RutCheck.Status.INVALID, "1-9"));
		assertThatIllegalArgumentException().isThrownBy(() -> new RutCheck(null, null));
	}

	private static void assertValid(String raw, String canonical) {
		RutCheck check = Rut.check(raw);
		assertThat(check.status()).as(raw).isEqualTo(RutCheck.Status.VALID);
		assertThat(check.canonical()).as(raw).isEqualTo(canonical);
	}

	private static void assertInvalid(String raw) {
		RutCheck check = Rut.check(raw);
		assertThat(check.status()).as(raw).isEqualTo(RutCheck.Status.INVALID);
		assertThat(check.canonical()).as(raw).isNull();
	}

}
