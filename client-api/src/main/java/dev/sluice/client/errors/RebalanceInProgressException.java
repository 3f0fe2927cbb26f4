package dev.sluice.client.errors;

/** The group is rebalancing; the operation (typically a commit) must wait for the new assignment. Kafka error {@code REBALANCE_IN_PROGRESS} (27). */
public class RebalanceInProgressException extends ApiException {
    private static final long serialVersionUID = 1L;

    public static final short ERROR_CODE = 27;
    public static final String ERROR_NAME = "REBALANCE_IN_PROGRESS";

    public RebalanceInProgressException(final String message) {
        super(ERROR_CODE, ERROR_NAME, message);
    }

    public RebalanceInProgressException(final String message, final Throwable cause) {
        super(ERROR_CODE, ERROR_NAME, message, cause);
    }
}
