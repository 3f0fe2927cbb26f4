package dev.sluice.broker;

import dev.sluice.broker.group.GroupCoordinator;
import dev.sluice.broker.group.GroupTimer;
import dev.sluice.broker.group.OffsetStore;
import dev.sluice.broker.handler.ApiHandler;
import dev.sluice.broker.handler.ApiVersionsHandler;
import dev.sluice.broker.handler.BrokerContext;
import dev.sluice.broker.handler.CreateTopicsHandler;
import dev.sluice.broker.handler.DeleteTopicsHandler;
import dev.sluice.broker.handler.DeletedTopicOffsetsCleanup;
import dev.sluice.broker.handler.DescribeClusterHandler;
import dev.sluice.broker.handler.DescribeConfigsHandler;
import dev.sluice.broker.handler.DescribeGroupsHandler;
import dev.sluice.broker.handler.FetchCounters;
import dev.sluice.broker.handler.FetchHandler;
import dev.sluice.broker.handler.FetchPurgatory;
import dev.sluice.broker.handler.FindCoordinatorHandler;
import dev.sluice.broker.handler.HeartbeatHandler;
import dev.sluice.broker.handler.InitProducerIdHandler;
import dev.sluice.broker.handler.JoinGroupHandler;
import dev.sluice.broker.handler.LeaveGroupHandler;
import dev.sluice.broker.handler.ListGroupsHandler;
import dev.sluice.broker.handler.ListOffsetsHandler;
import dev.sluice.broker.handler.MetadataHandler;
import dev.sluice.broker.handler.OffsetCommitHandler;
import dev.sluice.broker.handler.OffsetFetchHandler;
import dev.sluice.broker.handler.ProduceHandler;
import dev.sluice.broker.handler.ProducerIdManager;
import dev.sluice.broker.handler.RequestDispatcher;
import dev.sluice.broker.handler.SaslHandshakeHandler;
import dev.sluice.broker.handler.SyncGroupHandler;
import dev.sluice.broker.log.LogManager;
import dev.sluice.broker.network.NetworkCounters;
import dev.sluice.broker.network.SocketServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A single-node broker speaking Kafka's protocol, embedded in the calling JVM:
 *
 * <pre>{@code
 * try (MockBroker broker = MockBroker.builder().port(0).dataDir(dir).config("num.partitions", "8").build()) {
 *     broker.start();
 *     props.put("bootstrap.servers", broker.bootstrapServers());
 * }
 * }</pre>
 *
 * <p>Data lives in the data directory and survives {@link #close()}: a new broker on the same
 * directory serves it again (same topics, ids, offsets and cluster id). Without a data directory a
 * temporary one is used and deleted on close. {@link #start()} and {@link #close()} may be called
 * from any thread, once each.
 */
public final class MockBroker implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MockBroker.class);
    private static final String CLUSTER_ID_FILE = "cluster-id";
    /** Committed offsets; not a valid partition directory name, so the log never mistakes it for one. */
    private static final String GROUP_COORDINATOR_DIR = "group-coordinator";

    private final String host;
    private final int requestedPort;
    private final Path dataDir;
    private final boolean temporaryDataDir;
    private final BrokerConfig config;
    private final List<Function<BrokerContext, ApiHandler>> extraHandlers;
    private LogManager logs;
    private FetchPurgatory fetches;
    private FetchCounters fetchCounters;
    private SocketServer server;
    private ScheduledExecutorService retention;
    private RequestDispatcher dispatcher;
    private GroupCoordinator groups;
    private GroupTimer groupTimer;
    private String clusterId;
    private volatile boolean started;

    private MockBroker(final Builder builder) throws IOException {
        this.host = builder.host;
        this.requestedPort = builder.port;
        this.config = BrokerConfig.from(builder.configs);
        this.temporaryDataDir = builder.dataDir == null;
        this.dataDir = temporaryDataDir ? Files.createTempDirectory("sluice-broker-") : builder.dataDir;
        this.extraHandlers = List.copyOf(builder.extraHandlers);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Opens the logs and starts listening; on return the broker accepts connections. */
    public synchronized MockBroker start() throws IOException {
        if (started) {
            throw new IllegalStateException("broker already started");
        }
        Files.createDirectories(dataDir);
        clusterId = loadOrCreateClusterId(dataDir);
        logs = LogManager.open(dataDir, config.logDefaults(), Clock.systemUTC());
        fetches = new FetchPurgatory();
        fetchCounters = new FetchCounters();
        final ProducerIdManager producerIds = ProducerIdManager.open(dataDir);
        final BrokerContext context = new BrokerContext(config.nodeId(), host, () -> server.port(), clusterId,
                config.autoCreateTopics(), config.numPartitions(), config.values(), logs, producerIds, fetches,
                fetchCounters);
        final Clock groupClock = Clock.systemUTC();
        groups = new GroupCoordinator(config.groupConfig(), OffsetStore.open(dataDir.resolve(GROUP_COORDINATOR_DIR)),
                groupClock);
        groupTimer = GroupTimer.start(groups, groupClock, GroupTimer.DEFAULT_MAX_SLEEP_MS);
        final List<ApiHandler> handlers = new ArrayList<>(List.of(
                new ApiVersionsHandler(() -> List.copyOf(dispatcher.handlers().values())),
                new MetadataHandler(context),
                new ProduceHandler(context),
                new FetchHandler(context),
                new ListOffsetsHandler(context),
                new CreateTopicsHandler(context),
                new DeletedTopicOffsetsCleanup(new DeleteTopicsHandler(context), logs, groups),
                new InitProducerIdHandler(context),
                new FindCoordinatorHandler(context),
                new DescribeClusterHandler(context),
                new DescribeConfigsHandler(context),
                new SaslHandshakeHandler(),
                new JoinGroupHandler(groups),
                new SyncGroupHandler(groups),
                new HeartbeatHandler(groups),
                new LeaveGroupHandler(groups),
                new OffsetCommitHandler(groups, tp -> logs.partition(tp.topic(), tp.partition()) != null),
                new OffsetFetchHandler(groups),
                new DescribeGroupsHandler(groups),
                new ListGroupsHandler(groups)));
        for (final Function<BrokerContext, ApiHandler> extra : extraHandlers) {
            handlers.add(extra.apply(context));
        }
        dispatcher = new RequestDispatcher(handlers);
        server = new SocketServer(host, requestedPort, config.networkThreads(), config.socketRequestMaxBytes(),
                config.socketSendBufferBytes(), dispatcher);
        server.start();
        retention = Executors.newSingleThreadScheduledExecutor(runnable -> {
            final Thread thread = new Thread(runnable, "sluice-log-retention");
            thread.setDaemon(true);
            return thread;
        });
        retention.scheduleWithFixedDelay(this::enforceRetention, config.retentionCheckIntervalMs(),
                config.retentionCheckIntervalMs(), TimeUnit.MILLISECONDS);
        started = true;
        LOG.info("Broker {} (cluster {}) accepting connections on {} with data in {}", config.nodeId(), clusterId,
                bootstrapServers(), dataDir);
        return this;
    }

    /** "host:port" to give clients as {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return host + ":" + port();
    }

    /** The bound port; only after {@link #start()}. */
    public int port() {
        ensureStarted();
        return server.port();
    }

    public Path dataDir() {
        return dataDir;
    }

    public String clusterId() {
        ensureStarted();
        return clusterId;
    }

    /** The topic logs, for tests that look at what was stored. */
    public LogManager logs() {
        ensureStarted();
        return logs;
    }

    /** Bytes sent by transferTo versus from heap buffers since start. */
    public NetworkCounters networkCounters() {
        ensureStarted();
        return server.counters();
    }

    /** Fetch responses, empty answers and long polls since start. */
    public FetchCounters fetchCounters() {
        ensureStarted();
        return fetchCounters;
    }

    /** Stops listening, answers parked fetches, closes the logs (flushing them). Idempotent. */
    @Override
    public synchronized void close() {
        if (server != null) {
            server.close();
            final NetworkCounters network = server.counters();
            LOG.info("Served {}; {} bytes by transferTo in {} calls, {} bytes from heap buffers", fetchCounters,
                    network.transferToBytes(), network.transferToCalls(), network.heapBytes());
        }
        if (retention != null) {
            retention.shutdownNow();
        }
        if (fetches != null) {
            fetches.close();
        }
        if (groupTimer != null) {
            groupTimer.close();
        }
        if (groups != null) {
            try {
                groups.close();
            } catch (final IOException e) {
                LOG.error("Closing the group coordinator's offsets in {} failed", dataDir, e);
            }
        }
        if (logs != null) {
            try {
                logs.close();
                LOG.info("Broker stopped; logs in {} closed", dataDir);
            } catch (final IOException e) {
                LOG.error("Closing logs in {} failed", dataDir, e);
            }
        }
        server = null;
        retention = null;
        fetches = null;
        fetchCounters = null;
        groupTimer = null;
        groups = null;
        logs = null;
        started = false;
        if (temporaryDataDir) {
            deleteRecursively(dataDir);
        }
    }

    private void enforceRetention() {
        try {
            final int deleted = logs.enforceRetention();
            if (deleted > 0) {
                LOG.info("Retention deleted {} segments", deleted);
            }
        } catch (final RuntimeException e) {
            LOG.warn("Retention check failed", e);
        }
    }

    private void ensureStarted() {
        if (!started) {
            throw new IllegalStateException("broker is not started");
        }
    }

    /** Kafka-style cluster id (22 chars of URL-safe base64 of a random UUID), persisted so restarts keep it. */
    private static String loadOrCreateClusterId(final Path dataDir) throws IOException {
        final Path file = dataDir.resolve(CLUSTER_ID_FILE);
        if (Files.exists(file)) {
            return Files.readString(file, StandardCharsets.UTF_8).trim();
        }
        final UUID uuid = UUID.randomUUID();
        final byte[] bytes = java.nio.ByteBuffer.allocate(16)
                .putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits()).array();
        final String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Files.writeString(file, id, StandardCharsets.UTF_8);
        return id;
    }

    private static void deleteRecursively(final Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (final IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (final IOException | UncheckedIOException e) {
            LOG.warn("Could not delete temporary data directory {}: {}", dir, e.toString());
        }
    }

    /** Settings of a {@link MockBroker}; every one has a default. */
    public static final class Builder {
        private String host = "127.0.0.1";
        private int port;
        private Path dataDir;
        private final Map<String, String> configs = new LinkedHashMap<>();
        private final List<Function<BrokerContext, ApiHandler>> extraHandlers = new ArrayList<>();

        private Builder() {
        }

        /** Address to bind and to advertise; default 127.0.0.1. */
        public Builder host(final String host) {
            this.host = host;
            return this;
        }

        /** Port to bind; default 0, a free port. */
        public Builder port(final int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port " + port + " is outside 0..65535");
            }
            this.port = port;
            return this;
        }

        /** Where logs live; default a temporary directory deleted on close. */
        public Builder dataDir(final Path dataDir) {
            this.dataDir = dataDir;
            return this;
        }

        /** A broker setting under its Kafka name, see {@link BrokerConfig}. */
        public Builder config(final String key, final String value) {
            configs.put(key, value);
            return this;
        }

        /**
         * Adds a handler for an API the broker does not answer by itself; it is advertised in
         * ApiVersions. The group APIs are built in.
         */
        public Builder handler(final Function<BrokerContext, ApiHandler> handler) {
            extraHandlers.add(handler);
            return this;
        }

        /** @throws IllegalArgumentException for an unknown config key or a bad value, naming the key */
        public MockBroker build() {
            try {
                return new MockBroker(this);
            } catch (final IOException e) {
                throw new UncheckedIOException("could not create a temporary data directory", e);
            }
        }
    }
}
