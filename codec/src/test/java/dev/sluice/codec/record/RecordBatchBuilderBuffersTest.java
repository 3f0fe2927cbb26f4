package dev.sluice.codec.record;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The builder writes records straight into a heap buffer's array and through the buffer API
 * otherwise: both must lay out the same bytes, wherever the batch starts in the buffer.
 */
class RecordBatchBuilderBuffersTest {

    private static byte[] build(final ByteBuffer buffer, final List<TestRecords.Expected> records) {
        final RecordBatchBuilder builder = new RecordBatchBuilder(buffer, CompressionType.NONE, null, 0L)
            .producerState(42L, (short) 3, 7);
        for (final TestRecords.Expected e : records) {
            builder.append(e.timestamp, e.key, e.value, e.headers);
        }
        return TestRecords.bytes(builder.close());
    }

    @Test
    void shouldWriteTheSameBatchIntoHeapArraysAtAnyOffsetAndIntoDirectBuffers() {
        final List<TestRecords.Expected> records = TestRecords.mixed(300, 120, 11L);
        final int size = RecordBatch.HEADER_SIZE + TestRecords.rawSize(records) * 2 + 64;

        final byte[] direct = build(ByteBuffer.allocateDirect(size), records);

        final ByteBuffer heapAtPosition = ByteBuffer.allocate(size + 17);
        heapAtPosition.position(17);
        // A slice has a non-zero array offset: array indexes and buffer positions differ.
        final ByteBuffer outer = ByteBuffer.allocate(size + 40);
        outer.position(29);
        final ByteBuffer slice = outer.slice();
        slice.position(5);

        assertArrayEquals(direct, build(ByteBuffer.allocate(size), records));
        assertArrayEquals(direct, build(heapAtPosition, records));
        assertArrayEquals(direct, build(slice, records));
        assertEquals(300, RecordBatchBuilderBuffersTest.countRecords(direct));
    }

    private static int countRecords(final byte[] batch) {
        return ByteBuffer.wrap(batch).getInt(RecordBatch.RECORDS_COUNT_OFFSET);
    }
}
