package dev.sluice.client.consumer;

import dev.sluice.client.Headers;
import dev.sluice.client.RecordHeaders;
import dev.sluice.client.TopicPartition;

import java.util.Optional;

/**
 * One fetched record. Immutable apart from its headers' contents. The constructor takes primitives
 * (leader epoch as an {@code int}) so the fetcher allocates nothing per record beyond the record, its
 * key, value and headers; {@link #topicPartition()} and {@link #leaderEpoch()} build their objects on demand.
 *
 * @param <K> key type
 * @param <V> value type
 */
public final class ConsumerRecord<K, V> {
    public static final long NO_TIMESTAMP = -1L;
    public static final int NULL_SIZE = -1;
    public static final int NO_LEADER_EPOCH = -1;

    private final String topic;
    private final int partition;
    private final long offset;
    private final long timestamp;
    private final TimestampType timestampType;
    private final int serializedKeySize;
    private final int serializedValueSize;
    private final K key;
    private final V value;
    private final Headers headers;
    private final int leaderEpoch;

    /**
     * @param serializedKeySize key bytes on the wire, {@link #NULL_SIZE} for a null key
     * @param serializedValueSize value bytes on the wire, {@link #NULL_SIZE} for a null value
     * @param headers the record's headers; {@code null} means none
     * @param leaderEpoch the batch's partition leader epoch, or {@link #NO_LEADER_EPOCH}
     */
    public ConsumerRecord(final String topic, final int partition, final long offset, final long timestamp,
                          final TimestampType timestampType, final int serializedKeySize, final int serializedValueSize,
                          final K key, final V value, final Headers headers, final int leaderEpoch) {
        if (topic == null) {
            throw new IllegalArgumentException("topic must not be null");
        }
        this.topic = topic;
        this.partition = partition;
        this.offset = offset;
        this.timestamp = timestamp;
        this.timestampType = timestampType == null ? TimestampType.NO_TIMESTAMP_TYPE : timestampType;
        this.serializedKeySize = serializedKeySize;
        this.serializedValueSize = serializedValueSize;
        this.key = key;
        this.value = value;
        this.headers = headers == null ? new RecordHeaders() : headers;
        this.leaderEpoch = leaderEpoch < 0 ? NO_LEADER_EPOCH : leaderEpoch;
    }

    /** A record with no timestamp, sizes or headers; for tests and simple tools. */
    public ConsumerRecord(final String topic, final int partition, final long offset, final K key, final V value) {
        this(topic, partition, offset, NO_TIMESTAMP, TimestampType.NO_TIMESTAMP_TYPE, NULL_SIZE, NULL_SIZE, key, value,
            null, NO_LEADER_EPOCH);
    }

    public String topic() {
        return topic;
    }

    public int partition() {
        return partition;
    }

    /** A new TopicPartition for this record's partition. */
    public TopicPartition topicPartition() {
        return new TopicPartition(topic, partition);
    }

    public long offset() {
        return offset;
    }

    /** Epoch milliseconds, or {@link #NO_TIMESTAMP}; see {@link #timestampType()}. */
    public long timestamp() {
        return timestamp;
    }

    public TimestampType timestampType() {
        return timestampType;
    }

    public int serializedKeySize() {
        return serializedKeySize;
    }

    public int serializedValueSize() {
        return serializedValueSize;
    }

    public K key() {
        return key;
    }

    public V value() {
        return value;
    }

    public Headers headers() {
        return headers;
    }

    public Optional<Integer> leaderEpoch() {
        return leaderEpoch == NO_LEADER_EPOCH ? Optional.empty() : Optional.of(leaderEpoch);
    }

    @Override
    public String toString() {
        return "ConsumerRecord(topic = " + topic + ", partition = " + partition + ", leaderEpoch = " + leaderEpoch()
            + ", offset = " + offset + ", " + timestampType + " = " + timestamp
            + ", serialized key size = " + serializedKeySize + ", serialized value size = " + serializedValueSize
            + ", headers = " + headers + ", key = " + key + ", value = " + value + ")";
    }
}
