package cl.sernac.cifras.normalize;

/**
 * Outcome of checking a raw RUT field.
 *
 * @param status whether the field was empty, a valid RUT or anything else
 * @param canonical {@code body-DV} without dots or leading zeros and with an upper-case
 * {@code K} (e.g. {@code 12345678-5}) when {@link Status#VALID}, otherwise {@code null}
 */
public record RutCheck(Status status, String canonical) {

	public RutCheck {
		if (status == null) {
			throw new IllegalArgumentException("status is required");
		}
		if ((status == Status.VALID) != (canonical != null)) {
			throw new IllegalArgumentException("canonical must be present exactly when the RUT is valid");
		}
	}

	/**
	 * Whether the field held a well-formed RUT with a correct check digit.
	 * @return {@code true} for {@link Status#VALID}
	 */
	public boolean isValid() {
		return this.status == Status.VALID;
	}

	/**
	 * What a RUT field held.
	 */
	public enum Status {

		/** Missing or blank: the person gave none. */
		EMPTY,

		/** Well formed with a correct check digit. */
		VALID,

		/** Malformed or with a wrong check digit: kept as unknown, with a warning. */
		INVALID

	}

}
