package dev.sluice.tools;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs {@code bin/producer-perf} for both clients over the benchmark matrix (broker x record size x
 * linger.ms x compression) and prints a Markdown table of medians with Sluice/kafka-clients ratios.
 *
 * <pre>
 * producer-bench [--brokers sluice,kafka] [--rounds 1] [--headline-rounds 3] [--records-small 500000]
 *                [--records-large 200000] [--sizes 100,1024] [--lingers 0,5,50] [--compressions none,lz4,zstd]
 *                [--raw FILE] [--out FILE]
 * </pre>
 *
 * Every broker and every perf run is its own process started from the repository's {@code bin/}
 * (system property {@code sluice.root}): the Sluice broker through {@code bin/mock-broker} (with full JIT and a 1 GiB G1 heap), Apache
 * Kafka through {@code bin/kafka-broker} (Kafka's own JVM options). Both clients run with the same
 * JVM options (those of {@code bin/tools-run}). Each run writes to a fresh topic, auto-created with
 * 8 partitions. The two clients of a cell run back to back, and which goes first alternates, so
 * that drift in the machine's load hits both alike. Headline cells (linger.ms 5, no compression and
 * lz4) get {@code --headline-rounds} rounds, the rest {@code --rounds}; tables show medians. Each
 * run's final line is appended to {@code --raw} as it completes, so a stopped matrix keeps its data.
 */
public final class ProducerBench {
    private static final Pattern BOOTSTRAP = Pattern.compile("(127\\.0\\.0\\.1:[0-9]+)");
    private static final long RUN_TIMEOUT_SECONDS = 300;

    private ProducerBench() {
    }

    record Cell(String broker, int size, int linger, String compression) {
        boolean headline() {
            return linger == 5 && (compression.equals("none") || compression.equals("lz4"));
        }
    }

    record Run(Cell cell, String client, int round, PerfSummary summary) {
    }

