package dev.sluice.client.internal.consumer;

import dev.sluice.client.MetricName;
import dev.sluice.client.internal.metrics.CumulativeSum;
import dev.sluice.client.internal.metrics.Metrics;
import dev.sluice.client.internal.metrics.SampledStat;
import dev.sluice.client.internal.metrics.SampledStat.Kind;
import dev.sluice.client.internal.metrics.Sensor;
import dev.sluice.client.internal.metrics.Stat;

import java.util.Map;

/**
 * The fetcher's sensors under kafka-clients' names in group {@code consumer-fetch-manager-metrics}, so
 * dashboards built for the official consumer read Sluice too. Recorded on the application thread
 * that calls {@code poll}.
 */
public final class ConsumerMetrics {
    public static final String GROUP = "consumer-fetch-manager-metrics";

    private final Metrics metrics;
    private final Map<String, String> tags;
    private final Sensor recordsConsumed;
    private final Sensor bytesConsumed;
    private final Sensor fetchLatency;
    private final Sensor fetchSize;
    private final Sensor recordsLag;

    public ConsumerMetrics(final Metrics metrics, final String clientId) {
        this.metrics = metrics;
        this.tags = Map.of("client-id", clientId);
        recordsConsumed = metrics.sensor();
        stat(recordsConsumed, "records-consumed-rate", "Records handed to the application per second",
            SampledStat.of(Kind.RATE));
        stat(recordsConsumed, "records-consumed-total", "Records handed to the application", new CumulativeSum());
        bytesConsumed = metrics.sensor();
        stat(bytesConsumed, "bytes-consumed-rate", "Record bytes fetched per second", SampledStat.of(Kind.RATE));
        stat(bytesConsumed, "bytes-consumed-total", "Record bytes fetched", new CumulativeSum());
        fetchLatency = metrics.sensor();
        stat(fetchLatency, "fetch-latency-avg", "Average fetch request latency, ms", SampledStat.of(Kind.AVG));
        stat(fetchLatency, "fetch-latency-max", "Largest fetch request latency, ms", SampledStat.of(Kind.MAX));
        stat(fetchLatency, "fetch-rate", "Fetch requests per second", SampledStat.of(Kind.TOTAL_RATE_COUNT));
        fetchSize = metrics.sensor();
        stat(fetchSize, "fetch-size-avg", "Average record bytes per fetch response", SampledStat.of(Kind.AVG));
        stat(fetchSize, "fetch-size-max", "Most record bytes in one fetch response", SampledStat.of(Kind.MAX));
        recordsLag = metrics.sensor();
        stat(recordsLag, "records-lag-max", "Largest lag, in records, of any partition seen in a fetch response",
            SampledStat.of(Kind.MAX));
    }

    private void stat(final Sensor sensor, final String name, final String description, final Stat stat) {
        metrics.stat(sensor, new MetricName(name, GROUP, description, tags), stat);
    }

    public void recordsConsumed(final int records, final long nowMs) {
        recordsConsumed.record(records, nowMs);
    }

    /** One fetch response arrived after {@code latencyMs} carrying {@code bytes} of record batches. */
    public void fetchCompleted(final long latencyMs, final int bytes, final long nowMs) {
        fetchLatency.record(latencyMs, nowMs);
        fetchSize.record(bytes, nowMs);
        bytesConsumed.record(bytes, nowMs);
    }

    public void partitionLag(final long lag, final long nowMs) {
        recordsLag.record(lag, nowMs);
    }
}
