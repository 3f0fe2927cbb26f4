package dev.sluice.client.producer;

import dev.sluice.client.Metric;
import dev.sluice.client.MetricName;
import dev.sluice.client.PartitionInfo;

import java.io.Closeable;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;

/**
 * Sends records to partitions of topics. Thread safe: one instance is meant to be shared by every
 * thread of an application that writes to the same cluster.
 *
 * <p>{@code send} only serializes, picks a partition and appends to a batch in memory; a background
 * thread ships batches. Records to the same partition are acknowledged in the order they were sent.
 *
 * @param <K> key type
 * @param <V> value type
 */
public interface Producer<K, V> extends Closeable {
    /** Same as {@code send(record, null)}. */
    Future<RecordMetadata> send(ProducerRecord<K, V> record);

    /**
     * Queues a record for sending. Blocks only while metadata for the topic is unknown or
     * {@code buffer.memory} is full, for at most {@code max.block.ms} in total.
     *
     * <p>Failures the producer finds before the record is queued are not thrown but reported, as
     * kafka-clients does, through {@code callback} and the returned future, which fails with:
     * {@link dev.sluice.client.errors.TimeoutException} if metadata for the topic (or the
     * record's partition) did not arrive within {@code max.block.ms};
     * {@link dev.sluice.client.errors.BufferExhaustedException} if {@code buffer.memory} did not
     * free up within what was left of it; {@link dev.sluice.client.errors.RecordTooLargeException}
     * if the serialized record is larger than {@code max.request.size} or {@code buffer.memory};
     * or another {@link dev.sluice.client.errors.ApiException} if the broker reports the topic as
     * unusable (for example an invalid name or no authorization). Failures after the record is
     * queued (broker errors, {@code delivery.timeout.ms}) arrive the same way.
     *
     * @param callback run on the I/O thread once the record is acknowledged or failed; may be {@code null}
     * @return completes with the record's metadata, or exceptionally with the reason it was not written
     * @throws dev.sluice.client.errors.SerializationException if the key or value cannot be serialized
     * @throws dev.sluice.client.errors.InterruptException if the calling thread is interrupted while blocked
     * @throws IllegalArgumentException if a custom partitioner picks a partition the topic does not have
     * @throws IllegalStateException if the producer is closed, or closes while this call waits
     */
    Future<RecordMetadata> send(ProducerRecord<K, V> record, Callback callback);

    /**
     * Sends every record queued so far without waiting for {@code linger.ms}, and blocks until each has
     * completed (successfully or not). Records sent by other threads meanwhile may or may not be included.
     * Failed records are reported through their callbacks and futures, not thrown here.
     *
     * @throws dev.sluice.client.errors.InterruptException if the calling thread is interrupted while waiting
     */
    void flush();

    /**
     * The partitions of a topic, fetching metadata if needed (blocking up to {@code max.block.ms}):
     * for each, its leader ({@code null} while it has none), replicas, in-sync replicas and offline
     * replicas, as the last Metadata response gave them.
     *
     * @throws dev.sluice.client.errors.TimeoutException if metadata for the topic did not arrive in {@code max.block.ms}
     * @throws dev.sluice.client.errors.ApiException if the broker reports the topic as unusable
     *         (for example an invalid name or no authorization)
     * @throws dev.sluice.client.errors.InterruptException if the calling thread is interrupted while waiting
     * @throws IllegalStateException if the producer closes while this call waits
     */
    List<PartitionInfo> partitionsFor(String topic);

    /** The producer's metrics, keyed by name. The map is a snapshot; the metric values are live. */
    Map<MetricName, ? extends Metric> metrics();

    /**
     * Sends what is queued, waits for it, then releases resources: {@code close(Duration.ofMillis(Long.MAX_VALUE))}.
     *
     * @throws dev.sluice.client.errors.InterruptException if the calling thread is interrupted while waiting
     *         (pending records are then failed)
     */
    @Override
    void close();

    /**
     * Waits up to {@code timeout} for queued records to complete, then fails whatever is left and
     * releases resources. {@code Duration.ZERO} (or a negative duration) fails pending records at
     * once. Idempotent. Failed records are reported through their callbacks and futures.
     *
     * @throws dev.sluice.client.errors.InterruptException if the calling thread is interrupted while waiting
     *         (pending records are then failed)
     */
    void close(Duration timeout);
}
