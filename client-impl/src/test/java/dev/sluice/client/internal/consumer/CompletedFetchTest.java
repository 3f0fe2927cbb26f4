package dev.sluice.client.internal.consumer;

import dev.sluice.client.TopicPartition;
import dev.sluice.client.consumer.ConsumerRecord;
import dev.sluice.client.errors.CorruptRecordException;
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
        return new CompletedFetch<>(TP, fetchOffset, records, new RecordIterator(null), checkCrcs,
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
}
