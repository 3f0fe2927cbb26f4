package dev.sluice.client.errors;

/** The connection broke before a response arrived. Retriable. Kafka error {@code NETWORK_EXCEPTION} (13). */
public class NetworkException extends RetriableException {
    private static final long serialVersionUID = 1L;

    public static final short ERROR_CODE = 13;
    public static final String ERROR_NAME = "NETWORK_EXCEPTION";

    public NetworkException(final String message) {
        super(ERROR_CODE, ERROR_NAME, message);
    }

    public NetworkException(final String message, final Throwable cause) {
        super(ERROR_CODE, ERROR_NAME, message, cause);
    }
}
