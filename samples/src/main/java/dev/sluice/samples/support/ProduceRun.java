package dev.sluice.samples.support;

import dev.sluice.client.impl.SluiceProducer;
import dev.sluice.client.producer.ProducerConfig;
import dev.sluice.client.producer.ProducerRecord;
import dev.sluice.client.serialization.ByteArraySerializer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.HdrHistogram.Histogram;

/**
 * Produces a run's events as fast as the producer takes them and times each one from {@code send}
 * to its callback. That time includes waiting in the accumulator for {@code linger.ms} or a full
 * batch, and waiting for {@code buffer.memory} when the producer is saturated, which is exactly
 * what batching settings trade against throughput.
 */
public final class ProduceRun {
    /** Sends taking longer than this are recorded as this (HdrHistogram needs a bound). */
    private static final long MAX_LATENCY_MICROS = TimeUnit.MINUTES.toMicros(10);

    private ProduceRun() {
    }

    /**
     * Produces on the calling thread; returns once every record is acknowledged or failed.
     *
     * @throws dev.sluice.client.errors.SluiceException when the producer cannot start or {@code send} throws
     */
    public static ProduceResult run(final LoadSettings settings) {
        final Map<String, Object> config = new HashMap<>(settings.producerSettings());
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        final Histogram latency = new Histogram(MAX_LATENCY_MICROS, 3);
        final AtomicLong acknowledged = new AtomicLong();
        final AtomicLong failed = new AtomicLong();
        final AtomicReference<Throwable> firstError = new AtomicReference<>();
        final OffsetRanges ranges = new OffsetRanges();
        final ShopEvents events = new ShopEvents(settings.seed());
        long payloadBytes = 0;
        final Progress progress = Progress.start(settings.progress(), "produce", settings.records(),
            () -> acknowledged.get() + failed.get());
        try (SluiceProducer<byte[], byte[]> producer =
                 new SluiceProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer())) {
            // Learn the topic's partitions (creating the topic if the cluster does that) before the
            // clock starts: a fixed cost, not throughput. Fails here, once, if the cluster is unusable.
            producer.partitionsFor(settings.topic());
            final long start = System.nanoTime();
            for (int i = 0; i < settings.records(); i++) {
                final byte[] key = events.nextKey().getBytes(StandardCharsets.UTF_8);
                final byte[] value = events.nextValue().getBytes(StandardCharsets.UTF_8);
                payloadBytes += key.length + value.length;
                final long sentAt = System.nanoTime();
                producer.send(new ProducerRecord<>(settings.topic(), key, value), (metadata, error) -> {
                    if (error != null) {
                        failed.incrementAndGet();
                        firstError.compareAndSet(null, error);
                        return;
                    }
                    final long micros = (System.nanoTime() - sentAt) / 1000;
                    // Callbacks all run on the producer's I/O thread; the lock only publishes the
                    // histogram to the thread that reads it after flush().
                    synchronized (latency) {
                        latency.recordValue(Math.min(micros, MAX_LATENCY_MICROS));
                    }
                    ranges.add(metadata.partition(), metadata.offset());
                    acknowledged.incrementAndGet();
                });
            }
            producer.flush();
            final long elapsed = System.nanoTime() - start;
            final ProducerStats stats = ProducerStats.from(producer.metrics());
            synchronized (latency) {
                return new ProduceResult(acknowledged.get(), failed.get(), firstError.get(), payloadBytes, elapsed,
                    latency.copy(), stats, ranges);
            }
        } finally {
            progress.close();
        }
    }
}
