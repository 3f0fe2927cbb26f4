package dev.sluice.client.errors;

/** The broker asked is not the coordinator of this group. Retriable after finding the coordinator again. Kafka error {@code NOT_COORDINATOR} (16). */
public class NotCoordinatorException extends RetriableException {
    private static final long serialVersionUID = 1L;

    public static final short ERROR_CODE = 16;
    public static final String ERROR_NAME = "NOT_COORDINATOR";

    public NotCoordinatorException(final String message) {
        super(ERROR_CODE, ERROR_NAME, message);
    }

    public NotCoordinatorException(final String message, final Throwable cause) {
        super(ERROR_CODE, ERROR_NAME, message, cause);
    }
}
