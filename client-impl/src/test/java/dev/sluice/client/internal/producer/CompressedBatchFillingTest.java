package dev.sluice.client.internal.producer;

import dev.sluice.client.TopicPartition;
import dev.sluice.client.internal.metadata.BrokerNode;
import dev.sluice.client.internal.metadata.ClusterView;
import dev.sluice.client.internal.metadata.PartitionState;
import dev.sluice.client.internal.util.MockTime;
import dev.sluice.codec.compress.CompressionLevels;
import dev.sluice.codec.record.CompressionType;
import dev.sluice.codec.record.Header;
import dev.sluice.codec.record.RecordBatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Compressed batches are filled by their estimated compressed size, with the codec's real
 * compressor: the accumulator learns each topic's compression ratio from the batches it closes.
 * Time is the injected {@link MockTime}; it moves only in the idle-leader tests, so elsewhere
 * only fullness closes a batch.
 */
class CompressedBatchFillingTest {
    private static final Header[] NO_HEADERS = new Header[0];
    private static final int BATCH_SIZE = 16 * 1024;
    private static final long LINGER_MS = 5;
    private static final TopicPartition TP = new TopicPartition("t", 0);

    private final MockTime time = new MockTime();
    private final ClusterView cluster = new ClusterView(List.of(new BrokerNode(1, "127.0.0.1", 9092, null)),
        List.of(new PartitionState(TP, 1, 0)), Map.of());
    private BatchBuilderWriters writers;

    @AfterEach
    void closeWriters() {
        writers.close();
    }

    private RecordAccumulator accumulator(final CompressionType type, final int maxBatchBytes) {
        return accumulator(type, maxBatchBytes, 60_000);
    }

    private RecordAccumulator accumulator(final CompressionType type, final int maxBatchBytes, final long lingerMs) {
        writers = new BatchBuilderWriters(type, CompressionLevels.NO_LEVEL);
        return new RecordAccumulator(new RecordAccumulator.Config(BATCH_SIZE, lingerMs, 600_000, 100, 1000, maxBatchBytes),
            new BufferPool(64L * 1024 * 1024, BATCH_SIZE, time), writers, time);
    }

    /** One value repeated, like the perf tool's payload: compresses extremely well across records. */
    private static Supplier<byte[]> repeatedValue() {
        final byte[] value = letters(new Random(42), 1024);
        return () -> value;
    }

    private static Supplier<byte[]> randomBytes() {
        final Random random = new Random(7);
        return () -> {
            final byte[] value = new byte[1024];
            random.nextBytes(value);
            return value;
        };
    }

    private static byte[] letters(final Random random, final int size) {
        final byte[] value = new byte[size];
        for (int i = 0; i < size; i++) {
            value[i] = (byte) ('A' + random.nextInt(26));
        }
        return value;
    }

    /** Appends until the oldest batch is full (a second one exists), then drains and returns it, closed. */
    private ProducerBatch nextFullBatch(final RecordAccumulator acc, final Supplier<byte[]> values) throws Exception {
        while (acc.queuedBatches(TP) < 2) {
            acc.append(TP, time.milliseconds(), null, values.get(), NO_HEADERS, (offset, ts, error) -> { }, 0);
        }
        final ProducerBatch batch = acc.drain(cluster, Set.of(1), Integer.MAX_VALUE, null, time.milliseconds())
            .get(1).get(0);
        assertTrue(batch.isClosed());
        return batch;
    }

    private static int recordsBytes(final ProducerBatch batch) {
        return batch.uncompressedSizeInBytes() - RecordBatch.HEADER_SIZE;
    }

