package dev.sluice.tools;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The final line of {@code producer-perf}: Kafka's {@code kafka-producer-perf-test} summary sentence,
 * unchanged so that parsers of Kafka's output keep working, followed by a second sentence with the
 * client CPU per record. Numbers are formatted in {@link Locale#ROOT} so the line parses anywhere.
 *
 * <pre>
 * 500000 records sent, 151234.5 records/sec (14.42 MB/sec), 12.3 ms avg latency, 95.0 ms max latency,
 *     9 ms 50th, 40 ms 95th, 61 ms 99th, 80 ms 99.9th. 3.41 cpu-us/record.
 * </pre>
 *
 * @param records         records acknowledged without error
 * @param recordsPerSec   acknowledged records per second of wall time, first send to end of close
 * @param mbPerSec        payload MiB per second over the same time
 * @param avgLatencyMs    mean send-to-acknowledgement latency, milliseconds
 * @param maxLatencyMs    maximum latency, milliseconds
 * @param p50             50th percentile latency, milliseconds (likewise p95, p99, p999)
 * @param cpuUsPerRecord  CPU time of the whole perf JVM (all threads) from the first send to the end
 *                        of close, in microseconds, divided by {@code records}
 */
public record PerfSummary(long records, double recordsPerSec, double mbPerSec, double avgLatencyMs,
                          long maxLatencyMs, long p50, long p95, long p99, long p999, double cpuUsPerRecord) {
    private static final String NUMBER = "([0-9]+(?:\\.[0-9]+)?)";
    private static final Pattern LINE = Pattern.compile(
        "([0-9]+) records sent, " + NUMBER + " records/sec \\(" + NUMBER + " MB/sec\\), "
            + NUMBER + " ms avg latency, " + NUMBER + " ms max latency, "
            + "([0-9]+) ms 50th, ([0-9]+) ms 95th, ([0-9]+) ms 99th, ([0-9]+) ms 99\\.9th\\. "
            + NUMBER + " cpu-us/record\\.");

    /** The final line, without a line terminator. */
    public String format() {
        return String.format(Locale.ROOT, "%d records sent, %.1f records/sec (%.2f MB/sec), %.1f ms avg latency,"
                + " %.1f ms max latency, %d ms 50th, %d ms 95th, %d ms 99th, %d ms 99.9th. %.2f cpu-us/record.",
            records, recordsPerSec, mbPerSec, avgLatencyMs, (double) maxLatencyMs, p50, p95, p99, p999,
            cpuUsPerRecord);
    }

    /**
     * Finds the final line in a run's output (any other lines are skipped).
     *
     * @return empty when no line has the final line's shape, e.g. the run failed before finishing
     */
    public static Optional<PerfSummary> find(final String output) {
        Optional<PerfSummary> last = Optional.empty();
        for (final String line : output.split("\n")) {
            final Matcher m = LINE.matcher(line);
            if (m.find()) {
                last = Optional.of(new PerfSummary(Long.parseLong(m.group(1)), Double.parseDouble(m.group(2)),
                    Double.parseDouble(m.group(3)), Double.parseDouble(m.group(4)),
                    (long) Double.parseDouble(m.group(5)), Long.parseLong(m.group(6)), Long.parseLong(m.group(7)),
                    Long.parseLong(m.group(8)), Long.parseLong(m.group(9)), Double.parseDouble(m.group(10))));
            }
        }
        return last;
    }
}
