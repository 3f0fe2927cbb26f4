package dev.sluice.client.errors;

/** The producer epoch is older than the broker's for this producer id. Kafka error {@code INVALID_PRODUCER_EPOCH} (47). */
public class InvalidProducerEpochException extends ApiException {
    private static final long serialVersionUID = 1L;

    public static final short ERROR_CODE = 47;
    public static final String ERROR_NAME = "INVALID_PRODUCER_EPOCH";

    public InvalidProducerEpochException(final String message) {
        super(ERROR_CODE, ERROR_NAME, message);
    }

    public InvalidProducerEpochException(final String message, final Throwable cause) {
        super(ERROR_CODE, ERROR_NAME, message, cause);
    }
}
