package dev.sluice.client.errors;

/**
 * An offset commit cannot succeed by retrying: the group rebalanced and this consumer's partitions
 * went to another member (typically because {@code max.poll.interval.ms} passed between polls).
 */
public class CommitFailedException extends SluiceException {
    private static final long serialVersionUID = 1L;

    public CommitFailedException(final String message) {
        super(message);
    }

    public CommitFailedException(final String message, final Throwable cause) {
        super(message, cause);
    }
}
