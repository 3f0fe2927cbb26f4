package dev.sluice.samples.support;

import dev.sluice.client.TopicPartition;
import dev.sluice.client.consumer.ConsumerConfig;
import dev.sluice.client.consumer.ConsumerRebalanceListener;
import dev.sluice.client.consumer.ConsumerRecord;
import dev.sluice.client.consumer.ConsumerRecords;
import dev.sluice.client.impl.SluiceConsumer;
import dev.sluice.client.serialization.ByteArrayDeserializer;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Reads a run's records back as a consumer group member would: subscribe, start from the earliest
 * offset, poll. On assignment it seeks each partition to the first offset this run wrote, so data an
 * earlier run left in the topic is skipped; it stops once every partition is past the last offset
 * this run wrote, or when nothing new arrived for {@link #STALL_TIMEOUT}.
 */
public final class ConsumeRun {
    /** Long enough for a group rebalance on a busy machine; the run fails (missing events) after it. */
    static final Duration STALL_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration POLL_TIMEOUT = Duration.ofMillis(200);

    private ConsumeRun() {
    }

    /**
     * Consumes on the calling thread and feeds every record in the produced ranges to {@code verifier}.
     *
     * @param ranges where the producer's records landed (see {@link ProduceResult#ranges()})
     */
    public static ConsumeResult run(final LoadSettings settings, final OffsetRanges ranges,
                                    final EventVerifier verifier) {
        final Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "sluice-samples-" + settings.topic());
        // A new group has no committed offsets; "earliest" makes it start at the beginning of the log.
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.putAll(settings.consumerSettings());
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        final Map<Integer, long[]> todo = ranges.snapshot();
        final long expected = todo.values().stream().mapToLong(r -> r[1] - r[0] + 1).sum();
        final AtomicLong read = new AtomicLong();
        long bytes = 0;
        long firstRecordNanos = 0;
        long lastProgressNanos = System.nanoTime();
        boolean stalled = false;
        final Progress progress = Progress.start(settings.progress(), "consume", expected, read::get);
        try (SluiceConsumer<byte[], byte[]> consumer =
                 new SluiceConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(settings.topic()), new SeekToRunStart(consumer, todo));
            while (!todo.isEmpty()) {
                final ConsumerRecords<byte[], byte[]> records = consumer.poll(POLL_TIMEOUT);
                final long now = System.nanoTime();
                if (!records.isEmpty() && firstRecordNanos == 0) {
                    firstRecordNanos = now;
                }
                for (final ConsumerRecord<byte[], byte[]> record : records) {
                    final long[] range = todo.get(record.partition());
                    if (range == null || record.offset() < range[0] || record.offset() > range[1]) {
                        continue; // another run's data, or a partition already finished
                    }
                    verifier.accept(record.key(), record.value());
                    read.incrementAndGet();
                    bytes += (record.key() == null ? 0 : record.key().length) + record.value().length;
                    lastProgressNanos = now;
                    if (record.offset() == range[1]) {
                        todo.remove(record.partition());
                    }
                }
                if (now - lastProgressNanos > STALL_TIMEOUT.toNanos()) {
                    stalled = true;
                    break;
                }
            }
            final long elapsed = firstRecordNanos == 0 ? 0 : System.nanoTime() - firstRecordNanos;
            return new ConsumeResult(read.get(), bytes, elapsed, stalled, verifier.result());
        } finally {
            progress.close();
        }
    }

    /** Moves newly assigned partitions to where this run's records start. Runs inside poll(). */
    private static final class SeekToRunStart implements ConsumerRebalanceListener {
        private final SluiceConsumer<byte[], byte[]> consumer;
        private final Map<Integer, long[]> todo;

        SeekToRunStart(final SluiceConsumer<byte[], byte[]> consumer, final Map<Integer, long[]> todo) {
            this.consumer = consumer;
            this.todo = todo;
        }

        @Override
        public void onPartitionsRevoked(final Collection<TopicPartition> partitions) {
            // Nothing to commit: the run reads its ranges once and never resumes.
        }

        @Override
        public void onPartitionsAssigned(final Collection<TopicPartition> partitions) {
            for (final TopicPartition partition : partitions) {
                final long[] range = todo.get(partition.partition());
                if (range != null) {
                    consumer.seek(partition, range[0]);
                }
            }
        }
    }
}
