package dev.sluice.client.errors;

/** A batch (or request) is larger than the broker accepts. Kafka error {@code RECORD_LIST_TOO_LARGE} (18). */
public class RecordBatchTooLargeException extends ApiException {
    private static final long serialVersionUID = 1L;

    public static final short ERROR_CODE = 18;
    public static final String ERROR_NAME = "RECORD_LIST_TOO_LARGE";

    public RecordBatchTooLargeException(final String message) {
        super(ERROR_CODE, ERROR_NAME, message);
    }

    public RecordBatchTooLargeException(final String message, final Throwable cause) {
        super(ERROR_CODE, ERROR_NAME, message, cause);
    }
}
