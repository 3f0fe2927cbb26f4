package dev.sluice.client.internal.consumer;

import dev.sluice.client.TopicPartition;
import dev.sluice.client.consumer.ConsumerRecord;
import dev.sluice.client.errors.CorruptRecordException;
import dev.sluice.client.internal.network.ReceiveBufferPool;
import dev.sluice.client.serialization.StringDeserializer;
import dev.sluice.codec.record.CompressionType;
import dev.sluice.codec.record.RecordBatch;
import dev.sluice.codec.record.RecordBatchBuilder;
import dev.sluice.codec.record.RecordIterator;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CompletedFetchTest {
    private static final TopicPartition TP = new TopicPartition("orders", 3);

    /** Two uncompressed batches back to back: offsets 40..44 and 45..49. */
    private static ByteBuffer twoBatches() {
        final ByteBuffer out = ByteBuffer.allocate(4096);
        for (int b = 0; b < 2; b++) {
            final RecordBatchBuilder builder = new RecordBatchBuilder(out.slice(), CompressionType.NONE, null, 40L + b * 5);
            for (int i = 0; i < 5; i++) {
                builder.append(1000L + i, null, ("v" + (b * 5 + i)).getBytes(StandardCharsets.UTF_8), null);
            }
            final ByteBuffer batch = builder.close();
            out.position(out.position() + batch.remaining());
        }
        out.flip();
        return out;
    }

    private static CompletedFetch<String, String> fetch(final ByteBuffer records, final long fetchOffset,
                                                        final boolean checkCrcs) {
        return new CompletedFetch<>(TP, fetchOffset, records, SharedFrame.unpooled(), new RecordIterator(null), checkCrcs,
            new StringDeserializer(), new StringDeserializer());
    }

    @Test
    void shouldHandOutRecordsFromThePositionUpToTheLimitAcrossBatches() {
        final CompletedFetch<String, String> fetch = fetch(twoBatches(), 42, true);
        final List<ConsumerRecord<String, String>> out = new ArrayList<>();
        assertEquals(4, fetch.drain(4, out));
        assertEquals(List.of(42L, 43L, 44L, 45L), out.stream().map(ConsumerRecord::offset).toList());
        assertEquals(46, fetch.nextOffset());
        out.clear();
        assertEquals(4, fetch.drain(10, out));
        assertEquals("v9", out.get(3).value());
        assertEquals(50, fetch.nextOffset());
        assertTrue(fetch.isExhausted());
    }

    @Test
    void shouldRejectBatchWithBadCrcNamingPartitionAndOffset() {
        final ByteBuffer records = twoBatches();
        final int secondBatch = RecordBatch.LOG_OVERHEAD + records.getInt(RecordBatch.BATCH_LENGTH_OFFSET);
        final int lastByte = secondBatch + RecordBatch.LOG_OVERHEAD + records.getInt(secondBatch + RecordBatch.BATCH_LENGTH_OFFSET) - 1;
        records.put(lastByte, (byte) (records.get(lastByte) ^ 0x55));
        final CompletedFetch<String, String> fetch = fetch(records, 40, true);
        final List<ConsumerRecord<String, String>> out = new ArrayList<>();
        // The intact first batch is handed out before the error surfaces.
        assertEquals(5, fetch.drain(100, out));
        final CorruptRecordException e = assertThrows(CorruptRecordException.class, () -> fetch.drain(100, out));
        assertEquals(TP, e.topicPartition());
        assertEquals(45, e.offset());
        assertTrue(e.getMessage().contains("orders-3") && e.getMessage().contains("crc"), e.getMessage());
        // It stays failed: polling again does not skip the bad batch silently.
        assertThrows(CorruptRecordException.class, () -> fetch.drain(100, out));
        assertEquals(45, fetch.nextOffset());
    }

    @Test
    void shouldStillRejectStructurallyBrokenBatchWithoutCrcCheck() {
        final ByteBuffer records = twoBatches();
        // recordsCount of the first batch claims far more records than are there.
        records.putInt(RecordBatch.RECORDS_COUNT_OFFSET, 1_000_000);
        final CompletedFetch<String, String> fetch = fetch(records, 40, false);
        final CorruptRecordException e = assertThrows(CorruptRecordException.class,
            () -> fetch.drain(100, new ArrayList<>()));
        assertEquals(40, e.offset());
    }

    /** One fetch response read into a pooled buffer: two partitions' records (each {@link #twoBatches()}). */
    private record PooledResponse(ReceiveBufferPool pool, ByteBuffer frame, SharedFrame shared) {
        static PooledResponse create() {
            final ReceiveBufferPool pool = new ReceiveBufferPool(64, 4, 1L << 24);
            final ByteBuffer records = twoBatches();
            final ByteBuffer frame = pool.acquire(2 * records.remaining());
            frame.put(records.duplicate()).put(records.duplicate()).flip();
            return new PooledResponse(pool, frame, new SharedFrame(frame, pool::release));
        }

        /** The fetch of partition {@code index} (0 or 1), a view of the frame holding a reference to it. */
        CompletedFetch<String, String> fetch(final int index) {
            final int half = frame.limit() / 2;
            return new CompletedFetch<>(new TopicPartition(TP.topic(), TP.partition() + index), 40,
                frame.slice(index * half, half), shared, new RecordIterator(null), true, new StringDeserializer(),
                new StringDeserializer());
        }
    }

    @Test
    void shouldGiveTheResponseBufferBackOnlyWhenEveryPartitionSharingItIsDone() {
        final PooledResponse response = PooledResponse.create();
        final ReceiveBufferPool pool = response.pool();
        final ByteBuffer frame = response.frame();
        final SharedFrame shared = response.shared();
        final CompletedFetch<String, String> first = response.fetch(0);
        final CompletedFetch<String, String> second = response.fetch(1);
        shared.release(); // the response handler is done
        final List<ConsumerRecord<String, String>> out = new ArrayList<>();
        assertEquals(10, first.drain(100, out));
        first.release();
        first.release(); // a second release of the same fetch does not count twice
        assertEquals(0, pool.freeBuffers(), "the other partition still reads the buffer");
        // Something else takes a large buffer now: it must not be the one still being read.
        final ByteBuffer meanwhile = pool.acquire(frame.capacity());
        assertNotSame(frame, meanwhile);
        while (meanwhile.hasRemaining()) {
            meanwhile.put((byte) 0x7f); // what a new response would do to the buffer it was given
        }
        final List<ConsumerRecord<String, String>> rest = new ArrayList<>();
        assertEquals(10, second.drain(100, rest));
        assertEquals("v0", rest.get(0).value());
        assertEquals("v9", rest.get(9).value());
        assertFalse(shared.isReleased());
        second.release();
        assertTrue(shared.isReleased());
        assertEquals(1, pool.freeBuffers());
        assertSame(frame, pool.acquire(frame.capacity()), "reused once the last partition let go");
    }

    @Test
    void shouldRefuseToReadRecordsAfterTheirBufferWasReleased() {
        final PooledResponse response = PooledResponse.create();
        final CompletedFetch<String, String> fetch = response.fetch(0);
        response.shared().release();
        fetch.release(); // dropped, e.g. by a seek
        final IllegalStateException e = assertThrows(IllegalStateException.class,
            () -> fetch.drain(100, new ArrayList<>()));
        assertTrue(e.getMessage().contains("orders-3") && e.getMessage().contains("released"), e.getMessage());
        assertThrows(IllegalStateException.class, fetch::endOffset);
        assertThrows(IllegalStateException.class, response.shared()::release, "released more often than retained");
    }
}
