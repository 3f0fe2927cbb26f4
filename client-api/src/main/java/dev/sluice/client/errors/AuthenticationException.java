package dev.sluice.client.errors;

/** The broker refused the client's credentials. Kafka error {@code SASL_AUTHENTICATION_FAILED} (58). */
public class AuthenticationException extends ApiException {
    private static final long serialVersionUID = 1L;

    public static final short ERROR_CODE = 58;
    public static final String ERROR_NAME = "SASL_AUTHENTICATION_FAILED";

    public AuthenticationException(final String message) {
        super(ERROR_CODE, ERROR_NAME, message);
    }

    public AuthenticationException(final String message, final Throwable cause) {
        super(ERROR_CODE, ERROR_NAME, message, cause);
    }
}
