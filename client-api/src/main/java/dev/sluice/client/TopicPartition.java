package dev.sluice.client;

import java.util.Objects;

/**
 * A topic name and a partition number. Immutable value; its hash is computed once because
 * instances are used as map keys on every send and fetch. {@link #toString()} is {@code topic-partition}.
 */
public final class TopicPartition {
    private final String topic;
    private final int partition;
    private final int hash;

    /**
     * @param topic the topic name, not null
     * @param partition the partition number; negative values are allowed only as "not yet known" markers
     */
    public TopicPartition(final String topic, final int partition) {
        this.topic = Objects.requireNonNull(topic, "topic");
        this.partition = partition;
        this.hash = 31 * topic.hashCode() + partition;
    }

    public String topic() {
        return topic;
    }

    public int partition() {
        return partition;
    }

    @Override
    public boolean equals(final Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof TopicPartition)) {
            return false;
        }
        final TopicPartition other = (TopicPartition) o;
        return partition == other.partition && topic.equals(other.topic);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        return topic + "-" + partition;
    }
}
