package dev.sluice.testkit;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The final summary of Kafka's {@code ProducerPerformance}: the line it prints once all records are
 * acknowledged. Latencies are from send to acknowledgement, in milliseconds.
 *
 * @param records       records sent and acknowledged
 * @param recordsPerSec throughput in records per second
 * @param mbPerSec      throughput in MiB per second (the tool divides by 1024 * 1024)
 * @param avgLatencyMs  mean latency
 * @param maxLatencyMs  maximum latency
 * @param p50LatencyMs  median latency (the tool reports whole milliseconds)
 * @param p95LatencyMs  95th percentile
 * @param p99LatencyMs  99th percentile
 * @param p999LatencyMs 99.9th percentile
 */
public record ProducerPerfResult(long records, double recordsPerSec, double mbPerSec, double avgLatencyMs,
                                 double maxLatencyMs, long p50LatencyMs, long p95LatencyMs, long p99LatencyMs,
                                 long p999LatencyMs) {

    private static final String NUMBER = "([0-9]+(?:\\.[0-9]+)?)";
    /**
     * The tool's final line; the intermediate progress lines lack the percentiles. Numbers are
     * formatted in the en-US locale, which {@link KafkaTools} pins for the child.
     */
    private static final Pattern FINAL_LINE = Pattern.compile(
            "([0-9]+) records sent, " + NUMBER + " records/sec \\(" + NUMBER + " MB/sec\\), "
                    + NUMBER + " ms avg latency, " + NUMBER + " ms max latency, "
                    + "([0-9]+) ms 50th, ([0-9]+) ms 95th, ([0-9]+) ms 99th, ([0-9]+) ms 99\\.9th\\.");

    /**
     * Finds the final summary line in the tool's standard output.
     *
     * @return empty if no line has the summary's shape (e.g. the tool failed)
     */
    public static Optional<ProducerPerfResult> parse(final String stdout) {
        final List<String> lines = stdout.lines().toList();
        for (int i = lines.size() - 1; i >= 0; i--) {
            final Matcher m = FINAL_LINE.matcher(lines.get(i).strip());
            if (m.matches()) {
                return Optional.of(new ProducerPerfResult(
                        Long.parseLong(m.group(1)), Double.parseDouble(m.group(2)), Double.parseDouble(m.group(3)),
                        Double.parseDouble(m.group(4)), Double.parseDouble(m.group(5)), Long.parseLong(m.group(6)),
                        Long.parseLong(m.group(7)), Long.parseLong(m.group(8)), Long.parseLong(m.group(9))));
            }
        }
        return Optional.empty();
    }
}
