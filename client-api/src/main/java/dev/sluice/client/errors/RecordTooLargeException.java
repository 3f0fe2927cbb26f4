package dev.sluice.client.errors;

/** A record is larger than {@code max.request.size} or {@code buffer.memory}, or than the broker accepts. Kafka error {@code MESSAGE_TOO_LARGE} (10). */
public class RecordTooLargeException extends ApiException {
    private static final long serialVersionUID = 1L;

    public static final short ERROR_CODE = 10;
    public static final String ERROR_NAME = "MESSAGE_TOO_LARGE";

    public RecordTooLargeException(final String message) {
        super(ERROR_CODE, ERROR_NAME, message);
    }

    public RecordTooLargeException(final String message, final Throwable cause) {
        super(ERROR_CODE, ERROR_NAME, message, cause);
    }
}
