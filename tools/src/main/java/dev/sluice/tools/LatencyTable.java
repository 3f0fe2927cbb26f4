package dev.sluice.tools;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Turns {@link LatencyBench} runs into a Markdown table: one row per cell with the rate both clients
 * were asked for, what each achieved, their p50/p99/p99.9 latencies (medians over the cell's rounds),
 * the Sluice/kafka-clients p99 and CPU ratios, and a verdict on "p99 no worse".
 *
 * <p>A cell gets a verdict only when every run of both clients reached the asked rate
 * ({@link LatencyRate#reached(double, long)}); otherwise the clients were not under the same load and
 * the row says which one fell short. Latencies are whole milliseconds (producer-perf truncates each
 * record's latency), so p99s within {@code toleranceMs} of each other count as equal.
 */
final class LatencyTable {
    private LatencyTable() {
    }

    /** How one cell compares. */
    enum Verdict {
        LOWER("lower"), EQUAL("equal within tolerance"), WORSE("worse"), SLUICE_SHORT("no verdict: sluice below rate"),
        KAFKA_SHORT("no verdict: kafka-clients below rate"), BOTH_SHORT("no verdict: both below rate");

        private final String text;

        Verdict(final String text) {
            this.text = text;
        }

        boolean counts() {
            return this == LOWER || this == EQUAL || this == WORSE;
        }

        boolean noWorse() {
            return this == LOWER || this == EQUAL;
        }

        @Override
        public String toString() {
            return text;
        }
    }

    /**
     * @param sluiceP99Ms   Sluice's p99, milliseconds
     * @param kafkaP99Ms    kafka-clients' p99, milliseconds
     * @param toleranceMs   difference still counted as equal, milliseconds, 0 or more
     */
    static Verdict verdict(final boolean sluiceReached, final boolean kafkaReached, final double sluiceP99Ms,
                           final double kafkaP99Ms, final double toleranceMs) {
        if (!sluiceReached || !kafkaReached) {
            return !sluiceReached && !kafkaReached ? Verdict.BOTH_SHORT
                : !sluiceReached ? Verdict.SLUICE_SHORT : Verdict.KAFKA_SHORT;
        }
        if (sluiceP99Ms > kafkaP99Ms + toleranceMs) {
            return Verdict.WORSE;
        }
        return sluiceP99Ms < kafkaP99Ms - toleranceMs ? Verdict.LOWER : Verdict.EQUAL;
    }

    static String markdown(final Collection<LatencyBench.Run> runs, final double toleranceMs) {
        final Map<ProducerBench.Cell, List<LatencyBench.Run>> byCell = new LinkedHashMap<>();
        for (final LatencyBench.Run run : runs) {
            byCell.computeIfAbsent(run.cell(), c -> new ArrayList<>()).add(run);
        }
        final StringBuilder md = new StringBuilder();
        md.append("| broker | size B | linger ms | compression | rounds | kafka unthrottled rec/s | asked rec/s"
            + " | sluice rec/s | kafka rec/s | sluice p50/p99/p99.9 ms | kafka p50/p99/p99.9 ms | p99 ratio"
            + " | sluice cpu-us/rec | kafka cpu-us/rec | cpu ratio | p99 verdict |\n");
        md.append("|---|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
        final Map<String, int[]> perBroker = new LinkedHashMap<>();
        int withoutVerdict = 0;
        for (final Map.Entry<ProducerBench.Cell, List<LatencyBench.Run>> e : byCell.entrySet()) {
            final List<LatencyBench.Run> sluice = throttled(e.getValue(), "sluice");
            final List<LatencyBench.Run> kafka = throttled(e.getValue(), "kafka");
            if (sluice.isEmpty() || kafka.isEmpty()) {
                continue;
            }
            final ProducerBench.Cell c = e.getKey();
            final double sP99 = median(sluice, s -> s.summary().p99());
            final double kP99 = median(kafka, s -> s.summary().p99());
            final double sCpu = median(sluice, s -> s.summary().cpuUsPerRecord());
            final double kCpu = median(kafka, s -> s.summary().cpuUsPerRecord());
            final Verdict verdict = verdict(allReached(sluice), allReached(kafka), sP99, kP99, toleranceMs);
            final int[] tally = perBroker.computeIfAbsent(c.broker(), b -> new int[2]);
            if (verdict.counts()) {
                tally[0] += verdict.noWorse() ? 1 : 0;
                tally[1]++;
            } else {
                withoutVerdict++;
            }
            md.append(String.format(Locale.ROOT, "| %s | %d | %d | %s | %d | %s | %s | %.0f | %.0f | %s | %s | %s"
                    + " | %.2f | %.2f | %.2f | %s |%n",
                c.broker(), c.size(), c.linger(), c.compression(), Math.min(sluice.size(), kafka.size()),
                unthrottledKafka(e.getValue()), askedRates(sluice, kafka),
                median(sluice, s -> s.summary().recordsPerSec()), median(kafka, s -> s.summary().recordsPerSec()),
                percentiles(sluice, sP99), percentiles(kafka, kP99), kP99 > 0 ? String.format(Locale.ROOT, "%.2f",
                    sP99 / kP99) : "-", sCpu, kCpu, sCpu / kCpu, verdict));
        }
        md.append(summary(perBroker, withoutVerdict, toleranceMs));
        return md.toString();
    }

    private static String summary(final Map<String, int[]> perBroker, final int withoutVerdict,
                                  final double toleranceMs) {
        int noWorse = 0;
        int counted = 0;
        final List<String> parts = new ArrayList<>();
        for (final Map.Entry<String, int[]> b : perBroker.entrySet()) {
            noWorse += b.getValue()[0];
            counted += b.getValue()[1];
            parts.add(String.format(Locale.ROOT, "%s broker %d of %d", b.getKey(), b.getValue()[0], b.getValue()[1]));
        }
        return String.format(Locale.ROOT, "%np99 no worse at equal offered load (Sluice p99 at most kafka-clients'"
                + " p99 + %s ms): %d of %d cells with a verdict (%s); %d cells without one (a client below %.0f%% of"
                + " the asked rate).%n", trim(toleranceMs), noWorse, counted, String.join(", ", parts), withoutVerdict,
            LatencyRate.REACHED_SHARE * 100);
    }

    private static String trim(final double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    private static List<LatencyBench.Run> throttled(final List<LatencyBench.Run> runs, final String client) {
        final List<LatencyBench.Run> out = new ArrayList<>();
        for (final LatencyBench.Run run : runs) {
            if (run.client().equals(client) && run.askedRate() != LatencyBenchRaw.UNTHROTTLED) {
                out.add(run);
            }
        }
        return out;
    }

    private static boolean allReached(final List<LatencyBench.Run> runs) {
        return runs.stream().allMatch(r -> LatencyRate.reached(r.summary().recordsPerSec(), r.askedRate()));
    }

    /** kafka-clients' unthrottled records/s the auto rate was taken from, or "-" for a fixed rate. */
    private static String unthrottledKafka(final List<LatencyBench.Run> runs) {
        final List<LatencyBench.Run> probes = new ArrayList<>();
        for (final LatencyBench.Run run : runs) {
            if (run.client().equals("kafka") && run.askedRate() == LatencyBenchRaw.UNTHROTTLED) {
                probes.add(run);
            }
        }
        return probes.isEmpty() ? "-" : String.format(Locale.ROOT, "%.0f",
            median(probes, s -> s.summary().recordsPerSec()));
    }

    /** The asked rate, or its range when rounds asked different ones. */
    private static String askedRates(final List<LatencyBench.Run> sluice, final List<LatencyBench.Run> kafka) {
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (final List<LatencyBench.Run> runs : List.of(sluice, kafka)) {
            for (final LatencyBench.Run run : runs) {
                min = Math.min(min, run.askedRate());
                max = Math.max(max, run.askedRate());
            }
        }
        return min == max ? Long.toString(min) : min + "-" + max;
    }

    private static String percentiles(final List<LatencyBench.Run> runs, final double p99) {
        return String.format(Locale.ROOT, "%.0f/%.0f/%.0f", median(runs, s -> s.summary().p50()), p99,
            median(runs, s -> s.summary().p999()));
    }

    private static double median(final List<LatencyBench.Run> runs, final ToDoubleFunction<LatencyBench.Run> metric) {
        return BenchTable.median(runs.stream().mapToDouble(metric).toArray());
    }
}
