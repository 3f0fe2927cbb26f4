package dev.sluice.client.producer;

import dev.sluice.client.config.ClientConfig;
import dev.sluice.client.config.ConfigDef;
import dev.sluice.client.config.ConfigDef.Importance;
import dev.sluice.client.config.ConfigDef.Type;
import dev.sluice.client.config.HostPort;
import dev.sluice.client.config.ParsedConfig;
import dev.sluice.client.config.Validators;
import dev.sluice.client.errors.ConfigException;
import dev.sluice.client.serialization.Serdes;
import dev.sluice.client.serialization.Serializer;

import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Producer configuration: the keys (named as in kafka-clients, with the same defaults), their
 * validation, and the rules that tie keys together. Immutable once constructed.
 *
 * <p>Cross-key rules, applied after each key is valid on its own:
 * <ul>
 *   <li>{@code delivery.timeout.ms} must be at least {@code linger.ms + request.timeout.ms}. If the
 *       user set it lower, that is a {@link ConfigException}; if they left the default and it is lower
 *       (because they raised the other two), it is raised to the sum.</li>
 *   <li>Idempotence needs {@code acks=all}, {@code retries > 0} and
 *       {@code max.in.flight.requests.per.connection <= 5}. When the user set
 *       {@code enable.idempotence=true} and another key conflicts, that is a {@link ConfigException};
 *       when they did not set it, idempotence is turned off quietly, as kafka-clients does.
 *       {@link #idempotenceEnabled()} gives the outcome.</li>
 *   <li>{@code transactional.id} needs idempotence. Transactions themselves are not supported yet;
 *       the key is accepted so that the rule above can be checked and so existing files load.</li>
 * </ul>
 */
public final class ProducerConfig extends ClientConfig {
    public static final String BOOTSTRAP_SERVERS_CONFIG = "bootstrap.servers";
    public static final String CLIENT_ID_CONFIG = "client.id";
    public static final String ACKS_CONFIG = "acks";
    public static final String LINGER_MS_CONFIG = "linger.ms";
    public static final String BATCH_SIZE_CONFIG = "batch.size";
    public static final String BUFFER_MEMORY_CONFIG = "buffer.memory";
    public static final String MAX_BLOCK_MS_CONFIG = "max.block.ms";
    public static final String COMPRESSION_TYPE_CONFIG = "compression.type";
    public static final String COMPRESSION_GZIP_LEVEL_CONFIG = "compression.gzip.level";
    public static final String COMPRESSION_LZ4_LEVEL_CONFIG = "compression.lz4.level";
    public static final String COMPRESSION_ZSTD_LEVEL_CONFIG = "compression.zstd.level";
    public static final String MAX_REQUEST_SIZE_CONFIG = "max.request.size";
    public static final String RETRIES_CONFIG = "retries";
    public static final String RETRY_BACKOFF_MS_CONFIG = "retry.backoff.ms";
    public static final String RETRY_BACKOFF_MAX_MS_CONFIG = "retry.backoff.max.ms";
    public static final String REQUEST_TIMEOUT_MS_CONFIG = "request.timeout.ms";
    public static final String DELIVERY_TIMEOUT_MS_CONFIG = "delivery.timeout.ms";
    public static final String MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION = "max.in.flight.requests.per.connection";
    public static final String ENABLE_IDEMPOTENCE_CONFIG = "enable.idempotence";
    public static final String PARTITIONER_IGNORE_KEYS_CONFIG = "partitioner.ignore.keys";
    public static final String PARTITIONER_CLASS_CONFIG = "partitioner.class";
    public static final String KEY_SERIALIZER_CLASS_CONFIG = "key.serializer";
    public static final String VALUE_SERIALIZER_CLASS_CONFIG = "value.serializer";
    public static final String METADATA_MAX_AGE_CONFIG = "metadata.max.age.ms";
    public static final String SEND_BUFFER_CONFIG = "send.buffer.bytes";
    public static final String RECEIVE_BUFFER_CONFIG = "receive.buffer.bytes";
    public static final String RECONNECT_BACKOFF_MS_CONFIG = "reconnect.backoff.ms";
    public static final String RECONNECT_BACKOFF_MAX_MS_CONFIG = "reconnect.backoff.max.ms";
    public static final String CONNECTIONS_MAX_IDLE_MS_CONFIG = "connections.max.idle.ms";
    public static final String TRANSACTIONAL_ID_CONFIG = "transactional.id";

    /** The most in-flight requests per connection for which the broker can keep idempotent batches in order. */
    public static final int MAX_IN_FLIGHT_FOR_IDEMPOTENCE = 5;
    /** {@code compression.gzip.level} value meaning "the codec's own default". */
    public static final int GZIP_DEFAULT_LEVEL = -1;

    private static final ConfigDef CONFIG = new ConfigDef()
        .define(BOOTSTRAP_SERVERS_CONFIG, Type.LIST, ConfigDef.NO_DEFAULT, Validators.nonEmptyHostPortList(), Importance.HIGH,
            "Brokers to contact first, host:port separated by commas; the rest of the cluster is learnt from them.")
        .define(CLIENT_ID_CONFIG, Type.STRING, "", Importance.MEDIUM,
            "Name sent with every request so broker logs and quotas can tell clients apart; generated when empty.")
        .define(ACKS_CONFIG, Type.STRING, "all", Validators.oneOfIgnoreCase("all", "-1", "0", "1"), Importance.HIGH,
            "Acknowledgements a write needs: all (-1) waits for every in-sync replica, 1 for the leader only, 0 for none.")
        .define(LINGER_MS_CONFIG, Type.LONG, 5L, Validators.atLeast(0), Importance.MEDIUM,
            "Milliseconds a batch waits for more records before it is sent, unless it fills first.")
        .define(BATCH_SIZE_CONFIG, Type.INT, 16384, Validators.atLeast(0), Importance.MEDIUM,
            "Target bytes per partition batch (with compression: its estimated compressed size); a batch this full"
                + " is sent at once. 0 disables batching.")
        .define(BUFFER_MEMORY_CONFIG, Type.LONG, 33554432L, Validators.atLeast(0), Importance.HIGH,
            "Bytes the producer may hold for records not yet acknowledged; send() blocks when it is used up.")
        .define(MAX_BLOCK_MS_CONFIG, Type.LONG, 60000L, Validators.atLeast(0), Importance.MEDIUM,
            "Longest send() and partitionsFor() may block waiting for metadata or buffer memory, in milliseconds.")
        .define(COMPRESSION_TYPE_CONFIG, Type.STRING, "none",
            Validators.oneOfIgnoreCase("none", "gzip", "snappy", "lz4", "zstd"), Importance.HIGH,
            "Codec applied to whole batches: none, gzip, snappy, lz4 or zstd.")
        .define(COMPRESSION_GZIP_LEVEL_CONFIG, Type.INT, GZIP_DEFAULT_LEVEL,
            Validators.either(Validators.between(1, 9), Validators.equalTo(GZIP_DEFAULT_LEVEL)), Importance.MEDIUM,
            "Gzip level from 1 (fast) to 9 (small); -1 uses the codec's default.")
        .define(COMPRESSION_LZ4_LEVEL_CONFIG, Type.INT, 9, Validators.between(1, 17), Importance.MEDIUM,
            "LZ4 level from 1 (fast) to 17 (small).")
        .define(COMPRESSION_ZSTD_LEVEL_CONFIG, Type.INT, 3, Validators.between(-131072, 22), Importance.MEDIUM,
            "Zstandard level from -131072 (fastest) to 22 (smallest).")
        .define(MAX_REQUEST_SIZE_CONFIG, Type.INT, 1048576, Validators.atLeast(0), Importance.MEDIUM,
            "Largest produce request in bytes; also caps the size of one record and one batch.")
        .define(RETRIES_CONFIG, Type.INT, Integer.MAX_VALUE, Validators.between(0, Integer.MAX_VALUE), Importance.HIGH,
            "How often a failed batch is resent; in practice delivery.timeout.ms bounds retrying.")
        .define(RETRY_BACKOFF_MS_CONFIG, Type.LONG, 100L, Validators.atLeast(0), Importance.LOW,
            "First pause in milliseconds before retrying a failed request; doubles up to retry.backoff.max.ms.")
        .define(RETRY_BACKOFF_MAX_MS_CONFIG, Type.LONG, 1000L, Validators.atLeast(0), Importance.LOW,
            "Longest pause in milliseconds between retries of a failing request.")
        .define(REQUEST_TIMEOUT_MS_CONFIG, Type.INT, 30000, Validators.atLeast(0), Importance.MEDIUM,
            "Milliseconds to wait for a response before the request is failed or retried.")
        .define(DELIVERY_TIMEOUT_MS_CONFIG, Type.INT, 120000, Validators.atLeast(0), Importance.MEDIUM,
            "Upper bound in milliseconds from send() to success or failure, retries included; at least linger.ms + request.timeout.ms.")
        .define(MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, Type.INT, 5, Validators.atLeast(1), Importance.LOW,
            "Unacknowledged requests allowed per broker connection; above 5 idempotence cannot keep order.")
        .define(ENABLE_IDEMPOTENCE_CONFIG, Type.BOOLEAN, true, Importance.LOW,
            "Let the broker drop duplicates from retries, keeping exactly one copy of each record in order per partition.")
        .define(PARTITIONER_IGNORE_KEYS_CONFIG, Type.BOOLEAN, false, Importance.MEDIUM,
            "Place keyed records as if they had no key (sticky batches) instead of by key hash.")
        .defineClass(PARTITIONER_CLASS_CONFIG, null, Partitioner.class, null, Importance.MEDIUM,
            "A Partitioner class to choose partitions instead of the built-in key hash / sticky placement.")
        .defineClass(KEY_SERIALIZER_CLASS_CONFIG, null, Serializer.class, Serdes::builtInClass, Importance.HIGH,
            "Serializer class for record keys; kafka-clients class names are accepted. Required unless an instance is passed.")
        .defineClass(VALUE_SERIALIZER_CLASS_CONFIG, null, Serializer.class, Serdes::builtInClass, Importance.HIGH,
            "Serializer class for record values; kafka-clients class names are accepted. Required unless an instance is passed.")
        .define(METADATA_MAX_AGE_CONFIG, Type.LONG, 300000L, Validators.atLeast(0), Importance.LOW,
            "Milliseconds after which metadata is refreshed even if nothing suggested it changed.")
        .define(SEND_BUFFER_CONFIG, Type.INT, 131072, Validators.atLeast(-1), Importance.MEDIUM,
            "Socket send buffer (SO_SNDBUF) in bytes; -1 leaves the operating system's default.")
        .define(RECEIVE_BUFFER_CONFIG, Type.INT, 32768, Validators.atLeast(-1), Importance.MEDIUM,
            "Socket receive buffer (SO_RCVBUF) in bytes; -1 leaves the operating system's default.")
        .define(RECONNECT_BACKOFF_MS_CONFIG, Type.LONG, 50L, Validators.atLeast(0), Importance.LOW,
            "First pause in milliseconds before reconnecting to a broker; grows up to reconnect.backoff.max.ms.")
        .define(RECONNECT_BACKOFF_MAX_MS_CONFIG, Type.LONG, 1000L, Validators.atLeast(0), Importance.LOW,
            "Longest pause in milliseconds between reconnection attempts to a broker that keeps failing.")
        .define(CONNECTIONS_MAX_IDLE_MS_CONFIG, Type.LONG, 540000L, Importance.MEDIUM,
            "Milliseconds after which an unused connection is closed.")
        .define(TRANSACTIONAL_ID_CONFIG, Type.STRING, null, Validators.nullOrNonBlank(), Importance.LOW,
            "Identity for transactions. Accepted but not supported yet: transactional sends are refused.")
        .allowPrefix("key.serializer.")
        .allowPrefix("value.serializer.")
        .allowPrefix("serializer.")
        .freeze();

    private final boolean idempotenceEnabled;

    public ProducerConfig(final Map<String, ?> properties) {
        this(CONFIG.parse(properties));
    }

    public ProducerConfig(final Properties properties) {
        this(CONFIG.parse(properties));
    }

    private ProducerConfig(final ParsedConfig parsed) {
        super(applyCrossKeyRules(parsed));
        this.idempotenceEnabled = parsed().booleanValue(ENABLE_IDEMPOTENCE_CONFIG);
    }

    /** The key definitions, for documentation and tools. Frozen. */
    public static ConfigDef configDef() {
        return CONFIG;
    }

    private static ParsedConfig applyCrossKeyRules(final ParsedConfig parsed) {
        return checkTransactionalId(checkIdempotence(checkDeliveryTimeout(parsed)));
    }

    private static ParsedConfig checkDeliveryTimeout(final ParsedConfig parsed) {
        final long linger = parsed.longValue(LINGER_MS_CONFIG);
        final long request = parsed.intValue(REQUEST_TIMEOUT_MS_CONFIG);
        final long delivery = parsed.intValue(DELIVERY_TIMEOUT_MS_CONFIG);
        final long needed = linger + request;
        if (delivery >= needed) {
            return parsed;
        }
        if (parsed.isUserSet(DELIVERY_TIMEOUT_MS_CONFIG)) {
            throw new ConfigException(DELIVERY_TIMEOUT_MS_CONFIG, delivery, "must be at least " + LINGER_MS_CONFIG
                + " + " + REQUEST_TIMEOUT_MS_CONFIG + " = " + linger + " + " + request + " = " + needed);
        }
        return parsed.with(DELIVERY_TIMEOUT_MS_CONFIG, (int) Math.min(needed, Integer.MAX_VALUE));
    }

    private static ParsedConfig checkIdempotence(final ParsedConfig parsed) {
        if (!parsed.booleanValue(ENABLE_IDEMPOTENCE_CONFIG)) {
            return parsed;
        }
        final String conflict = idempotenceConflict(parsed);
        if (conflict == null) {
            return parsed;
        }
        if (parsed.isUserSet(ENABLE_IDEMPOTENCE_CONFIG)) {
            throw new ConfigException(ENABLE_IDEMPOTENCE_CONFIG + "=true conflicts with " + conflict
                + "; change that key or set " + ENABLE_IDEMPOTENCE_CONFIG + "=false");
        }
        return parsed.with(ENABLE_IDEMPOTENCE_CONFIG, false);
    }

    /** Describes the first key that rules idempotence out, or returns {@code null}. */
    private static String idempotenceConflict(final ParsedConfig parsed) {
        final String acks = parsed.stringValue(ACKS_CONFIG);
        if (parseAcks(acks) != -1) {
            return ACKS_CONFIG + "=" + acks + " (idempotence needs acks=all)";
        }
        if (parsed.intValue(RETRIES_CONFIG) == 0) {
            return RETRIES_CONFIG + "=0 (idempotence needs retries > 0)";
        }
        final int inFlight = parsed.intValue(MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION);
        if (inFlight > MAX_IN_FLIGHT_FOR_IDEMPOTENCE) {
            return MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION + "=" + inFlight + " (idempotence needs at most "
                + MAX_IN_FLIGHT_FOR_IDEMPOTENCE + ")";
        }
        return null;
    }

    private static ParsedConfig checkTransactionalId(final ParsedConfig parsed) {
        if (parsed.stringValue(TRANSACTIONAL_ID_CONFIG) != null && !parsed.booleanValue(ENABLE_IDEMPOTENCE_CONFIG)) {
            throw new ConfigException(TRANSACTIONAL_ID_CONFIG + " is set, which needs idempotence, but "
                + ENABLE_IDEMPOTENCE_CONFIG + " is false or was turned off by a conflicting key");
        }
        return parsed;
    }

    private static short parseAcks(final String acks) {
        return "all".equalsIgnoreCase(acks) ? -1 : Short.parseShort(acks);
    }

    /** Whether the producer runs idempotent, after the cross-key rules. */
    public boolean idempotenceEnabled() {
        return idempotenceEnabled;
    }

    /** {@code acks} as the ProduceRequest field: -1 (all), 0 or 1. */
    public short acks() {
        return parseAcks(stringValue(ACKS_CONFIG));
    }

    public CompressionType compressionType() {
        return CompressionType.forConfigName(stringValue(COMPRESSION_TYPE_CONFIG));
    }

    /**
     * The level configured for the chosen codec: {@code compression.gzip.level}, {@code .lz4.level} or
     * {@code .zstd.level}; 0 for none and snappy, which have no levels.
     */
    public int compressionLevel() {
        switch (compressionType()) {
            case GZIP:
                return intValue(COMPRESSION_GZIP_LEVEL_CONFIG);
            case LZ4:
                return intValue(COMPRESSION_LZ4_LEVEL_CONFIG);
            case ZSTD:
                return intValue(COMPRESSION_ZSTD_LEVEL_CONFIG);
            default:
                return 0;
        }
    }

    /** {@code delivery.timeout.ms} after the cross-key rule (possibly raised from the default). */
    public int deliveryTimeoutMs() {
        return intValue(DELIVERY_TIMEOUT_MS_CONFIG);
    }

    /** The {@code bootstrap.servers} entries, parsed (names are not resolved here). */
    public List<HostPort> bootstrapServers() {
        return hostPorts(BOOTSTRAP_SERVERS_CONFIG);
    }

    /** A new, configured key serializer from {@code key.serializer}. The caller owns it and closes it. */
    public Serializer<?> newKeySerializer() {
        return newSerializer(KEY_SERIALIZER_CLASS_CONFIG, true);
    }

    /** A new, configured value serializer from {@code value.serializer}. The caller owns it and closes it. */
    public Serializer<?> newValueSerializer() {
        return newSerializer(VALUE_SERIALIZER_CLASS_CONFIG, false);
    }

    private Serializer<?> newSerializer(final String key, final boolean isKey) {
        final Serializer<?> serializer = newInstance(key, Serializer.class);
        if (serializer == null) {
            throw new ConfigException("Missing required configuration " + key
                + ", which has no default value (or pass a Serializer instance to the producer)");
        }
        serializer.configure(originals(), isKey);
        return serializer;
    }

    /** A new, configured partitioner from {@code partitioner.class}, or {@code null} to use the built-in one. */
    public Partitioner newPartitioner() {
        final Partitioner partitioner = newInstance(PARTITIONER_CLASS_CONFIG, Partitioner.class);
        if (partitioner != null) {
            partitioner.configure(originals());
        }
        return partitioner;
    }
}
