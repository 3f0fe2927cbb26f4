package dev.sluice.client.producer;

import dev.sluice.client.Header;
import dev.sluice.client.Headers;
import dev.sluice.client.RecordHeaders;

import java.util.Objects;

/**
 * A record to send: topic, optional partition, optional timestamp, key, value and headers.
 * The fields are fixed at construction; the headers stay mutable until {@code send} takes the record,
 * after which they are read-only.
 *
 * @param <K> key type
 * @param <V> value type
 */
public final class ProducerRecord<K, V> {
    private final String topic;
    private final Integer partition;
    private final Long timestamp;
    private final K key;
    private final V value;
    private final RecordHeaders headers;

    /**
     * @param partition the partition, or {@code null} to let the partitioner choose
     * @param timestamp milliseconds since the epoch, or {@code null} to use the producer's clock at send time
     * @param headers initial headers, or {@code null}; they are copied into this record's own header list
     * @throws IllegalArgumentException for a negative partition or timestamp
     */
    public ProducerRecord(final String topic, final Integer partition, final Long timestamp, final K key, final V value,
                          final Iterable<Header> headers) {
        this.topic = Objects.requireNonNull(topic, "topic");
        if (partition != null && partition < 0) {
            throw new IllegalArgumentException("Invalid partition " + partition + " for topic " + topic
                + ": must be at least 0");
        }
        if (timestamp != null && timestamp < 0) {
            throw new IllegalArgumentException("Invalid timestamp " + timestamp + " for a record to topic " + topic
                + ": must be at least 0");
        }
        this.partition = partition;
        this.timestamp = timestamp;
        this.key = key;
        this.value = value;
        this.headers = new RecordHeaders(headers);
    }

    public ProducerRecord(final String topic, final Integer partition, final Long timestamp, final K key, final V value) {
        this(topic, partition, timestamp, key, value, null);
    }

    public ProducerRecord(final String topic, final Integer partition, final K key, final V value,
                          final Iterable<Header> headers) {
        this(topic, partition, null, key, value, headers);
    }

    public ProducerRecord(final String topic, final Integer partition, final K key, final V value) {
        this(topic, partition, null, key, value, null);
    }

    public ProducerRecord(final String topic, final K key, final V value) {
        this(topic, null, null, key, value, null);
    }

    /** A keyless record. */
    public ProducerRecord(final String topic, final V value) {
        this(topic, null, null, null, value, null);
    }

    public String topic() {
        return topic;
    }

    /** The requested partition, or {@code null}. */
    public Integer partition() {
        return partition;
    }

    /** The requested timestamp in epoch milliseconds, or {@code null}. */
    public Long timestamp() {
        return timestamp;
    }

    public K key() {
        return key;
    }

    public V value() {
        return value;
    }

    /** This record's headers; add to them before {@code send}. */
    public Headers headers() {
        return headers;
    }

    @Override
    public boolean equals(final Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof ProducerRecord)) {
            return false;
        }
        final ProducerRecord<?, ?> other = (ProducerRecord<?, ?>) o;
        return topic.equals(other.topic) && Objects.equals(partition, other.partition)
            && Objects.equals(timestamp, other.timestamp) && Objects.equals(key, other.key)
            && Objects.equals(value, other.value) && headers.equals(other.headers);
    }

    @Override
    public int hashCode() {
        return Objects.hash(topic, partition, timestamp, key, value, headers);
    }

    @Override
    public String toString() {
        return "ProducerRecord(topic = " + topic + ", partition = " + partition + ", timestamp = " + timestamp
            + ", key = " + key + ", value = " + value + ", headers = " + headers + ")";
    }
}
