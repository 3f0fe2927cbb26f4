package dev.sluice.client.internal.metadata;

/**
 * A partition of a topic, as the client internals key their per-partition state. Immutable.
 */
public record TopicPartition(String topic, int partition) {
    @Override
    public String toString() {
        return topic + "-" + partition;
    }
}
