package dev.sluice.tools;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One broker for a benchmark driver, run as its own process from the repository's {@code bin/}: the
 * Sluice broker through {@code bin/mock-broker} (full JIT and a 1 GiB G1 heap, like Kafka's defaults)
 * or Apache Kafka 4.1 through {@code bin/kafka-broker} (Kafka's own JVM options). Topics auto-create
 * with 8 partitions. Owned by the driver's main thread; {@link #close()} stops the process.
 */
final class BenchBroker implements AutoCloseable {
    private static final Pattern BOOTSTRAP = Pattern.compile("(127\\.0\\.0\\.1:[0-9]+)");

    private final String name;
    private final Process process;
    private final String bootstrap;
    /** The Sluice broker's data directory, deleted on close; null for Apache Kafka (bin/kafka-broker cleans up). */
    private final Path dataDir;

    private BenchBroker(final String name, final Process process, final String bootstrap, final Path dataDir) {
        this.name = name;
        this.process = process;
        this.bootstrap = bootstrap;
        this.dataDir = dataDir;
    }

    /**
     * Starts the broker and waits until it prints its address.
     *
     * @param root   repository root (holds {@code bin/})
     * @param broker {@code sluice} or {@code kafka}
     */
    static BenchBroker start(final Path root, final String broker) throws IOException {
        // A matrix writes a few hundred MiB of topics: keep them out of the way and remove them afterwards.
        final Path dataDir = broker.equals("sluice") ? Files.createTempDirectory("bench-sluice") : null;
        final List<String> command = switch (broker) {
            case "sluice" -> List.of(root.resolve("bin/mock-broker").toString(), "--port", "0", "--data-dir",
                dataDir.toString(), "--config", "num.partitions=8");
            case "kafka" -> List.of(root.resolve("bin/kafka-broker").toString(), "--config", "num.partitions=8");
            default -> throw new IllegalArgumentException("--brokers takes sluice and kafka, not " + broker);
        };
        final ProcessBuilder pb = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
        // Full JIT and Kafka's heap size for the Sluice broker too (bin/mock-broker defaults to C1 and
        // the serial collector, tuned for quick test starts), so neither broker is handicapped.
        pb.environment().put("SLUICE_JAVA_OPTS",
            "-Xms1g -Xmx1g -XX:+UseG1GC -XX:MaxGCPauseMillis=20 -Dorg.slf4j.simpleLogger.defaultLogLevel=warn");
        final Process process = pb.start();
        try {
            return new BenchBroker(broker, process, awaitBootstrap(process, broker), dataDir);
        } catch (final IOException | RuntimeException e) {
            process.destroyForcibly();
            deleteTree(dataDir);
            throw e;
        }
    }

    /** {@code 127.0.0.1:PORT} */
    String bootstrap() {
        return bootstrap;
    }

    String name() {
        return name;
    }

    private static String awaitBootstrap(final Process process, final String broker) throws IOException {
        final BufferedReader reader = new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = reader.readLine()) != null) {
            final Matcher m = BOOTSTRAP.matcher(line);
            if (m.find()) {
                // Keep draining so a chatty broker never blocks on a full pipe.
                final Thread drain = new Thread(() -> {
                    try {
                        while (reader.readLine() != null) {
                            // discard
                        }
                    } catch (final IOException ignored) {
                        // broker gone
                    }
                }, broker + "-stdout");
                drain.setDaemon(true);
                drain.start();
                return m.group(1);
            }
        }
        throw new IllegalStateException(broker + " broker exited before printing its address");
    }

    /** Stops the broker (SIGTERM, then a kill after a minute) and deletes the Sluice broker's data. */
    @Override
    public void close() throws InterruptedException, IOException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
        deleteTree(dataDir);
    }

    private static void deleteTree(final Path dir) throws IOException {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (final Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