    public static void main(final String[] args) throws Exception {
        final Map<String, String> opts = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --flag value, got " + args[i]);
            }
            opts.put(args[i].substring(2), args[i + 1]);
        }
        final Path root = Path.of(System.getProperty("sluice.root", ".")).toAbsolutePath();
        final List<String> brokers = List.of(opts.getOrDefault("brokers", "sluice,kafka").split(","));
        final int rounds = Integer.parseInt(opts.getOrDefault("rounds", "1"));
        final int headlineRounds = Integer.parseInt(opts.getOrDefault("headline-rounds", "3"));
        final long recordsSmall = Long.parseLong(opts.getOrDefault("records-small", "500000"));
        final long recordsLarge = Long.parseLong(opts.getOrDefault("records-large", "200000"));
        final List<Integer> sizes = ints(opts.getOrDefault("sizes", "100,1024"));
        final List<Integer> lingers = ints(opts.getOrDefault("lingers", "0,5,50"));
        final List<String> compressions = List.of(opts.getOrDefault("compressions", "none,lz4,zstd").split(","));
        final Path raw = Path.of(opts.getOrDefault("raw", "tools/target/producer-bench-raw.tsv"));
        final Path out = Path.of(opts.getOrDefault("out", "tools/target/producer-bench.md"));
        Files.createDirectories(raw.toAbsolutePath().getParent());

        final List<Run> runs = new ArrayList<>();
        int order = 0;
        for (final String broker : brokers) {
            final Process brokerProcess = startBroker(root, broker);
            try {
                final String bootstrap = awaitBootstrap(brokerProcess, broker);
                System.out.println("# " + broker + " broker at " + bootstrap);
                // Rounds outermost: one full pass of the matrix first, so a stopped run still covers every cell.
                for (int round = 1; round <= Math.max(rounds, headlineRounds); round++) {
                    for (final int size : sizes) {
                        for (final int linger : lingers) {
                            for (final String compression : compressions) {
                                final Cell cell = new Cell(broker, size, linger, compression);
                                if (round > (cell.headline() ? headlineRounds : rounds)) {
                                    continue;
                                }
                                final long records = size <= 100 ? recordsSmall : recordsLarge;
                                final List<String> clients = order++ % 2 == 0
                                    ? List.of("sluice", "kafka") : List.of("kafka", "sluice");
                                for (final String client : clients) {
                                    final PerfSummary s = perf(root, bootstrap, cell, client, records);
                                    final String line = String.format(Locale.ROOT, "%s\t%d\t%d\t%s\t%s\t%d\t%s%n",
                                        broker, size, linger, compression, client, round,
                                        s == null ? "FAILED" : s.format());
                                    System.out.print(line);
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
            } finally {
                brokerProcess.destroy();
                if (!brokerProcess.waitFor(60, TimeUnit.SECONDS)) {
                    brokerProcess.destroyForcibly();
                }
            }
        }
        final String table = BenchTable.markdown(runs);
        System.out.println(table);
        Files.writeString(out, table, StandardCharsets.UTF_8);
    }

    private static List<Integer> ints(final String csv) {
        final List<Integer> values = new ArrayList<>();
        for (final String v : csv.split(",")) {
            values.add(Integer.parseInt(v.trim()));
        }
        return values;
    }

    private static Process startBroker(final Path root, final String broker) throws IOException {
        final List<String> command = switch (broker) {
            case "sluice" -> List.of(root.resolve("bin/mock-broker").toString(), "--port", "0", "--data-dir",
                Files.createTempDirectory("producer-bench-sluice").toString(), "--config", "num.partitions=8");
            case "kafka" -> List.of(root.resolve("bin/kafka-broker").toString(), "--config", "num.partitions=8");
            default -> throw new IllegalArgumentException("--brokers takes sluice and kafka, not " + broker);
        };
        final ProcessBuilder pb = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
        // Full JIT and Kafka's heap size for the Sluice broker too (bin/mock-broker defaults to C1 and
        // the serial collector, tuned for quick test starts), so neither broker is handicapped.
        pb.environment().put("SLUICE_JAVA_OPTS",
            "-Xms1g -Xmx1g -XX:+UseG1GC -XX:MaxGCPauseMillis=20 -Dorg.slf4j.simpleLogger.defaultLogLevel=warn");
        return pb.start();
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

    private static PerfSummary perf(final Path root, final String bootstrap, final Cell cell, final String client,
                                    final long records) throws IOException, InterruptedException {
        final String topic = String.format(Locale.ROOT, "pb-%s-%d-%d-%s-%s-%d", cell.broker(), cell.size(),
            cell.linger(), cell.compression(), client, System.nanoTime());
        final List<String> command = List.of(root.resolve("bin/producer-perf").toString(), "--topic", topic,
            "--num-records", Long.toString(records), "--record-size", Integer.toString(cell.size()),
            "--throughput", "-1", "--reporting-interval", "600000", "--client", client, "--producer-props",
            "bootstrap.servers=" + bootstrap, "linger.ms=" + cell.linger(), "compression.type=" + cell.compression());
        final Path log = Files.createTempFile("producer-bench-run", ".log");
        final ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        // The driver's own JVM options must not leak into the measured clients.
        pb.environment().remove("SLUICE_JAVA_OPTS");
        final Process p = pb.start();
        final boolean finished = p.waitFor(RUN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        if (!finished) {
            p.destroyForcibly().waitFor();
        }
        final String text = Files.readString(log, StandardCharsets.UTF_8);
        Files.deleteIfExists(log);
        final PerfSummary summary = PerfSummary.find(text).orElse(null);
        if (summary == null || !finished || p.exitValue() != 0) {
            final PrintStream err = System.err;
            err.println("run failed (" + client + " " + cell + "):\n" + text);
        }
        return finished && summary != null && summary.records() == records ? summary : null;
    }
}
