package dev.sluice.tools;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The raw file of {@code producer-bench --latency-rate}: one tab-separated line per producer-perf run,
 * written as it completes and read back by {@code --from-raw}.
 *
 * <pre>
 * broker  size  linger  compression  client  round  asked-rec/s  final line of producer-perf
 * </pre>
 *
 * {@code asked-rec/s} is {@value #UNTHROTTLED} for the unthrottled kafka-clients run {@code auto}
 * takes its rate from. A failed run has {@code FAILED} in place of the final line.
 */
final class LatencyBenchRaw {
    /** The asked rate written for an unthrottled run. */
    static final long UNTHROTTLED = -1;
    private static final String FAILED = "FAILED";

    private LatencyBenchRaw() {
    }

    static String line(final ProducerBench.Cell cell, final String client, final int round, final long askedRate,
                       final PerfSummary summary) {
        return String.format(Locale.ROOT, "%s\t%d\t%d\t%s\t%s\t%d\t%d\t%s", cell.broker(), cell.size(),
            cell.linger(), cell.compression(), client, round, askedRate, summary == null ? FAILED : summary.format());
    }

    /**
     * The completed runs; failed ones are skipped.
     *
     * @throws IllegalArgumentException naming the line that is not a raw line
     */
    static List<LatencyBench.Run> read(final List<String> lines) {
        final List<LatencyBench.Run> runs = new ArrayList<>();
        for (final String line : lines) {
            if (line.isBlank()) {
                continue;
            }
            final String[] f = line.split("\t");
            if (f.length != 8) {
                throw new IllegalArgumentException("not a producer-bench latency raw line: " + line);
            }
            try {
                final ProducerBench.Cell cell = new ProducerBench.Cell(f[0], Integer.parseInt(f[1]),
                    Integer.parseInt(f[2]), f[3]);
                final int round = Integer.parseInt(f[5]);
                final long asked = Long.parseLong(f[6]);
                if (f[7].equals(FAILED)) {
                    continue;
                }
                final Optional<PerfSummary> summary = PerfSummary.find(f[7]);
                if (summary.isEmpty()) {
                    throw new IllegalArgumentException("not a producer-bench latency raw line: " + line);
                }
                runs.add(new LatencyBench.Run(cell, f[4], round, asked, summary.get()));
            } catch (final NumberFormatException e) {
                throw new IllegalArgumentException("not a producer-bench latency raw line: " + line, e);
            }
        }
        return runs;
    }
}
