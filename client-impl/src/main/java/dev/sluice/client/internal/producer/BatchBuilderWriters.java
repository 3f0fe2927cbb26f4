package dev.sluice.client.internal.producer;

import dev.sluice.codec.compress.Compressor;
import dev.sluice.codec.record.CompressionType;
import dev.sluice.codec.record.Header;
import dev.sluice.codec.record.RecordBatch;
import dev.sluice.codec.record.RecordBatchBuilder;

import java.nio.ByteBuffer;

/**
 * {@link RecordsWriter}s backed by the codec's {@link RecordBatchBuilder}, compressing with one
 * reusable {@link Compressor}. Builders are created and appended to on application threads, but
 * the compressor is only used by {@link RecordsWriter#close()}, which the sender thread alone
 * calls, so one compressor per producer is enough.
 */
public final class BatchBuilderWriters implements RecordsWriter.Factory, AutoCloseable {
    private final CompressionType type;
    private final Compressor compressor;

    /**
     * @param level the codec's level, or {@code CompressionLevels.NO_LEVEL} for its default
     */
    public BatchBuilderWriters(final CompressionType type, final int level) {
        this.type = type;
        this.compressor = Compressor.create(type, level);
    }

    @Override
    public RecordsWriter create(final ByteBuffer buffer, final int sizeLimit, final float fillRatio) {
        // From position 0 to the limit the pool set: a recycled spare may have more capacity than was asked for.
        buffer.position(0);
        final RecordBatchBuilder builder = new RecordBatchBuilder(buffer, type, compressor, 0L).writeLimit(sizeLimit);
        long byLimit = sizeLimit;
        if (type != CompressionType.NONE) {
            builder.estimatedCompressionRatio(fillRatio);
            byLimit = RecordBatch.HEADER_SIZE + (long) ((sizeLimit - RecordBatch.HEADER_SIZE) / (double) fillRatio);
        }
        return new BuilderWriter(builder, (int) Math.min(buffer.remaining(), byLimit));
    }

    @Override
    public boolean compresses() {
        return type != CompressionType.NONE;
    }

    @Override
    public int estimateSizeInBytes(final byte[] key, final byte[] value, final Header[] headers) {
        return RecordBatchBuilder.estimateSizeInBytes(type, key == null ? -1 : key.length,
            value == null ? -1 : value.length, headers);
    }

    @Override
    public void close() {
        if (compressor != null) {
            compressor.close();
        }
    }

    private static final class BuilderWriter implements RecordsWriter {
        private final RecordBatchBuilder builder;
        private final int uncompressedCapacity;
        private boolean full;

        BuilderWriter(final RecordBatchBuilder builder, final int uncompressedCapacity) {
            this.builder = builder;
            this.uncompressedCapacity = uncompressedCapacity;
        }

        @Override
        public boolean hasRoomFor(final long timestampMs, final byte[] key, final byte[] value, final Header[] headers) {
            final boolean room = builder.hasRoomFor(timestampMs, key, value, headers);
            if (!room) {
                full = true; // a refused record means the batch is as full as it gets
            }
            return room;
        }

        @Override
        public void append(final long timestampMs, final byte[] key, final byte[] value, final Header[] headers) {
            builder.append(timestampMs, key, value, headers);
        }

        @Override
        public boolean isFull() {
            return full || builder.isClosed();
        }

        @Override
        public int estimatedSizeInBytes() {
            return builder.estimatedSizeInBytes();
        }

        @Override
        public int recordCount() {
            return builder.recordCount();
        }

        @Override
        public void producerState(final long producerId, final short producerEpoch, final int baseSequence) {
            builder.producerState(producerId, producerEpoch, baseSequence);
        }

        @Override
        public ByteBuffer close() {
            return builder.close();
        }

        @Override
        public int uncompressedSizeInBytes() {
            return builder.uncompressedRecordsBytes() + RecordBatch.HEADER_SIZE;
        }

        @Override
        public int uncompressedCapacityInBytes() {
            return uncompressedCapacity;
        }
    }
}
