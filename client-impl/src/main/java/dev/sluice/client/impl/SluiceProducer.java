package dev.sluice.client.impl;

import dev.sluice.client.Metric;
import dev.sluice.client.MetricName;
import dev.sluice.client.PartitionInfo;
import dev.sluice.client.RecordHeaders;
import dev.sluice.client.TopicPartition;
import dev.sluice.client.config.HostPort;
import dev.sluice.client.errors.ApiException;
import dev.sluice.client.errors.InterruptException;
import dev.sluice.client.errors.RecordTooLargeException;
import dev.sluice.client.errors.SerializationException;
import dev.sluice.client.errors.TimeoutException;
import dev.sluice.client.internal.metadata.ClusterView;
import dev.sluice.client.internal.metadata.Metadata;
import dev.sluice.client.internal.metadata.TopicLayout;
import dev.sluice.client.internal.metrics.JmxReporter;
import dev.sluice.client.internal.metrics.Metrics;
import dev.sluice.client.internal.network.ErrorMapping;
import dev.sluice.client.internal.network.NetworkClient;
import dev.sluice.client.internal.producer.BatchBuilderWriters;
import dev.sluice.client.internal.producer.BufferPool;
import dev.sluice.client.internal.producer.DefaultPartitioner;
import dev.sluice.client.internal.producer.FutureRecordMetadata;
import dev.sluice.client.internal.producer.IdempotenceState;
import dev.sluice.client.internal.producer.ProducerMetrics;
import dev.sluice.client.internal.producer.RecordAccumulator;
import dev.sluice.client.internal.producer.Sender;
import dev.sluice.client.internal.util.Time;
import dev.sluice.client.producer.Callback;
import dev.sluice.client.producer.Partitioner;
import dev.sluice.client.producer.Producer;
import dev.sluice.client.producer.ProducerConfig;
import dev.sluice.client.producer.ProducerRecord;
import dev.sluice.client.producer.RecordMetadata;
import dev.sluice.client.serialization.Serializer;
import dev.sluice.codec.compress.CompressionLevels;
import dev.sluice.codec.protocol.Errors;
import dev.sluice.codec.record.CompressionType;
import dev.sluice.codec.record.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The Sluice producer: Kafka's wire protocol, Kafka's configuration keys and defaults.
 *
 * <p>{@code send} serializes, picks a partition (murmur2 of the key like kafka-clients, or sticky
 * for unkeyed records) and appends to a batch in the {@link RecordAccumulator}; a daemon sender
 * thread closes (compresses) batches and ships them, one Produce request per broker. Idempotent by
 * default. Thread-safe: share one instance between threads.
 *
 * <p>Failures known before a record is queued (metadata or memory not available within
 * {@code max.block.ms}, a record too large) are reported, as kafka-clients does, through the
 * callback and a failed future rather than thrown; serialization errors, misuse and interrupts
 * are thrown.
 *
 * @param <K> key type
 * @param <V> value type
 */
public final class SluiceProducer<K, V> implements Producer<K, V> {
    private static final Logger LOG = LoggerFactory.getLogger(SluiceProducer.class);
    private static final AtomicInteger CLIENT_SEQUENCE = new AtomicInteger(1);
    /** Responses to produce requests are small; this caps what a confused or hostile peer can make us allocate. */
    private static final int MAX_RESPONSE_BYTES = 64 * 1024 * 1024;
    private static final long METADATA_IDLE_MS = 5 * 60 * 1000L;
    /**
     * Largest buffer (uncompressed bytes) a compressed batch may fill while its estimated
     * compressed size is still under batch.size: 1 MiB, the default max.request.size and about
     * Kafka's default message.max.bytes, so even data that stops compressing makes a batch the
     * broker accepts. Also at most an eighth of buffer.memory, so a few batches cannot take it all.
     */
    private static final int MAX_COMPRESSED_BATCH_BYTES = 1024 * 1024;

    private final ProducerConfig config;
    private final String clientId;
    private final Time time;
    private final Serializer<K> keySerializer;
    private final Serializer<V> valueSerializer;
    private final Partitioner customPartitioner;
    private final DefaultPartitioner partitioner;
    private final Metadata metadata;
    private final BufferPool pool;
    private final BatchBuilderWriters writers;
    private final RecordAccumulator accumulator;
    private final Sender sender;
    private final Thread ioThread;
    private final Metrics metrics;
    private final ProducerMetrics producerMetrics;
    private final JmxReporter jmx;
    private final long maxBlockMs;
    private final int maxRequestSize;
    private final long totalMemory;
    private volatile boolean closed;

    /** A producer whose serializers come from {@code key.serializer} / {@code value.serializer}. */
    public SluiceProducer(final Properties properties) {
        this(new ProducerConfig(properties), null, null, Time.SYSTEM);
    }

