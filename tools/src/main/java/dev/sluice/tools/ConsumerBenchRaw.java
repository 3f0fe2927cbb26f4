package dev.sluice.tools;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The raw file of {@link ConsumerBench}: one tab-separated line per consumer-perf run and per socket
 * baseline, written as they complete and read back by {@code --from-raw}.
 *
 * <pre>
 * broker  size  compression  client  round  records  rebalance-ms  fetch-ms  MB/s  records/s  cpu-us/record  longest-wait-ms  cores-busy
 * socket-baseline  size  file  -  round  MB/s
 * </pre>
 *
 * A failed run or baseline has {@code FAILED} in place of its figures. Lines written before the last
 * two columns existed (eleven fields) are still read, with the wait unknown (-1) and cores busy NaN.
 */
final class ConsumerBenchRaw {
    static final String BASELINE = "socket-baseline";
    private static final String FAILED = "FAILED";

    private ConsumerBenchRaw() {
    }

    static String runLine(final ConsumerBench.Cell cell, final String client, final int round,
                          final ConsumerPerfResult result) {
        return String.format(Locale.ROOT, "%s\t%d\t%s\t%s\t%d\t%s", cell.broker(), cell.size(), cell.compression(),
            client, round, result == null ? FAILED : String.format(Locale.ROOT,
                "%d\t%d\t%d\t%.2f\t%.1f\t%.3f\t%d\t%.2f", result.records(), result.rebalanceMs(), result.fetchMs(),
                result.fetchMbPerSec(), result.fetchRecordsPerSec(), result.cpuUsPerRecord(), result.longestWaitMs(),
                result.coresBusy()));
    }

    static String baselineLine(final int size, final int round, final Double mbPerSec) {
        return String.format(Locale.ROOT, "%s\t%d\tfile\t-\t%d\t%s", BASELINE, size, round,
            mbPerSec == null ? FAILED : String.format(Locale.ROOT, "%.1f", mbPerSec));
    }

    /**
     * @throws IllegalArgumentException naming the line that is not a raw line
     */
    static ConsumerBench.Results read(final List<String> lines) {
        final List<ConsumerBench.Run> runs = new ArrayList<>();
        final List<Double> baseline = new ArrayList<>();
        for (final String line : lines) {
            if (line.isBlank()) {
                continue;
            }
            final String[] f = line.split("\t");
            try {
                if (f.length == 6 && f[0].equals(BASELINE)) {
                    if (!f[5].equals(FAILED)) {
                        baseline.add(Double.parseDouble(f[5]));
                    }
                } else if (f.length == 11 || f.length == 13) {
                    final ConsumerBench.Cell cell = new ConsumerBench.Cell(f[0], Integer.parseInt(f[1]), f[2]);
                    runs.add(new ConsumerBench.Run(cell, f[3], Integer.parseInt(f[4]), new ConsumerPerfResult(
                        Long.parseLong(f[5]), Long.parseLong(f[6]), Long.parseLong(f[7]), Double.parseDouble(f[8]),
                        Double.parseDouble(f[9]), Double.parseDouble(f[10]), f.length == 13 ? Long.parseLong(f[11]) : -1,
                        f.length == 13 ? Double.parseDouble(f[12]) : Double.NaN)));
                } else if (!(f.length == 6 && f[5].equals(FAILED))) {
                    throw new IllegalArgumentException("not a consumer-bench raw line: " + line);
                }
            } catch (final NumberFormatException e) {
                throw new IllegalArgumentException("not a consumer-bench raw line: " + line, e);
            }
        }
        return new ConsumerBench.Results(runs, baseline);
    }
}
