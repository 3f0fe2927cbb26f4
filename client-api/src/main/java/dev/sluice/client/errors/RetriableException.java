package dev.sluice.client.errors;

/**
 * A failure that may succeed if retried unchanged: leadership moved, a connection dropped, a
 * deadline passed. The producer retries these itself within {@code delivery.timeout.ms}.
 */
public class RetriableException extends ApiException {
    private static final long serialVersionUID = 1L;

    public RetriableException(final short errorCode, final String errorName, final String message) {
        super(errorCode, errorName, message);
    }

    public RetriableException(final short errorCode, final String errorName, final String message, final Throwable cause) {
        super(errorCode, errorName, message, cause);
    }
}
