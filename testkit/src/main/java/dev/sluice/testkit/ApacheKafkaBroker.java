package dev.sluice.testkit;

import dev.sluice.testkit.internal.AdminReadinessProbe;
import dev.sluice.testkit.internal.ChildJvm;
import dev.sluice.testkit.internal.ChildProcesses;
import dev.sluice.testkit.internal.KafkaBrokerMain;
import dev.sluice.testkit.internal.LogTail;
import dev.sluice.testkit.internal.ParentWatchdog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/**
 * A real Apache Kafka 4.1 broker for tests: one KRaft node in combined mode (broker and controller,
 * node id 1), running in a child JVM launched with this JVM's {@code java} and classpath, listening
 * on free ports of 127.0.0.1, storing its log in a fresh directory that {@link #close()} deletes.
 *
 * <pre>{@code
 * try (ApacheKafkaBroker kafka = ApacheKafkaBroker.builder().config("num.partitions", "8").build()) {
 *     kafka.start();
 *     String bootstrap = kafka.bootstrapServers();   // "127.0.0.1:PORT"
 *     ...
 * }
 * }</pre>
 *
 * <p><b>Start-up time</b>, from {@link #start()} to a broker that lists itself unfenced in
 * DescribeCluster, measured on the 2-core build machine while other builds ran (load average 15
 * to 20), JDK 17, Kafka 4.1.0, the default {@link Builder#TEST_JVM_OPTIONS}: 8.0 to 11.9 s for a
 * first start (which includes formatting the log directory), 8.8 to 9.4 s for a restart, and
 * {@link #stop()} took 1.5 to 1.7 s. With the full JIT ({@link Builder#benchmarkJvm()}-like) the
 * same starts took 16.8 to 26.4 s. Hence: start one broker per test class at most, or share one
 * per JVM through {@link ApacheKafkaExtension}.
 *
 * <p><b>Lifecycle:</b> {@link #start()}, then any number of {@link #stop()} (graceful, SIGTERM),
 * {@link #kill()} (SIGKILL, for crash tests) and {@link #start()} / {@link #restart()} again, all
 * keeping the same ports, cluster id and log directory; {@link #close()} finally kills the child
 * and deletes the log directory. A JVM shutdown hook kills a child that was never closed, and the
 * child halts itself when this JVM dies without running hooks (it watches its stdin pipe).
 *
 * <p><b>Output:</b> the child's stdout and stderr (its slf4j log) go to {@link #logFile()}, under
 * {@code target/apache-kafka/} of the module being tested (system property
 * {@code sluice.testkit.outputDir} overrides the parent directory). That path is in every start
 * failure's message, together with the last lines of the file.
 *
 * <p><b>Threads:</b> not thread-safe beyond this: every method is {@code synchronized}, so a test
 * thread and a JUnit extension may share an instance; the shutdown hook needs no lock.
 */
public final class ApacheKafkaBroker implements AutoCloseable {
    /** The node id of the single broker+controller. */
    public static final int NODE_ID = 1;

