package dev.sluice.client.errors;

/** The broker saw an idempotent producer's sequence number out of order; records may be lost or reordered. Kafka error {@code OUT_OF_ORDER_SEQUENCE_NUMBER} (45). */
public class OutOfOrderSequenceException extends ApiException {
    private static final long serialVersionUID = 1L;

    public static final short ERROR_CODE = 45;
    public static final String ERROR_NAME = "OUT_OF_ORDER_SEQUENCE_NUMBER";

    public OutOfOrderSequenceException(final String message) {
        super(ERROR_CODE, ERROR_NAME, message);
    }

    public OutOfOrderSequenceException(final String message, final Throwable cause) {
        super(ERROR_CODE, ERROR_NAME, message, cause);
    }
}
