package dev.sluice.tools;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Turns {@link ProducerBench} runs into a Markdown table: one row per cell, the median of each
 * metric per client over that cell's rounds, and the Sluice/kafka-clients ratios the targets are
 * stated in (throughput at least 1.5, CPU per record at most 0.5, p99 no worse).
 */
final class BenchTable {
    private BenchTable() {
    }

    static String markdown(final Collection<ProducerBench.Run> runs) {
        final Map<ProducerBench.Cell, List<ProducerBench.Run>> byCell = new LinkedHashMap<>();
        for (final ProducerBench.Run run : runs) {
            byCell.computeIfAbsent(run.cell(), c -> new ArrayList<>()).add(run);
        }
        final StringBuilder md = new StringBuilder();
        md.append("| broker | size B | linger ms | compression | rounds | sluice rec/s | kafka rec/s | rec/s ratio"
            + " | sluice MB/s | kafka MB/s | sluice p50/p99 ms | kafka p50/p99 ms | sluice cpu-us/rec"
            + " | kafka cpu-us/rec | cpu ratio |\n");
        md.append("|---|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        int cells = 0;
        int throughputMet = 0;
        int cpuMet = 0;
        int p99Met = 0;
        for (final Map.Entry<ProducerBench.Cell, List<ProducerBench.Run>> e : byCell.entrySet()) {
            final List<PerfSummary> sluice = of(e.getValue(), "sluice");
            final List<PerfSummary> kafka = of(e.getValue(), "kafka");
            if (sluice.isEmpty() || kafka.isEmpty()) {
                continue;
            }
            final ProducerBench.Cell c = e.getKey();
            final double sRate = median(sluice, PerfSummary::recordsPerSec);
            final double kRate = median(kafka, PerfSummary::recordsPerSec);
            final double sCpu = median(sluice, PerfSummary::cpuUsPerRecord);
            final double kCpu = median(kafka, PerfSummary::cpuUsPerRecord);
            final double sP99 = median(sluice, PerfSummary::p99);
            final double kP99 = median(kafka, PerfSummary::p99);
            cells++;
            throughputMet += sRate >= 1.5 * kRate ? 1 : 0;
            cpuMet += sCpu <= 0.5 * kCpu ? 1 : 0;
            p99Met += sP99 <= kP99 ? 1 : 0;
            md.append(String.format(Locale.ROOT,
                "| %s | %d | %d | %s | %d | %.0f | %.0f | %.2f | %.2f | %.2f | %.0f/%.0f | %.0f/%.0f | %.2f | %.2f | %.2f |%n",
                c.broker(), c.size(), c.linger(), c.compression(), Math.min(sluice.size(), kafka.size()), sRate, kRate,
                sRate / kRate, median(sluice, PerfSummary::mbPerSec), median(kafka, PerfSummary::mbPerSec),
                median(sluice, PerfSummary::p50), sP99, median(kafka, PerfSummary::p50), kP99, sCpu, kCpu,
                sCpu / kCpu));
        }
        md.append(String.format(Locale.ROOT, "%nTargets met in %d cells: throughput >= 1.5x in %d, CPU per record"
            + " <= 0.5x in %d, p99 no worse in %d.%n", cells, throughputMet, cpuMet, p99Met));
        return md.toString();
    }

    private static List<PerfSummary> of(final List<ProducerBench.Run> runs, final String client) {
        final List<PerfSummary> out = new ArrayList<>();
        for (final ProducerBench.Run run : runs) {
            if (run.client().equals(client)) {
                out.add(run.summary());
            }
        }
        return out;
    }

    /** Median of one metric; the mean of the middle two for an even count. */
    static double median(final List<PerfSummary> summaries, final ToDoubleFunction<PerfSummary> metric) {
        return median(summaries.stream().mapToDouble(metric).toArray());
    }

    /** Median of {@code unsorted} (any order, not modified); the mean of the middle two for an even count, NaN for none. */
    static double median(final double... unsorted) {
        if (unsorted.length == 0) {
            return Double.NaN;
        }
        final double[] values = unsorted.clone();
        java.util.Arrays.sort(values);
        final int mid = values.length / 2;
        return values.length % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
    }
}