    public SluiceProducer(final Properties properties, final Serializer<K> keySerializer,
                          final Serializer<V> valueSerializer) {
        this(new ProducerConfig(properties), keySerializer, valueSerializer, Time.SYSTEM);
    }

    public SluiceProducer(final Map<String, ?> properties) {
        this(new ProducerConfig(properties), null, null, Time.SYSTEM);
    }

    public SluiceProducer(final Map<String, ?> properties, final Serializer<K> keySerializer,
                          final Serializer<V> valueSerializer) {
        this(new ProducerConfig(properties), keySerializer, valueSerializer, Time.SYSTEM);
    }

    @SuppressWarnings("unchecked")
    SluiceProducer(final ProducerConfig config, final Serializer<K> keySerializer, final Serializer<V> valueSerializer,
                   final Time time) {
        this.config = config;
        this.time = time;
        final String configuredId = config.stringValue(ProducerConfig.CLIENT_ID_CONFIG);
        this.clientId = configuredId == null || configuredId.isEmpty()
            ? "producer-" + CLIENT_SEQUENCE.getAndIncrement() : configuredId;
        for (final String unknown : config.unknownKeys()) {
            LOG.warn("[{}] The configuration '{}' was supplied but is not a known producer config.", clientId, unknown);
        }
        this.keySerializer = keySerializer != null ? keySerializer : (Serializer<K>) config.newKeySerializer();
        this.valueSerializer = valueSerializer != null ? valueSerializer : (Serializer<V>) config.newValueSerializer();
        this.customPartitioner = config.newPartitioner();
        final int batchSize = Math.max(1, config.intValue(ProducerConfig.BATCH_SIZE_CONFIG));
        this.partitioner = new DefaultPartitioner(config.booleanValue(ProducerConfig.PARTITIONER_IGNORE_KEYS_CONFIG),
            batchSize);
        this.maxBlockMs = config.longValue(ProducerConfig.MAX_BLOCK_MS_CONFIG);
        this.maxRequestSize = config.intValue(ProducerConfig.MAX_REQUEST_SIZE_CONFIG);
        this.totalMemory = config.longValue(ProducerConfig.BUFFER_MEMORY_CONFIG);
        final long retryBackoffMs = config.longValue(ProducerConfig.RETRY_BACKOFF_MS_CONFIG);
        this.metadata = new Metadata(retryBackoffMs, config.longValue(ProducerConfig.METADATA_MAX_AGE_CONFIG),
            METADATA_IDLE_MS, time);
        this.pool = new BufferPool(totalMemory, batchSize, time);
        final CompressionType compression = CompressionType.forId(config.compressionType().id());
        final int level = compression == CompressionType.NONE || compression == CompressionType.SNAPPY
            ? CompressionLevels.NO_LEVEL : config.compressionLevel();
        this.writers = new BatchBuilderWriters(compression, level);
        final int requestTimeoutMs = config.intValue(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG);
        final long deliveryTimeoutMs = config.deliveryTimeoutMs();
        this.accumulator = new RecordAccumulator(new RecordAccumulator.Config(batchSize,
            config.longValue(ProducerConfig.LINGER_MS_CONFIG), deliveryTimeoutMs, retryBackoffMs,
            config.longValue(ProducerConfig.RETRY_BACKOFF_MAX_MS_CONFIG),
            maxCompressedBatchBytes(batchSize, maxRequestSize, totalMemory)), pool, writers, time);
        this.metrics = new Metrics(time);
        this.producerMetrics = new ProducerMetrics(metrics, clientId, pool);
        final int maxInFlight = config.intValue(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION);
        final NetworkClient client;
        try {
            client = new NetworkClient(new NetworkClient.Config(clientId, requestTimeoutMs,
                config.longValue(ProducerConfig.RECONNECT_BACKOFF_MS_CONFIG),
                config.longValue(ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG), maxInFlight, MAX_RESPONSE_BYTES,
                config.intValue(ProducerConfig.SEND_BUFFER_CONFIG), config.intValue(ProducerConfig.RECEIVE_BUFFER_CONFIG)),
                bootstrapAddresses(config.bootstrapServers()), metadata, time);
        } catch (final IOException e) {
            throw new UncheckedIOException("Cannot open the producer's selector", e);
        }
        final IdempotenceState idempotence = config.idempotenceEnabled() ? new IdempotenceState() : null;
        this.sender = new Sender(new Sender.Config(config.acks(), maxRequestSize, requestTimeoutMs, deliveryTimeoutMs,
            config.intValue(ProducerConfig.RETRIES_CONFIG), retryBackoffMs, maxInFlight), client, metadata,
            accumulator, idempotence, producerMetrics, time);
        this.ioThread = new Thread(sender, "sluice-producer-network-thread | " + clientId);
        this.ioThread.setDaemon(true);
        this.jmx = new JmxReporter(metrics, ProducerMetrics.GROUP, clientId);
        this.ioThread.start();
        LOG.info("[{}] Sluice producer started (idempotence {}, acks {}, compression {})", clientId,
            idempotence != null, config.acks(), compression.configName());
    }

