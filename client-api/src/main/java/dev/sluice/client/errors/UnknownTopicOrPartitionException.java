package dev.sluice.client.errors;

/** The topic or partition does not exist (yet) on the broker asked. Retriable: it may be being created. Kafka error {@code UNKNOWN_TOPIC_OR_PARTITION} (3). */
public class UnknownTopicOrPartitionException extends RetriableException {
    private static final long serialVersionUID = 1L;

    public static final short ERROR_CODE = 3;
    public static final String ERROR_NAME = "UNKNOWN_TOPIC_OR_PARTITION";

    public UnknownTopicOrPartitionException(final String message) {
        super(ERROR_CODE, ERROR_NAME, message);
    }

    public UnknownTopicOrPartitionException(final String message, final Throwable cause) {
        super(ERROR_CODE, ERROR_NAME, message, cause);
    }
}
