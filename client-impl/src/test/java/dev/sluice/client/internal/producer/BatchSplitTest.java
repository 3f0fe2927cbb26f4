package dev.sluice.client.internal.producer;

import dev.sluice.client.TopicPartition;
import dev.sluice.client.internal.metadata.BrokerNode;
import dev.sluice.client.internal.metadata.ClusterView;
import dev.sluice.client.internal.metadata.PartitionState;
import dev.sluice.client.internal.util.MockTime;
import dev.sluice.codec.compress.CompressionLevels;
import dev.sluice.codec.compress.DecompressionContext;
import dev.sluice.codec.record.CompressionType;
import dev.sluice.codec.record.Header;
import dev.sluice.codec.record.Record;
import dev.sluice.codec.record.RecordBatch;
import dev.sluice.codec.record.RecordIterator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Splitting a batch the broker refused as too large, with the codec's real batch bytes: the pieces
 * carry the same records in the same order, the big batch's sequence range, and its completions.
 */
class BatchSplitTest {
    private static final int BATCH_SIZE = 16 * 1024;
    private static final TopicPartition TP = new TopicPartition("t", 0);

    private final MockTime time = new MockTime();
    private final ClusterView cluster = new ClusterView(List.of(new BrokerNode(1, "127.0.0.1", 9092, null)),
        List.of(new PartitionState(TP, 1, 0)), Map.of());

    @ParameterizedTest
    @EnumSource(value = CompressionType.class, names = {"NONE", "LZ4", "ZSTD"})
    void shouldSplitIntoOrderedPiecesThatKeepSequencesAndCompletions(final CompressionType type) throws Exception {
        try (BatchBuilderWriters writers = new BatchBuilderWriters(type, CompressionLevels.NO_LEVEL)) {
            final RecordAccumulator acc = new RecordAccumulator(
                new RecordAccumulator.Config(BATCH_SIZE, 60_000, 600_000, 100, 1000),
                new BufferPool(1024 * 1024, BATCH_SIZE, time), writers, time);
            final IdempotenceState idem = new IdempotenceState();
            idem.producerIdAssigned(42, (short) 3);
            idem.advance(TP, 100); // sequences 0..99 went out earlier
            final List<String> completed = new ArrayList<>();
            final Header[] headers = {new Header("h", new byte[] {7})};
            int records = 0;
            while (acc.queuedBatches(TP) < 2) {
                final String value = "value-" + records + "-" + "x".repeat(records % 50);
                final int n = records++;
                acc.append(TP, 1_000 + n, null, value.getBytes(StandardCharsets.UTF_8), headers,
                    (offset, ts, error) -> completed.add(n + "@" + offset + "/" + ts), 0);
            }
            final ProducerBatch big = acc.drain(cluster, Set.of(1), Integer.MAX_VALUE, idem, time.milliseconds())
                .get(1).get(0);
            assertEquals(100, big.baseSequence());
            final int inBig = big.recordCount();
            final CompletableFuture<Void> flushed = CompletableFuture.runAsync(() -> {
                try {
                    big.await();
                } catch (final InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });

            final List<ProducerBatch> pieces = acc.splitAndReenqueue(big);
            acc.deallocate(big);

            assertTrue(pieces.size() >= 2, "split into " + pieces.size());
            int expectedSequence = 100;
            for (final ProducerBatch piece : pieces) {
                assertEquals(expectedSequence, piece.baseSequence(), "pieces cover the big batch's sequences in order");
                assertEquals(42, piece.producerId());
                assertEquals(3, piece.producerEpoch());
                assertTrue(piece.uncompressedSizeInBytes() <= big.uncompressedSizeInBytes() / 2 + 200,
                    "each piece is about half the big batch or less");
                expectedSequence += piece.recordCount();
            }
            assertEquals(100 + inBig, expectedSequence, "no record lost or doubled");
            // The pieces go first, in order, ahead of the batch that was queued behind the big one.
            final List<ProducerBatch> drained = new ArrayList<>();
            for (int i = 0; i < pieces.size() + 1; i++) {
                drained.add(acc.drain(cluster, Set.of(1), Integer.MAX_VALUE, idem, time.milliseconds()).get(1).get(0));
            }
            assertEquals(pieces, drained.subList(0, pieces.size()));
            assertEquals(100 + inBig, drained.get(pieces.size()).baseSequence());
            int index = 0;
            for (final ProducerBatch piece : pieces) {
                final List<String> values = readValues(piece);
                assertEquals(piece.recordCount(), values.size());
                for (final String value : values) {
                    assertTrue(value.startsWith("value-" + index + "-"), "record " + index + " is " + value);
                    index++;
                }
            }
            assertEquals(inBig, index);
            assertFalse(flushed.isDone(), "waiting on the big batch waits for its pieces");
            long offset = 500;
            for (final ProducerBatch piece : pieces) {
                piece.complete(offset, -1, null);
                offset += piece.recordCount();
            }
            flushed.get(10, TimeUnit.SECONDS);
            for (int i = 0; i < inBig; i++) {
                assertEquals(i + "@" + (500 + i) + "/" + (1_000 + i), completed.get(i), "completion of record " + i);
            }
        }
    }

    private static List<String> readValues(final ProducerBatch batch) {
        final ByteBuffer bytes = batch.close();
        final RecordIterator it = new RecordIterator(new DecompressionContext()).reset(new RecordBatch().wrap(bytes, 0));
        final List<String> values = new ArrayList<>();
        while (it.hasNext()) {
            final Record r = it.next();
            final ByteBuffer v = r.value();
            final byte[] b = new byte[v.remaining()];
            v.get(b);
            values.add(new String(b, StandardCharsets.UTF_8));
            assertEquals(1, r.headerCount());
        }
        return values;
    }
}
