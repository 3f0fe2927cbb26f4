package dev.sluice.client.errors;

/** The topic name is not legal, or the operation is not allowed on that topic. Kafka error {@code INVALID_TOPIC_EXCEPTION} (17). */
public class InvalidTopicException extends ApiException {
    private static final long serialVersionUID = 1L;

    public static final short ERROR_CODE = 17;
    public static final String ERROR_NAME = "INVALID_TOPIC_EXCEPTION";

    public InvalidTopicException(final String message) {
        super(ERROR_CODE, ERROR_NAME, message);
    }

    public InvalidTopicException(final String message, final Throwable cause) {
        super(ERROR_CODE, ERROR_NAME, message, cause);
    }
}