    private static int maxCompressedBatchBytes(final int batchSize, final int maxRequestSize, final long totalMemory) {
        final long cap = Math.min(Math.min(maxRequestSize, MAX_COMPRESSED_BATCH_BYTES), totalMemory / 8);
        return (int) Math.max(batchSize, cap);
    }

    private static List<InetSocketAddress> bootstrapAddresses(final List<HostPort> servers) {
        final List<InetSocketAddress> addresses = new ArrayList<>();
        for (final HostPort server : servers) {
            addresses.add(InetSocketAddress.createUnresolved(server.host(), server.port()));
        }
        return addresses;
    }

    @Override
    public Future<RecordMetadata> send(final ProducerRecord<K, V> record) {
        return send(record, null);
    }

    @Override
    public Future<RecordMetadata> send(final ProducerRecord<K, V> record, final Callback callback) {
        if (closed) {
            throw new IllegalStateException("Cannot send after the producer is closed.");
        }
        final long startMs = time.milliseconds();
        TopicPartition tp = null;
        try {
            final TopicLayout layout = waitOnMetadata(record.topic(), record.partition(), startMs, maxBlockMs);
            final byte[] key = serialize(keySerializer, record, record.key(), "key");
            final byte[] value = serialize(valueSerializer, record, record.value(), "value");
            tp = layout.partition(partition(record, key, value, layout));
            if (record.headers() instanceof RecordHeaders headers) {
                headers.setReadOnly();
            }
            final Header[] headers = headers(record);
            final int size = writers.estimateSizeInBytes(key, value, headers);
            ensureValidRecordSize(size);
            final long timestamp = record.timestamp() != null ? record.timestamp() : startMs;
            final FutureRecordMetadata future = new FutureRecordMetadata(tp, key == null ? -1 : key.length,
                value == null ? -1 : value.length, callback);
            final long remainingMs = Math.max(0, maxBlockMs - (time.milliseconds() - startMs));
            final RecordAccumulator.AppendResult result =
                accumulator.append(tp, timestamp, key, value, headers, size, future, remainingMs);
            if (result.batchIsFull() || result.newBatchCreated()) {
                sender.batchAppended();
            }
            return future;
        } catch (final ApiException e) {
            LOG.debug("[{}] Record to {} failed before it was queued: {}", clientId, record.topic(), e.toString());
            return FutureRecordMetadata.failed(tp != null ? tp : new TopicPartition(record.topic(),
                record.partition() == null ? -1 : record.partition()), callback, e);
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptException(e);
        }
    }

    private <T> byte[] serialize(final Serializer<T> serializer, final ProducerRecord<K, V> record, final T data,
                                 final String what) {
        try {
            return serializer.serialize(record.topic(), record.headers(), data);
        } catch (final ClassCastException e) {
            throw new SerializationException("Can't convert " + what + " of class "
                + (data == null ? "null" : data.getClass().getName()) + " with " + serializer.getClass().getName(), e);
        } catch (final SerializationException e) {
            throw e;
        } catch (final RuntimeException e) {
            throw new SerializationException("Failed to serialize the " + what + " of a record for topic "
                + record.topic(), e);
        }
    }

    private int partition(final ProducerRecord<K, V> record, final byte[] key, final byte[] value,
                          final TopicLayout layout) {
        final int count = layout.partitionCount();
        if (record.partition() != null) {
            return record.partition();
        }
        if (customPartitioner != null) {
            // The partition infos come from the newest snapshot, which may be newer than the layout:
            // the range check below holds the choice to the layout the record is queued by.
            final int chosen = customPartitioner.partition(record.topic(), record.key(), key, record.value(), value,
                metadata.cluster().partitionInfos(record.topic()));
            if (chosen < 0 || chosen >= count) {
                throw new IllegalArgumentException("Partitioner " + customPartitioner.getClass().getName()
                    + " chose partition " + chosen + " of topic " + record.topic() + ", which has " + count);
            }
            return chosen;
        }
        final int approximateSize = (key == null ? 0 : key.length) + (value == null ? 0 : value.length);
        return partitioner.partition(record.topic(), key, count, layout.availablePartitions(),
            approximateSize);
    }

    private static final Header[] NO_HEADERS = new Header[0];

