package dev.sluice.client.errors;

/** The client itself dropped the connection a request was on (idle timeout, close, request timeout). Retriable. */
public class DisconnectException extends NetworkException {
    private static final long serialVersionUID = 1L;

    public DisconnectException(final String message) {
        super(message);
    }

    public DisconnectException(final String message, final Throwable cause) {
        super(message, cause);
    }
}
