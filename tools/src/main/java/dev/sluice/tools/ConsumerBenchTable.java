package dev.sluice.tools;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.ToDoubleFunction;

/**
 * Turns {@link ConsumerBench} runs into Markdown: one row per cell with each client's median over
 * its rounds and the Sluice/kafka-clients ratios, then the verdict on the two targets of the
 * consumer issue: fetch records/s at least 1.5x kafka-clients', and on the Sluice broker the Sluice
 * consumer's MiB/s of 1 KiB uncompressed records at least half the plain-socket baseline's. Each
 * row also lists every round's cores busy and longest wait for records (consumer-perf's phase line),
 * which a median would hide: that is how a round starved of CPU by another process shows.
 */
final class ConsumerBenchTable {
    private ConsumerBenchTable() {
    }

    /**
     * @param baselineMbPerSec every socket-baseline result of the run, MiB/s
     */
    static String markdown(final Collection<ConsumerBench.Run> runs, final List<Double> baselineMbPerSec) {
        final Map<ConsumerBench.Cell, List<ConsumerBench.Run>> byCell = new LinkedHashMap<>();
        for (final ConsumerBench.Run run : runs) {
            byCell.computeIfAbsent(run.cell(), c -> new ArrayList<>()).add(run);
        }
        final StringBuilder md = new StringBuilder();
        md.append("| broker | size B | compression | rounds | sluice rec/s | kafka rec/s | rec/s ratio | sluice MB/s"
            + " | kafka MB/s | sluice cpu-us/rec | kafka cpu-us/rec | cpu ratio | sluice join ms | kafka join ms"
            + " | sluice cores busy | kafka cores busy | sluice longest wait ms | kafka longest wait ms |\n");
        md.append("|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        int cells = 0;
        int rateMet = 0;
        double baselineCellMbPerSec = Double.NaN;
        for (final Map.Entry<ConsumerBench.Cell, List<ConsumerBench.Run>> e : byCell.entrySet()) {
            final List<ConsumerPerfResult> sluice = of(e.getValue(), "sluice");
            final List<ConsumerPerfResult> kafka = of(e.getValue(), "kafka");
            if (sluice.isEmpty() || kafka.isEmpty()) {
                continue;
            }
            final ConsumerBench.Cell c = e.getKey();
            final double sRate = median(sluice, ConsumerPerfResult::fetchRecordsPerSec);
            final double kRate = median(kafka, ConsumerPerfResult::fetchRecordsPerSec);
            final double sMb = median(sluice, ConsumerPerfResult::fetchMbPerSec);
            final double sCpu = median(sluice, ConsumerPerfResult::cpuUsPerRecord);
            final double kCpu = median(kafka, ConsumerPerfResult::cpuUsPerRecord);
            cells++;
            rateMet += sRate >= 1.5 * kRate ? 1 : 0;
            if (c.baselineCell()) {
                baselineCellMbPerSec = sMb;
            }
            md.append(String.format(Locale.ROOT,
                "| %s | %d | %s | %d | %.0f | %.0f | %.2f | %.1f | %.1f | %.2f | %.2f | %.2f | %.0f | %.0f | %s | %s | %s | %s |%n",
                c.broker(), c.size(), c.compression(), Math.min(sluice.size(), kafka.size()), sRate, kRate,
                sRate / kRate, sMb, median(kafka, ConsumerPerfResult::fetchMbPerSec), sCpu, kCpu, sCpu / kCpu,
                median(sluice, r -> r.rebalanceMs()), median(kafka, r -> r.rebalanceMs()), coresBusy(sluice),
                coresBusy(kafka), longestWaits(sluice), longestWaits(kafka)));
        }
        md.append(String.format(Locale.ROOT, "%nCores busy and longest wait for records are listed per round, in round"
            + " order: a starved round (another process took a core) shows fewer cores busy and a lower rate with short"
            + " waits, a stalled one a wait near fetch.max.wait.ms; ? where consumer-perf printed no phase line.%n"));
        md.append(String.format(Locale.ROOT, "%nTarget records/s >= 1.5x kafka-clients: met in %d of %d cells.%n",
            rateMet, cells));
        final double baseline = BenchTable.median(baselineMbPerSec.stream().mapToDouble(Double::doubleValue).toArray());
        if (Double.isNaN(baseline) || Double.isNaN(baselineCellMbPerSec)) {
            md.append("Target >= 0.5x the socket baseline: not measured (needs the sluice broker, 1024 B, none).\n");
        } else {
            final double ratio = baselineCellMbPerSec / baseline;
            md.append(String.format(Locale.ROOT, "Target >= 0.5x the socket baseline: the Sluice consumer on the Sluice"
                    + " broker moved %.1f MB/s of 1 KiB uncompressed records, the socket baseline %.1f MB/s (median of"
                    + " %d): %.2fx, %s.%n", baselineCellMbPerSec, baseline, baselineMbPerSec.size(), ratio,
                ratio >= 0.5 ? "met" : "not met"));
        }
        return md.toString();
    }

    /** Each round's cores busy, in order, e.g. {@code 1.82, 1.21, 1.85}. */
    private static String coresBusy(final List<ConsumerPerfResult> results) {
        final StringJoiner out = new StringJoiner(", ");
        for (final ConsumerPerfResult r : results) {
            out.add(Double.isNaN(r.coresBusy()) ? "?" : String.format(Locale.ROOT, "%.2f", r.coresBusy()));
        }
        return out.toString();
    }

    /** Each round's longest wait for records in ms, in order. */
    private static String longestWaits(final List<ConsumerPerfResult> results) {
        final StringJoiner out = new StringJoiner(", ");
        for (final ConsumerPerfResult r : results) {
            out.add(r.longestWaitMs() < 0 ? "?" : Long.toString(r.longestWaitMs()));
        }
        return out.toString();
    }

    private static List<ConsumerPerfResult> of(final List<ConsumerBench.Run> runs, final String client) {
        final List<ConsumerPerfResult> out = new ArrayList<>();
        for (final ConsumerBench.Run run : runs) {
            if (run.client().equals(client)) {
                out.add(run.result());
            }
        }
        return out;
    }

    private static double median(final List<ConsumerPerfResult> results,
                                 final ToDoubleFunction<ConsumerPerfResult> metric) {
        return BenchTable.median(results.stream().mapToDouble(metric).toArray());
    }
}
