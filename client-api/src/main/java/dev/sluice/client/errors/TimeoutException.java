package dev.sluice.client.errors;

/** An operation did not finish within its deadline (client side), or the broker timed a request out. Retriable. Kafka error {@code REQUEST_TIMED_OUT} (7). */
public class TimeoutException extends RetriableException {
    private static final long serialVersionUID = 1L;

    public static final short ERROR_CODE = 7;
    public static final String ERROR_NAME = "REQUEST_TIMED_OUT";

    public TimeoutException(final String message) {
        super(ERROR_CODE, ERROR_NAME, message);
    }

    public TimeoutException(final String message, final Throwable cause) {
        super(ERROR_CODE, ERROR_NAME, message, cause);
    }
}
