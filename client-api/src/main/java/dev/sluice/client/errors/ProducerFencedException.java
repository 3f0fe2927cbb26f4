package dev.sluice.client.errors;

/** Another producer with the same transactional id has taken over; this one must close. Kafka error {@code PRODUCER_FENCED} (90). */
public class ProducerFencedException extends ApiException {
    private static final long serialVersionUID = 1L;

    public static final short ERROR_CODE = 90;
    public static final String ERROR_NAME = "PRODUCER_FENCED";

    public ProducerFencedException(final String message) {
        super(ERROR_CODE, ERROR_NAME, message);
    }

    public ProducerFencedException(final String message, final Throwable cause) {
        super(ERROR_CODE, ERROR_NAME, message, cause);
    }
}
