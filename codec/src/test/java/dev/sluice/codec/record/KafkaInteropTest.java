package dev.sluice.codec.record;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.codec.compress.CompressionLevels;
import dev.sluice.codec.compress.Compressor;
import dev.sluice.codec.compress.DecompressionContext;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.kafka.common.compress.Compression;
import org.apache.kafka.common.record.ControlRecordType;
import org.apache.kafka.common.record.EndTransactionMarker;
import org.apache.kafka.common.record.MemoryRecords;
import org.apache.kafka.common.record.MemoryRecordsBuilder;
import org.apache.kafka.common.record.MutableRecordBatch;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Batches must be byte-compatible with kafka-clients 4.1 in both directions, for every codec. */
class KafkaInteropTest {
    private static final DecompressionContext CONTEXT = new DecompressionContext();

    @AfterAll
    static void closeContext() {
        CONTEXT.close();
    }

    static Stream<Arguments> codecs() {
        return Stream.of(
            Arguments.of(CompressionType.NONE, CompressionLevels.NO_LEVEL),
            Arguments.of(CompressionType.GZIP, 1),
            Arguments.of(CompressionType.GZIP, CompressionLevels.GZIP_DEFAULT_LEVEL),
            Arguments.of(CompressionType.GZIP, 9),
            Arguments.of(CompressionType.SNAPPY, CompressionLevels.NO_LEVEL),
            Arguments.of(CompressionType.LZ4, 1),
            Arguments.of(CompressionType.LZ4, 9),
            Arguments.of(CompressionType.LZ4, 17),
            Arguments.of(CompressionType.ZSTD, -5),
            Arguments.of(CompressionType.ZSTD, 3),
            Arguments.of(CompressionType.ZSTD, 12));
    }

    static Stream<Arguments> codecsAndSizes() {
        final List<Arguments> out = new ArrayList<>();
        codecs().forEach(codec -> {
            for (final int[] shape : new int[][] {{1, 100}, {250, 100}, {10_000, 100}, {1_400, 1_000}}) {
                out.add(Arguments.of(codec.get()[0], codec.get()[1], shape[0], shape[1]));
            }
        });
        return out.stream();
    }

    static Compression kafkaCompression(final CompressionType type, final int level) {
        final int checked = CompressionLevels.validate(type, level);
        switch (type) {
            case NONE:
                return Compression.NONE;
            case GZIP:
                return Compression.gzip().level(checked).build();
            case SNAPPY:
                return Compression.snappy().build();
            case LZ4:
                return Compression.lz4().level(checked).build();
            case ZSTD:
                return Compression.zstd().level(checked).build();
            default:
                throw new IllegalArgumentException(type.toString());
        }
    }

    static ByteBuffer kafkaBuild(final CompressionType type, final int level, final List<TestRecords.Expected> records,
                                 final org.apache.kafka.common.record.TimestampType timestampType, final long logAppendTime,
                                 final long producerId, final short epoch, final int baseSequence, final boolean transactional) {
        final MemoryRecordsBuilder builder = MemoryRecords.builder(ByteBuffer.allocate(1024),
            org.apache.kafka.common.record.RecordBatch.MAGIC_VALUE_V2, kafkaCompression(type, level), timestampType, 0L,
            logAppendTime, producerId, epoch, baseSequence, transactional, 5);
        for (final TestRecords.Expected e : records) {
            builder.append(e.timestamp, e.key, e.value, e.kafkaHeaders());
        }
        return builder.build().buffer();
    }

    static ByteBuffer ourBuild(final CompressionType type, final int level, final List<TestRecords.Expected> records,
                               final long logAppendTime, final long producerId, final short epoch, final int baseSequence,
                               final boolean transactional) {
        final int raw = TestRecords.rawSize(records);
        final ByteBuffer buffer = ByteBuffer.allocate(RecordBatch.HEADER_SIZE + Compressor.maxCompressedLength(type, raw) + 64);
        try (Compressor compressor = Compressor.create(type, level)) {
            final RecordBatchBuilder builder = new RecordBatchBuilder(buffer, type, compressor, 0L)
                .producerState(producerId, epoch, baseSequence).transactional(transactional).partitionLeaderEpoch(5);
            if (logAppendTime >= 0) {
                builder.logAppendTime(logAppendTime);
            }
            for (final TestRecords.Expected e : records) {
                assertTrue(builder.hasRoomFor(e.timestamp, e.key, e.value, e.headers));
                builder.append(e.timestamp, e.key, e.value, e.headers);
            }
            return builder.close();
        } catch (final Exception e) {
            throw new AssertionError(e);
        }
    }

