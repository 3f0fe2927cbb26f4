package dev.sluice.benchmarks;

import dev.sluice.codec.compress.Compressor;
import dev.sluice.codec.record.CompressionType;
import dev.sluice.codec.record.RecordBatch;
import dev.sluice.codec.record.RecordBatchBuilder;
import java.nio.ByteBuffer;
import org.apache.kafka.common.record.MemoryRecords;
import org.apache.kafka.common.record.MemoryRecordsBuilder;
import org.apache.kafka.common.record.TimestampType;

/**
 * Prints the batch sizes Sluice and kafka-clients produce for the benchmark data, per codec and
 * batch size, as a Markdown table (for docs/benchmarks.md).
 */
public final class CompressedSizes {
    private CompressedSizes() {
    }

    public static void main(final String[] args) {
        System.out.println("| codec | batch | records | Sluice bytes | kafka-clients bytes | Sluice/kafka |");
        System.out.println("|---|---|---|---|---|---|");
        for (final int batchBytes : new int[] {16384, 1048576}) {
            final BenchmarkData data = BenchmarkData.forBatchSize(batchBytes);
            for (final CompressionType type : CompressionType.values()) {
                final int ours = ours(type, data, batchBytes);
                final int kafka = kafka(type, data, batchBytes);
                System.out.printf("| %s | %s | %d | %d | %d | %.4f |%n", type.configName(),
                    batchBytes == 16384 ? "16 KiB" : "1 MiB", data.count(), ours, kafka, (double) ours / kafka);
            }
        }
    }

    static int ours(final CompressionType type, final BenchmarkData data, final int batchBytes) {
        final ByteBuffer buffer = ByteBuffer.allocate(RecordBatch.HEADER_SIZE
            + Compressor.maxCompressedLength(type, batchBytes * 2));
        try (Compressor compressor = Compressor.create(type)) {
            final RecordBatchBuilder builder = new RecordBatchBuilder(buffer, type, compressor, 0L);
            for (int i = 0; i < data.count(); i++) {
                builder.append(data.timestamps[i], data.keys[i], data.values[i], null);
            }
            return builder.close().remaining();
        }
    }

    static int kafka(final CompressionType type, final BenchmarkData data, final int batchBytes) {
        final MemoryRecordsBuilder builder = MemoryRecords.builder(ByteBuffer.allocate(batchBytes * 2),
            CodecBenchmark.kafkaCompression(type), TimestampType.CREATE_TIME, 0L);
        for (int i = 0; i < data.count(); i++) {
            builder.append(data.timestamps[i], data.keys[i], data.values[i]);
        }
        return builder.build().sizeInBytes();
    }
}