    private static Header[] headers(final ProducerRecord<?, ?> record) {
        if (record.headers().size() == 0) {
            return NO_HEADERS;
        }
        final List<Header> out = new ArrayList<>();
        for (final dev.sluice.client.Header h : record.headers()) {
            out.add(new Header(h.key(), h.value()));
        }
        return out.toArray(new Header[0]);
    }

    private void ensureValidRecordSize(final int size) {
        if (size > maxRequestSize) {
            throw new RecordTooLargeException("The message is " + size + " bytes when serialized which is larger than "
                + maxRequestSize + ", which is the value of the max.request.size configuration.");
        }
        if (size > totalMemory) {
            throw new RecordTooLargeException("The message is " + size + " bytes when serialized which is larger than"
                + " the total memory buffer you have configured with the buffer.memory configuration (" + totalMemory
                + ").");
        }
    }

    /**
     * Waits until metadata knows {@code topic} (and {@code partition}, if given) or the time is up.
     *
     * @return the topic's layout in the snapshot that knows it: one lookup serves the whole send
     */
    private TopicLayout waitOnMetadata(final String topic, final Integer partition, final long startMs,
                                       final long maxWaitMs) throws InterruptedException {
        metadata.addTopic(topic);
        ClusterView cluster = metadata.cluster();
        TopicLayout layout = cluster.topic(topic);
        int count = layout == null ? -1 : layout.partitionCount();
        if (count > 0 && (partition == null || partition < count)) {
            return layout;
        }
        final long deadline = startMs + maxWaitMs;
        while (true) {
            final int version = metadata.version();
            metadata.requestUpdate();
            sender.wakeup();
            final long remaining = deadline - time.milliseconds();
            if (remaining <= 0) {
                if (count > 0) {
                    throw new TimeoutException("Partition " + partition + " of topic " + topic + " with partition count "
                        + count + " is not present in metadata after " + maxWaitMs + " ms.");
                }
                throw new TimeoutException("Topic " + topic + " not present in metadata after " + maxWaitMs + " ms.");
            }
            metadata.awaitUpdate(version, remaining);
            if (closed) {
                throw new IllegalStateException("Producer closed while waiting for metadata");
            }
            cluster = metadata.cluster();
            final Short error = cluster.topicError(topic);
            if (error != null) {
                final Errors e = Errors.forCode(error);
                if (!e.isRetriable()) {
                    throw ErrorMapping.exception(e, topic, null);
                }
            }
            layout = cluster.topic(topic);
            count = layout == null ? -1 : layout.partitionCount();
            if (count > 0 && (partition == null || partition < count)) {
                return layout;
            }
        }
    }

    @Override
    public void flush() {
        accumulator.beginFlush();
        sender.wakeup();
        try {
            accumulator.awaitFlushCompletion();
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptException("Flush interrupted.", e);
        }
    }

    @Override
    public List<PartitionInfo> partitionsFor(final String topic) {
        try {
            waitOnMetadata(topic, null, time.milliseconds(), maxBlockMs);
            return metadata.cluster().partitionInfos(topic);
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptException(e);
        }
    }

    @Override
    public Map<MetricName, ? extends Metric> metrics() {
        return metrics.publicView();
    }

    @Override
    public void close() {
        close(Duration.ofMillis(Long.MAX_VALUE));
    }

    @Override
    public void close(final Duration timeout) {
        if (closed) {
            return;
        }
        closed = true;
        final long timeoutMs = timeout.toMillis();
        try {
            if (timeoutMs > 0) {
                sender.initiateClose();
                if (Thread.currentThread() != ioThread) {
                    ioThread.join(timeoutMs);
                }
            }
            if (ioThread.isAlive()) {
                sender.forceClose();
                if (Thread.currentThread() != ioThread) {
                    ioThread.join(TimeUnit.SECONDS.toMillis(30));
                }
            }
        } catch (final InterruptedException e) {
            sender.forceClose();
            Thread.currentThread().interrupt();
            throw new InterruptException("Interrupted while closing the producer", e);
        } finally {
            metadata.close();
            pool.close();
            jmx.close();
            if (!ioThread.isAlive()) {
                writers.close(); // the compressor belongs to the sender thread until it has stopped
            }
            closeQuietly(keySerializer, "key serializer");
            closeQuietly(valueSerializer, "value serializer");
            closeQuietly(customPartitioner, "partitioner");
            LOG.info("[{}] Sluice producer closed", clientId);
        }
    }

    private void closeQuietly(final AutoCloseable closeable, final String what) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (final Exception e) {
            LOG.warn("[{}] Failed to close the {}", clientId, what, e);
        }
    }

    /** The client id in use (configured or generated). */
    public String clientId() {
        return clientId;
    }
}
