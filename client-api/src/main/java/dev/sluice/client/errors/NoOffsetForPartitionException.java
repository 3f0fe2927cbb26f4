package dev.sluice.client.errors;

import dev.sluice.client.TopicPartition;

import java.util.Set;

/** No committed offset and no reset policy ({@code auto.offset.reset=none}) for these partitions. */
public class NoOffsetForPartitionException extends InvalidOffsetException {
    private static final long serialVersionUID = 1L;

    private final transient Set<TopicPartition> partitions;

    public NoOffsetForPartitionException(final Set<TopicPartition> partitions) {
        super("No committed offset and auto.offset.reset=none for " + partitions);
        this.partitions = Set.copyOf(partitions);
    }

    @Override
    public Set<TopicPartition> partitions() {
        return partitions;
    }
}