    private static final Logger LOG = LoggerFactory.getLogger(ApacheKafkaBroker.class);
    private static final String BROKER_LISTENER = "PLAINTEXT";
    private static final String CONTROLLER_LISTENER = "CONTROLLER";
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);
    private static final long PROBE_INTERVAL_MILLIS = 100;
    private static final long KILL_WAIT_MILLIS = 10_000;
    private static final int LOG_TAIL_LINES = 40;
    private static final int LOG_TAIL_BYTES = 64 * 1024;
    private static final DateTimeFormatter DIR_TIMESTAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS", Locale.ROOT);

    /** Keys this class derives from ports and directories; overriding them would break the node. */
    private static final Set<String> MANAGED_KEYS = Set.of(
            "process.roles", "node.id", "broker.id", "controller.quorum.voters", "controller.quorum.bootstrap.servers",
            "controller.listener.names", "listeners", "advertised.listeners", "inter.broker.listener.name",
            "listener.security.protocol.map", "log.dirs", "log.dir", "metadata.log.dir");

    private final Map<String, String> brokerConfig;
    private final List<String> jvmOptions;
    private final Duration startTimeout;
    private final Duration stopTimeout;
    private final int brokerPort;
    private final int controllerPort;
    private final String clusterId;
    private final Path dataDir;
    private final Path outputDir;
    private final Path logFile;
    private final Path propertiesFile;

    private Process process;
    private boolean closed;
    private Duration lastStartupTime = Duration.ZERO;

    private ApacheKafkaBroker(final Builder builder) {
        final int[] ports = FreePorts.distinct(2);
        this.brokerPort = ports[0];
        this.controllerPort = ports[1];
        this.clusterId = org.apache.kafka.common.Uuid.randomUuid().toString();
        this.startTimeout = builder.startTimeout;
        this.stopTimeout = builder.stopTimeout;
        this.jvmOptions = List.copyOf(builder.jvmOptions());
        this.outputDir = builder.outputRoot.resolve(
                "kafka-" + LocalDateTime.now().format(DIR_TIMESTAMP) + "-port" + brokerPort);
        this.logFile = outputDir.resolve("broker.log");
        this.propertiesFile = outputDir.resolve("server.properties");
        try {
            Files.createDirectories(outputDir);
        } catch (final IOException e) {
            throw new UncheckedIOException("could not create broker output directory " + outputDir, e);
        }
        // Under target/ rather than java.io.tmpdir: if the test JVM is killed before close(),
        // the leftover data goes away with the next 'mvn clean' instead of piling up in /tmp.
        this.dataDir = outputDir.resolve("data");
        this.brokerConfig = Collections.unmodifiableMap(effectiveConfig(builder.config));
        writeProperties();
    }

    /** A builder with single-node defaults; nothing is started until {@link #start()}. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Launches the child JVM, which formats the log directory (first start only) and runs the
     * broker, and returns once the broker is registered, unfenced and answering requests.
     *
     * @return this broker, for chaining
     * @throws IllegalStateException       if the broker is already running or was closed
     * @throws ApacheKafkaStartException   if the child exits early (bad configuration, failed
     *                                     format, bad JVM option) or is not ready within the start
     *                                     timeout (it is then killed); the message quotes its log
     */
    public synchronized ApacheKafkaBroker start() {
        if (closed) {
            throw new IllegalStateException("broker on port " + brokerPort + " was closed");
        }
        if (isRunning()) {
            throw new IllegalStateException("broker on port " + brokerPort + " is already running");
        }
        final long startNanos = System.nanoTime();
        launch();
        awaitReady(startNanos);
        lastStartupTime = Duration.ofNanos(System.nanoTime() - startNanos);
        LOG.info("Apache Kafka broker ready at {} after {} ms (log: {})",
                bootstrapServers(), lastStartupTime.toMillis(), logFile);
        return this;
    }

    /**
     * Graceful shutdown: SIGTERM, then waits up to the stop timeout for Kafka's controlled shutdown
     * to finish, then SIGKILL. Does nothing if the broker is not running.
     */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        if (process.isAlive()) {
            final long stopNanos = System.nanoTime();
            // Process.destroy() would also close the child's stdin, which ParentWatchdog takes as
            // "parent gone" and halts the JVM mid-shutdown; the handle only sends SIGTERM.
            process.toHandle().destroy();
            try {
                if (process.waitFor(stopTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    LOG.info("Apache Kafka broker on port {} stopped with status {} after {} ms", brokerPort,
                            process.exitValue(), Duration.ofNanos(System.nanoTime() - stopNanos).toMillis());
                } else {
                    LOG.warn("Apache Kafka broker on port {} ignored SIGTERM for {}; killing it", brokerPort, stopTimeout);
                }
            } catch (final InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        reap();
    }

    /**
     * Crash: SIGKILL without warning, for tests of what survives a broker failure. Returns once the
     * child process is gone. Does nothing if the broker is not running.
     *
     * <p>The next {@link #start()} is slower by up to {@code broker.session.timeout.ms} (9 s by
     * default; measured 13 s instead of 6 to 9 s): the controller refuses the new incarnation's
     * registration until the killed one's session expires. Crash-heavy tests can lower it with
     * {@code config("broker.session.timeout.ms", ...)} (keep it a few heartbeats,
     * {@code broker.heartbeat.interval.ms}, above zero on a busy machine).
     */
    public synchronized void kill() {
        if (process == null) {
            return;
        }
        reap();
    }

    /** {@link #stop()} then {@link #start()}, keeping ports, cluster id and data. */
    public synchronized ApacheKafkaBroker restart() {
        stop();
        return start();
    }

    /** Kills the child if it still runs and deletes the log directory. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (process != null) {
            // The data is deleted next, so a graceful shutdown would only cost time.
            reap();
        }
        TempDirs.deleteRecursively(dataDir);
    }

    /** {@code 127.0.0.1:PORT} of the client listener; stable across restarts. */
    public String bootstrapServers() {
        return FreePorts.loopback().getHostAddress() + ":" + brokerPort;
    }

    /** The client (PLAINTEXT) listener port. */
    public int port() {
        return brokerPort;
    }

    /** The KRaft controller listener port. */
    public int controllerPort() {
        return controllerPort;
    }

    /** The cluster id the log directory was formatted with (Kafka's base64 UUID form). */
    public String clusterId() {
        return clusterId;
    }

    /** The broker's data directory ({@code log.dirs}, {@code data/} beside {@link #logFile()}); deleted by {@link #close()}. */
    public Path dataDir() {
        return dataDir;
    }

    /** The file receiving the child's stdout and stderr, appended to across restarts. */
    public Path logFile() {
        return logFile;
    }

    /** The effective broker properties, as written to {@code server.properties}. */
    public Map<String, String> brokerConfig() {
        return brokerConfig;
    }

    /** Whether the child process is alive (it may still be starting). */
    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    /**
     * The operating-system process id of the current (or last) child JVM.
     *
     * @throws IllegalStateException if the broker was never started
     */
    public synchronized long pid() {
        if (process == null) {
            throw new IllegalStateException("broker on port " + brokerPort + " was never started");
        }
        return process.pid();
    }

    /** How long the last successful {@link #start()} took; zero before the first. */
    public synchronized Duration lastStartupTime() {
        return lastStartupTime;
    }

    @Override
    public String toString() {
        return "ApacheKafkaBroker[" + bootstrapServers() + ", log=" + logFile + "]";
    }

    private Map<String, String> effectiveConfig(final Map<String, String> overrides) {
        final String host = FreePorts.loopback().getHostAddress();
        final Map<String, String> config = new TreeMap<>();
        config.put("process.roles", "broker,controller");
        config.put("node.id", Integer.toString(NODE_ID));
        config.put("controller.quorum.voters", NODE_ID + "@" + host + ":" + controllerPort);
        config.put("controller.listener.names", CONTROLLER_LISTENER);
        config.put("listeners", BROKER_LISTENER + "://" + host + ":" + brokerPort + ","
                + CONTROLLER_LISTENER + "://" + host + ":" + controllerPort);
        config.put("advertised.listeners", BROKER_LISTENER + "://" + host + ":" + brokerPort);
        config.put("inter.broker.listener.name", BROKER_LISTENER);
        config.put("listener.security.protocol.map", BROKER_LISTENER + ":PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        config.put("log.dirs", dataDir.toString());
        // One node: every internal topic and every produce must be satisfiable by one replica.
        config.put("num.partitions", "1");
        config.put("default.replication.factor", "1");
        config.put("min.insync.replicas", "1");
        config.put("offsets.topic.replication.factor", "1");
        config.put("transaction.state.log.replication.factor", "1");
        config.put("transaction.state.log.min.isr", "1");
        config.put("share.coordinator.state.topic.replication.factor", "1");
        config.put("share.coordinator.state.topic.min.isr", "1");
        // Fifty partitions per internal topic (the default) cost seconds of segment and index
        // creation on the first group join or transaction, for nothing on one node.
        config.put("offsets.topic.num.partitions", "1");
        config.put("transaction.state.log.num.partitions", "1");
        // Tests join groups one consumer at a time; the default 3 s delay would only slow them.
        config.put("group.initial.rebalance.delay.ms", "0");
        config.put("auto.create.topics.enable", "true");
        config.putAll(overrides);
        return config;
    }

    private void writeProperties() {
        final Properties properties = new Properties();
        properties.putAll(brokerConfig);
        try (OutputStream out = Files.newOutputStream(propertiesFile)) {
            properties.store(out, "Written by " + ApacheKafkaBroker.class.getName());
        } catch (final IOException e) {
            throw new UncheckedIOException("could not write " + propertiesFile, e);
        }
    }

    private void launch() {
        final List<String> args = List.of(KafkaBrokerMain.class.getName(), clusterId, propertiesFile.toString());
        final List<String> command = new ChildJvm(ParentWatchdog.class.getName())
                .jvmOptions(jvmOptions)
                .jvmOptions(List.of("-Dsluice.testkit.role=apache-kafka-broker", "-Dsluice.testkit.port=" + brokerPort))
                .arguments(args)
                .command();
        final ProcessBuilder builder = new ProcessBuilder(command)
                .directory(outputDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        // stdin stays a pipe that is never written nor closed: ParentWatchdog halts the child
        // when it reaches end-of-file, i.e. when this JVM is gone.
        try {
            process = builder.start();
        } catch (final IOException e) {
            throw new ApacheKafkaStartException("could not launch " + command.get(0) + ": " + e.getMessage()
                    + "; broker output: " + logFile, logFile, e);
        }
        ChildProcesses.track(process);
    }

    private void awaitReady(final long startNanos) {
        final long deadline = startNanos + startTimeout.toNanos();
        try (AdminReadinessProbe probe = new AdminReadinessProbe(
                FreePorts.loopback().getHostAddress(), brokerPort, NODE_ID)) {
            while (true) {
                if (!process.isAlive()) {
                    final int status = process.exitValue();
                    reap();
                    throw startFailure("Apache Kafka broker exited with status " + status + " before it was ready", null);
                }
                if (probe.isReady(PROBE_TIMEOUT)) {
                    return;
                }
                if (System.nanoTime() - deadline > 0) {
                    reap();
                    throw startFailure("Apache Kafka broker on " + bootstrapServers() + " was not ready within "
                            + startTimeout.toSeconds() + " s and was killed", null);
                }
                Thread.sleep(PROBE_INTERVAL_MILLIS);
            }
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            reap();
            throw startFailure("interrupted while waiting for the Apache Kafka broker to start", e);
        }
    }

    private ApacheKafkaStartException startFailure(final String what, final Throwable cause) {
        final String tail = LogTail.lastLines(logFile, LOG_TAIL_LINES, LOG_TAIL_BYTES);
        return new ApacheKafkaStartException(what + "; broker output: " + logFile + System.lineSeparator()
                + "--- last lines ---" + System.lineSeparator() + tail, logFile, cause);
    }

    /** SIGKILL (if still alive), wait until gone, stop tracking. */
    private void reap() {
        if (process.isAlive()) {
            ChildProcesses.killAndWait(process, KILL_WAIT_MILLIS);
        }
        ChildProcesses.forget(process);
    }

    /**
     * Settings of an {@link ApacheKafkaBroker}. Not thread-safe; values are checked as they are set,
     * and an illegal one is rejected with an {@link IllegalArgumentException} naming it.
     */
    public static final class Builder {
        /**
         * The default, tuned for a quick start on two cores: a small heap and the serial collector
         * (the broker of a test holds little, and a concurrent collector's threads would compete
         * with the test), and the C1 compiler only. Measured on the 2-core build machine under load
         * from parallel builds, two rounds each: C1 only took 2.9 to 3.5 s of CPU to readiness
         * against 4.9 to 5.9 s with C2, and 7.7 to 9.7 s of wall time against 16.8 to 26.4 s. C1
         * code is slower at steady state, so throughput comparisons use {@link #BENCHMARK_JVM_OPTIONS}.
         */
        public static final List<String> TEST_JVM_OPTIONS = List.of(
                "-Xms64m", "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:+ExitOnOutOfMemoryError",
                "-XX:-UsePerfData", "-Xshare:auto");
        /**
         * What Kafka's own start scripts use by default (1 GiB heap, G1 with a 20 ms pause goal, full
         * tiered JIT), for benchmarks that compare this broker with Sluice's.
         */
        public static final List<String> BENCHMARK_JVM_OPTIONS = List.of(
                "-Xms1g", "-Xmx1g", "-XX:+UseG1GC", "-XX:MaxGCPauseMillis=20", "-XX:InitiatingHeapOccupancyPercent=35",
                "-XX:+ExplicitGCInvokesConcurrent", "-XX:+ExitOnOutOfMemoryError", "-XX:-UsePerfData");
        private static final Set<String> LOG_LEVELS = Set.of("trace", "debug", "info", "warn", "error", "off");

        private final Map<String, String> config = new LinkedHashMap<>();
        private final List<String> extraJvmOptions = new ArrayList<>();
        private List<String> baseJvmOptions = TEST_JVM_OPTIONS;
        private String logLevel = "info";
        private Duration startTimeout = Duration.ofSeconds(90);
        private Duration stopTimeout = Duration.ofSeconds(30);
        private Path outputRoot = defaultOutputRoot();

        private Builder() {
        }

        /**
         * Sets one broker property, e.g. {@code config("num.partitions", "8")}. Values are passed
         * to Kafka as they are; Kafka validates them when the child starts.
         *
         * @throws IllegalArgumentException if the key is blank or one this class manages
         *                                  (listeners, node id, roles, quorum, log directories)
         */
        public Builder config(final String key, final String value) {
            Objects.requireNonNull(key, "broker property key");
            Objects.requireNonNull(value, () -> "value of broker property '" + key + "'");
            if (key.isBlank()) {
                throw new IllegalArgumentException("broker property key must not be blank");
            }
            if (MANAGED_KEYS.contains(key.strip())) {
                throw new IllegalArgumentException("broker property '" + key + "' is managed by ApacheKafkaBroker"
                        + " (it derives listeners, quorum and directories from free ports and a temp dir)");
            }
            config.put(key.strip(), value);
            return this;
        }

        /** {@link #config(String, String)} for every entry. */
        public Builder config(final Map<String, String> properties) {
            properties.forEach(this::config);
            return this;
        }

        /** {@code auto.create.topics.enable}; {@code true} by default, as in Kafka. */
        public Builder autoCreateTopics(final boolean enabled) {
            config.put("auto.create.topics.enable", Boolean.toString(enabled));
            return this;
        }

        /**
         * Replaces the default JVM options of the child ({@link #TEST_JVM_OPTIONS}: heap, GC, JIT).
         * The log-level and identification system properties are added regardless.
         */
        public Builder jvmOptions(final List<String> options) {
            for (final String option : options) {
                requireJvmOption(option);
            }
            this.baseJvmOptions = List.copyOf(options);
            return this;
        }

        /** {@link #jvmOptions(List)} with {@link #BENCHMARK_JVM_OPTIONS}: a broker as Kafka's scripts run it. */
        public Builder benchmarkJvm() {
            return jvmOptions(BENCHMARK_JVM_OPTIONS);
        }

        /** Appends one JVM option; later options win, so {@code jvmOption("-Xmx1g")} raises the heap. */
        public Builder jvmOption(final String option) {
            extraJvmOptions.add(requireJvmOption(option));
            return this;
        }

        /**
         * The child's default slf4j level: trace, debug, info (default), warn, error or off.
         * Individual loggers can be set with {@code jvmOption("-Dorg.slf4j.simpleLogger.log.<name>=<level>")}.
         */
        public Builder logLevel(final String level) {
            Objects.requireNonNull(level, "logLevel");
            final String normalized = level.strip().toLowerCase(Locale.ROOT);
            if (!LOG_LEVELS.contains(normalized)) {
                throw new IllegalArgumentException("logLevel must be one of " + new TreeSet<>(LOG_LEVELS)
                        + " but was '" + level + "'");
            }
            this.logLevel = normalized;
            return this;
        }

        /**
         * How long {@link #start()} waits for readiness; 90 s by default, several times the slowest
         * start measured on a two-core machine busy with other builds (26 s).
         */
        public Builder startTimeout(final Duration timeout) {
            this.startTimeout = requirePositive(timeout, "startTimeout");
            return this;
        }

        /** How long {@link #stop()} waits after SIGTERM before SIGKILL; 30 s by default. */
        public Builder stopTimeout(final Duration timeout) {
            this.stopTimeout = requirePositive(timeout, "stopTimeout");
            return this;
        }

        /**
         * The directory under which each broker gets its own output directory (properties file and
         * log). Defaults to {@code target/apache-kafka} of the module under test.
         */
        public Builder outputRoot(final Path directory) {
            this.outputRoot = Objects.requireNonNull(directory, "outputRoot").toAbsolutePath();
            return this;
        }

        /** Picks free ports, creates the directories and writes the properties; starts nothing. */
        public ApacheKafkaBroker build() {
            return new ApacheKafkaBroker(this);
        }

        /** {@link #build()} then {@link ApacheKafkaBroker#start()}; closes the broker if start fails. */
        public ApacheKafkaBroker start() {
            final ApacheKafkaBroker broker = build();
            try {
                return broker.start();
            } catch (final RuntimeException e) {
                broker.close();
                throw e;
            }
        }

        List<String> jvmOptions() {
            final List<String> options = new ArrayList<>(baseJvmOptions);
            options.addAll(extraJvmOptions);
            options.addAll(slf4jSimpleOptions(logLevel));
            return options;
        }

        private static List<String> slf4jSimpleOptions(final String level) {
            final List<String> options = new ArrayList<>();
            // Pin the provider so another slf4j binding on the test classpath cannot swallow the log.
            if (isOnClasspath("org.slf4j.simple.SimpleServiceProvider")) {
                options.add("-Dslf4j.provider=org.slf4j.simple.SimpleServiceProvider");
            }
            options.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=" + level);
            // System properties beat a simplelogger.properties the caller's tests may ship for
            // their own JVM (often quietening Kafka), which the child would otherwise inherit.
            options.add("-Dorg.slf4j.simpleLogger.log.kafka=" + level);
            options.add("-Dorg.slf4j.simpleLogger.log.org.apache.kafka=" + level);
            options.add("-Dorg.slf4j.simpleLogger.logFile=System.out");
            options.add("-Dorg.slf4j.simpleLogger.showDateTime=true");
            options.add("-Dorg.slf4j.simpleLogger.dateTimeFormat=HH:mm:ss.SSS");
            return options;
        }

        private static boolean isOnClasspath(final String className) {
            try {
                Class.forName(className, false, ApacheKafkaBroker.class.getClassLoader());
                return true;
            } catch (final ClassNotFoundException e) {
                return false;
            }
        }

        private static String requireJvmOption(final String option) {
            Objects.requireNonNull(option, "jvm option");
            if (!option.startsWith("-")) {
                throw new IllegalArgumentException("jvm option must start with '-' but was '" + option + "'");
            }
            return option;
        }

        private static Duration requirePositive(final Duration value, final String name) {
            Objects.requireNonNull(value, name);
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException(name + " must be positive but was " + value);
            }
            return value;
        }

        private static Path defaultOutputRoot() {
            final String override = System.getProperty("sluice.testkit.outputDir");
            if (override != null && !override.isBlank()) {
                return Paths.get(override).toAbsolutePath();
            }
            // Surefire sets basedir to the module directory; elsewhere use the working directory.
            // Absolute, because the child broker runs inside this directory and would resolve a
            // relative path a second time.
            return Paths.get(System.getProperty("basedir", "."), "target", "apache-kafka").toAbsolutePath();
        }
    }
}
