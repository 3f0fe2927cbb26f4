package dev.sluice.benchmarks;

import dev.sluice.codec.compress.Compressor;
import dev.sluice.codec.compress.DecompressionContext;
import dev.sluice.codec.record.CompressionType;
import dev.sluice.codec.record.Record;
import dev.sluice.codec.record.RecordBatch;
import dev.sluice.codec.record.RecordBatchBuilder;
import dev.sluice.codec.record.RecordBatchReader;
import dev.sluice.codec.record.RecordIterator;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.compress.Compression;
import org.apache.kafka.common.record.MemoryRecords;
import org.apache.kafka.common.record.MemoryRecordsBuilder;
import org.apache.kafka.common.record.MutableRecordBatch;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.utils.BufferSupplier;
import org.apache.kafka.common.utils.CloseableIterator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Builds and reads one batch of JSON-like records per codec with Sluice's codec and with
 * kafka-clients' MemoryRecordsBuilder / MemoryRecords, same data, same run. Reads validate the
 * CRC (as consumers do with check.crcs=true) and touch every key and value.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class CodecBenchmark {

    @Param({"none", "gzip", "snappy", "lz4", "zstd"})
    public String codec;

    @Param({"16384", "1048576"})
    public int batchBytes;

    private BenchmarkData data;
    private CompressionType type;
    private Compressor compressor;
    private ByteBuffer ourBuffer;
    private ByteBuffer ourBatch;
    private DecompressionContext decompression;
    private final RecordBatchReader reader = new RecordBatchReader();
    private RecordIterator iterator;

    private Compression kafkaCompression;
    private ByteBuffer kafkaBuffer;
    private ByteBuffer kafkaBatch;
    private BufferSupplier kafkaBuffers;

    @Setup(Level.Trial)
    public void setUp() {
        data = BenchmarkData.forBatchSize(batchBytes);
        type = CompressionType.forName(codec);
        compressor = Compressor.create(type);
        ourBuffer = ByteBuffer.allocate(RecordBatch.HEADER_SIZE + Compressor.maxCompressedLength(type, batchBytes * 2));
        decompression = new DecompressionContext();
        iterator = new RecordIterator(decompression);
        final ByteBuffer built = buildOurs();
        ourBatch = ByteBuffer.allocate(built.remaining()).put(built).flip();

        kafkaCompression = kafkaCompression(type);
        kafkaBuffer = ByteBuffer.allocate(ourBuffer.capacity());
        kafkaBuffers = BufferSupplier.create();
        final ByteBuffer theirs = buildKafka().buffer();
        kafkaBatch = ByteBuffer.allocate(theirs.remaining()).put(theirs).flip();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        if (compressor != null) {
            compressor.close();
        }
        decompression.close();
        kafkaBuffers.close();
    }

    static Compression kafkaCompression(final CompressionType type) {
        switch (type) {
            case GZIP:
                return Compression.gzip().build();
            case SNAPPY:
                return Compression.snappy().build();
            case LZ4:
                return Compression.lz4().build();
            case ZSTD:
                return Compression.zstd().build();
            default:
                return Compression.NONE;
        }
    }

    private ByteBuffer buildOurs() {
        ourBuffer.clear();
        final RecordBatchBuilder builder = new RecordBatchBuilder(ourBuffer, type, compressor, 0L);
        final BenchmarkData d = data;
        for (int i = 0; i < d.count(); i++) {
            builder.append(d.timestamps[i], d.keys[i], d.values[i], null);
        }
        return builder.close();
    }

    private MemoryRecords buildKafka() {
        kafkaBuffer.clear();
        final MemoryRecordsBuilder builder = MemoryRecords.builder(kafkaBuffer, kafkaCompression,
            TimestampType.CREATE_TIME, 0L);
        final BenchmarkData d = data;
        for (int i = 0; i < d.count(); i++) {
            builder.append(d.timestamps[i], d.keys[i], d.values[i]);
        }
        return builder.build();
    }

    @Benchmark
    public ByteBuffer buildSluice() {
        return buildOurs();
    }

    @Benchmark
    public MemoryRecords buildKafkaClients() {
        return buildKafka();
    }

    @Benchmark
    public void readSluice(final Blackhole bh) {
        reader.reset(ourBatch.duplicate());
        while (reader.hasNext()) {
            final RecordBatch batch = reader.next();
            batch.ensureValid();
            iterator.reset(batch);
            while (iterator.hasNext()) {
                final Record r = iterator.next();
                final ByteBuffer b = r.buffer();
                bh.consume(b.get(r.keyOffset()));
                bh.consume(b.get(r.valueOffset() + r.valueSize() - 1));
            }
        }
    }

    @Benchmark
    public void readKafkaClients(final Blackhole bh) {
        final MemoryRecords records = MemoryRecords.readableRecords(kafkaBatch.duplicate());
        for (final MutableRecordBatch batch : records.batches()) {
            batch.ensureValid();
            try (CloseableIterator<org.apache.kafka.common.record.Record> it = batch.streamingIterator(kafkaBuffers)) {
                while (it.hasNext()) {
                    final org.apache.kafka.common.record.Record r = it.next();
                    final ByteBuffer key = r.key();
                    final ByteBuffer value = r.value();
                    bh.consume(key.get(key.position()));
                    bh.consume(value.get(value.limit() - 1));
                }
            }
        }
    }
}
