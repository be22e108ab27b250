package cl.sernac.cifras.aggregate;

import cl.sernac.cifras.merge.StoreFixture;

/**
 * Rule 2 again, every file applied by a new merger as by a run on a store that is not
 * empty: every folio is looked up in the store, none ruled out by the rebuild's sketch.
 */
class CountedCaseLookupTests extends CountedCaseTests {

	@Override
	StoreFixture newStore() {
		return new StoreFixture(true);
	}

}
