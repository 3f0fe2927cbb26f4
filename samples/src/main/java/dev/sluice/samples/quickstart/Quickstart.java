package dev.sluice.samples.quickstart;

import dev.sluice.client.errors.SluiceException;
import dev.sluice.samples.support.ClientProperties;
import dev.sluice.samples.support.Cluster;
import dev.sluice.samples.support.LoadResult;
import dev.sluice.samples.support.LoadRun;
import dev.sluice.samples.support.LoadSettings;
import dev.sluice.samples.support.SampleArgs;
import dev.sluice.samples.support.TextTable;
import dev.sluice.samples.support.UsageException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The first thing to run: {@code bin/quickstart}. It starts a Sluice broker inside this JVM (data
 * in a temporary directory, deleted at the end), produces a million JSON click-stream events with
 * the producer's default settings, reads them all back with a consumer group, checks every event
 * arrived exactly once and unchanged, and prints what happened.
 *
 * <p>What to look at in the output:
 * <ul>
 * <li><b>average batch size</b>: the producer does not send records one by one. It collects them
 *     per partition into batches of up to {@code batch.size} bytes (default 16 KiB) and sends a
 *     batch when it is full or has waited {@code linger.ms} (default 5 ms). Bigger batches mean
 *     fewer requests and better compression, at the price of waiting.</li>
 * <li><b>compression ratio</b>: with {@code --compression-type lz4} (or gzip, snappy, zstd) whole
 *     batches are compressed; JSON with repeated field names shrinks several times.</li>
 * <li><b>produce latency</b>: from {@code send()} until the broker acknowledged the record,
 *     including the time it waited in its batch.</li>
 * </ul>
 * Try {@code --linger-ms 0}, {@code --batch-size 131072} or {@code --compression-type zstd} and
 * compare. {@code --bootstrap-server host:port} runs the same against an existing Sluice or
 * Apache Kafka cluster.
 */
public final class Quickstart {
    private static final long SEED = 42;
    private static final int DEFAULT_RECORDS = 1_000_000;
    private static final int DEFAULT_PARTITIONS = 6;
    private static final Map<String, String> PRODUCER_FLAGS = Map.of(
        "--linger-ms", "linger.ms", "--batch-size", "batch.size", "--compression-type", "compression.type");
    private static final String USAGE = """
        Usage: bin/quickstart [options]
        Produces JSON click-stream events, consumes them back, verifies them and prints throughput,
        batching, compression and latency. Without --bootstrap-server it starts its own broker.
          --records N                 events to produce (default 1000000, at most 20000000)
          --linger-ms MS              producer linger.ms (default 5)
          --batch-size BYTES          producer batch.size (default 16384)
          --compression-type TYPE     none, gzip, snappy, lz4 or zstd (default none)
          --property KEY=VALUE        any producer or consumer setting; repeatable
          --topic NAME                topic to use (default a new sluice-quickstart-<random>)
          --partitions N              partitions of the embedded broker's topic (default 6)
          --bootstrap-server H:P      use this Sluice or Apache Kafka cluster instead of the embedded broker
          --help                      this text
        Exit code: 0 when every event came back unchanged, 1 when not, 2 for a bad option.
        """;

    private Quickstart() {
    }

    public static void main(final String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the quickstart; results go to {@code out}, progress and errors to {@code err}. @return the exit code */
    public static int run(final String[] args, final PrintStream out, final PrintStream err) {
        final Options options;
        try {
            options = Options.parse(args);
        } catch (final UsageException e) {
            err.println("quickstart: " + e.getMessage());
            return 2;
        }
        if (options == null) {
            out.print(USAGE);
            return 0;
        }
        try (Cluster cluster = options.bootstrap == null ? Cluster.embedded(options.partitions)
                                                         : Cluster.external(options.bootstrap)) {
            out.printf(Locale.ROOT, "Sluice quickstart: %,d JSON events through %s, topic %s%n", options.records,
                cluster.description(), options.topic);
            out.printf("producer: linger.ms=%s batch.size=%s compression.type=%s%n%n",
                options.clients.producerSetting("linger.ms"), options.clients.producerSetting("batch.size"),
                options.clients.producerSetting("compression.type"));
            final LoadResult result = LoadRun.run(new LoadSettings(cluster.bootstrapServers(), options.topic,
                options.records, SEED, options.clients.producer(), options.clients.consumer(), err));
            out.print(table(result).render());
            out.println("""

                MB/s counts key and value bytes. Batch size is as sent, after compression; the ratio is
                uncompressed / compressed batch bytes. Latency runs from send() to the broker's acknowledgement.""");
            return result.passed() ? 0 : 1;
        } catch (final SluiceException | UncheckedIOException e) {
            err.println("quickstart: " + e.getMessage());
            return 1;
        }
    }

    private static TextTable table(final LoadResult result) {
        final var produce = result.produce();
        final var consume = result.consume();
        return new TextTable("measure", "value").leftAlign(1)
            .row("produce records/s", String.format(Locale.ROOT, "%,.0f", produce.recordsPerSecond()))
            .row("produce MB/s", String.format(Locale.ROOT, "%.1f", produce.megabytesPerSecond()))
            .row("consume records/s", String.format(Locale.ROOT, "%,.0f", consume.recordsPerSecond()))
            .row("consume MB/s", String.format(Locale.ROOT, "%.1f", consume.megabytesPerSecond()))
            .row("average batch size", String.format(Locale.ROOT, "%,.0f bytes", produce.stats().batchSizeAvg()))
            .row("compression ratio", String.format(Locale.ROOT, "%.2f", produce.stats().compressionRatio()))
            .row("produce latency p50", String.format(Locale.ROOT, "%.1f ms", produce.latencyMillis(50)))
            .row("produce latency p99", String.format(Locale.ROOT, "%.1f ms", produce.latencyMillis(99)))
            .row("verification", result.summary());
    }

    /** The parsed command line; {@code parse} returns null for --help. */
    private record Options(int records, String topic, int partitions, String bootstrap, ClientProperties clients) {
        static Options parse(final String[] args) {
            final SampleArgs parsed = SampleArgs.parse(args, Set.of("--records", "--linger-ms", "--batch-size",
                "--compression-type", "--property", "--topic", "--partitions", "--bootstrap-server"), Set.of("--help"));
            if (parsed.has("--help")) {
                return null;
            }
            final String bootstrap = parsed.string("--bootstrap-server", null);
            if (bootstrap != null) {
                Cluster.checkAddresses("--bootstrap-server", bootstrap);
            }
            if (bootstrap != null && parsed.has("--partitions")) {
                throw new UsageException("--partitions applies to the embedded broker only; with --bootstrap-server "
                    + "create the topic beforehand and pass --topic");
            }
            final Map<String, String> producer = new LinkedHashMap<>();
            PRODUCER_FLAGS.forEach((flag, key) -> {
                final String value = parsed.string(flag, null);
                if (value != null) {
                    ClientProperties.checkProducerFlag(flag, key, value);
                    producer.put(key, value);
                }
            });
            final String topic = parsed.string("--topic",
                "sluice-quickstart-" + Integer.toHexString(ThreadLocalRandom.current().nextInt()));
            return new Options((int) parsed.number("--records", DEFAULT_RECORDS, 1, LoadSettings.MAX_RECORDS), topic,
                (int) parsed.number("--partitions", DEFAULT_PARTITIONS, 1, 1024), bootstrap,
                ClientProperties.of(producer, parsed.all("--property")));
        }
    }
}
