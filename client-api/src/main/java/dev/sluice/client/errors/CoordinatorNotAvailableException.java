package dev.sluice.client.errors;

/** The group coordinator is not available yet. Retriable. Kafka error {@code COORDINATOR_NOT_AVAILABLE} (15). */
public class CoordinatorNotAvailableException extends RetriableException {
    private static final long serialVersionUID = 1L;

    public static final short ERROR_CODE = 15;
    public static final String ERROR_NAME = "COORDINATOR_NOT_AVAILABLE";

    public CoordinatorNotAvailableException(final String message) {
        super(ERROR_CODE, ERROR_NAME, message);
    }

    public CoordinatorNotAvailableException(final String message, final Throwable cause) {
        super(ERROR_CODE, ERROR_NAME, message, cause);
    }
}