    static void assertOursReads(final ByteBuffer batchBytes, final List<TestRecords.Expected> expected,
                                final long logAppendTime) {
        final RecordBatchReader reader = new RecordBatchReader(batchBytes);
        assertTrue(reader.hasNext());
        final RecordBatch batch = reader.next();
        batch.ensureValid();
        assertFalse(reader.hasNext());
        assertEquals(expected.size(), batch.recordCount());
        final RecordIterator records = new RecordIterator(CONTEXT).reset(batch);
        int i = 0;
        while (records.hasNext()) {
            final Record r = records.next();
            final TestRecords.Expected e = expected.get(i);
            assertEquals(i, r.offset());
            assertEquals(logAppendTime >= 0 ? logAppendTime : e.timestamp, r.timestamp(), "timestamp of " + i);
            assertArrayEquals(e.key, TestRecords.bytes(r.key()), "key of " + i);
            assertArrayEquals(e.value, TestRecords.bytes(r.value()), "value of " + i);
            assertArrayEquals(e.headers, r.headers(), "headers of " + i);
            i++;
        }
        assertEquals(expected.size(), i);
    }

    static void assertKafkaReads(final ByteBuffer batchBytes, final List<TestRecords.Expected> expected,
                                 final long logAppendTime) {
        final Iterator<MutableRecordBatch> batches = MemoryRecords.readableRecords(batchBytes.duplicate()).batches().iterator();
        final MutableRecordBatch batch = batches.next();
        batch.ensureValid();
        assertFalse(batches.hasNext());
        int i = 0;
        for (final org.apache.kafka.common.record.Record r : batch) {
            r.ensureValid();
            final TestRecords.Expected e = expected.get(i);
            assertEquals(i, r.offset());
            assertEquals(logAppendTime >= 0 ? logAppendTime : e.timestamp, r.timestamp());
            assertArrayEquals(e.key, TestRecords.bytes(r.key()), "key of " + i);
            assertArrayEquals(e.value, TestRecords.bytes(r.value()), "value of " + i);
            assertEquals(e.headers.length, r.headers().length);
            for (int h = 0; h < e.headers.length; h++) {
                assertEquals(e.headers[h].key(), r.headers()[h].key());
                assertArrayEquals(e.headers[h].value(), r.headers()[h].value());
            }
            i++;
        }
        assertEquals(expected.size(), i);
    }

    @ParameterizedTest(name = "{0} level {1}: {2} records of {3} bytes")
    @MethodSource("codecsAndSizes")
    void shouldDecodeBatchesBuiltByKafkaClients(final CompressionType type, final int level, final int count,
                                                final int valueSize) {
        final List<TestRecords.Expected> records = TestRecords.mixed(count, valueSize, count * 31L + valueSize);
        final ByteBuffer kafka = kafkaBuild(type, level, records, org.apache.kafka.common.record.TimestampType.CREATE_TIME,
            -1L, -1L, (short) -1, -1, false);
        assertOursReads(kafka, records, -1L);
    }

    @ParameterizedTest(name = "{0} level {1}: {2} records of {3} bytes")
    @MethodSource("codecsAndSizes")
    void shouldBuildBatchesKafkaClientsAcceptAndDecode(final CompressionType type, final int level, final int count,
                                                      final int valueSize) {
        final List<TestRecords.Expected> records = TestRecords.mixed(count, valueSize, count * 17L + valueSize);
        final ByteBuffer ours = ourBuild(type, level, records, -1L, -1L, (short) -1, -1, false);
        if (count * valueSize > 1024 * 1024 && type == CompressionType.NONE) {
            assertTrue(ours.remaining() > 1024 * 1024, "batch over 1 MiB");
        }
        assertKafkaReads(ours, records, -1L);
        assertOursReads(ours, records, -1L);
    }

