package dev.sluice.broker.log;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * All partition logs of the broker under one data directory: one directory per partition
 * ({@code <topic>-<partition>}) and one metadata file per topic ({@code .topics/<topic>.properties}:
 * topic id, partition count, config overrides), so a restart finds every topic again.
 *
 * <p>Thread safety: lookups ({@link #partition}, {@link #topic}, {@link #topics}) are lock-free and may
 * be called from any thread; topic creation, deletion and {@link #close} are serialised on this object.
 */
public final class LogManager implements AutoCloseable {
    /** Kafka's legal topic name: ASCII letters, digits, '.', '_' and '-', at most 249 characters. */
    private static final Pattern LEGAL_TOPIC_NAME = Pattern.compile("[a-zA-Z0-9._-]{1,249}");
    private static final String METADATA_DIR = ".topics";
    private static final String METADATA_SUFFIX = ".properties";
    private static final String TOPIC_ID_KEY = "topic.id";
    private static final String PARTITIONS_KEY = "partitions";
    private static final String CONFIG_PREFIX = "config.";

    private static final Logger LOG = LoggerFactory.getLogger(LogManager.class);

    private final Path dataDir;
    private final LogConfig defaults;
    private final Clock clock;
    private final ConcurrentHashMap<String, Topic> topics = new ConcurrentHashMap<>();
    private boolean closed;

    private record Topic(TopicInfo info, PartitionLog[] partitions) {
    }

    private LogManager(final Path dataDir, final LogConfig defaults, final Clock clock) {
        this.dataDir = dataDir;
        this.defaults = defaults;
        this.clock = clock;
    }

    /**
     * Opens (creating if needed) the data directory and recovers every topic recorded in it.
     *
     * @param defaults config of topics created without overrides; overrides are applied on top
     * @param clock    source of time for retention and LogAppendTime
     */
    public static LogManager open(final Path dataDir, final LogConfig defaults, final Clock clock) throws IOException {
        Files.createDirectories(dataDir.resolve(METADATA_DIR));
        final LogManager manager = new LogManager(dataDir, defaults, clock);
        try {
            manager.recover();
        } catch (final IOException | RuntimeException e) {
            manager.close();
            throw e;
        }
        return manager;
    }

    private void recover() throws IOException {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dataDir.resolve(METADATA_DIR), "*" + METADATA_SUFFIX)) {
            for (final Path file : files) {
                final String fileName = file.getFileName().toString();
                final String name = fileName.substring(0, fileName.length() - METADATA_SUFFIX.length());
                final TopicInfo info = readMetadata(name, file);
                topics.put(name, new Topic(info, openPartitions(info, false)));
                LOG.info("Recovered topic {} ({} partitions, id {})", name, info.partitionCount(), info.topicId());
            }
        }
    }

    private TopicInfo readMetadata(final String name, final Path file) throws IOException {
        final Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        final String id = properties.getProperty(TOPIC_ID_KEY);
        final String partitions = properties.getProperty(PARTITIONS_KEY);
        if (id == null || partitions == null) {
            throw new IOException("topic metadata " + file + " lacks " + TOPIC_ID_KEY + " or " + PARTITIONS_KEY);
        }
        final Map<String, String> overrides = new TreeMap<>();
        for (final String key : properties.stringPropertyNames()) {
            if (key.startsWith(CONFIG_PREFIX)) {
                overrides.put(key.substring(CONFIG_PREFIX.length()), properties.getProperty(key));
            }
        }
        try {
            return new TopicInfo(name, UUID.fromString(id), Integer.parseInt(partitions), defaults.with(overrides),
                    Collections.unmodifiableMap(overrides));
        } catch (final IllegalArgumentException e) {
            throw new IOException("topic metadata " + file + " is invalid: " + e.getMessage(), e);
        }
    }

    private PartitionLog[] openPartitions(final TopicInfo info, final boolean fresh) throws IOException {
        final PartitionLog[] logs = new PartitionLog[info.partitionCount()];
        try {
            for (int p = 0; p < logs.length; p++) {
                final Path dir = partitionDir(info.name(), p);
                if (fresh) {
                    deleteRecursively(dir);
                }
                logs[p] = PartitionLog.open(dir, info.name(), p, info.config(), clock);
            }
        } catch (final IOException | RuntimeException e) {
            for (final PartitionLog log : logs) {
                if (log != null) {
                    log.close();
                }
            }
            throw e;
        }
        return logs;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** Config that topics get when created without overrides. */
    public LogConfig defaultConfig() {
        return defaults;
    }

    /**
     * Creates a topic with a fresh random id and {@code partitions} empty partitions.
     *
     * @param configs overrides of the default log config (Kafka key names)
     * @throws IllegalArgumentException for an illegal name, a partition count below 1 or a bad config
     * @throws IllegalStateException    when the topic already exists
     */
    public synchronized TopicInfo createTopic(final String name, final int partitions, final Map<String, String> configs)
            throws IOException {
        ensureOpen();
        if (name == null || !LEGAL_TOPIC_NAME.matcher(name).matches() || name.equals(".") || name.equals("..")) {
            throw new IllegalArgumentException("Illegal topic name '" + name
                    + "': use 1 to 249 of the characters [a-zA-Z0-9._-], not '.' or '..'");
        }
        if (partitions < 1) {
            throw new IllegalArgumentException("Invalid partition count " + partitions + " for topic '" + name
                    + "': must be at least 1");
        }
        if (topics.containsKey(name)) {
            throw new IllegalStateException("Topic '" + name + "' already exists");
        }
        final Map<String, String> overrides = Collections.unmodifiableMap(new TreeMap<>(configs));
        final LogConfig config = defaults.with(overrides);
        final TopicInfo info = new TopicInfo(name, UUID.randomUUID(), partitions, config, overrides);
        final PartitionLog[] logs = openPartitions(info, true);
        try {
            writeMetadata(info);
        } catch (final IOException e) {
            for (final PartitionLog log : logs) {
                log.delete();
            }
            throw e;
        }
        topics.put(name, new Topic(info, logs));
        LOG.info("Created topic {} with {} partitions, id {}, overrides {}", name, partitions, info.topicId(), overrides);
        return info;
    }

    private void writeMetadata(final TopicInfo info) throws IOException {
        final Properties properties = new Properties();
        properties.setProperty(TOPIC_ID_KEY, info.topicId().toString());
        properties.setProperty(PARTITIONS_KEY, Integer.toString(info.partitionCount()));
        for (final Map.Entry<String, String> override : info.configOverrides().entrySet()) {
            properties.setProperty(CONFIG_PREFIX + override.getKey(), override.getValue());
        }
        final Path file = metadataFile(info.name());
        final Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        try (Writer writer = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
            properties.store(writer, "Sluice topic metadata");
        }
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * Deletes a topic: its metadata first (so a crash midway never resurrects it), then its partitions'
     * files; segments still being read go when their slices are released.
     *
     * @return false when there is no such topic
     */
    public synchronized boolean deleteTopic(final String name) throws IOException {
        ensureOpen();
        final Topic topic = topics.remove(name);
        if (topic == null) {
            return false;
        }
        Files.deleteIfExists(metadataFile(name));
        for (final PartitionLog log : topic.partitions()) {
            log.delete();
        }
        LOG.info("Deleted topic {} (id {})", name, topic.info().topicId());
        return true;
    }

    /** The log of {@code topic}-{@code partition}, or null when there is no such topic or partition. */
    public PartitionLog partition(final String topic, final int partition) {
        final Topic found = topics.get(topic);
        if (found == null || partition < 0 || partition >= found.partitions().length) {
            return null;
        }
        return found.partitions()[partition];
    }

    public Optional<TopicInfo> topic(final String name) {
        final Topic found = topics.get(name);
        return found == null ? Optional.empty() : Optional.of(found.info());
    }

    /** Every topic, sorted by name (a snapshot). */
    public List<TopicInfo> topics() {
        final List<TopicInfo> all = new ArrayList<>();
        for (final Topic topic : topics.values()) {
            all.add(topic.info());
        }
        all.sort(Comparator.comparing(TopicInfo::name));
        return all;
    }

    /** Every partition log of every topic (a snapshot). */
    public Collection<PartitionLog> partitions() {
        final List<PartitionLog> all = new ArrayList<>();
        for (final Topic topic : topics.values()) {
            Collections.addAll(all, topic.partitions());
        }
        return all;
    }

    /**
     * Runs retention on every partition; the broker calls this periodically (Kafka's
     * log.retention.check.interval.ms defaults to 5 minutes).
     *
     * @return the number of segments deleted
     */
    public int enforceRetention() {
        int removed = 0;
        for (final PartitionLog log : partitions()) {
            try {
                removed += log.enforceRetention();
            } catch (final IOException e) {
                LOG.error("Retention of {} failed", log, e);
            }
        }
        return removed;
    }

    /** Closes every partition (flush, producer snapshot). Idempotent. */
    @Override
    public synchronized void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        IOException failure = null;
        for (final PartitionLog log : partitions()) {
            try {
                log.close();
            } catch (final IOException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        topics.clear();
        if (failure != null) {
            throw failure;
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("LogManager for " + dataDir + " is closed");
        }
    }

    private Path partitionDir(final String topic, final int partition) {
        return dataDir.resolve(topic + "-" + partition);
    }

    private Path metadataFile(final String topic) {
        return dataDir.resolve(METADATA_DIR).resolve(topic + METADATA_SUFFIX);
    }

    private static void deleteRecursively(final Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            final List<Path> paths = walk.sorted(Comparator.reverseOrder()).toList();
            for (final Path path : paths) {
                Files.deleteIfExists(path);
            }
        }
    }
}
