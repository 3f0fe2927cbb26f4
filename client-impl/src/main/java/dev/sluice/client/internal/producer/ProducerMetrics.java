package dev.sluice.client.internal.producer;

import dev.sluice.client.MetricName;
import dev.sluice.client.internal.metrics.CumulativeSum;
import dev.sluice.client.internal.metrics.Metrics;
import dev.sluice.client.internal.metrics.SampledStat;
import dev.sluice.client.internal.metrics.SampledStat.Kind;
import dev.sluice.client.internal.metrics.Sensor;
import dev.sluice.client.internal.metrics.Stat;

import java.util.Map;
import java.util.function.DoubleSupplier;

/**
 * The producer's sensors, named as kafka-clients names them in group {@code producer-metrics} so
 * dashboards built for the official client read Sluice too. Recorded by application threads
 * (queue, errors) and the sender thread (batches, requests).
 */
public final class ProducerMetrics {
    public static final String GROUP = "producer-metrics";

    private final Metrics metrics;
    private final Map<String, String> tags;
    private final Sensor recordsSent;
    private final Sensor recordErrors;
    private final Sensor recordRetries;
    private final Sensor batchSize;
    private final Sensor compressionRate;
    private final Sensor queueTime;
    private final Sensor recordsPerRequest;
    private final Sensor requestLatency;
    private final Sensor recordSizeAvg;
    private final Sensor recordSizeMax;

    public ProducerMetrics(final Metrics metrics, final String clientId, final BufferPool pool) {
        this.metrics = metrics;
        this.tags = Map.of("client-id", clientId);
        recordsSent = metrics.sensor();
        stat(recordsSent, "record-send-rate", "Records sent per second", SampledStat.of(Kind.RATE));
        stat(recordsSent, "record-send-total", "Records sent", new CumulativeSum());
        recordErrors = metrics.sensor();
        stat(recordErrors, "record-error-rate", "Records per second whose send failed", SampledStat.of(Kind.RATE));
        stat(recordErrors, "record-error-total", "Records whose send failed", new CumulativeSum());
        recordRetries = metrics.sensor();
        stat(recordRetries, "record-retry-rate", "Records per second that were retried", SampledStat.of(Kind.RATE));
        stat(recordRetries, "record-retry-total", "Records retried", new CumulativeSum());
        batchSize = metrics.sensor();
        stat(batchSize, "batch-size-avg", "Average bytes per batch sent", SampledStat.of(Kind.AVG));
        stat(batchSize, "batch-size-max", "Largest batch sent, bytes", SampledStat.of(Kind.MAX));
        compressionRate = metrics.sensor();
        stat(compressionRate, "compression-rate-avg", "Average compressed/uncompressed size ratio of batches",
            SampledStat.of(Kind.AVG));
        queueTime = metrics.sensor();
        stat(queueTime, "record-queue-time-avg", "Average ms batches waited in the accumulator", SampledStat.of(Kind.AVG));
        stat(queueTime, "record-queue-time-max", "Longest ms a batch waited in the accumulator", SampledStat.of(Kind.MAX));
        recordsPerRequest = metrics.sensor();
        stat(recordsPerRequest, "records-per-request-avg", "Average records per produce request", SampledStat.of(Kind.AVG));
        stat(recordsPerRequest, "request-rate", "Produce requests per second", SampledStat.of(Kind.TOTAL_RATE_COUNT));
        requestLatency = metrics.sensor();
        stat(requestLatency, "request-latency-avg", "Average produce request latency, ms", SampledStat.of(Kind.AVG));
        stat(requestLatency, "request-latency-max", "Largest produce request latency, ms", SampledStat.of(Kind.MAX));
        // Fed per batch, not per record, as kafka-clients does: a sensor update on every send was
        // 8% of the sending thread's samples in a profile of 100-byte records.
        recordSizeAvg = metrics.sensor();
        stat(recordSizeAvg, "record-size-avg", "Average record size, bytes (mean of each batch's mean)",
            SampledStat.of(Kind.AVG));
        recordSizeMax = metrics.sensor();
        stat(recordSizeMax, "record-size-max", "Largest record size, bytes", SampledStat.of(Kind.MAX));
        gauge("buffer-total-bytes", "buffer.memory, bytes", pool::totalMemory);
        gauge("buffer-available-bytes", "Buffer memory not in use, bytes", pool::availableMemory);
        gauge("waiting-threads", "Threads blocked waiting for buffer memory", pool::queued);
        gauge("bufferpool-wait-time-ns-total", "Total nanoseconds threads waited for buffer memory",
            pool::totalWaitTimeNs);
        gauge("bufferpool-wait-time-total", "Total milliseconds threads waited for buffer memory",
            () -> pool.totalWaitTimeNs() / 1_000_000.0);
    }

    private void stat(final Sensor sensor, final String name, final String description,
                      final Stat stat) {
        metrics.stat(sensor, new MetricName(name, GROUP, description, tags), stat);
    }

    private void gauge(final String name, final String description, final DoubleSupplier value) {
        metrics.gauge(new MetricName(name, GROUP, description, tags), value);
    }

    /** A batch left in a request: its size, compression and records. Sender thread. */
    public void batchSent(final ProducerBatch batch, final long nowMs) {
        batchSize.record(batch.estimatedSizeInBytes(), nowMs);
        final int uncompressed = batch.uncompressedSizeInBytes();
        if (uncompressed > 0) {
            compressionRate.record((double) batch.estimatedSizeInBytes() / uncompressed, nowMs);
        }
        queueTime.record(nowMs - batch.createdMs(), nowMs);
        recordSizeAvg.record(batch.averageRecordSize(), nowMs);
        recordSizeMax.record(batch.maxRecordSize(), nowMs);
    }

    /** A produce request went out carrying {@code records} records. */
    public void requestSent(final int records, final long nowMs) {
        recordsPerRequest.record(records, nowMs);
    }

    public void requestCompleted(final long latencyMs, final long nowMs) {
        requestLatency.record(latencyMs, nowMs);
    }

    /** Rates and totals count records: a batch of n records is recorded as the value n. */
    public void recordsAcknowledged(final int records, final long nowMs) {
        recordsSent.record(records, nowMs);
    }

    public void recordsFailed(final int records, final long nowMs) {
        recordErrors.record(records, nowMs);
    }

    public void recordsRetried(final int records, final long nowMs) {
        recordRetries.record(records, nowMs);
    }
}
