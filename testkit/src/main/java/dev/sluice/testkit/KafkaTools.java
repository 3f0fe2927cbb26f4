package dev.sluice.testkit;

import dev.sluice.testkit.internal.ChildJvm;
import dev.sluice.testkit.internal.ProcessRunner;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Runs Apache Kafka's own load generators, {@code org.apache.kafka.tools.ProducerPerformance} and
 * {@code ConsumerPerformance} (the classes behind {@code kafka-producer-perf-test.sh} and
 * {@code kafka-consumer-perf-test.sh}), each in a child JVM from this JVM's classpath, against any
 * bootstrap address: an {@link ApacheKafkaBroker}, Sluice's broker, a remote cluster. Same tool,
 * same settings on both sides is what makes a broker comparison fair.
 *
 * <p>Each call blocks until the tool exits and returns its parsed summary. Thread-safe: every call
 * runs its own process.
 */
public final class KafkaTools {
    public static final String PRODUCER_PERFORMANCE = "org.apache.kafka.tools.ProducerPerformance";
    public static final String CONSUMER_PERFORMANCE = "org.apache.kafka.tools.ConsumerPerformance";

    /**
     * Heap large enough for the producer's default 32 MiB buffer plus batches in flight; the tools'
     * own logging (slf4j, to stderr) is quietened to warnings so stdout holds only results.
     */
    public static final List<String> DEFAULT_JVM_OPTIONS = List.of(
            "-Xms256m", "-Xmx1g", "-XX:-UsePerfData", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn");

    private static final String PRODUCER_PROPS_FLAG = "--producer-props";
    private static final String BOOTSTRAP_SERVER_FLAG = "--bootstrap-server";
    private static final int OUTPUT_TAIL_CHARS = 4_000;

    private KafkaTools() {
    }

    /**
     * Runs ProducerPerformance with {@code args}, e.g.
     * {@code "--topic", "t", "--num-records", "10000", "--record-size", "100", "--throughput", "-1"}.
     * The bootstrap address is added as {@code --producer-props bootstrap.servers=...}, merged into
     * a {@code --producer-props} list already in {@code args}.
     *
     * @throws ChildProcessException if the tool fails, times out or prints no summary line
     */
    public static ProducerPerfResult producerPerformance(final String bootstrapServers, final Duration timeout,
                                                         final String... args) {
        return producerPerformance(bootstrapServers, timeout, DEFAULT_JVM_OPTIONS, List.of(args));
    }

    /** {@link #producerPerformance(String, Duration, String...)} with explicit child JVM options. */
    public static ProducerPerfResult producerPerformance(final String bootstrapServers, final Duration timeout,
                                                         final List<String> jvmOptions, final List<String> args) {
        final String bootstrap = "bootstrap.servers=" + requireBootstrap(bootstrapServers);
        final List<String> toolArgs = new ArrayList<>(args);
        final int propsFlag = toolArgs.indexOf(PRODUCER_PROPS_FLAG);
        if (propsFlag >= 0) {
            toolArgs.add(propsFlag + 1, bootstrap);
        } else {
            toolArgs.add(PRODUCER_PROPS_FLAG);
            toolArgs.add(bootstrap);
        }
        final ProcessResult result = runTool(PRODUCER_PERFORMANCE, timeout, jvmOptions, toolArgs);
        return ProducerPerfResult.parse(result.stdoutText()).orElseThrow(() -> noSummary(result));
    }

    /**
     * Runs ConsumerPerformance with {@code args}, e.g. {@code "--topic", "t", "--messages", "10000"};
     * {@code --bootstrap-server} is added.
     *
     * @throws IllegalArgumentException if {@code args} already name a bootstrap server
     * @throws ChildProcessException    if the tool fails, times out or prints no summary line
     */
    public static ConsumerPerfResult consumerPerformance(final String bootstrapServers, final Duration timeout,
                                                         final String... args) {
        return consumerPerformance(bootstrapServers, timeout, DEFAULT_JVM_OPTIONS, List.of(args));
    }

    /** {@link #consumerPerformance(String, Duration, String...)} with explicit child JVM options. */
    public static ConsumerPerfResult consumerPerformance(final String bootstrapServers, final Duration timeout,
                                                         final List<String> jvmOptions, final List<String> args) {
        if (args.contains(BOOTSTRAP_SERVER_FLAG)) {
            throw new IllegalArgumentException("args must not contain " + BOOTSTRAP_SERVER_FLAG
                    + "; pass the address as bootstrapServers");
        }
        final List<String> toolArgs = new ArrayList<>();
        toolArgs.add(BOOTSTRAP_SERVER_FLAG);
        toolArgs.add(requireBootstrap(bootstrapServers));
        toolArgs.addAll(args);
        final ProcessResult result = runTool(CONSUMER_PERFORMANCE, timeout, jvmOptions, toolArgs);
        return ConsumerPerfResult.parse(result.stdoutText()).orElseThrow(() -> noSummary(result));
    }

    /**
     * Runs any main class from this JVM's classpath in a child JVM and requires exit status 0.
     *
     * @throws ChildProcessException if it exits non-zero or outlives {@code timeout}
     */
    public static ProcessResult runTool(final String mainClass, final Duration timeout, final List<String> jvmOptions,
                                        final List<String> args) {
        final List<String> command = new ChildJvm(mainClass).jvmOptions(jvmOptions).arguments(args).command();
        final ProcessResult result = ProcessRunner.run(command, null, new byte[0], timeout);
        if (!result.succeeded()) {
            throw new ChildProcessException(simpleName(mainClass) + " exited with status " + result.exitCode()
                    + "; args " + args + System.lineSeparator() + outputTails(result));
        }
        return result;
    }

    private static String requireBootstrap(final String bootstrapServers) {
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        if (bootstrapServers.isBlank()) {
            throw new IllegalArgumentException("bootstrapServers must not be blank");
        }
        return bootstrapServers;
    }

    private static ChildProcessException noSummary(final ProcessResult result) {
        final String mainClass = result.command().stream()
                .filter(arg -> arg.startsWith("org.apache.kafka.tools.")).findFirst().orElse("tool");
        return new ChildProcessException(simpleName(mainClass) + " printed no summary line"
                + System.lineSeparator() + outputTails(result));
    }

    private static String outputTails(final ProcessResult result) {
        return "--- stdout ---" + System.lineSeparator() + tail(result.stdout()) + System.lineSeparator()
                + "--- stderr ---" + System.lineSeparator() + tail(result.stderr());
    }

    private static String tail(final byte[] bytes) {
        final String text = new String(bytes, StandardCharsets.UTF_8).strip();
        return text.length() <= OUTPUT_TAIL_CHARS ? text : "..." + text.substring(text.length() - OUTPUT_TAIL_CHARS);
    }

    private static String simpleName(final String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }
}
