package dev.sluice.client.errors;

import dev.sluice.client.TopicPartition;

import java.util.Set;

/** The consumer has no valid position for some partitions and {@code auto.offset.reset} cannot help. */
public abstract class InvalidOffsetException extends SluiceException {
    private static final long serialVersionUID = 1L;

    protected InvalidOffsetException(final String message) {
        super(message);
    }

    /** The partitions without a valid position. Never empty. */
    public abstract Set<TopicPartition> partitions();
}
