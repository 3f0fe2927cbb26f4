package dev.sluice.client.errors;

/** The broker asked does not host this partition; metadata is stale. Retriable after a metadata refresh. Kafka error {@code NOT_LEADER_OR_FOLLOWER} (6). */
public class NotLeaderOrFollowerException extends RetriableException {
    private static final long serialVersionUID = 1L;

    public static final short ERROR_CODE = 6;
    public static final String ERROR_NAME = "NOT_LEADER_OR_FOLLOWER";

    public NotLeaderOrFollowerException(final String message) {
        super(ERROR_CODE, ERROR_NAME, message);
    }

    public NotLeaderOrFollowerException(final String message, final Throwable cause) {
        super(ERROR_CODE, ERROR_NAME, message, cause);
    }
}
