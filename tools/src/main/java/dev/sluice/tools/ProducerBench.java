package dev.sluice.tools;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

/**
 * Runs {@code bin/producer-perf} for both clients over the benchmark matrix (broker x record size x
 * linger.ms x compression) and prints a Markdown table of medians with Sluice/kafka-clients ratios.
 *
 * <pre>
 * producer-bench [--brokers sluice,kafka] [--rounds 1] [--headline-rounds 3] [--records-small 500000]
 *                [--records-large 200000] [--sizes 100,1024] [--lingers 0,5,50] [--compressions none,lz4,zstd]
 *                [--broker-warmup-rounds 1] [--raw FILE] [--out FILE]
 * producer-bench --latency-rate auto|R [--latency-fraction 0.5] [--latency-seconds 5] [--latency-warmup-seconds 2]
 *                [--p99-tolerance-ms 1]
 *                [--brokers ...] [--rounds 1] [--records-small 500000] [--records-large 200000] [--sizes ...]
 *                [--lingers ...] [--compressions ...] [--raw FILE] [--out FILE]
 * producer-bench --from-raw FILE [--p99-tolerance-ms 1] [--out FILE]     the latency table again from its raw file
 * </pre>
 *
 * Without {@code --latency-rate} every run is unthrottled ({@code --throughput -1}). With it, the
 * equal-rate latency mode ({@link LatencyBench}) runs both clients of each cell at the same rate
 * and compares their latencies ({@link LatencyTable}); {@code --records-small/large} then size the
 * unthrottled kafka-clients run that {@code auto} takes the rate from, and {@code --from-raw}
 * rebuilds that table from a raw file (for example one broker's run and then the other's).
 *
 * Every broker and every perf run is its own process started from the repository's {@code bin/}
 * (system property {@code sluice.root}): the Sluice broker through {@code bin/mock-broker} (with full JIT and a 1 GiB G1 heap), Apache
 * Kafka through {@code bin/kafka-broker} (Kafka's own JVM options). Both clients run with the same
 * JVM options (those of {@code bin/tools-run}). Each run writes to a fresh topic of 8 partitions,
 * created ({@link BenchTopics}) and given a leader for every partition before the run starts, so
 * neither client's first second is spent on an auto-creation (on Apache Kafka the first metadata
 * answer for an auto-created topic is UNKNOWN_TOPIC_OR_PARTITION, and the retries land in both
 * clients' latency and CPU). The two clients of a cell run back to back, and which goes first alternates, so
 * that drift in the machine's load hits both alike. Headline cells (linger.ms 5, no compression and
 * lz4) get {@code --headline-rounds} rounds, the rest {@code --rounds}; tables show medians. Each
 * run's final line is appended to {@code --raw} as it completes, so a stopped matrix keeps its data.
 * Before a broker's first measured cell, {@code --broker-warmup-rounds} unmeasured passes ({@link #warmUp})
 * run each client once per record size and codec, so that no cell measures a broker whose JIT is
 * still compiling.
 */
public final class ProducerBench {
    private static final long RUN_TIMEOUT_SECONDS = 300;
    /** Partitions of every run's topic, as the brokers' {@code num.partitions} ({@link BenchBroker}). */
    private static final int PARTITIONS = 8;

    private ProducerBench() {
    }

    record Cell(String broker, int size, int linger, String compression) {
        boolean headline() {
            return linger == 5 && (compression.equals("none") || compression.equals("lz4"));
        }
    }

    record Run(Cell cell, String client, int round, PerfSummary summary) {
    }

    /**
     * The unthrottled matrix on one broker.
     *
     * @param warmupRounds unmeasured passes over every client, record size and codec before the first measured cell
     *                     ({@link #warmUp}); 0 for none
     */
    record Matrix(int rounds, int headlineRounds, long recordsSmall, long recordsLarge, List<Integer> sizes,
                  List<Integer> lingers, List<String> compressions, int warmupRounds) {
        long records(final int size) {
            return size <= 100 ? recordsSmall : recordsLarge;
        }
    }

