package dev.sluice.tools;

import java.io.IOException;
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
 * Runs {@code bin/consumer-perf} for both clients over the consumer benchmark matrix (broker x record
 * size x compression) and the plain-socket baseline ({@link SocketBaseline}), and writes a Markdown
 * table of medians with Sluice/kafka-clients ratios.
 *
 * <pre>
 * consumer-bench [--brokers sluice,kafka] [--rounds 3] [--records-small 1000000] [--records-large 200000]
 *                [--sizes 100,1024] [--compressions none,lz4,zstd] [--broker-warmup-rounds 1] [--raw FILE] [--out FILE]
 * consumer-bench --from-raw FILE [--out FILE]     the table again from a raw file (e.g. of a stopped run)
 * </pre>
 *
 * Brokers run as processes ({@link BenchBroker}). Per cell one fresh topic (created first with 8
 * partitions, {@link BenchTopics}) is loaded once by kafka-clients' producer ({@code bin/producer-perf --client kafka},
 * linger.ms 5, the cell's compression); then each round runs {@code consumer-perf --client sluice}
 * and {@code --client kafka} on it, each in a fresh group, with which goes first alternating. The
 * rates are consumer-perf's fetch rates (first assignment to last record, so the group join is
 * excluded); CPU is the consumer JVM's over the same phase. On the Sluice broker the socket baseline
 * runs after each round of the 1 KiB uncompressed cell, moving as many bytes as that cell's payload.
 * Raw lines ({@link ConsumerBenchRaw}) are appended to {@code --raw} as runs complete, so a stopped matrix keeps its data.
 *
 * <p>A freshly started broker serves its first fetches while its JIT is still compiling the fetch path,
 * and whichever client reads first pays for it: so before a broker's first measured round, each client
 * reads the first cell's topic {@code --broker-warmup-rounds} times (default 1, 0 for none), unmeasured
 * and left out of the raw file and the table.
 */
public final class ConsumerBench {
    private static final long RUN_TIMEOUT_SECONDS = 300;
    private static final int PARTITIONS = 8;

    private ConsumerBench() {
    }

    /** One cell of the matrix. */
    record Cell(String broker, int size, String compression) {
        /** The cell the socket-baseline target is stated for. */
        boolean baselineCell() {
            return broker.equals("sluice") && size == 1024 && compression.equals("none");
        }
    }

    /** One consumer-perf run of one client. */
    record Run(Cell cell, String client, int round, ConsumerPerfResult result) {
    }

    /** The matrix's parameters. */
    /**
     * @param brokerWarmupRounds unmeasured reads by each client of the first cell's topic before the first
     *                           measured round on a broker; 0 for none
     */
    record Settings(int rounds, long recordsSmall, long recordsLarge, List<Integer> sizes, List<String> compressions,
                    int brokerWarmupRounds) {
        long records(final int size) {
            return size <= 100 ? recordsSmall : recordsLarge;
        }
    }

    /** How to start each tool; {@link #bin(Path)} uses the repository's launchers. */
    interface Commands {
        List<String> producerPerf(List<String> args);

        List<String> consumerPerf(List<String> args);

        List<String> socketBaseline(List<String> args);

        static Commands bin(final Path root) {
            return new Commands() {
                @Override
                public List<String> producerPerf(final List<String> args) {
                    return with(List.of(root.resolve("bin/producer-perf").toString()), args);
                }

                @Override
                public List<String> consumerPerf(final List<String> args) {
                    return with(List.of(root.resolve("bin/consumer-perf").toString()), args);
                }

                @Override
                public List<String> socketBaseline(final List<String> args) {
                    return with(List.of(root.resolve("bin/tools-run").toString(), SocketBaseline.class.getName()), args);
                }
            };
        }

        static List<String> with(final List<String> head, final List<String> args) {
            final List<String> out = new ArrayList<>(head);
            out.addAll(args);
            return out;
        }
    }

    /** Everything one broker's pass measured. */
    record Results(List<Run> runs, List<Double> baselineMbPerSec) {
    }

    public static void main(final String[] args) throws Exception {
        final BenchOptions opts;
        final Settings settings;
        final List<String> brokers;
        try {
            opts = BenchOptions.parse(args, Set.of("brokers", "rounds", "records-small", "records-large", "sizes",
                "compressions", "raw", "out", "from-raw", "broker-warmup-rounds"));
            brokers = opts.choices("brokers", "sluice,kafka", Set.of("sluice", "kafka"));
            settings = new Settings(opts.positiveInt("rounds", 3), opts.positiveLong("records-small", 1_000_000),
                opts.positiveLong("records-large", 200_000), opts.ints("sizes", "100,1024", 1),
                opts.choices("compressions", "none,lz4,zstd", Set.of("none", "gzip", "snappy", "lz4", "zstd")),
                (int) Math.min(Integer.MAX_VALUE, opts.nonNegativeLong("broker-warmup-rounds", 1)));
        } catch (final IllegalArgumentException e) {
            System.err.println("consumer-bench: " + e.getMessage());
            System.exit(2);
            return;
        }
        final Path out = opts.path("out", "tools/target/consumer-bench.md");
        if (!opts.text("from-raw", "").isEmpty()) {
            final Results results = ConsumerBenchRaw.read(Files.readAllLines(opts.path("from-raw", ""),
                StandardCharsets.UTF_8));
            final String table = ConsumerBenchTable.markdown(results.runs(), results.baselineMbPerSec());
            System.out.println(table);
            Files.writeString(out, table, StandardCharsets.UTF_8);
            return;
        }
        final Path root = Path.of(System.getProperty("sluice.root", ".")).toAbsolutePath();
        final Path raw = opts.path("raw", "tools/target/consumer-bench-raw.tsv");
        Files.createDirectories(raw.toAbsolutePath().getParent());
        final List<Run> runs = new ArrayList<>();
        final List<Double> baseline = new ArrayList<>();
        for (final String broker : brokers) {
            try (BenchBroker running = BenchBroker.start(root, broker)) {
                System.out.println("# " + broker + " broker at " + running.bootstrap());
                final Results results = run(broker, running.bootstrap(), settings, Commands.bin(root), raw);
                runs.addAll(results.runs());
                baseline.addAll(results.baselineMbPerSec());
            }
        }
        final String table = ConsumerBenchTable.markdown(runs, baseline);
        System.out.println(table);
        Files.writeString(out, table, StandardCharsets.UTF_8);
    }

