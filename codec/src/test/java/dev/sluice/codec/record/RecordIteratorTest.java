package dev.sluice.codec.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.codec.Varints;
import dev.sluice.codec.compress.Compressor;
import dev.sluice.codec.compress.DecompressionContext;
import java.nio.ByteBuffer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RecordIteratorTest {

    /** A batch whose records section is exactly {@code rawRecords}, compressed with {@code type}, with a valid CRC. */
    static ByteBuffer assemble(final CompressionType type, final byte[] rawRecords, final int count) {
        final ByteBuffer buffer = ByteBuffer.allocate(RecordBatch.HEADER_SIZE
            + Compressor.maxCompressedLength(type, rawRecords.length));
        buffer.position(RecordBatch.HEADER_SIZE).put(rawRecords);
        int section = rawRecords.length;
        try (Compressor compressor = Compressor.create(type)) {
            if (compressor != null) {
                section = compressor.compressInPlace(buffer, RecordBatch.HEADER_SIZE, rawRecords.length);
            }
        }
        buffer.clear();
        buffer.putLong(RecordBatch.BASE_OFFSET_OFFSET, 0L);
        buffer.putInt(RecordBatch.BATCH_LENGTH_OFFSET, RecordBatch.HEADER_SIZE + section - RecordBatch.LOG_OVERHEAD);
        buffer.put(RecordBatch.MAGIC_OFFSET, RecordBatch.MAGIC_V2);
        buffer.putShort(RecordBatch.ATTRIBUTES_OFFSET, (short) type.id());
        buffer.putInt(RecordBatch.LAST_OFFSET_DELTA_OFFSET, count - 1);
        buffer.putLong(RecordBatch.PRODUCER_ID_OFFSET, -1L);
        buffer.putShort(RecordBatch.PRODUCER_EPOCH_OFFSET, (short) -1);
        buffer.putInt(RecordBatch.BASE_SEQUENCE_OFFSET, -1);
        buffer.putInt(RecordBatch.RECORDS_COUNT_OFFSET, count);
        buffer.limit(RecordBatch.HEADER_SIZE + section);
        new RecordBatch().wrap(buffer, 0).writeChecksum();
        return buffer;
    }

    /** One record whose key length claims far more bytes than the record holds. */
    static byte[] recordWithHostileKeyLength() {
        final ByteBuffer body = ByteBuffer.allocate(64);
        body.put((byte) 0);
        Varints.writeVarlong(0, body);
        Varints.writeVarint(0, body);
        Varints.writeVarint(Integer.MAX_VALUE - 3, body);
        body.put(new byte[8]);
        body.flip();
        final ByteBuffer record = ByteBuffer.allocate(80);
        Varints.writeVarint(body.remaining(), record);
        record.put(body).flip();
        final byte[] out = new byte[record.remaining()];
        record.get(out);
        return out;
    }

    @ParameterizedTest
    @EnumSource(CompressionType.class)
    void shouldRejectRecordWhoseKeyLengthRunsPastItsData(final CompressionType type) {
        final ByteBuffer batch = assemble(type, recordWithHostileKeyLength(), 1);
        final RecordBatch view = new RecordBatch().wrap(batch, 0);
        view.ensureValid();
        try (DecompressionContext context = new DecompressionContext()) {
            final RecordIterator iterator = new RecordIterator(context).reset(view);
            final CorruptRecordException e = assertThrows(CorruptRecordException.class, iterator::next);
            assertEquals("record.keyLength", e.field());
        }
    }

    @ParameterizedTest
    @EnumSource(CompressionType.class)
    void shouldRejectCountLargerThanTheRecordsPresent(final CompressionType type) {
        final ByteBuffer one = BatchPropertiesTest.build(CompressionType.NONE,
            TestRecords.mixed(1, 20, 1L));
        final byte[] raw = new byte[one.remaining() - RecordBatch.HEADER_SIZE];
        one.get(RecordBatch.HEADER_SIZE, raw);
        final ByteBuffer batch = assemble(type, raw, 2);
        final RecordBatch view = new RecordBatch().wrap(batch, 0);
        try (DecompressionContext context = new DecompressionContext()) {
            final RecordIterator iterator = new RecordIterator(context).reset(view);
            final CorruptRecordException e = assertThrows(CorruptRecordException.class, () -> {
                while (iterator.hasNext()) {
                    iterator.next();
                }
            });
            assertEquals("recordsCount", e.field());
        }
    }

    @ParameterizedTest
    @EnumSource(value = CompressionType.class, names = "NONE", mode = EnumSource.Mode.EXCLUDE)
    void shouldRejectBatchThatDecompressesPastTheCap(final CompressionType type) {
        final byte[] zeros = new byte[3 * 1024 * 1024];
        final ByteBuffer buffer = ByteBuffer.allocate(RecordBatch.HEADER_SIZE
            + Compressor.maxCompressedLength(type, zeros.length + 64));
        final ByteBuffer batch;
        try (Compressor compressor = Compressor.create(type)) {
            final RecordBatchBuilder builder = new RecordBatchBuilder(buffer, type, compressor, 0L);
            builder.append(1L, (byte[]) null, zeros, null);
            batch = builder.close();
        }
        assertTrue(batch.remaining() < 400_000);
        final RecordBatch view = new RecordBatch().wrap(batch, 0);
        view.ensureValid();
        try (DecompressionContext small = new DecompressionContext(1024 * 1024)) {
            final CorruptRecordException e = assertThrows(CorruptRecordException.class,
                () -> new RecordIterator(small).reset(view).next());
            assertEquals("records", e.field());
        }
        try (DecompressionContext big = new DecompressionContext(4 * 1024 * 1024)) {
            final Record r = new RecordIterator(big).reset(view).next();
            assertNull(r.key());
            assertEquals(zeros.length, r.valueSize());
        }
    }

    @ParameterizedTest
    @EnumSource(CompressionType.class)
    void shouldBuildARecordBiggerThanBatchSizeAlone(final CompressionType type) {
        final byte[] big = TestRecords.jsonEvent(new java.util.Random(1), 1, 200_000);
        final ByteBuffer buffer = ByteBuffer.allocate(RecordBatchBuilder.estimateSizeInBytes(type, 3, big.length, null));
        try (Compressor compressor = Compressor.create(type)) {
            final RecordBatchBuilder builder = new RecordBatchBuilder(buffer, type, compressor, 0L).writeLimit(16 * 1024);
            assertTrue(builder.hasRoomFor(5L, new byte[3], big, null));
            builder.append(5L, new byte[3], big, null);
            assertFalse(builder.hasRoomFor(6L, new byte[3], new byte[10], null), "second record past batch.size");
            final ByteBuffer batch = builder.close();
            final RecordBatch view = new RecordBatch().wrap(batch, 0);
            view.ensureValid();
            try (DecompressionContext context = new DecompressionContext()) {
                assertEquals(big.length, new RecordIterator(context).reset(view).next().valueSize());
            }
        }
    }

    @ParameterizedTest
    @EnumSource(CompressionType.class)
    void shouldStopAcceptingRecordsAtTheWriteLimit(final CompressionType type) {
        final ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
        try (Compressor compressor = Compressor.create(type)) {
            final RecordBatchBuilder builder = new RecordBatchBuilder(buffer, type, compressor, 0L).writeLimit(16 * 1024);
            final byte[] value = new byte[100];
            int appended = 0;
            while (builder.hasRoomFor(appended, null, value, null)) {
                builder.append(appended, null, value, null);
                appended++;
            }
            assertTrue(builder.estimatedSizeInBytes() <= 16 * 1024);
            assertTrue(builder.estimatedSizeInBytes() > 16 * 1024 - 120);
            final ByteBuffer batch = builder.close();
            assertTrue(builder.isClosed());
            assertFalse(builder.hasRoomFor(0L, null, value, null));
            assertThrows(IllegalStateException.class, () -> builder.append(0L, null, value, null));
            assertEquals(appended, new RecordBatch().wrap(batch, 0).recordCount());
        }
    }

    @ParameterizedTest
    @EnumSource(CompressionType.class)
    void shouldReadTheSameRecordsFromADirectBufferAndFromASliceOfAnArray(final CompressionType type) {
        final java.util.List<TestRecords.Expected> expected = TestRecords.mixed(300, 90, 11L);
        final ByteBuffer built;
        try (Compressor compressor = Compressor.create(type)) {
            final RecordBatchBuilder builder = new RecordBatchBuilder(ByteBuffer.allocate(1 << 20), type, compressor, 5L);
            for (final TestRecords.Expected e : expected) {
                builder.append(e.timestamp, e.key, e.value, e.headers);
            }
            built = builder.close();
        }
        // The batch sits 13 bytes into each buffer, so absolute offsets and array offsets differ.
        final ByteBuffer direct = ByteBuffer.allocateDirect(built.remaining() + 13);
        direct.position(13);
        direct.put(built.duplicate()).flip().position(13);
        final ByteBuffer backing = ByteBuffer.allocate(built.remaining() + 20);
        backing.position(7);
        final ByteBuffer slice = backing.slice();
        slice.position(13);
        slice.put(built.duplicate()).flip().position(13);
        for (final ByteBuffer buffer : new ByteBuffer[] {direct, slice}) {
            final RecordBatchReader reader = new RecordBatchReader(buffer);
            assertTrue(reader.hasNext());
            final RecordBatch batch = reader.next();
            batch.ensureValid();
            try (DecompressionContext context = new DecompressionContext()) {
                final RecordIterator iterator = new RecordIterator(context).reset(batch);
                for (int i = 0; i < expected.size(); i++) {
                    final TestRecords.Expected e = expected.get(i);
                    final Record r = iterator.next();
                    assertEquals(5L + i, r.offset());
                    assertEquals(e.timestamp, r.timestamp());
                    assertEquals(java.util.Arrays.toString(e.key), java.util.Arrays.toString(
                        r.key() == null ? null : TestRecords.bytes(r.key())));
                    assertEquals(java.util.Arrays.toString(e.value), java.util.Arrays.toString(
                        r.value() == null ? null : TestRecords.bytes(r.value())));
                    assertEquals(e.headers.length, r.headers().length);
                }
                assertFalse(iterator.hasNext());
            }
        }
    }
}
