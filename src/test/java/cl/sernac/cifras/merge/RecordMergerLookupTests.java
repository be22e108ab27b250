package cl.sernac.cifras.merge;

/**
 * Rules 1 and 5 again, every file applied by a new merger as by a run on a store that is
 * not empty: every key is looked up in the store, none ruled out by the rebuild's sketch.
 */
class RecordMergerLookupTests extends RecordMergerTests {

	@Override
	StoreFixture newStore() {
		return new StoreFixture(true);
	}

}