    public static void main(final String[] args) throws Exception {
        final BenchOptions opts;
        final List<String> brokers;
        final int rounds;
        final int headlineRounds;
        final long recordsSmall;
        final long recordsLarge;
        final List<Integer> sizes;
        final List<Integer> lingers;
        final List<String> compressions;
        final int warmupRounds;
        LatencyBench.Settings latency = null;
        final long toleranceMs;
        try {
            opts = BenchOptions.parse(args, Set.of("brokers", "rounds", "headline-rounds",
                "records-small", "records-large", "sizes", "lingers", "compressions", "raw", "out", "latency-rate",
                "latency-fraction", "latency-seconds", "latency-warmup-seconds", "p99-tolerance-ms", "from-raw",
                "broker-warmup-rounds"));
            brokers = opts.choices("brokers", "sluice,kafka", Set.of("sluice", "kafka"));
            rounds = opts.positiveInt("rounds", 1);
            headlineRounds = opts.positiveInt("headline-rounds", 3);
            recordsSmall = opts.positiveLong("records-small", 500_000);
            recordsLarge = opts.positiveLong("records-large", 200_000);
            sizes = opts.ints("sizes", "100,1024", 1);
            lingers = opts.ints("lingers", "0,5,50", 0);
            compressions = opts.choices("compressions", "none,lz4,zstd",
                Set.of("none", "gzip", "snappy", "lz4", "zstd"));
            toleranceMs = opts.nonNegativeLong("p99-tolerance-ms", 1);
            warmupRounds = (int) Math.min(Integer.MAX_VALUE, opts.nonNegativeLong("broker-warmup-rounds", 1));
            if (opts.has("latency-rate") || opts.has("from-raw")) {
                final LatencyRate rate = LatencyRate.parse(opts.text("latency-rate", "auto"),
                    opts.text("latency-fraction", Double.toString(LatencyRate.DEFAULT_FRACTION)));
                if (opts.has("broker-warmup-rounds")) {
                    throw new IllegalArgumentException("option --broker-warmup-rounds is for the unthrottled matrix;"
                        + " with --latency-rate use --latency-warmup-seconds");
                }
                latency = new LatencyBench.Settings(rate, opts.positiveDouble("latency-seconds", 5),
                    opts.nonNegativeDouble("latency-warmup-seconds", 2), rounds, sizes, lingers, compressions,
                    recordsSmall, recordsLarge);
            } else {
                for (final String latencyOnly : List.of("latency-fraction", "latency-seconds", "latency-warmup-seconds",
                    "p99-tolerance-ms")) {
                    if (opts.has(latencyOnly)) {
                        throw new IllegalArgumentException("option --" + latencyOnly + " needs --latency-rate");
                    }
                }
            }
        } catch (final IllegalArgumentException e) {
            System.err.println("producer-bench: " + e.getMessage());
            System.exit(2);
            return;
        }
        if (latency != null) {
            latencyMode(opts, latency, toleranceMs, brokers);
            return;
        }
        final Matrix matrix = new Matrix(rounds, headlineRounds, recordsSmall, recordsLarge, sizes, lingers,
            compressions, warmupRounds);
        final Path root = Path.of(System.getProperty("sluice.root", ".")).toAbsolutePath();
        final Path raw = opts.path("raw", "tools/target/producer-bench-raw.tsv");
        final Path out = opts.path("out", "tools/target/producer-bench.md");
        Files.createDirectories(raw.toAbsolutePath().getParent());

        final List<Run> runs = new ArrayList<>();
        for (final String broker : brokers) {
            try (BenchBroker running = BenchBroker.start(root, broker)) {
                System.out.println("# " + broker + " broker at " + running.bootstrap());
                runs.addAll(matrix(broker, running.bootstrap(), matrix, ConsumerBench.Commands.bin(root), raw,
                    System.out));
            }
        }
        final String table = BenchTable.markdown(runs);
        System.out.println(table);
        Files.writeString(out, table, StandardCharsets.UTF_8);
    }

    /**
     * Runs the unthrottled matrix against one running broker: the warm-up first, then every cell with
     * both clients back to back, which goes first alternating from one cell to the next (Sluice first
     * in the first cell). Measured runs' final lines are appended to {@code raw} and printed.
     */
    static List<Run> matrix(final String broker, final String bootstrap, final Matrix matrix,
                            final ConsumerBench.Commands commands, final Path raw, final PrintStream out)
        throws IOException, InterruptedException {
        warmUp(broker, bootstrap, matrix, commands, out);
        final List<Run> runs = new ArrayList<>();
        int order = 0;
        // Rounds outermost: one full pass of the matrix first, so a stopped run still covers every cell.
        for (int round = 1; round <= Math.max(matrix.rounds(), matrix.headlineRounds()); round++) {
            for (final int size : matrix.sizes()) {
                for (final int linger : matrix.lingers()) {
                    for (final String compression : matrix.compressions()) {
                        final Cell cell = new Cell(broker, size, linger, compression);
                        if (round > (cell.headline() ? matrix.headlineRounds() : matrix.rounds())) {
                            continue;
                        }
                        final List<String> clients = order++ % 2 == 0
                            ? List.of("sluice", "kafka") : List.of("kafka", "sluice");
                        for (final String client : clients) {
                            final PerfSummary s = perf(commands, "pb", bootstrap, cell, client, matrix.records(size),
                                -1, 0);
                            final String line = String.format(Locale.ROOT, "%s\t%d\t%d\t%s\t%s\t%d\t%s%n",
                                broker, size, linger, compression, client, round, s == null ? "FAILED" : s.format());
                            out.print(line);
                            Files.writeString(raw, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                                StandardOpenOption.APPEND);
                            if (s != null) {
                                runs.add(new Run(cell, client, round, s));
                            }
                        }
                    }
                }
            }
        }
        return runs;
    }

