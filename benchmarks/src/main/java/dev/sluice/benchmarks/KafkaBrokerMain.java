package dev.sluice.benchmarks;

import dev.sluice.testkit.ApacheKafkaBroker;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.CountDownLatch;

/**
 * Runs one Apache Kafka 4.1 broker ({@link ApacheKafkaBroker}, a child JVM with Kafka's own start-up
 * JVM options via {@code benchmarkJvm()}) for whole-system benchmarks driven from the shell:
 *
 * <pre>
 * KafkaBrokerMain [--config key=value ...]
 * </pre>
 *
 * Prints {@code bootstrap.servers=127.0.0.1:PORT} on a line of its own once the broker is ready, then
 * keeps it running until this process gets SIGTERM or its standard input is closed; either way the
 * broker is stopped and its log directory deleted. Topics are auto-created with
 * {@code num.partitions=8} unless {@code --config} says otherwise.
 */
public final class KafkaBrokerMain {
    private KafkaBrokerMain() {
    }

    public static void main(final String[] args) throws InterruptedException {
        final ApacheKafkaBroker.Builder builder = ApacheKafkaBroker.builder().benchmarkJvm().logLevel("warn")
            .config("num.partitions", "8");
        for (int i = 0; i < args.length; i++) {
            final String kv = i + 1 < args.length && args[i].equals("--config") ? args[++i] : null;
            final int eq = kv == null ? -1 : kv.indexOf('=');
            if (eq <= 0) {
                System.err.println("usage: KafkaBrokerMain [--config key=value ...]; not understood: " + args[i]);
                System.exit(2);
            }
            builder.config(kv.substring(0, eq), kv.substring(eq + 1));
        }
        final ApacheKafkaBroker broker = builder.build();
        final CountDownLatch done = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            broker.close();
            done.countDown();
        }, "kafka-broker-stop"));
        broker.start();
        System.out.println("bootstrap.servers=" + broker.bootstrapServers());
        System.out.flush();
        // A driver that dies without signalling closes our stdin: stop the broker rather than leak it.
        final Thread stdinWatch = new Thread(() -> {
            try (InputStream in = System.in) {
                while (in.read() >= 0) {
                    // drain
                }
            } catch (final IOException ignored) {
                // treated like end of input
            }
            System.exit(0);
        }, "stdin-watch");
        stdinWatch.setDaemon(true);
        stdinWatch.start();
        done.await();
    }
}
