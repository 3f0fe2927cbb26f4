package dev.sluice.tools;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one {@code consumer-perf} run printed at the end: Kafka ConsumerPerformance's summary line
 * (ten comma-separated columns after its header) and Sluice's extra lines with CPU per record and
 * with the fetch phase's longest wait for records and cores busy.
 *
 * <pre>
 * start.time, end.time, data.consumed.in.MB, MB.sec, data.consumed.in.nMsg, nMsg.sec, rebalance.time.ms, fetch.time.ms, fetch.MB.sec, fetch.nMsg.sec
 * 2026-12-05 23:40:01:123, 2026-12-05 23:40:05:456, 195.3125, 45.0, 200000, 46000.0, 3100, 1233, 158.4, 162206.0
 * 1.84 cpu-us/record (fetch)
 * 12 ms longest wait for records, 1.83 cores busy (fetch)
 * </pre>
 *
 * @param records            records consumed
 * @param rebalanceMs        milliseconds from start until the first assignment (the group join)
 * @param fetchMs            milliseconds from the first assignment until the last record
 * @param fetchMbPerSec      MiB of keys and values per second over {@code fetchMs}
 * @param fetchRecordsPerSec records per second over {@code fetchMs}
 * @param cpuUsPerRecord     CPU of the whole consumer JVM over the fetch phase, microseconds per record;
 *                           NaN when the line is missing or the platform gives no process CPU time
 * @param longestWaitMs      the fetch phase's longest time without records, milliseconds ({@link #phaseLine});
 *                           -1 when the line is missing
 * @param coresBusy          CPU of the whole consumer JVM over the fetch phase divided by its wall time;
 *                           NaN when the line is missing or the platform gives no process CPU time
 */
record ConsumerPerfResult(long records, long rebalanceMs, long fetchMs, double fetchMbPerSec,
                          double fetchRecordsPerSec, double cpuUsPerRecord, long longestWaitMs, double coresBusy) {
    private static final String NUMBER = "(-?[0-9]+(?:\\.[0-9]+)?)";
    private static final Pattern SUMMARY = Pattern.compile("^[^,]+, [^,]+, " + NUMBER + ", " + NUMBER + ", ([0-9]+), "
        + NUMBER + ", ([0-9]+), ([0-9]+), " + NUMBER + ", " + NUMBER + "$");
    private static final Pattern CPU = Pattern.compile("^(NaN|[0-9]+(?:\\.[0-9]+)?) cpu-us/record \\(fetch\\)$");
    private static final Pattern PHASE = Pattern.compile(
        "^([0-9]+) ms longest wait for records, (NaN|[0-9]+(?:\\.[0-9]+)?) cores busy \\(fetch\\)$");

    /** A result without the phase line (older output, or a run that printed none). */
    ConsumerPerfResult(final long records, final long rebalanceMs, final long fetchMs, final double fetchMbPerSec,
                       final double fetchRecordsPerSec, final double cpuUsPerRecord) {
        this(records, rebalanceMs, fetchMs, fetchMbPerSec, fetchRecordsPerSec, cpuUsPerRecord, -1, Double.NaN);
    }

    /** The CPU line {@code consumer-perf} prints after the summary. */
    static String cpuLine(final double cpuUsPerRecord) {
        return String.format(Locale.ROOT, "%.2f cpu-us/record (fetch)", cpuUsPerRecord);
    }

    /**
     * The line {@code consumer-perf} prints after the CPU line, to tell a stalled fetch phase from a starved
     * one: the longest time in the phase (from the first assignment to the last record) without a poll that
     * returned records, in milliseconds, and the cores the whole consumer JVM kept busy on average over the
     * phase (NaN without a process CPU clock). A fetch parked for {@code fetch.max.wait.ms} while records were
     * left shows as a wait of about that long; a phase stretched by other processes taking the CPU shows
     * short waits and fewer cores busy.
     */
    static String phaseLine(final long longestWaitMs, final double coresBusy) {
        return String.format(Locale.ROOT, "%d ms longest wait for records, %.2f cores busy (fetch)", longestWaitMs,
            coresBusy);
    }

    /**
     * Finds the last summary line, and the CPU and phase lines that follow it (if any), in a run's output;
     * empty when there is no summary line.
     */
    static Optional<ConsumerPerfResult> find(final String output) {
        ConsumerPerfResult last = null;
        for (final String raw : output.split("\n")) {
            final String line = raw.strip();
            final Matcher m = SUMMARY.matcher(line);
            if (m.find()) {
                last = new ConsumerPerfResult(Long.parseLong(m.group(3)), Long.parseLong(m.group(5)),
                    Long.parseLong(m.group(6)), Double.parseDouble(m.group(7)), Double.parseDouble(m.group(8)),
                    Double.NaN);
                continue;
            }
            if (last == null) {
                continue;
            }
            final Matcher c = CPU.matcher(line);
            if (c.find()) {
                last = new ConsumerPerfResult(last.records, last.rebalanceMs, last.fetchMs, last.fetchMbPerSec,
                    last.fetchRecordsPerSec, Double.parseDouble(c.group(1)), last.longestWaitMs, last.coresBusy);
                continue;
            }
            final Matcher p = PHASE.matcher(line);
            if (p.find()) {
                last = new ConsumerPerfResult(last.records, last.rebalanceMs, last.fetchMs, last.fetchMbPerSec,
                    last.fetchRecordsPerSec, last.cpuUsPerRecord, Long.parseLong(p.group(1)),
                    Double.parseDouble(p.group(2)));
            }
        }
        return Optional.ofNullable(last);
    }
}