    @ParameterizedTest(name = "{0} level {1}")
    @MethodSource("codecs")
    void shouldCarryProducerStateAndLogAppendTimeBothWays(final CompressionType type, final int level) {
        final List<TestRecords.Expected> records = TestRecords.mixed(40, 80, 99L);
        final ByteBuffer kafka = kafkaBuild(type, level, records, org.apache.kafka.common.record.TimestampType.LOG_APPEND_TIME,
            1_800_000_000_123L, 77L, (short) 4, Integer.MAX_VALUE - 10, true);
        assertOursReads(kafka, records, 1_800_000_000_123L);
        final RecordBatch theirs = new RecordBatch().wrap(kafka, 0);
        assertEquals(77L, theirs.producerId());
        assertEquals(4, theirs.producerEpoch());
        assertEquals(Integer.MAX_VALUE - 10, theirs.baseSequence());
        final MutableRecordBatch kafkaView = MemoryRecords.readableRecords(kafka.duplicate()).batches().iterator().next();
        assertEquals(kafkaView.lastSequence(), theirs.lastSequence());
        assertEquals(28, theirs.lastSequence(), "wraps past Integer.MAX_VALUE to 0");
        assertTrue(theirs.isTransactional());
        assertEquals(TimestampType.LOG_APPEND_TIME, theirs.timestampType());

        final ByteBuffer ours = ourBuild(type, level, records, 1_800_000_000_123L, 77L, (short) 4, 1000, true);
        assertKafkaReads(ours, records, 1_800_000_000_123L);
        final MutableRecordBatch batch = MemoryRecords.readableRecords(ours.duplicate()).batches().iterator().next();
        assertEquals(77L, batch.producerId());
        assertEquals(4, batch.producerEpoch());
        assertEquals(1000, batch.baseSequence());
        assertEquals(1039, batch.lastSequence());
        assertTrue(batch.isTransactional());
        assertEquals(5, batch.partitionLeaderEpoch());
        assertEquals(org.apache.kafka.common.record.TimestampType.LOG_APPEND_TIME, batch.timestampType());
        assertEquals(kafkaCompression(type, level).type().id, batch.compressionType().id);
    }

    @Test
    void shouldMarkKafkaTransactionMarkersAsControlBatches() {
        final MemoryRecords marker = MemoryRecords.withEndTransactionMarker(42L, 1_000L, 3, 9L, (short) 2,
            new EndTransactionMarker(ControlRecordType.COMMIT, 11));
        final RecordBatch batch = new RecordBatch().wrap(marker.buffer(), 0);
        batch.ensureValid();
        assertTrue(batch.isControl());
        assertTrue(batch.isTransactional());
        final RecordIterator records = new RecordIterator(null).reset(batch);
        assertTrue(records.isControl());
        final Record r = records.next();
        assertEquals(42L, r.offset());
        final ByteBuffer key = r.key();
        assertEquals(0, key.getShort(0));
        assertEquals(ControlRecordType.COMMIT.type(), key.getShort(2));
        assertFalse(records.hasNext());
    }

    @Test
    void shouldBuildControlBatchKafkaClientsRecognises() {
        final ByteBuffer key = ByteBuffer.allocate(4).putShort((short) 0).putShort(ControlRecordType.ABORT.type()).flip();
        final ByteBuffer value = ByteBuffer.allocate(6).putShort((short) 0).putInt(17).flip();
        final RecordBatchBuilder builder = new RecordBatchBuilder(ByteBuffer.allocate(256), CompressionType.NONE, null, 100L)
            .producerState(9L, (short) 1, -1).transactional(true).control(true);
        assertEquals(100L, builder.append(5_000L, key, value, null));
        final ByteBuffer built = builder.close();

        final MutableRecordBatch batch = MemoryRecords.readableRecords(built).batches().iterator().next();
        batch.ensureValid();
        assertTrue(batch.isControlBatch());
        final org.apache.kafka.common.record.Record record = batch.iterator().next();
        assertEquals(ControlRecordType.ABORT, ControlRecordType.parse(record.key()));
        assertEquals(17, EndTransactionMarker.deserialize(record).coordinatorEpoch());
    }

    @ParameterizedTest(name = "{0} level {1}")
    @MethodSource("codecs")
    void shouldCompressToTheSameSizeAsKafkaClients(final CompressionType type, final int level) {
        for (final int count : new int[] {130, 8_000}) {
            final List<TestRecords.Expected> records = new ArrayList<>();
            final java.util.Random random = new java.util.Random(count);
            for (int i = 0; i < count; i++) {
                records.add(new TestRecords.Expected(1_700_000_000_000L + i, ("user-" + random.nextInt(9000)).getBytes(
                    java.nio.charset.StandardCharsets.UTF_8), TestRecords.jsonEvent(random, i, 100), new Header[0]));
            }
            final ByteBuffer ours = ourBuild(type, level, records, -1L, -1L, (short) -1, -1, false);
            final ByteBuffer kafka = kafkaBuild(type, level, records,
                org.apache.kafka.common.record.TimestampType.CREATE_TIME, -1L, -1L, (short) -1, -1, false);
            if (type == CompressionType.ZSTD) {
                // Same format and level, but zstd-jni's one-shot and streaming APIs may choose
                // slightly different parameters: sizes must agree within 1 %.
                assertEquals(kafka.remaining(), ours.remaining(), kafka.remaining() * 0.01,
                    "zstd size for " + count + " records");
            } else {
                assertEquals(kafka, ours, type + ": byte-for-byte the batch kafka-clients builds, " + count + " records");
            }
        }
    }
}
