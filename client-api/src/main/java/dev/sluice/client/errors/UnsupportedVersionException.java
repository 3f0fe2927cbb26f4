package dev.sluice.client.errors;

/** The broker does not support the API or version this client needs. Kafka error {@code UNSUPPORTED_VERSION} (35). */
public class UnsupportedVersionException extends ApiException {
    private static final long serialVersionUID = 1L;

    public static final short ERROR_CODE = 35;
    public static final String ERROR_NAME = "UNSUPPORTED_VERSION";

    public UnsupportedVersionException(final String message) {
        super(ERROR_CODE, ERROR_NAME, message);
    }

    public UnsupportedVersionException(final String message, final Throwable cause) {
        super(ERROR_CODE, ERROR_NAME, message, cause);
    }
}