    /**
     * Runs the matrix against one running broker.
     *
     * @param raw file the raw lines are appended to
     */
    static Results run(final String broker, final String bootstrap, final Settings settings, final Commands commands,
                       final Path raw) throws IOException, InterruptedException {
        final List<Run> runs = new ArrayList<>();
        final List<Double> baseline = new ArrayList<>();
        int order = 0;
        int warmupsLeft = settings.brokerWarmupRounds();
        for (final int size : settings.sizes()) {
            for (final String compression : settings.compressions()) {
                final Cell cell = new Cell(broker, size, compression);
                final long records = settings.records(size);
                final String topic = String.format(Locale.ROOT, "cb-%s-%d-%s-%d", broker, size, compression,
                    System.nanoTime());
                if (!load(commands, bootstrap, topic, cell, records)) {
                    continue;
                }
                for (; warmupsLeft > 0; warmupsLeft--) {
                    for (final String client : List.of("sluice", "kafka")) {
                        final ConsumerPerfResult result = consume(commands, bootstrap, topic, client, records);
                        System.out.println("# warm-up " + broker + " " + client + " " + cell.size() + " B "
                            + cell.compression() + ": " + (result == null ? "failed" : result.fetchMbPerSec() + " MB/s"));
                    }
                }
                for (int round = 1; round <= settings.rounds(); round++) {
                    final List<String> clients = order++ % 2 == 0
                        ? List.of("sluice", "kafka") : List.of("kafka", "sluice");
                    for (final String client : clients) {
                        final ConsumerPerfResult result = consume(commands, bootstrap, topic, client, records);
                        append(raw, ConsumerBenchRaw.runLine(cell, client, round, result));
                        if (result != null) {
                            runs.add(new Run(cell, client, round, result));
                        }
                    }
                    if (cell.baselineCell()) {
                        final Double mbPerSec = socketBaseline(commands, records * size);
                        append(raw, ConsumerBenchRaw.baselineLine(size, round, mbPerSec));
                        if (mbPerSec != null) {
                            baseline.add(mbPerSec);
                        }
                    }
                }
            }
        }
        return new Results(runs, baseline);
    }

    private static void append(final Path raw, final String line) throws IOException {
        System.out.println(line);
        Files.writeString(raw, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    /** Writes the cell's records into {@code topic} with kafka-clients' producer. */
    private static boolean load(final Commands commands, final String bootstrap, final String topic, final Cell cell,
                                final long records) throws IOException, InterruptedException {
        try {
            BenchTopics.create(bootstrap, topic, PARTITIONS);
        } catch (final ExecutionException | TimeoutException e) {
            System.err.println("creating " + topic + " failed, skipping " + cell + ": " + e);
            return false;
        }
        final BenchProcess run = BenchProcess.run(commands.producerPerf(List.of("--topic", topic, "--num-records",
            Long.toString(records), "--record-size", Integer.toString(cell.size()), "--throughput", "-1",
            "--reporting-interval", "600000", "--client", "kafka", "--producer-props", "bootstrap.servers=" + bootstrap,
            "linger.ms=5", "compression.type=" + cell.compression())), RUN_TIMEOUT_SECONDS);
        final boolean complete = run.succeeded()
            && PerfSummary.find(run.output()).map(s -> s.records() == records).orElse(false);
        if (!complete) {
            System.err.println("loading " + topic + " failed, skipping " + cell + ":\n" + run.output());
        }
        return complete;
    }

    private static ConsumerPerfResult consume(final Commands commands, final String bootstrap, final String topic,
                                              final String client, final long records)
        throws IOException, InterruptedException {
        final BenchProcess run = BenchProcess.run(commands.consumerPerf(List.of("--bootstrap-server", bootstrap,
            "--topic", topic, "--messages", Long.toString(records), "--timeout", "30000", "--reporting-interval",
            "600000", "--client", client)), RUN_TIMEOUT_SECONDS);
        final ConsumerPerfResult result = ConsumerPerfResult.find(run.output()).orElse(null);
        if (!run.succeeded() || result == null || result.records() != records) {
            System.err.println("consumer-perf failed (" + client + " on " + topic + "):\n" + run.output());
            return null;
        }
        return result;
    }

    private static Double socketBaseline(final Commands commands, final long bytes)
        throws IOException, InterruptedException {
        final BenchProcess run = BenchProcess.run(commands.socketBaseline(List.of("--bytes", Long.toString(bytes),
            "--source", "file")), RUN_TIMEOUT_SECONDS);
        final Double mbPerSec = run.succeeded() ? SocketBaseline.findMbPerSec(run.output()).orElse(null) : null;
        if (mbPerSec == null) {
            System.err.println("socket baseline failed:\n" + run.output());
        }
        return mbPerSec;
    }
}
