package dev.sluice.client.consumer;

import dev.sluice.client.config.ClientConfig;
import dev.sluice.client.config.ConfigDef;
import dev.sluice.client.config.ConfigDef.Importance;
import dev.sluice.client.config.ConfigDef.Type;
import dev.sluice.client.config.HostPort;
import dev.sluice.client.config.ParsedConfig;
import dev.sluice.client.config.Validator;
import dev.sluice.client.config.Validators;
import dev.sluice.client.errors.ConfigException;
import dev.sluice.client.serialization.Deserializer;
import dev.sluice.client.serialization.Serdes;

import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Consumer configuration: the keys (named as in kafka-clients, with the same defaults), their
 * validation, and the rules that tie keys together. Immutable once constructed.
 *
 * <p>Cross-key rules:
 * <ul>
 *   <li>Auto-commit needs a {@code group.id}. Without one, {@code enable.auto.commit=true} set by the
 *       user is a {@link ConfigException}; left at its default it is turned off.
 *       {@link #autoCommitEnabled()} gives the outcome.</li>
 *   <li>With a {@code group.id}, {@code heartbeat.interval.ms} must be below {@code session.timeout.ms}.</li>
 * </ul>
 */
public final class ConsumerConfig extends ClientConfig {
    public static final String BOOTSTRAP_SERVERS_CONFIG = "bootstrap.servers";
    public static final String CLIENT_ID_CONFIG = "client.id";
    public static final String GROUP_ID_CONFIG = "group.id";
    public static final String GROUP_INSTANCE_ID_CONFIG = "group.instance.id";
    public static final String AUTO_OFFSET_RESET_CONFIG = "auto.offset.reset";
    public static final String ENABLE_AUTO_COMMIT_CONFIG = "enable.auto.commit";
    public static final String AUTO_COMMIT_INTERVAL_MS_CONFIG = "auto.commit.interval.ms";
    public static final String FETCH_MIN_BYTES_CONFIG = "fetch.min.bytes";
    public static final String FETCH_MAX_BYTES_CONFIG = "fetch.max.bytes";
    public static final String FETCH_MAX_WAIT_MS_CONFIG = "fetch.max.wait.ms";
    public static final String MAX_PARTITION_FETCH_BYTES_CONFIG = "max.partition.fetch.bytes";
    public static final String MAX_POLL_RECORDS_CONFIG = "max.poll.records";
    public static final String MAX_POLL_INTERVAL_MS_CONFIG = "max.poll.interval.ms";
    public static final String SESSION_TIMEOUT_MS_CONFIG = "session.timeout.ms";
    public static final String HEARTBEAT_INTERVAL_MS_CONFIG = "heartbeat.interval.ms";
    public static final String PARTITION_ASSIGNMENT_STRATEGY_CONFIG = "partition.assignment.strategy";
    public static final String CHECK_CRCS_CONFIG = "check.crcs";
    public static final String ISOLATION_LEVEL_CONFIG = "isolation.level";
    public static final String KEY_DESERIALIZER_CLASS_CONFIG = "key.deserializer";
    public static final String VALUE_DESERIALIZER_CLASS_CONFIG = "value.deserializer";
    public static final String REQUEST_TIMEOUT_MS_CONFIG = "request.timeout.ms";
    public static final String DEFAULT_API_TIMEOUT_MS_CONFIG = "default.api.timeout.ms";
    public static final String METADATA_MAX_AGE_CONFIG = "metadata.max.age.ms";
    public static final String RETRY_BACKOFF_MS_CONFIG = "retry.backoff.ms";
    public static final String RETRY_BACKOFF_MAX_MS_CONFIG = "retry.backoff.max.ms";
    public static final String RECONNECT_BACKOFF_MS_CONFIG = "reconnect.backoff.ms";
    public static final String RECONNECT_BACKOFF_MAX_MS_CONFIG = "reconnect.backoff.max.ms";
    public static final String SEND_BUFFER_CONFIG = "send.buffer.bytes";
    public static final String RECEIVE_BUFFER_CONFIG = "receive.buffer.bytes";
    public static final String CONNECTIONS_MAX_IDLE_MS_CONFIG = "connections.max.idle.ms";
    public static final String ALLOW_AUTO_CREATE_TOPICS_CONFIG = "allow.auto.create.topics";
    public static final String CLIENT_RACK_CONFIG = "client.rack";
    public static final String EXCLUDE_INTERNAL_TOPICS_CONFIG = "exclude.internal.topics";

    private static final Validator ASSIGNMENT_STRATEGIES = Validators.of(
        v -> v instanceof List && !((List<?>) v).isEmpty()
            && ((List<?>) v).stream().allMatch(e -> AssignmentStrategy.forConfigEntry((String) e) != null),
        "must be a non-empty list of range, roundrobin, cooperative-sticky or the matching kafka-clients assignor class names");

    private static final ConfigDef CONFIG = new ConfigDef()
        .define(BOOTSTRAP_SERVERS_CONFIG, Type.LIST, ConfigDef.NO_DEFAULT, Validators.nonEmptyHostPortList(), Importance.HIGH,
            "Brokers to contact first, host:port separated by commas; the rest of the cluster is learnt from them.")
        .define(CLIENT_ID_CONFIG, Type.STRING, "", Importance.MEDIUM,
            "Name sent with every request so broker logs and quotas can tell clients apart; generated when empty.")
        .define(GROUP_ID_CONFIG, Type.STRING, null, Importance.HIGH,
            "Consumer group to join for subscribe() and offset commits; unset for assign()-only use.")
        .define(GROUP_INSTANCE_ID_CONFIG, Type.STRING, null, Validators.nullOrNonBlank(), Importance.MEDIUM,
            "Stable member identity (static membership): a restart within session.timeout.ms causes no rebalance.")
        .define(AUTO_OFFSET_RESET_CONFIG, Type.STRING, "latest", Validators.oneOfIgnoreCase("latest", "earliest", "none"),
            Importance.MEDIUM,
            "Where to start without a valid committed offset: latest, earliest, or none to throw.")
        .define(ENABLE_AUTO_COMMIT_CONFIG, Type.BOOLEAN, true, Importance.MEDIUM,
            "Commit the positions of returned records in the background every auto.commit.interval.ms (needs group.id).")
        .define(AUTO_COMMIT_INTERVAL_MS_CONFIG, Type.INT, 5000, Validators.atLeast(0), Importance.LOW,
            "Milliseconds between automatic commits.")
        .define(FETCH_MIN_BYTES_CONFIG, Type.INT, 1, Validators.atLeast(0), Importance.HIGH,
            "Bytes a fetch response should hold before the broker answers, unless fetch.max.wait.ms passes first.")
        .define(FETCH_MAX_BYTES_CONFIG, Type.INT, 52428800, Validators.atLeast(0), Importance.MEDIUM,
            "Most bytes one fetch response may carry (a first batch larger than this is still returned whole).")
        .define(FETCH_MAX_WAIT_MS_CONFIG, Type.INT, 500, Validators.atLeast(0), Importance.LOW,
            "Longest the broker holds a fetch waiting for fetch.min.bytes, in milliseconds.")
        .define(MAX_PARTITION_FETCH_BYTES_CONFIG, Type.INT, 1048576, Validators.atLeast(0), Importance.HIGH,
            "Most bytes per partition in one fetch response (a first batch larger than this is still returned whole).")
        .define(MAX_POLL_RECORDS_CONFIG, Type.INT, 500, Validators.atLeast(1), Importance.MEDIUM,
            "Most records one poll() returns.")
        .define(MAX_POLL_INTERVAL_MS_CONFIG, Type.INT, 300000, Validators.atLeast(1), Importance.MEDIUM,
            "Longest gap allowed between poll() calls before the member is considered stuck and leaves the group.")
        .define(SESSION_TIMEOUT_MS_CONFIG, Type.INT, 45000, Importance.HIGH,
            "Milliseconds without heartbeats after which the coordinator removes the member from the group.")
        .define(HEARTBEAT_INTERVAL_MS_CONFIG, Type.INT, 3000, Importance.HIGH,
            "Milliseconds between heartbeats to the coordinator; must be below session.timeout.ms.")
        .define(PARTITION_ASSIGNMENT_STRATEGY_CONFIG, Type.LIST, "range,cooperative-sticky", ASSIGNMENT_STRATEGIES,
            Importance.MEDIUM,
            "Assignors this member supports, preferred first: range, roundrobin, cooperative-sticky (or kafka-clients class names).")
        .define(CHECK_CRCS_CONFIG, Type.BOOLEAN, true, Importance.LOW,
            "Verify the CRC32C of every fetched batch.")
        .define(ISOLATION_LEVEL_CONFIG, Type.STRING, "read_uncommitted",
            Validators.oneOfIgnoreCase("read_uncommitted", "read_committed"), Importance.MEDIUM,
            "read_committed hides records of open and aborted transactions; read_uncommitted returns everything.")
        .defineClass(KEY_DESERIALIZER_CLASS_CONFIG, null, Deserializer.class, Serdes::builtInClass, Importance.HIGH,
            "Deserializer class for record keys; kafka-clients class names are accepted. Required unless an instance is passed.")
        .defineClass(VALUE_DESERIALIZER_CLASS_CONFIG, null, Deserializer.class, Serdes::builtInClass, Importance.HIGH,
            "Deserializer class for record values; kafka-clients class names are accepted. Required unless an instance is passed.")
        .define(REQUEST_TIMEOUT_MS_CONFIG, Type.INT, 30000, Validators.atLeast(0), Importance.MEDIUM,
            "Milliseconds to wait for a response before the request is failed or retried.")
        .define(DEFAULT_API_TIMEOUT_MS_CONFIG, Type.INT, 60000, Validators.atLeast(0), Importance.MEDIUM,
            "Timeout in milliseconds of blocking consumer calls that take no timeout argument.")
        .define(METADATA_MAX_AGE_CONFIG, Type.LONG, 300000L, Validators.atLeast(0), Importance.LOW,
            "Milliseconds after which metadata is refreshed even if nothing suggested it changed.")
        .define(RETRY_BACKOFF_MS_CONFIG, Type.LONG, 100L, Validators.atLeast(0), Importance.LOW,
            "First pause in milliseconds before retrying a failed request; doubles up to retry.backoff.max.ms.")
        .define(RETRY_BACKOFF_MAX_MS_CONFIG, Type.LONG, 1000L, Validators.atLeast(0), Importance.LOW,
            "Longest pause in milliseconds between retries of a failing request.")
        .define(RECONNECT_BACKOFF_MS_CONFIG, Type.LONG, 50L, Validators.atLeast(0), Importance.LOW,
            "First pause in milliseconds before reconnecting to a broker; grows up to reconnect.backoff.max.ms.")
        .define(RECONNECT_BACKOFF_MAX_MS_CONFIG, Type.LONG, 1000L, Validators.atLeast(0), Importance.LOW,
            "Longest pause in milliseconds between reconnection attempts to a broker that keeps failing.")
        .define(SEND_BUFFER_CONFIG, Type.INT, 131072, Validators.atLeast(-1), Importance.MEDIUM,
            "Socket send buffer (SO_SNDBUF) in bytes; -1 leaves the operating system's default.")
        // Not Kafka's 65536: a fixed SO_RCVBUF turns off the kernel's receive-window auto-tuning, and a
        // 64 KiB window made the Sluice consumer 11-26 % slower on 1 KiB records over loopback, kafka-clients
        // up to 24 % (docs/benchmarks-consumer.md, "The receive window").
        .define(RECEIVE_BUFFER_CONFIG, Type.INT, -1, Validators.atLeast(-1), Importance.MEDIUM,
            "Socket receive buffer (SO_RCVBUF) in bytes; -1 (the default, unlike kafka-clients' 65536) leaves it to "
                + "the operating system, which grows the window with the connection's bandwidth.")
        .define(CONNECTIONS_MAX_IDLE_MS_CONFIG, Type.LONG, 540000L, Importance.MEDIUM,
            "Milliseconds after which an unused connection is closed.")
        .define(ALLOW_AUTO_CREATE_TOPICS_CONFIG, Type.BOOLEAN, true, Importance.MEDIUM,
            "Let a metadata request for a subscribed topic create it, if the broker allows auto-creation.")
        .define(CLIENT_RACK_CONFIG, Type.STRING, "", Importance.LOW,
            "Rack of this consumer, so a broker may serve fetches from a replica in the same rack.")
        .define(EXCLUDE_INTERNAL_TOPICS_CONFIG, Type.BOOLEAN, true, Importance.MEDIUM,
            "Keep internal topics such as __consumer_offsets out of pattern subscriptions.")
        .allowPrefix("key.deserializer.")
        .allowPrefix("value.deserializer.")
        .allowPrefix("deserializer.")
        .freeze();

    private final boolean autoCommitEnabled;

    public ConsumerConfig(final Map<String, ?> properties) {
        this(CONFIG.parse(properties));
    }

    public ConsumerConfig(final Properties properties) {
        this(CONFIG.parse(properties));
    }

    private ConsumerConfig(final ParsedConfig parsed) {
        super(applyCrossKeyRules(parsed));
        this.autoCommitEnabled = parsed().booleanValue(ENABLE_AUTO_COMMIT_CONFIG);
    }

    /** The key definitions, for documentation and tools. Frozen. */
    public static ConfigDef configDef() {
        return CONFIG;
    }

    private static ParsedConfig applyCrossKeyRules(final ParsedConfig parsed) {
        final boolean hasGroup = parsed.stringValue(GROUP_ID_CONFIG) != null;
        ParsedConfig result = parsed;
        if (!hasGroup && parsed.booleanValue(ENABLE_AUTO_COMMIT_CONFIG)) {
            if (parsed.isUserSet(ENABLE_AUTO_COMMIT_CONFIG)) {
                throw new ConfigException(ENABLE_AUTO_COMMIT_CONFIG + "=true needs " + GROUP_ID_CONFIG
                    + " to be set; set " + GROUP_ID_CONFIG + " or " + ENABLE_AUTO_COMMIT_CONFIG + "=false");
            }
            result = result.with(ENABLE_AUTO_COMMIT_CONFIG, false);
        }
        if (hasGroup) {
            final int heartbeat = parsed.intValue(HEARTBEAT_INTERVAL_MS_CONFIG);
            final int session = parsed.intValue(SESSION_TIMEOUT_MS_CONFIG);
            if (heartbeat >= session) {
                throw new ConfigException(HEARTBEAT_INTERVAL_MS_CONFIG, heartbeat, "must be less than "
                    + SESSION_TIMEOUT_MS_CONFIG + " (" + session + ")");
            }
        }
        return result;
    }

    /** Whether offsets are committed automatically, after the cross-key rules. */
    public boolean autoCommitEnabled() {
        return autoCommitEnabled;
    }

    /** The group id, or {@code null} when the consumer is not in a group. */
    public String groupId() {
        return stringValue(GROUP_ID_CONFIG);
    }

    public OffsetResetStrategy offsetResetStrategy() {
        return OffsetResetStrategy.forConfigName(stringValue(AUTO_OFFSET_RESET_CONFIG));
    }

    public IsolationLevel isolationLevel() {
        return IsolationLevel.forConfigName(stringValue(ISOLATION_LEVEL_CONFIG));
    }

    /** The configured assignors in preference order, duplicates removed. */
    public List<AssignmentStrategy> assignmentStrategies() {
        return listValue(PARTITION_ASSIGNMENT_STRATEGY_CONFIG).stream()
            .map(AssignmentStrategy::forConfigEntry)
            .distinct()
            .toList();
    }

    /** The {@code bootstrap.servers} entries, parsed (names are not resolved here). */
    public List<HostPort> bootstrapServers() {
        return hostPorts(BOOTSTRAP_SERVERS_CONFIG);
    }

    /** A new, configured key deserializer from {@code key.deserializer}. The caller owns and closes it. */
    public Deserializer<?> newKeyDeserializer() {
        return newDeserializer(KEY_DESERIALIZER_CLASS_CONFIG, true);
    }

    /** A new, configured value deserializer from {@code value.deserializer}. The caller owns and closes it. */
    public Deserializer<?> newValueDeserializer() {
        return newDeserializer(VALUE_DESERIALIZER_CLASS_CONFIG, false);
    }

    private Deserializer<?> newDeserializer(final String key, final boolean isKey) {
        final Deserializer<?> deserializer = newInstance(key, Deserializer.class);
        if (deserializer == null) {
            throw new ConfigException("Missing required configuration " + key
                + ", which has no default value (or pass a Deserializer instance to the consumer)");
        }
        deserializer.configure(originals(), isKey);
        return deserializer;
    }
}
