package dev.sluice.broker;

import dev.sluice.broker.group.GroupConfig;
import dev.sluice.broker.log.LogConfig;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The broker's settings under Kafka's names, with Kafka's defaults. Broker keys are the ones below;
 * default topic settings are accepted under their broker names ({@code log.segment.bytes},
 * {@code message.max.bytes}, ...) or their topic names ({@code segment.bytes}). Any other key, or
 * a value that does not parse or is out of range, is rejected with an
 * {@link IllegalArgumentException} naming the key, so a typo never passes silently. Immutable.
 */
public final class BrokerConfig {
    public static final String AUTO_CREATE_TOPICS_ENABLE = "auto.create.topics.enable";
    public static final String NUM_PARTITIONS = "num.partitions";
    public static final String SOCKET_REQUEST_MAX_BYTES = "socket.request.max.bytes";
    public static final String NUM_NETWORK_THREADS = "num.network.threads";
    public static final String SOCKET_SEND_BUFFER_BYTES = "socket.send.buffer.bytes";
    public static final String NODE_ID = "node.id";
    public static final String LOG_RETENTION_CHECK_INTERVAL_MS = "log.retention.check.interval.ms";

    /** Kafka's broker-level names of the topic-level log settings. */
    private static final Map<String, String> BROKER_TO_TOPIC_KEY = Map.of(
            "log.segment.bytes", LogConfig.SEGMENT_BYTES,
            "log.index.size.max.bytes", LogConfig.SEGMENT_INDEX_BYTES,
            "log.index.interval.bytes", LogConfig.INDEX_INTERVAL_BYTES,
            "log.retention.bytes", LogConfig.RETENTION_BYTES,
            "log.retention.ms", LogConfig.RETENTION_MS,
            "message.max.bytes", LogConfig.MAX_MESSAGE_BYTES,
            "log.flush.interval.messages", LogConfig.FLUSH_MESSAGES,
            "log.flush.interval.ms", LogConfig.FLUSH_MS,
            "log.message.timestamp.type", LogConfig.MESSAGE_TIMESTAMP_TYPE,
            "log.segment.delete.delay.ms", LogConfig.FILE_DELETE_DELAY_MS);

    private final boolean autoCreateTopics;
    private final int numPartitions;
    private final int socketRequestMaxBytes;
    private final int networkThreads;
    private final int socketSendBufferBytes;
    private final int nodeId;
    private final long retentionCheckIntervalMs;
    private final LogConfig logDefaults;
    private final GroupConfig groupConfig;
    private final Map<String, String> effective;

