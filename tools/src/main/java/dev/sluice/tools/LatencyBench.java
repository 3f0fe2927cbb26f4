package dev.sluice.tools;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The equal-rate latency mode of {@code producer-bench} ({@code --latency-rate auto|R}): per cell of
 * the matrix both clients run {@code producer-perf --throughput R} with the same R, so their p99s are
 * compared at the same offered load. With {@code auto}, R is a fraction of kafka-clients'
 * unthrottled records/s in that cell, measured by one unthrottled run just before ({@link LatencyRate}).
 * Each throttled run first sends {@code warmupSeconds} worth of records at R that are not measured
 * (producer-perf {@code --warmup-records}: JIT, connections and the new topic's partitions settle),
 * then {@code seconds} worth that are. The two clients of a cell
 * run back to back with which goes first alternating; each run writes to a fresh topic. Raw lines
 * ({@link LatencyBenchRaw}) are appended to the raw file as runs complete. Runs on the driver's main thread.
 */
final class LatencyBench {
    private LatencyBench() {
    }

    /**
     * One producer-perf run.
     *
     * @param askedRate records/s asked with {@code --throughput}, or {@link LatencyBenchRaw#UNTHROTTLED}
     */
    record Run(ProducerBench.Cell cell, String client, int round, long askedRate, PerfSummary summary) {
    }

    /**
     * The matrix's parameters.
     *
     * @param seconds       measured sending time of each throttled run, seconds
     * @param warmupSeconds unmeasured sending time before it, seconds (0 for none)
     * @param recordsSmall records of the unthrottled {@code auto} run for records up to 100 B
     * @param recordsLarge the same for larger records
     */
    record Settings(LatencyRate rate, double seconds, double warmupSeconds, int rounds, List<Integer> sizes, List<Integer> lingers,
                    List<String> compressions, long recordsSmall, long recordsLarge) {
        long unthrottledRecords(final int size) {
            return size <= 100 ? recordsSmall : recordsLarge;
        }
    }

    /** Runs the matrix against one running broker and returns every completed run. */
    static List<Run> run(final Path root, final String broker, final String bootstrap, final Settings settings,
                         final Path raw) throws IOException, InterruptedException {
        final List<Run> runs = new ArrayList<>();
        final Map<ProducerBench.Cell, Long> asked = new HashMap<>();
        int order = 0;
        // Rounds outermost: one full pass of the matrix first, so a stopped run still covers every cell.
        for (int round = 1; round <= settings.rounds(); round++) {
            for (final int size : settings.sizes()) {
                for (final int linger : settings.lingers()) {
                    for (final String compression : settings.compressions()) {
                        final ProducerBench.Cell cell = new ProducerBench.Cell(broker, size, linger, compression);
                        final Long rate = asked.containsKey(cell) ? asked.get(cell)
                            : askedRate(root, bootstrap, cell, settings, raw, runs);
                        if (rate == null) {
                            continue;
                        }
                        asked.put(cell, rate);
                        final long records = LatencyRate.records(rate, settings.seconds());
                        final long warmup = settings.warmupSeconds() > 0
                            ? LatencyRate.records(rate, settings.warmupSeconds()) : 0;
                        final List<String> clients = order++ % 2 == 0
                            ? List.of("sluice", "kafka") : List.of("kafka", "sluice");
                        for (final String client : clients) {
                            final PerfSummary s = ProducerBench.perf(root, bootstrap, cell, client, records + warmup,
                                rate, warmup);
                            record(raw, runs, new Run(cell, client, round, rate, s));
                        }
                    }
                }
            }
        }
        return runs;
    }

    /** The cell's rate: the fixed one, or a fraction of an unthrottled kafka-clients run; null if that run failed. */
    private static Long askedRate(final Path root, final String bootstrap, final ProducerBench.Cell cell,
                                  final Settings settings, final Path raw, final List<Run> runs)
        throws IOException, InterruptedException {
        if (!settings.rate().auto()) {
            return settings.rate().askedRate(0);
        }
        final PerfSummary probe = ProducerBench.perf(root, bootstrap, cell, "kafka",
            settings.unthrottledRecords(cell.size()), LatencyBenchRaw.UNTHROTTLED, 0);
        record(raw, runs, new Run(cell, "kafka", 0, LatencyBenchRaw.UNTHROTTLED, probe));
        return probe == null ? null : settings.rate().askedRate(probe.recordsPerSec());
    }

    private static void record(final Path raw, final List<Run> runs, final Run run) throws IOException {
        final String line = LatencyBenchRaw.line(run.cell(), run.client(), run.round(), run.askedRate(), run.summary());
        System.out.println(line);
        Files.writeString(raw, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
            StandardOpenOption.APPEND);
        if (run.summary() != null) {
            runs.add(run);
        }
    }
}
