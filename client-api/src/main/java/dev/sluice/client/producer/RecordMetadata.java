package dev.sluice.client.producer;

import dev.sluice.client.TopicPartition;

/**
 * Where an acknowledged record was written. Immutable.
 *
 * <p>The offset is {@link #UNKNOWN_OFFSET} with {@code acks=0} (the broker does not answer) and on
 * failure; the timestamp is the broker's log-append time if the topic uses it, else the record's
 * create time.
 */
public final class RecordMetadata {
    public static final long UNKNOWN_OFFSET = -1L;
    public static final long NO_TIMESTAMP = -1L;
    public static final int UNKNOWN_SIZE = -1;

    private final TopicPartition topicPartition;
    private final long offset;
    private final long timestamp;
    private final int serializedKeySize;
    private final int serializedValueSize;

    /**
     * @param serializedKeySize bytes of the serialized key, {@code -1} for a null key
     * @param serializedValueSize bytes of the serialized value, {@code -1} for a null value
     */
    public RecordMetadata(final TopicPartition topicPartition, final long offset, final long timestamp,
                          final int serializedKeySize, final int serializedValueSize) {
        this.topicPartition = topicPartition;
        this.offset = offset;
        this.timestamp = timestamp;
        this.serializedKeySize = serializedKeySize;
        this.serializedValueSize = serializedValueSize;
    }

    public String topic() {
        return topicPartition.topic();
    }

    public int partition() {
        return topicPartition.partition();
    }

    public TopicPartition topicPartition() {
        return topicPartition;
    }

    /** The record's offset in its partition, or {@link #UNKNOWN_OFFSET}. */
    public long offset() {
        return offset;
    }

    public boolean hasOffset() {
        return offset != UNKNOWN_OFFSET;
    }

    /** Milliseconds since the epoch, or {@link #NO_TIMESTAMP}. */
    public long timestamp() {
        return timestamp;
    }

    public boolean hasTimestamp() {
        return timestamp != NO_TIMESTAMP;
    }

    /** Serialized key size in bytes, {@code -1} for a null key. */
    public int serializedKeySize() {
        return serializedKeySize;
    }

    /** Serialized value size in bytes, {@code -1} for a null value. */
    public int serializedValueSize() {
        return serializedValueSize;
    }

    @Override
    public String toString() {
        return topicPartition + "@" + offset;
    }
}
