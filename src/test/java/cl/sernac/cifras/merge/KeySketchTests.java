package cl.sernac.cifras.merge;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class KeySketchTests {

	@Test
	void everythingAddedMayBeContained() {
		KeySketch sketch = new KeySketch(20);
		for (int i = 0; i < 100_000; i++) {
			sketch.add("callcenter", Integer.toString(4_000_000 + i));
		}
		for (int i = 0; i < 100_000; i++) {
			assertThat(sketch.mayContain("callcenter", Integer.toString(4_000_000 + i))).isTrue();
		}
	}

	@Test
	void whatWasNeverAddedIsMostlyRuledOut() {
		// 100.000 keys in 2^20 bits: about 1,7 % false positives with three hashes
		KeySketch sketch = new KeySketch(20);
		for (int i = 0; i < 100_000; i++) {
			sketch.add("callcenter", Integer.toString(4_000_000 + i));
		}
		int maybe = 0;
		for (int i = 0; i < 100_000; i++) {
			if (sketch.mayContain("callcenter", Integer.toString(5_000_000 + i))) {
				maybe++;
			}
		}
		assertThat(maybe).isLessThan(3_000);
	}

	@Test
	void theKindIsPartOfTheEntry() {
		KeySketch sketch = new KeySketch(20);
		sketch.add("portal", "R-2015-0000001");
		assertThat(sketch.mayContain("portal", "R-2015-0000001")).isTrue();
		assertThat(sketch.mayContain("folio", "R-2015-0000001")).isFalse();
		assertThat(sketch.mayContain("portal", "R-2015-0000002")).isFalse();
	}

}
