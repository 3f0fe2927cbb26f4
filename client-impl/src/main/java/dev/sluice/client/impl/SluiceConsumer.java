package dev.sluice.client.impl;

import dev.sluice.client.Metric;
import dev.sluice.client.MetricName;
import dev.sluice.client.PartitionInfo;
import dev.sluice.client.TopicPartition;
import dev.sluice.client.config.HostPort;
import dev.sluice.client.consumer.Consumer;
import dev.sluice.client.consumer.ConsumerConfig;
import dev.sluice.client.consumer.ConsumerRebalanceListener;
import dev.sluice.client.consumer.ConsumerRecord;
import dev.sluice.client.consumer.ConsumerRecords;
import dev.sluice.client.consumer.OffsetAndMetadata;
import dev.sluice.client.consumer.OffsetCommitCallback;
import dev.sluice.client.consumer.OffsetResetStrategy;
import dev.sluice.client.errors.InvalidTopicException;
import dev.sluice.client.errors.NoOffsetForPartitionException;
import dev.sluice.client.errors.TimeoutException;
import dev.sluice.client.errors.WakeupException;
import dev.sluice.client.internal.consumer.ConsumerCoordinator;
import dev.sluice.client.internal.consumer.ConsumerMetrics;
import dev.sluice.client.internal.consumer.FetchConfig;
import dev.sluice.client.internal.consumer.Fetcher;
import dev.sluice.client.internal.consumer.OffsetResetter;
import dev.sluice.client.internal.consumer.SubscriptionState;
import dev.sluice.client.internal.metadata.Metadata;
import dev.sluice.client.internal.metrics.JmxReporter;
import dev.sluice.client.internal.metrics.Metrics;
import dev.sluice.client.internal.network.NetworkClient;
import dev.sluice.client.internal.util.Time;
import dev.sluice.client.serialization.Deserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.ConcurrentModificationException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The Sluice consumer: Kafka's consumer protocol driven from the application thread that calls
 * {@link #poll}, as kafka-clients' classic consumer does.
 *
 * <p>Not thread-safe: one thread uses it, except {@link #wakeup()} which any thread may call to make a
 * blocked {@code poll} throw {@link WakeupException}. Group membership (subscribe, commits) is handled by
 * a {@link ConsumerCoordinator}, whose heartbeat thread keeps the member alive between polls.
 */
public final class SluiceConsumer<K, V> implements Consumer<K, V> {
    private static final Logger LOG = LoggerFactory.getLogger(SluiceConsumer.class);
    private static final AtomicInteger CLIENT_SEQUENCE = new AtomicInteger(1);
    /** Headroom above fetch.max.bytes for response framing and a first batch larger than the limit. */
    private static final int RESPONSE_HEADROOM_BYTES = 16 * 1024 * 1024;
    /** Assigned topics are refreshed on every poll, so they never idle out of metadata requests. */
    private static final long METADATA_IDLE_MS = 5 * 60 * 1000L;
    private static final long NO_CURRENT_THREAD = -1L;

    private final ConsumerConfig config;
    private final Time time;
    private final String clientId;
    private final Deserializer<K> keyDeserializer;
    private final Deserializer<V> valueDeserializer;
    private final Metadata metadata;
    private final NetworkClient client;
    private final SubscriptionState subscriptions;
    private final Fetcher<K, V> fetcher;
    private final OffsetResetter resetter;
    private final ConsumerCoordinator coordinator;
    private final Metrics metrics;
    private final JmxReporter jmx;
    private final long retryBackoffMs;
    private final long defaultApiTimeoutMs;
    private final AtomicBoolean wakeupRequested = new AtomicBoolean();
    private final AtomicLong currentThread = new AtomicLong(NO_CURRENT_THREAD);
    private int refCount;
    private volatile boolean closed;

    /** A consumer whose deserializers come from {@code key.deserializer} / {@code value.deserializer}. */
    public SluiceConsumer(final Properties properties) {
        this(new ConsumerConfig(properties), null, null, Time.SYSTEM);
    }

    public SluiceConsumer(final Properties properties, final Deserializer<K> keyDeserializer,
                          final Deserializer<V> valueDeserializer) {
        this(new ConsumerConfig(properties), keyDeserializer, valueDeserializer, Time.SYSTEM);
    }

    public SluiceConsumer(final Map<String, ?> properties) {
        this(new ConsumerConfig(properties), null, null, Time.SYSTEM);
    }

    public SluiceConsumer(final Map<String, ?> properties, final Deserializer<K> keyDeserializer,
                          final Deserializer<V> valueDeserializer) {
        this(new ConsumerConfig(properties), keyDeserializer, valueDeserializer, Time.SYSTEM);
    }

    @SuppressWarnings("unchecked")
    SluiceConsumer(final ConsumerConfig config, final Deserializer<K> keyDeserializer,
                   final Deserializer<V> valueDeserializer, final Time time) {
        this.config = config;
        this.time = time;
        final String configuredId = config.stringValue(ConsumerConfig.CLIENT_ID_CONFIG);
        this.clientId = configuredId == null || configuredId.isEmpty()
            ? "consumer-" + CLIENT_SEQUENCE.getAndIncrement() : configuredId;
        for (final String unknown : config.unknownKeys()) {
            LOG.warn("[{}] The configuration '{}' was supplied but is not a known consumer config.", clientId, unknown);
        }
        if (keyDeserializer == null && config.classValue(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG) == null) {
            throw new dev.sluice.client.errors.ConfigException(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, null,
                "a key deserializer is required: set the key or pass an instance");
        }
        if (valueDeserializer == null && config.classValue(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG) == null) {
            throw new dev.sluice.client.errors.ConfigException(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, null,
                "a value deserializer is required: set the key or pass an instance");
        }
        this.keyDeserializer = keyDeserializer != null ? keyDeserializer : (Deserializer<K>) config.newKeyDeserializer();
        this.valueDeserializer = valueDeserializer != null ? valueDeserializer
            : (Deserializer<V>) config.newValueDeserializer();
        this.retryBackoffMs = config.longValue(ConsumerConfig.RETRY_BACKOFF_MS_CONFIG);
        this.defaultApiTimeoutMs = config.intValue(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG);
        this.metadata = new Metadata(retryBackoffMs, config.longValue(ConsumerConfig.METADATA_MAX_AGE_CONFIG),
            METADATA_IDLE_MS, time);
        final int fetchMaxBytes = config.intValue(ConsumerConfig.FETCH_MAX_BYTES_CONFIG);
        final int partitionMaxBytes = config.intValue(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG);
        final int maxResponseBytes = (int) Math.min(Integer.MAX_VALUE - 1,
            (long) Math.max(fetchMaxBytes, partitionMaxBytes) + RESPONSE_HEADROOM_BYTES);
        try {
            this.client = new NetworkClient(new NetworkClient.Config(clientId,
                config.intValue(ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG),
                config.longValue(ConsumerConfig.RECONNECT_BACKOFF_MS_CONFIG),
                config.longValue(ConsumerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG),
                // The fetch, a ListOffsets and group requests may share a connection.
                5, maxResponseBytes,
                config.intValue(ConsumerConfig.SEND_BUFFER_CONFIG), config.intValue(ConsumerConfig.RECEIVE_BUFFER_CONFIG)),
                bootstrapAddresses(config.bootstrapServers()), metadata, time);
        } catch (final IOException e) {
            throw new UncheckedIOException("Cannot open the consumer's selector", e);
        }
        this.subscriptions = new SubscriptionState(config.offsetResetStrategy());
        this.metrics = new Metrics(time);
        final ConsumerMetrics consumerMetrics = new ConsumerMetrics(metrics, clientId);
        final byte isolation = config.isolationLevel().id();
        this.fetcher = new Fetcher<>(client, metadata, subscriptions, new FetchConfig(
            config.intValue(ConsumerConfig.FETCH_MIN_BYTES_CONFIG), fetchMaxBytes,
            config.intValue(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG), partitionMaxBytes,
            config.intValue(ConsumerConfig.MAX_POLL_RECORDS_CONFIG), config.booleanValue(ConsumerConfig.CHECK_CRCS_CONFIG),
            isolation), this.keyDeserializer, this.valueDeserializer, consumerMetrics);
        this.resetter = new OffsetResetter(client, metadata, subscriptions, isolation, retryBackoffMs);
        this.coordinator = config.groupId() == null || config.groupId().isEmpty() ? null
            : new ConsumerCoordinator(config, clientId, client, metadata, subscriptions, time);
        this.jmx = new JmxReporter(metrics, ConsumerMetrics.GROUP, clientId);
        LOG.info("[{}] Sluice consumer started (group {})", clientId, config.groupId());
    }

    private static List<InetSocketAddress> bootstrapAddresses(final List<HostPort> servers) {
        final List<InetSocketAddress> addresses = new ArrayList<>();
        for (final HostPort server : servers) {
            addresses.add(InetSocketAddress.createUnresolved(server.host(), server.port()));
        }
        return addresses;
    }

    /** Guards against use from two threads at once, which would corrupt the network state. */
    private void acquire() {
        if (closed) {
            throw new IllegalStateException("This consumer has already been closed.");
        }
        final long threadId = Thread.currentThread().getId();
        if (threadId != currentThread.get() && !currentThread.compareAndSet(NO_CURRENT_THREAD, threadId)) {
            throw new ConcurrentModificationException("KafkaConsumer is not safe for multi-threaded access");
        }
        refCount++;
    }

    private void release() {
        if (--refCount == 0) {
            currentThread.set(NO_CURRENT_THREAD);
        }
    }

    private void maybeThrowWakeup() {
        if (wakeupRequested.compareAndSet(true, false)) {
            throw new WakeupException();
        }
    }

    @Override
    public void assign(final Collection<TopicPartition> partitions) {
        acquire();
        try {
            if (partitions == null) {
                throw new IllegalArgumentException("Topic partitions to assign must not be null");
            }
            if (partitions.isEmpty()) {
                unsubscribe();
                return;
            }
            for (final TopicPartition tp : partitions) {
                if (tp == null || tp.topic() == null || tp.topic().isBlank()) {
                    throw new IllegalArgumentException("Topic partitions to assign must have non-empty topic names");
                }
            }
            if (coordinator != null && coordinator.hasSubscription()) {
                throw new IllegalStateException("Subscription to topics and manual assignment are mutually exclusive");
            }
            final Set<TopicPartition> kept = new HashSet<>(partitions);
            synchronized (client) {
                for (final TopicPartition tp : subscriptions.assignment()) {
                    if (!kept.contains(tp)) {
                        fetcher.clearBuffered(tp);
                    }
                }
                subscriptions.assign(partitions);
            }
            for (final TopicPartition tp : partitions) {
                metadata.addTopic(tp.topic());
            }
        } finally {
            release();
        }
    }

    @Override
    public Set<TopicPartition> assignment() {
        synchronized (client) {
            return subscriptions.assignment();
        }
    }

    @Override
    public void subscribe(final Collection<String> topics) {
        subscribe(topics, null);
    }

    @Override
    public void subscribe(final Collection<String> topics, final ConsumerRebalanceListener listener) {
        acquire();
        try {
            if (topics == null) {
                throw new IllegalArgumentException("Topic collection to subscribe to cannot be null");
            }
            if (topics.isEmpty()) {
                unsubscribe();
                return;
            }
            for (final String topic : topics) {
                if (topic == null || topic.isBlank()) {
                    throw new InvalidTopicException("Topic collection to subscribe to cannot contain null or empty topic");
                }
            }
            requireGroup("subscribe()");
            if (!coordinator.hasSubscription() && !subscriptions.assignment().isEmpty()) {
                throw new IllegalStateException("Subscription to topics and manual assignment are mutually exclusive");
            }
            synchronized (client) {
                coordinator.subscribe(new HashSet<>(topics), listener);
            }
            for (final String topic : topics) {
                metadata.addTopic(topic);
            }
        } finally {
            release();
        }
    }

    private void requireGroup(final String what) {
        if (coordinator == null) {
            throw new IllegalStateException("To use the group management or offset commit APIs ("
                + what + "), you must provide a valid group.id in the consumer configuration.");
        }
    }

    @Override
    public Set<String> subscription() {
        return coordinator == null ? Set.of() : coordinator.subscription();
    }

    @Override
    public void unsubscribe() {
        acquire();
        try {
            synchronized (client) {
                for (final TopicPartition tp : subscriptions.assignment()) {
                    fetcher.clearBuffered(tp);
                }
                if (coordinator != null && coordinator.hasSubscription()) {
                    coordinator.unsubscribe(time.milliseconds());
                }
                subscriptions.assign(List.of());
            }
        } finally {
            release();
        }
    }

    @Override
    public ConsumerRecords<K, V> poll(final Duration timeout) {
        acquire();
        try {
            if (timeout.isNegative()) {
                throw new IllegalArgumentException("Timeout must not be negative");
            }
            final boolean subscribed = coordinator != null && coordinator.hasSubscription();
            if (!subscriptions.hasAssignment() && !subscribed) {
                throw new IllegalStateException("Consumer is not subscribed to any topics or assigned any partitions");
            }
            final long startMs = time.milliseconds();
            final long deadlineMs = saturatedAdd(startMs, timeout.toMillis());
            long nowMs = startMs;
            do {
                maybeThrowWakeup();
                synchronized (client) {
                    if (coordinator != null) {
                        coordinator.poll(nowMs, deadlineMs);
                    }
                    updateFetchPositions(nowMs);
                    final Map<TopicPartition, List<ConsumerRecord<K, V>>> records = fetcher.collect(nowMs);
                    if (!records.isEmpty()) {
                        // Prefetch: the next responses travel while the application works on these.
                        fetcher.sendFetches(nowMs);
                        client.poll(0, nowMs);
                        if (coordinator != null) {
                            coordinator.recordsReturned(records);
                        }
                        return new ConsumerRecords<>(records);
                    }
                    fetcher.sendFetches(nowMs);
                    final long waitMs = Math.min(deadlineMs - nowMs, retryBackoffMs);
                    client.poll(Math.max(0, waitMs), nowMs);
                }
                nowMs = time.milliseconds();
            } while (nowMs < deadlineMs);
            maybeThrowWakeup();
            return ConsumerRecords.empty();
        } finally {
            release();
        }
    }

    private static long saturatedAdd(final long a, final long b) {
        final long sum = a + b;
        return sum < a ? Long.MAX_VALUE : sum;
    }

    /**
     * Starts position lookups: committed offsets (in a group) first, then {@code auto.offset.reset}.
     *
     * @throws NoOffsetForPartitionException when a partition has no position and the strategy is none
     */
    private void updateFetchPositions(final long nowMs) {
        for (final String topic : subscriptions.assignedTopics()) {
            metadata.addTopic(topic);
        }
        if (subscriptions.allPositionsKnown()) {
            // Nothing to look up, as on almost every poll once reading: the committed offsets, resets and
            // lookups below would each walk every partition to find that out again.
            return;
        }
        if (coordinator != null && !coordinator.refreshCommittedOffsets(nowMs)) {
            return; // committed offsets are being fetched; resetting now could skip them
        }
        final List<TopicPartition> missing = subscriptions.partitionsWithoutPosition();
        if (!missing.isEmpty()) {
            if (subscriptions.defaultReset() == OffsetResetStrategy.NONE) {
                throw new NoOffsetForPartitionException(new HashSet<>(missing));
            }
            for (final TopicPartition tp : missing) {
                subscriptions.requestReset(tp, subscriptions.defaultReset());
            }
        }
        resetter.sendLookups(nowMs);
    }

    @Override
    public void seek(final TopicPartition partition, final long offset) {
        if (offset < 0) {
            throw new IllegalArgumentException("seek offset must not be a negative number");
        }
        acquire();
        try {
            synchronized (client) {
                subscriptions.seek(partition, offset);
                fetcher.clearBuffered(partition);
            }
        } finally {
            release();
        }
    }

    @Override
    public void seekToBeginning(final Collection<TopicPartition> partitions) {
        resetTo(partitions, OffsetResetStrategy.EARLIEST);
    }

    @Override
    public void seekToEnd(final Collection<TopicPartition> partitions) {
        resetTo(partitions, OffsetResetStrategy.LATEST);
    }

    private void resetTo(final Collection<TopicPartition> partitions, final OffsetResetStrategy strategy) {
        if (partitions == null) {
            throw new IllegalArgumentException("Partitions collection cannot be null");
        }
        acquire();
        try {
            final Collection<TopicPartition> targets = partitions.isEmpty() ? subscriptions.assignment() : partitions;
            synchronized (client) {
                for (final TopicPartition tp : targets) {
                    subscriptions.requestReset(tp, strategy);
                    fetcher.clearBuffered(tp);
                }
            }
        } finally {
            release();
        }
    }

    @Override
    public long position(final TopicPartition partition) {
        acquire();
        try {
            if (!subscriptions.isAssigned(partition)) {
                throw new IllegalStateException("You can only check the position for partitions assigned to this consumer.");
            }
            final long deadlineMs = saturatedAdd(time.milliseconds(), defaultApiTimeoutMs);
            long nowMs = time.milliseconds();
            while (!subscriptions.hasPosition(partition)) {
                maybeThrowWakeup();
                if (nowMs >= deadlineMs) {
                    throw new TimeoutException("Timeout of " + defaultApiTimeoutMs
                        + "ms expired before the position for partition " + partition + " could be determined");
                }
                synchronized (client) {
                    updateFetchPositions(nowMs);
                    client.poll(Math.min(retryBackoffMs, deadlineMs - nowMs), nowMs);
                }
                nowMs = time.milliseconds();
            }
            synchronized (client) {
                return subscriptions.position(partition);
            }
        } finally {
            release();
        }
    }

    @Override
    public Map<TopicPartition, OffsetAndMetadata> committed(final Set<TopicPartition> partitions) {
        acquire();
        try {
            requireGroup("committed()");
            return coordinator.fetchCommitted(partitions, saturatedAdd(time.milliseconds(), defaultApiTimeoutMs),
                this::maybeThrowWakeup);
        } finally {
            release();
        }
    }

    @Override
    public void commitSync() {
        acquire();
        try {
            requireGroup("commitSync()");
            final Map<TopicPartition, OffsetAndMetadata> consumed;
            synchronized (client) {
                consumed = coordinator.consumedOffsets();
            }
            coordinator.commitSync(consumed, saturatedAdd(time.milliseconds(), defaultApiTimeoutMs),
                this::maybeThrowWakeup);
        } finally {
            release();
        }
    }

    @Override
    public void commitSync(final Map<TopicPartition, OffsetAndMetadata> offsets) {
        acquire();
        try {
            requireGroup("commitSync()");
            coordinator.commitSync(new LinkedHashMap<>(offsets), saturatedAdd(time.milliseconds(), defaultApiTimeoutMs),
                this::maybeThrowWakeup);
        } finally {
            release();
        }
    }

    @Override
    public void commitAsync() {
        commitAsync(null);
    }

    @Override
    public void commitAsync(final OffsetCommitCallback callback) {
        acquire();
        try {
            requireGroup("commitAsync()");
            synchronized (client) {
                coordinator.commitAsync(coordinator.consumedOffsets(), callback, time.milliseconds());
            }
        } finally {
            release();
        }
    }

    @Override
    public void commitAsync(final Map<TopicPartition, OffsetAndMetadata> offsets, final OffsetCommitCallback callback) {
        acquire();
        try {
            requireGroup("commitAsync()");
            synchronized (client) {
                coordinator.commitAsync(new LinkedHashMap<>(offsets), callback, time.milliseconds());
            }
        } finally {
            release();
        }
    }

    @Override
    public void pause(final Collection<TopicPartition> partitions) {
        acquire();
        try {
            synchronized (client) {
                for (final TopicPartition tp : partitions) {
                    subscriptions.pause(tp);
                }
            }
        } finally {
            release();
        }
    }

    @Override
    public void resume(final Collection<TopicPartition> partitions) {
        acquire();
        try {
            synchronized (client) {
                for (final TopicPartition tp : partitions) {
                    subscriptions.resume(tp);
                }
            }
        } finally {
            release();
        }
    }

    @Override
    public Set<TopicPartition> paused() {
        return Collections.unmodifiableSet(subscriptions.paused());
    }

    @Override
    public List<PartitionInfo> partitionsFor(final String topic) {
        acquire();
        try {
            metadata.addTopic(topic);
            final long deadlineMs = saturatedAdd(time.milliseconds(), defaultApiTimeoutMs);
            long nowMs = time.milliseconds();
            final int startVersion = metadata.version();
            while (metadata.version() == startVersion || metadata.cluster().partitionsFor(topic).isEmpty()) {
                maybeThrowWakeup();
                if (nowMs >= deadlineMs) {
                    throw new TimeoutException("Timeout of " + defaultApiTimeoutMs
                        + "ms expired before the metadata of topic " + topic + " arrived");
                }
                if (metadata.version() != startVersion && metadata.cluster().topicError(topic) != null
                    && metadata.cluster().topicError(topic) == dev.sluice.codec.protocol.Errors.UNKNOWN_TOPIC_OR_PARTITION.code()
                    && !config.booleanValue(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG)) {
                    return List.of();
                }
                synchronized (client) {
                    client.poll(Math.min(retryBackoffMs, deadlineMs - nowMs), nowMs);
                }
                nowMs = time.milliseconds();
            }
            return metadata.cluster().partitionInfos(topic);
        } finally {
            release();
        }
    }

    @Override
    public void wakeup() {
        wakeupRequested.set(true);
        client.wakeup();
    }

    @Override
    public Map<MetricName, ? extends Metric> metrics() {
        return metrics.publicView();
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(30));
    }

    @Override
    public void close(final Duration timeout) {
        if (closed) {
            return;
        }
        acquire();
        try {
            if (coordinator != null) {
                try {
                    coordinator.close(saturatedAdd(time.milliseconds(), timeout.toMillis()));
                } catch (final RuntimeException e) {
                    LOG.warn("[{}] Error leaving the group on close: {}", clientId, e.toString());
                }
            }
        } finally {
            closed = true;
            release();
            synchronized (client) {
                fetcher.close();
                client.close();
            }
            metadata.close();
            jmx.close();
            closeQuietly(keyDeserializer, "key deserializer");
            closeQuietly(valueDeserializer, "value deserializer");
            LOG.info("[{}] Sluice consumer closed", clientId);
        }
    }

    private void closeQuietly(final AutoCloseable closeable, final String what) {
        try {
            closeable.close();
        } catch (final Exception e) {
            LOG.warn("[{}] Error closing the {}", clientId, what, e);
        }
    }
}