    private BrokerConfig(final Map<String, String> given) {
        final Map<String, String> broker = new LinkedHashMap<>();
        broker.put(AUTO_CREATE_TOPICS_ENABLE, "true");
        broker.put(NUM_PARTITIONS, "1");
        broker.put(SOCKET_REQUEST_MAX_BYTES, "104857600");
        // 2: one per core on the small machines this runs on; see the network package notes.
        broker.put(NUM_NETWORK_THREADS, "2");
        // -1, not Kafka's 102400: a fixed SO_SNDBUF made this broker spend 35-60 % more CPU per GiB it
        // serves, for no throughput (network package notes); set 102400 for Apache Kafka's behaviour.
        broker.put(SOCKET_SEND_BUFFER_BYTES, "-1");
        broker.put(NODE_ID, "0");
        broker.put(LOG_RETENTION_CHECK_INTERVAL_MS, "300000");
        final GroupConfig groupDefaults = GroupConfig.defaults();
        broker.put(GroupConfig.INITIAL_REBALANCE_DELAY_MS, Integer.toString(groupDefaults.initialRebalanceDelayMs()));
        broker.put(GroupConfig.MIN_SESSION_TIMEOUT_MS, Integer.toString(groupDefaults.minSessionTimeoutMs()));
        broker.put(GroupConfig.MAX_SESSION_TIMEOUT_MS, Integer.toString(groupDefaults.maxSessionTimeoutMs()));
        broker.put(GroupConfig.MAX_SIZE, Integer.toString(groupDefaults.maxSize()));
        broker.put(GroupConfig.OFFSET_METADATA_MAX_BYTES, Integer.toString(groupDefaults.offsetMetadataMaxBytes()));
        final Map<String, String> log = new LinkedHashMap<>();
        for (final Map.Entry<String, String> entry : given.entrySet()) {
            final String key = entry.getKey();
            if (broker.containsKey(key)) {
                broker.put(key, entry.getValue());
            } else if (BROKER_TO_TOPIC_KEY.containsKey(key)) {
                log.put(BROKER_TO_TOPIC_KEY.get(key), entry.getValue());
            } else if (LogConfig.keys().contains(key)) {
                log.put(key, entry.getValue());
            } else {
                throw new IllegalArgumentException("unknown broker config key '" + key + "'");
            }
        }
        this.autoCreateTopics = bool(broker, AUTO_CREATE_TOPICS_ENABLE);
        this.numPartitions = intAtLeast(broker, NUM_PARTITIONS, 1);
        this.socketRequestMaxBytes = intAtLeast(broker, SOCKET_REQUEST_MAX_BYTES, 1024);
        this.networkThreads = intAtLeast(broker, NUM_NETWORK_THREADS, 1);
        this.socketSendBufferBytes = bufferBytes(broker, SOCKET_SEND_BUFFER_BYTES);
        this.nodeId = intAtLeast(broker, NODE_ID, 0);
        this.retentionCheckIntervalMs = intAtLeast(broker, LOG_RETENTION_CHECK_INTERVAL_MS, 1);
        this.logDefaults = LogConfig.from(log);
        this.groupConfig = new GroupConfig(intAtLeast(broker, GroupConfig.INITIAL_REBALANCE_DELAY_MS, 0),
                intAtLeast(broker, GroupConfig.MIN_SESSION_TIMEOUT_MS, 0), intAtLeast(broker, GroupConfig.MAX_SESSION_TIMEOUT_MS, 0),
                intAtLeast(broker, GroupConfig.MAX_SIZE, 1), intAtLeast(broker, GroupConfig.OFFSET_METADATA_MAX_BYTES, 0));
        final Map<String, String> all = new TreeMap<>(broker);
        for (final Map.Entry<String, String> entry : BROKER_TO_TOPIC_KEY.entrySet()) {
            all.put(entry.getKey(), logDefaults.values().get(entry.getValue()));
        }
        this.effective = Collections.unmodifiableMap(all);
    }

    /** Parses {@code given} over the defaults. */
    public static BrokerConfig from(final Map<String, String> given) {
        return new BrokerConfig(given);
    }

    public boolean autoCreateTopics() {
        return autoCreateTopics;
    }

    public int numPartitions() {
        return numPartitions;
    }

    public int socketRequestMaxBytes() {
        return socketRequestMaxBytes;
    }

    public int networkThreads() {
        return networkThreads;
    }

    /**
     * SO_SNDBUF of every accepted connection in bytes, or -1 to leave the operating system's default (on
     * Linux, a buffer the kernel grows by itself).
     */
    public int socketSendBufferBytes() {
        return socketSendBufferBytes;
    }

    public int nodeId() {
        return nodeId;
    }

    public long retentionCheckIntervalMs() {
        return retentionCheckIntervalMs;
    }

    /** Settings of topics created without overrides. */
    public LogConfig logDefaults() {
        return logDefaults;
    }

    /** The group coordinator's settings ({@code group.*}, {@code offset.metadata.max.bytes}). */
    public GroupConfig groupConfig() {
        return groupConfig;
    }

    /** Every broker setting with its effective value, under broker names (for DescribeConfigs). */
    public Map<String, String> values() {
        return effective;
    }

    private static boolean bool(final Map<String, String> values, final String key) {
        final String value = values.get(key);
        if ("true".equalsIgnoreCase(value)) {
            return true;
        }
        if ("false".equalsIgnoreCase(value)) {
            return false;
        }
        throw new IllegalArgumentException(key + ": '" + value + "' is not true or false");
    }

    /** A socket buffer size: -1 for the OS default, else a positive number of bytes (Kafka's rule). */
    private static int bufferBytes(final Map<String, String> values, final String key) {
        final int parsed = intAtLeast(values, key, -1);
        if (parsed == 0) {
            throw new IllegalArgumentException(key + ": 0 is neither a size in bytes nor -1 for the OS default");
        }
        return parsed;
    }

    private static int intAtLeast(final Map<String, String> values, final String key, final int min) {
        final String value = values.get(key);
        final int parsed;
        try {
            parsed = Integer.parseInt(value.trim());
        } catch (final NumberFormatException | NullPointerException e) {
            throw new IllegalArgumentException(key + ": '" + value + "' is not an integer");
        }
        if (parsed < min) {
            throw new IllegalArgumentException(key + ": " + parsed + " is below the minimum " + min);
        }
        return parsed;
    }
}
