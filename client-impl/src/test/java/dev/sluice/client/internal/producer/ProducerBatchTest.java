package dev.sluice.client.internal.producer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sluice.client.TopicPartition;
import dev.sluice.codec.compress.CompressionLevels;
import dev.sluice.codec.record.CompressionType;
import dev.sluice.codec.record.Header;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The per-record bookkeeping of a batch, with the codec's real batch builder behind it. */
class ProducerBatchTest {
    private static final Header[] NO_HEADERS = new Header[0];

    /** Records the offsets and timestamps a batch completes its records with, in call order. */
    private static final class Recorded implements RecordCompletion {
        final List<long[]> calls = new ArrayList<>();

        @Override
        public void complete(final long offset, final long timestampMs, final RuntimeException error) {
            calls.add(new long[] {offset, timestampMs});
        }
    }

    @Test
    void shouldCompleteEveryRecordInOrderWhenTheBatchHoldsMoreRecordsThanItFirstReserved() {
        // Empty values in a 1 MiB buffer: far more records than the up-front reservation (1 024).
        final int records = 5000;
        try (BatchBuilderWriters writers = new BatchBuilderWriters(CompressionType.NONE, CompressionLevels.NO_LEVEL)) {
            final ByteBuffer buffer = ByteBuffer.allocate(1 << 20);
            final ProducerBatch batch = new ProducerBatch(new TopicPartition("t", 0),
                writers.create(buffer, 1 << 20, 1.0f), buffer, 0L);
            final List<Recorded> completions = new ArrayList<>();
            for (int i = 0; i < records; i++) {
                final Recorded completion = new Recorded();
                completions.add(completion);
                if (i == 0) {
                    batch.appendFirst(1000L, null, new byte[0], NO_HEADERS, 70, completion);
                } else {
                    assertEquals(true, batch.tryAppend(1000L + i, null, new byte[0], NO_HEADERS, 70, completion),
                        "record " + i + " should fit");
                }
            }
            assertEquals(records, batch.recordCount());
            assertSame(completions.get(records - 1), batch.completionAt(records - 1));
            assertThrows(IndexOutOfBoundsException.class, () -> batch.completionAt(records));

            batch.complete(500L, -1L, null);

            for (int i = 0; i < records; i++) {
                final List<long[]> calls = completions.get(i).calls;
                assertEquals(1, calls.size(), "record " + i + " completed once");
                assertEquals(500L + i, calls.get(0)[0], "offset of record " + i);
                assertEquals(1000L + i, calls.get(0)[1], "timestamp of record " + i);
            }
        }
    }

    @Test
    void shouldGrowTheReservationOfABatchThatStartedWithALargeRecord() {
        // A 4 000-byte first record in a 16 KiB batch reserves the minimum; 100-byte records follow.
        try (BatchBuilderWriters writers = new BatchBuilderWriters(CompressionType.NONE, CompressionLevels.NO_LEVEL)) {
            final ByteBuffer buffer = ByteBuffer.allocate(16384);
            final ProducerBatch batch = new ProducerBatch(new TopicPartition("t", 0),
                writers.create(buffer, 16384, 1.0f), buffer, 0L);
            final List<Recorded> completions = new ArrayList<>();
            Recorded completion = new Recorded();
            completions.add(completion);
            batch.appendFirst(7L, null, new byte[4000], NO_HEADERS, 4070, completion);
            do {
                completion = new Recorded();
                completions.add(completion);
            } while (batch.tryAppend(7L, null, new byte[100], NO_HEADERS, 170, completion));
            completions.remove(completions.size() - 1);
            assertEquals(completions.size(), batch.recordCount());

            batch.complete(0L, 99L, null);

            for (int i = 0; i < completions.size(); i++) {
                assertEquals(i, completions.get(i).calls.get(0)[0], "offset of record " + i);
                assertEquals(99L, completions.get(i).calls.get(0)[1], "log-append time of record " + i);
            }
            assertEquals(true, completions.size() > 16, "more records than the minimum reservation");
        }
    }
}
