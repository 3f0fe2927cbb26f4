package dev.sluice.samples.support;

import dev.sluice.client.Metric;
import dev.sluice.client.MetricName;
import java.util.Map;

/**
 * The producer's own view of how it batched, read from {@code SluiceProducer.metrics()} (group
 * {@code producer-metrics}, kafka-clients' names) once a run is flushed. Averages cover the last
 * minute (two 30 s samples, as in Kafka), so for runs up to a minute they cover the whole run.
 * A metric the producer does not report reads as NaN.
 *
 * @param batchSizeAvg         bytes per batch as sent, after compression ({@code batch-size-avg})
 * @param compressionRateAvg   compressed / uncompressed bytes per batch ({@code compression-rate-avg}); 1.0 without compression
 * @param recordsPerRequestAvg records per produce request ({@code records-per-request-avg})
 * @param requestLatencyAvgMs  produce request round trip, ms ({@code request-latency-avg})
 * @param queueTimeAvgMs       how long batches waited in the accumulator, ms ({@code record-queue-time-avg})
 */
public record ProducerStats(double batchSizeAvg, double compressionRateAvg, double recordsPerRequestAvg,
                            double requestLatencyAvgMs, double queueTimeAvgMs) {
    static final String GROUP = "producer-metrics";

    /** Reads the metrics of a producer (pass {@code producer.metrics()}). */
    public static ProducerStats from(final Map<MetricName, ? extends Metric> metrics) {
        return new ProducerStats(value(metrics, "batch-size-avg"), value(metrics, "compression-rate-avg"),
            value(metrics, "records-per-request-avg"), value(metrics, "request-latency-avg"),
            value(metrics, "record-queue-time-avg"));
    }

    /** Uncompressed size divided by compressed size: 4.0 means the batches shrank to a quarter. */
    public double compressionRatio() {
        return 1.0 / compressionRateAvg;
    }

    private static double value(final Map<MetricName, ? extends Metric> metrics, final String name) {
        for (final Map.Entry<MetricName, ? extends Metric> entry : metrics.entrySet()) {
            if (entry.getKey().name().equals(name) && entry.getKey().group().equals(GROUP)
                && entry.getValue().metricValue() instanceof Number number) {
                return number.doubleValue();
            }
        }
        return Double.NaN;
    }
}