    @ParameterizedTest
    @EnumSource(value = CompressionType.class, names = {"LZ4", "ZSTD", "GZIP", "SNAPPY"})
    void shouldFillCompressedBatchesUntilTheirEstimatedCompressedSizeReachesBatchSize(final CompressionType type)
        throws Exception {
        final RecordAccumulator acc = accumulator(type, 1024 * 1024);
        final Supplier<byte[]> values = repeatedValue();
        final ProducerBatch first = nextFullBatch(acc, values);
        assertTrue(first.uncompressedSizeInBytes() <= BATCH_SIZE,
            "with nothing learned yet a batch holds at most batch.size uncompressed: " + first.uncompressedSizeInBytes());
        ProducerBatch last = first;
        for (int i = 0; i < 80; i++) {
            last = nextFullBatch(acc, values);
            assertTrue(last.estimatedSizeInBytes() <= BATCH_SIZE, "batch " + i + " of " + type + " closed at "
                + last.estimatedSizeInBytes() + " bytes, over batch.size");
        }
        final float observed = (float) (last.estimatedSizeInBytes() - RecordBatch.HEADER_SIZE) / recordsBytes(last);
        assertTrue(last.uncompressedSizeInBytes() > 8 * BATCH_SIZE, type + ": a well-compressed batch holds many "
            + "times batch.size uncompressed, held " + last.uncompressedSizeInBytes());
        // Filled until either the compressed estimate reaches batch.size or the buffer cap is reached
        // (zstd and gzip shrink this data more than 1 MiB -> 16 KiB).
        assertTrue(last.estimatedSizeInBytes() >= BATCH_SIZE / 2 || last.uncompressedSizeInBytes() > 0.9 * 1024 * 1024,
            type + ": the batch is filled toward batch.size compressed or the cap uncompressed, closed at "
                + last.estimatedSizeInBytes() + " bytes holding " + last.uncompressedSizeInBytes());
        assertTrue(acc.compressionRatioEstimate("t") >= observed, "the estimate stays on the safe side of what "
            + "was seen: " + acc.compressionRatioEstimate("t") + " vs " + observed);
    }

    @ParameterizedTest
    @EnumSource(value = CompressionType.class, names = {"LZ4", "ZSTD"})
    void shouldRaiseTheEstimateAtOnceWhenDataStopsCompressing(final CompressionType type) throws Exception {
        final RecordAccumulator acc = accumulator(type, 1024 * 1024);
        for (int i = 0; i < 60; i++) {
            nextFullBatch(acc, repeatedValue());
        }
        final float learned = acc.compressionRatioEstimate("t");
        assertTrue(learned < 0.2f, "learned a low ratio first: " + learned);
        final Supplier<byte[]> random = randomBytes();
        // The open batch was sized with the old estimate; the first batch of random data to close
        // shows the real ratio, and the estimate must follow it in one step.
        ProducerBatch batch = nextFullBatch(acc, random);
        final float observed = (float) (batch.estimatedSizeInBytes() - RecordBatch.HEADER_SIZE) / recordsBytes(batch);
        assertTrue(observed > 0.9f, "random bytes do not compress: " + observed);
        assertTrue(acc.compressionRatioEstimate("t") >= observed,
            "estimate " + acc.compressionRatioEstimate("t") + " jumped to at least the observed " + observed);
        // The batch that was already open when the estimate rose still carries the old one; the
        // next is created under the new estimate and fits batch.size again.
        nextFullBatch(acc, random);
        batch = nextFullBatch(acc, random);
        assertTrue(batch.uncompressedSizeInBytes() <= BATCH_SIZE, "uncompressed " + batch.uncompressedSizeInBytes());
        assertTrue(batch.estimatedSizeInBytes() <= BATCH_SIZE, "compressed " + batch.estimatedSizeInBytes());
    }

    @ParameterizedTest
    @EnumSource(value = CompressionType.class, names = {"LZ4", "ZSTD"})
    void shouldNeverLetABatchGrowPastTheBatchCapEvenOnAStaleEstimate(final CompressionType type) throws Exception {
        final int cap = 128 * 1024;
        final RecordAccumulator acc = accumulator(type, cap);
        for (int i = 0; i < 60; i++) {
            final ProducerBatch batch = nextFullBatch(acc, repeatedValue());
            assertTrue(batch.uncompressedSizeInBytes() <= cap, "uncompressed " + batch.uncompressedSizeInBytes());
        }
        final Supplier<byte[]> random = randomBytes();
        for (int i = 0; i < 4; i++) {
            final ProducerBatch batch = nextFullBatch(acc, random);
            assertTrue(batch.estimatedSizeInBytes() <= cap, "batch " + i + " of incompressible data closed at "
                + batch.estimatedSizeInBytes() + " bytes, over the " + cap + "-byte cap");
        }
    }

    @ParameterizedTest
    @EnumSource(value = CompressionType.class, names = {"NONE"})
    void shouldKeepUncompressedBatchesAtBatchSize(final CompressionType type) throws Exception {
        final RecordAccumulator acc = accumulator(type, 1024 * 1024);
        for (int i = 0; i < 10; i++) {
            final ProducerBatch batch = nextFullBatch(acc, repeatedValue());
            assertTrue(batch.estimatedSizeInBytes() <= BATCH_SIZE);
            assertEquals(BATCH_SIZE, batch.pooledBuffer().capacity());
        }
        assertEquals(1.0f, acc.compressionRatioEstimate("t"));
    }