    /**
     * Unmeasured runs on a freshly started broker: per warm-up round, each client once per record size
     * and codec of the matrix, at linger.ms 0 and the size's record count. Without them the first
     * measured cells paid for the broker's JIT compiling its produce path. On Apache Kafka's broker the
     * first run of 100 B records spent 2 of its 3.3 us of broker CPU per record in the compiler threads,
     * and the first run of 1 KiB records after only 100 B ones 5.5 of 9.8 us. That first cell's first
     * run was always Sluice's. Results are printed with a leading {@code #} and are not part of the
     * table or the raw file.
     */
    static void warmUp(final String broker, final String bootstrap, final Matrix matrix,
                       final ConsumerBench.Commands commands, final PrintStream out)
        throws IOException, InterruptedException {
        for (int round = 1; round <= matrix.warmupRounds(); round++) {
            for (final int size : matrix.sizes()) {
                for (final String compression : matrix.compressions()) {
                    for (final String client : List.of("sluice", "kafka")) {
                        final PerfSummary s = perf(commands, "pb-warmup", bootstrap,
                            new Cell(broker, size, 0, compression), client, matrix.records(size), -1, 0);
                        out.printf(Locale.ROOT, "# warm-up %s %s %d B %s: %s%n", broker, client, size, compression,
                            s == null ? "FAILED" : s.format());
                    }
                }
            }
        }
    }

    /**
     * Equal-rate latency mode: runs the matrix on each broker in turn, or only rebuilds the table from
     * {@code --from-raw}, and writes the table to {@code --out}.
     *
     * @param toleranceMs p99 difference still counted as equal, milliseconds
     */
    private static void latencyMode(final BenchOptions opts, final LatencyBench.Settings settings,
                                    final long toleranceMs, final List<String> brokers)
        throws IOException, InterruptedException {
        final Path out = opts.path("out", "tools/target/producer-latency.md");
        final List<LatencyBench.Run> runs = new ArrayList<>();
        if (opts.has("from-raw")) {
            runs.addAll(LatencyBenchRaw.read(Files.readAllLines(opts.path("from-raw", ""), StandardCharsets.UTF_8)));
        } else {
            final Path root = Path.of(System.getProperty("sluice.root", ".")).toAbsolutePath();
            final Path raw = opts.path("raw", "tools/target/producer-latency-raw.tsv");
            Files.createDirectories(raw.toAbsolutePath().getParent());
            for (final String broker : brokers) {
                try (BenchBroker running = BenchBroker.start(root, broker)) {
                    System.out.println("# " + broker + " broker at " + running.bootstrap());
                    runs.addAll(LatencyBench.run(root, broker, running.bootstrap(), settings, raw));
                }
            }
        }
        final String table = LatencyTable.markdown(runs, toleranceMs);
        System.out.println(table);
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, table, StandardCharsets.UTF_8);
    }

    /**
     * One producer-perf run of {@code client} on a fresh topic.
     *
     * @param records       records to send, warm-up included
     * @param throughput    records/s for {@code --throughput}, -1 for unthrottled
     * @param warmupRecords leading records sent but not measured ({@code --warmup-records}), 0 for none
     * @return its final line, or null when it failed or measured fewer than {@code records - warmupRecords}
     */
    static PerfSummary perf(final Path root, final String bootstrap, final Cell cell, final String client,
                            final long records, final long throughput, final long warmupRecords)
        throws IOException, InterruptedException {
        return perf(ConsumerBench.Commands.bin(root), "pb", bootstrap, cell, client, records, throughput, warmupRecords);
    }

    /**
     * One producer-perf run started through {@code commands}, on a fresh topic named from
     * {@code topicPrefix} and the cell.
     */
    static PerfSummary perf(final ConsumerBench.Commands commands, final String topicPrefix, final String bootstrap,
                            final Cell cell, final String client, final long records, final long throughput,
                            final long warmupRecords) throws IOException, InterruptedException {
        final String topic = String.format(Locale.ROOT, "%s-%s-%d-%d-%s-%s-%d", topicPrefix, cell.broker(),
            cell.size(), cell.linger(), cell.compression(), client, System.nanoTime());
        try {
            BenchTopics.create(bootstrap, topic, PARTITIONS);
        } catch (final ExecutionException | TimeoutException e) {
            System.err.println("run failed (" + client + " " + cell + "): topic " + topic + " not created: " + e);
            return null;
        }
        final List<String> args = new ArrayList<>(List.of("--topic",
            topic, "--num-records", Long.toString(records), "--record-size", Integer.toString(cell.size()),
            "--throughput", Long.toString(throughput), "--reporting-interval", "600000", "--client", client));
        if (warmupRecords > 0) {
            args.addAll(List.of("--warmup-records", Long.toString(warmupRecords)));
        }
        args.addAll(List.of("--producer-props", "bootstrap.servers=" + bootstrap, "linger.ms=" + cell.linger(),
            "compression.type=" + cell.compression()));
        final BenchProcess run = BenchProcess.run(commands.producerPerf(args), RUN_TIMEOUT_SECONDS);
        final String text = run.output();
        final PerfSummary summary = PerfSummary.find(text).orElse(null);
        if (summary == null || !run.succeeded()) {
            System.err.println("run failed (" + client + " " + cell + "):\n" + text);
        }
        return run.finished() && summary != null && summary.records() == records - warmupRecords ? summary : null;
    }
}
