package dev.sluice.codec.record;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.sluice.codec.MalformedDataException;
import dev.sluice.codec.compress.Compressor;
import dev.sluice.codec.compress.DecompressionContext;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Round trips over random records, and the promise that no mutation of a batch ever escapes as
 * anything but a CorruptRecordException / MalformedDataException.
 */
class BatchPropertiesTest {
    private static final int CAP = 4 * 1024 * 1024;

    @Provide
    Arbitrary<TestRecords.Expected> records() {
        final Arbitrary<byte[]> bytes = Arbitraries.bytes().array(byte[].class).ofMaxSize(300);
        final Arbitrary<byte[]> nullableBytes = bytes.injectNull(0.15);
        final Arbitrary<Header> header = Combinators.combine(Arbitraries.strings().ofMaxLength(12),
            Arbitraries.bytes().array(byte[].class).ofMaxSize(20).injectNull(0.3)).as(Header::new);
        return Combinators.combine(Arbitraries.longs().between(0, 4_000_000_000_000L), nullableBytes, nullableBytes,
            header.array(Header[].class).ofMaxSize(3)).as(TestRecords.Expected::new);
    }

    static ByteBuffer build(final CompressionType type, final List<TestRecords.Expected> records) {
        final int raw = TestRecords.rawSize(records) + 64;
        final ByteBuffer buffer = ByteBuffer.allocate(RecordBatch.HEADER_SIZE + Compressor.maxCompressedLength(type, raw));
        try (Compressor compressor = Compressor.create(type)) {
            final RecordBatchBuilder builder = new RecordBatchBuilder(buffer, type, compressor, 1000L);
            for (final TestRecords.Expected e : records) {
                builder.append(e.timestamp, e.key, e.value, e.headers);
            }
            return builder.close();
        }
    }

    /** Validates and reads everything, as a consumer would. */
    static int consume(final ByteBuffer bytes, final DecompressionContext context) {
        int seen = 0;
        final RecordBatchReader reader = new RecordBatchReader(bytes);
        final RecordIterator iterator = new RecordIterator(context);
        while (reader.hasNext()) {
            final RecordBatch batch = reader.next();
            batch.ensureValid();
            iterator.reset(batch);
            while (iterator.hasNext()) {
                final Record r = iterator.next();
                r.key();
                r.value();
                r.headers();
                seen++;
            }
        }
        return seen;
    }

    @Property(tries = 300, edgeCases = EdgeCasesMode.MIXIN)
    void shouldRoundTripRandomRecords(@ForAll @Size(min = 1, max = 40) final List<TestRecords.@From("records") Expected> records,
                                      @ForAll final CompressionType type) {
        final ByteBuffer batchBytes = build(type, records);
        final RecordBatch batch = new RecordBatch().wrap(batchBytes, 0);
        batch.ensureValid();
        assertEquals(records.size(), batch.recordCount());
        try (DecompressionContext context = new DecompressionContext(CAP)) {
            final RecordIterator iterator = new RecordIterator(context).reset(batch);
            for (int i = 0; i < records.size(); i++) {
                final Record r = iterator.next();
                final TestRecords.Expected e = records.get(i);
                assertEquals(1000L + i, r.offset());
                assertEquals(e.timestamp, r.timestamp());
                assertArrayEquals(e.key, TestRecords.bytes(r.key()));
                assertArrayEquals(e.value, TestRecords.bytes(r.value()));
                assertArrayEquals(e.headers, r.headers());
            }
        }
    }

    @Property(tries = 1500, edgeCases = EdgeCasesMode.MIXIN)
    void shouldOnlyEverThrowCorruptionForMutatedBatches(
        @ForAll @Size(min = 1, max = 20) final List<TestRecords.@From("records") Expected> records,
        @ForAll final CompressionType type,
        @ForAll final long seed,
        @ForAll @IntRange(min = 0, max = 3) final int mutation,
        @ForAll final boolean fixCrc) {
        final ByteBuffer original = build(type, records);
        final ByteBuffer bytes = ByteBuffer.allocate(original.remaining()).put(original.duplicate()).flip();
        final Random random = new Random(seed);
        switch (mutation) {
            case 0:
                for (int i = 0; i < 1 + random.nextInt(6); i++) {
                    final int at = random.nextInt(bytes.limit());
                    bytes.put(at, (byte) (bytes.get(at) ^ (1 + random.nextInt(255))));
                }
                break;
            case 1:
                bytes.limit(random.nextInt(bytes.limit()));
                break;
            case 2: {
                final int[] lengthFields = {RecordBatch.BATCH_LENGTH_OFFSET, RecordBatch.RECORDS_COUNT_OFFSET,
                    RecordBatch.LAST_OFFSET_DELTA_OFFSET};
                final int[] values = {0, -1, 1, Integer.MAX_VALUE, Integer.MIN_VALUE, random.nextInt()};
                bytes.putInt(lengthFields[random.nextInt(lengthFields.length)], values[random.nextInt(values.length)]);
                break;
            }
            default:
                // Overwrite a run inside the records section with a hostile varint (a huge length).
                if (bytes.limit() > RecordBatch.HEADER_SIZE + 2) {
                    final int at = RecordBatch.HEADER_SIZE + random.nextInt(bytes.limit() - RecordBatch.HEADER_SIZE - 1);
                    bytes.put(at, (byte) 0xfe);
                    if (at + 1 < bytes.limit()) {
                        bytes.put(at + 1, (byte) 0x7f);
                    }
                }
                break;
        }
        if (fixCrc && bytes.limit() >= RecordBatch.HEADER_SIZE) {
            final RecordBatch view = new RecordBatch().wrap(bytes, 0);
            final long size = (long) view.batchLength() + RecordBatch.LOG_OVERHEAD;
            if (size >= RecordBatch.HEADER_SIZE && size <= bytes.limit()) {
                view.writeChecksum();
            }
        }
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            try (DecompressionContext context = new DecompressionContext(1024 * 1024)) {
                consume(bytes, context);
            } catch (final MalformedDataException expected) {
                // The one acceptable way to fail.
            }
        });
    }

    @Property(tries = 200, edgeCases = EdgeCasesMode.MIXIN)
    void shouldWalkBackToBackBatchesAndStopAtAnyTruncation(
        @ForAll @Size(min = 1, max = 5) final List<TestRecords.@From("records") Expected> first,
        @ForAll @Size(min = 1, max = 5) final List<TestRecords.@From("records") Expected> second,
        @ForAll @IntRange(min = 0, max = 10_000) final int cut) {
        final ByteBuffer a = build(CompressionType.NONE, first);
        final ByteBuffer b = build(CompressionType.LZ4, second);
        final ByteBuffer both = ByteBuffer.allocate(a.remaining() + b.remaining()).put(a.duplicate()).put(b.duplicate()).flip();
        final int limit = Math.min(both.limit(), cut);
        both.limit(limit);
        final int expectedBatches = (limit >= a.remaining() ? 1 : 0) + (limit == a.remaining() + b.remaining() ? 1 : 0);
        final RecordBatchReader reader = new RecordBatchReader(both);
        int batches = 0;
        while (reader.hasNext()) {
            reader.next().ensureValid();
            batches++;
        }
        assertEquals(expectedBatches, batches);
        assertEquals(expectedBatches == 0 ? 0 : expectedBatches == 1 ? a.remaining() : both.limit(), reader.validBytes());
    }

}
