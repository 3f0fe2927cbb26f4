package dev.sluice.client.consumer;

import dev.sluice.client.Metric;
import dev.sluice.client.MetricName;
import dev.sluice.client.PartitionInfo;
import dev.sluice.client.TopicPartition;

import java.io.Closeable;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads records from partitions, either assigned by hand ({@link #assign}) or by a consumer group
 * ({@link #subscribe}). NOT thread safe: one thread uses a consumer; the only call allowed from
 * other threads is {@link #wakeup()}.
 *
 * <p>Blocking calls without a timeout argument wait at most {@code default.api.timeout.ms} and then
 * throw {@link dev.sluice.client.errors.TimeoutException}.
 *
 * @param <K> key type
 * @param <V> value type
 */
public interface Consumer<K, V> extends Closeable {
    /** Reads exactly these partitions, with no group membership. Replaces any earlier assignment; empty means none. */
    void assign(Collection<TopicPartition> partitions);

    /** The partitions currently assigned (by hand or by the group). */
    Set<TopicPartition> assignment();

    /** Joins the group ({@code group.id}) to share these topics' partitions. Replaces any earlier subscription. */
    void subscribe(Collection<String> topics);

    /** As {@link #subscribe(Collection)}, telling {@code listener} about assignment changes. */
    void subscribe(Collection<String> topics, ConsumerRebalanceListener listener);

    /** The subscribed topics; empty when assigned by hand or not subscribed. */
    Set<String> subscription();

    /** Drops the subscription or manual assignment (leaving the group, revoking partitions). */
    void unsubscribe();

    /**
     * Returns records fetched for the assigned, unpaused partitions, waiting up to {@code timeout} for
     * some to arrive. Also where group membership, rebalance callbacks and auto-commit happen, so it
     * must be called at least every {@code max.poll.interval.ms}.
     *
     * @return the records; empty (never null) if none arrived in time
     * @throws dev.sluice.client.errors.WakeupException if {@link #wakeup()} was called
     * @throws dev.sluice.client.errors.InvalidOffsetException if a position is invalid and {@code auto.offset.reset=none}
     */
    ConsumerRecords<K, V> poll(Duration timeout);

    /** The next poll for this partition starts at {@code offset}. */
    void seek(TopicPartition partition, long offset);

    /** The next poll for these partitions starts at their first offset (evaluated lazily). Empty means all assigned. */
    void seekToBeginning(Collection<TopicPartition> partitions);

    /** The next poll for these partitions starts after their last record (evaluated lazily). Empty means all assigned. */
    void seekToEnd(Collection<TopicPartition> partitions);

    /** The offset of the next record {@code poll} would return for this partition, looking it up if needed. */
    long position(TopicPartition partition);

    /** The group's committed offsets for these partitions; partitions with none are absent from the result. */
    Map<TopicPartition, OffsetAndMetadata> committed(Set<TopicPartition> partitions);

    /** Commits the positions returned by the last poll for every assigned partition, blocking until done. */
    void commitSync();

    /** Commits these offsets (each the next offset to read), blocking until done. */
    void commitSync(Map<TopicPartition, OffsetAndMetadata> offsets);

    /** Commits the last polled positions without waiting; failures are not retried. */
    void commitAsync();

    /** As {@link #commitAsync()}, reporting the outcome to {@code callback} on a later poll or commit. */
    void commitAsync(OffsetCommitCallback callback);

    /** Commits these offsets without waiting, reporting to {@code callback} (may be {@code null}). */
    void commitAsync(Map<TopicPartition, OffsetAndMetadata> offsets, OffsetCommitCallback callback);

    /** Stops returning records from these partitions (they stay assigned) until {@link #resume}. */
    void pause(Collection<TopicPartition> partitions);

    void resume(Collection<TopicPartition> partitions);

    Set<TopicPartition> paused();

    /** The partitions of a topic, from metadata (fetched if needed). */
    List<PartitionInfo> partitionsFor(String topic);

    /**
     * Makes the current or next blocking call throw {@link dev.sluice.client.errors.WakeupException}.
     * The one method safe to call from another thread, typically to stop a poll loop.
     */
    void wakeup();

    /** The consumer's metrics, keyed by name. */
    Map<MetricName, ? extends Metric> metrics();

    /** Leaves the group (committing first if auto-commit is on) and releases resources; waits up to 30 s. */
    @Override
    void close();

    /** As {@link #close()}, waiting at most {@code timeout}. Idempotent. */
    void close(Duration timeout);
}