    /**
     * Learns the ratio from 20 full batches (the last drained now, which is the partition's
     * previous drain; the batch left open holds one record and was created now too), waits
     * {@code quietMs}, then appends until the open batch holds batch.size uncompressed, all at
     * that one instant. Returns the result of the append that crossed it.
     */
    private RecordAccumulator.AppendResult fillToBatchSizeAfter(final RecordAccumulator acc, final Supplier<byte[]> values,
                                                                final long quietMs) throws Exception {
        for (int i = 0; i < 20; i++) {
            nextFullBatch(acc, values);
        }
        time.advance(quietMs);
        RecordAccumulator.AppendResult result;
        do {
            assertTrue(acc.ready(cluster, time.milliseconds(), node -> true).readyNodes().isEmpty(),
                "below batch.size uncompressed a batch waits for linger.ms even on an idle connection");
            result = acc.append(TP, time.milliseconds(), null, values.get(), NO_HEADERS, (offset, ts, error) -> { }, 0);
        } while (!acc.firstQueued(TP).holdsUncompressed(BATCH_SIZE));
        final ProducerBatch batch = acc.firstQueued(TP);
        assertEquals(1, acc.queuedBatches(TP));
        assertTrue(!batch.isFull(), "learned ratio " + acc.compressionRatioEstimate("t") + " leaves room past batch.size"
            + " uncompressed, batch holds " + batch.uncompressedSizeInBytes());
        return result;
    }

    @ParameterizedTest
    @EnumSource(value = CompressionType.class, names = {"LZ4", "ZSTD"})
    void shouldSendASlowlyFillingBatchToAnIdleLeaderOnceItHoldsBatchSizeUncompressed(final CompressionType type)
        throws Exception {
        final RecordAccumulator acc = accumulator(type, 1024 * 1024, LINGER_MS);
        // 4 of the 5 ms of linger to reach batch.size: the last millisecond would not double the batch.
        final RecordAccumulator.AppendResult result = fillToBatchSizeAfter(acc, repeatedValue(), 4);
        assertTrue(result.batchIsFull(), "the append that reached batch.size uncompressed wakes the sender");
        assertTrue(acc.ready(cluster, time.milliseconds(), node -> false).readyNodes().isEmpty(),
            "with a request in flight the batch keeps growing toward its compressed size");
        assertEquals(Set.of(1), acc.ready(cluster, time.milliseconds(), node -> node == 1).readyNodes(),
            "an idle leader takes the batch at once: at this partition's rate waiting out linger.ms would not double it");

        final RecordAccumulator.AppendResult later =
            acc.append(TP, time.milliseconds(), null, repeatedValue().get(), NO_HEADERS, (offset, ts, error) -> { }, 0);
        assertTrue(!later.batchIsFull(), "the sender is woken once per batch, not on every later append");
    }

    @ParameterizedTest
    @EnumSource(value = CompressionType.class, names = {"LZ4", "ZSTD"})
    void shouldKeepABusyPartitionsBatchGrowingOnAnIdleLeaderUntilWaitingStopsPaying(final CompressionType type)
        throws Exception {
        final RecordAccumulator acc = accumulator(type, 1024 * 1024, LINGER_MS);
        // Unthrottled: batch.size uncompressed arrives in the same millisecond as the previous drain.
        fillToBatchSizeAfter(acc, repeatedValue(), 0);
        final RecordAccumulator.ReadyCheck check = acc.ready(cluster, time.milliseconds(), node -> true);
        assertTrue(check.readyNodes().isEmpty(),
            "a partition filling this fast would more than double its batch within linger.ms: wait, even if idle");
        final long delay = check.nextReadyCheckDelayMs();
        assertTrue(delay > 0 && delay < LINGER_MS, "the sender is woken before linger.ms, when idle-sending starts to "
            + "pay if nothing more arrives: " + delay + " ms");

        time.advance(delay - 1);
        assertTrue(acc.ready(cluster, time.milliseconds(), node -> true).readyNodes().isEmpty(),
            "still worth waiting one millisecond before that time");
        time.advance(1);
        assertTrue(acc.ready(cluster, time.milliseconds(), node -> false).readyNodes().isEmpty(),
            "with a request in flight the batch still waits for linger.ms");
        assertEquals(Set.of(1), acc.ready(cluster, time.milliseconds(), node -> true).readyNodes(),
            "no appends since: the partition's rate has fallen and an idle leader takes the batch");
    }
}
