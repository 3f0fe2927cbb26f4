package dev.sluice.broker;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Command line: {@code mock-broker [--host H] [--port 9092] [--data-dir DIR] [--config key=value ...]}.
 *
 * <p>Prints one line with the address once the broker accepts connections, then runs until the
 * JVM is asked to stop (SIGTERM, Ctrl-C), when a shutdown hook closes the broker and its logs.
 * Bad arguments or settings print what was wrong and exit with status 2.
 */
public final class MockBrokerMain {
    private static final int USAGE_ERROR = 2;

    private MockBrokerMain() {
    }

    public static void main(final String[] args) throws InterruptedException {
        final long launched = System.nanoTime();
        final MockBroker broker;
        try {
            broker = parse(args).build();
        } catch (final IllegalArgumentException e) {
            usage(System.err, e.getMessage());
            System.exit(USAGE_ERROR);
            return;
        }
        final CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            broker.close();
            stopped.countDown();
        }, "sluice-shutdown"));
        try {
            broker.start();
        } catch (final IOException | RuntimeException e) {
            System.err.println("mock-broker: could not start: " + e);
            System.exit(1);
            return;
        }
        final long startMillis = (System.nanoTime() - launched) / 1_000_000;
        System.out.println("mock-broker accepting connections on " + broker.bootstrapServers() + " (data in "
                + broker.dataDir() + ", started in " + startMillis + " ms)");
        System.out.flush();
        stopped.await();
    }

    static MockBroker.Builder parse(final String[] args) {
        final MockBroker.Builder builder = MockBroker.builder().port(9092);
        for (int i = 0; i < args.length; i++) {
            final String arg = args[i];
            switch (arg) {
                case "--port" -> builder.port(parsePort(value(args, ++i, arg)));
                case "--host" -> builder.host(value(args, ++i, arg));
                case "--data-dir" -> builder.dataDir(Path.of(value(args, ++i, arg)));
                case "--config" -> {
                    final String pair = value(args, ++i, arg);
                    final int eq = pair.indexOf('=');
                    if (eq <= 0) {
                        throw new IllegalArgumentException("--config needs key=value, got '" + pair + "'");
                    }
                    builder.config(pair.substring(0, eq), pair.substring(eq + 1));
                }
                case "--help", "-h" -> {
                    usage(System.out, null);
                    System.exit(0);
                }
                default -> throw new IllegalArgumentException("unknown argument '" + arg + "'");
            }
        }
        return builder;
    }

    private static String value(final String[] args, final int index, final String option) {
        if (index >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[index];
    }

    private static int parsePort(final String text) {
        try {
            return Integer.parseInt(text);
        } catch (final NumberFormatException e) {
            throw new IllegalArgumentException("--port: '" + text + "' is not a number");
        }
    }

    private static void usage(final PrintStream out, final String problem) {
        if (problem != null) {
            out.println("mock-broker: " + problem);
        }
        out.println("usage: mock-broker [--host 127.0.0.1] [--port 9092] [--data-dir DIR] [--config key=value ...]");
        out.println("  settings use Kafka's names, e.g. --config num.partitions=8 --config auto.create.topics.enable=false");
    }
}
