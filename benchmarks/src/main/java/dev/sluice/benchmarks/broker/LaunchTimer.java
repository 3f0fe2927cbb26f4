package dev.sluice.benchmarks.broker;

import dev.sluice.testkit.ApacheKafkaBroker;
import dev.sluice.testkit.FreePorts;
import dev.sluice.testkit.TempDirs;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Launch-to-accepting-connections times: from just before the process is spawned to the first TCP
 * connection the broker's client port accepts. Every launch starts from an empty data directory.
 */
final class LaunchTimer {
    private static final Duration TIMEOUT = Duration.ofSeconds(120);

    private LaunchTimer() {
    }

    /** Launches of {@code command-prefix --port P --data-dir D}, e.g. {@code bin/mock-broker}; milliseconds each. */
    static List<Double> sluice(final List<String> commandPrefix, final int launches) {
        final List<Double> millis = new ArrayList<>();
        for (int i = 0; i < launches; i++) {
            final Path workDir = TempDirs.create("sluice-launch-");
            final int port = FreePorts.one();
            final List<String> command = new ArrayList<>(commandPrefix);
            command.addAll(List.of("--host", "127.0.0.1", "--port", Integer.toString(port),
                    "--data-dir", workDir.resolve("data").toString()));
            final long start = System.nanoTime();
            final Process process = SluiceBrokerProcess.launch(command, workDir);
            final long waited = PortProbe.awaitAccepting(port, process, TIMEOUT);
            final long elapsed = System.nanoTime() - start;
            SluiceBrokerProcess.stop(process);
            TempDirs.deleteRecursively(workDir);
            if (waited < 0) {
                throw new IllegalStateException("Sluice broker launched with " + command + " never accepted connections");
            }
            millis.add(elapsed / 1e6);
        }
        return millis;
    }

    /**
     * Launches of Apache Kafka. Two times per launch: the first accepted TCP connection (Kafka binds
     * its listener before it can serve, so this flatters it), and {@link ApacheKafkaBroker#start()}'s
     * own wait for a broker that lists itself unfenced, i.e. that can take a produce request.
     *
     * @return {@code [tcpMillis, readyMillis]} per launch
     */
    static List<double[]> kafka(final Supplier<ApacheKafkaBroker.Builder> builder, final int launches) {
        final List<double[]> times = new ArrayList<>();
        for (int i = 0; i < launches; i++) {
            try (ApacheKafkaBroker kafka = builder.get().build()) {
                final AtomicLong acceptedNanos = new AtomicLong(-1);
                final long start = System.nanoTime();
                final Thread probe = new Thread(() -> {
                    if (PortProbe.awaitAccepting(kafka.port(), null, TIMEOUT) >= 0) {
                        acceptedNanos.set(System.nanoTime() - start);
                    }
                }, "kafka-port-probe");
                probe.setDaemon(true);
                probe.start();
                kafka.start();
                final long ready = System.nanoTime() - start;
                try {
                    probe.join(TIMEOUT.toMillis());
                } catch (final InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while timing Kafka's launch", e);
                }
                times.add(new double[] {acceptedNanos.get() / 1e6, ready / 1e6});
            }
        }
        return times;
    }
}
