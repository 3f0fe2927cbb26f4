package dev.sluice.client.internal.producer;

import dev.sluice.codec.record.Header;

import java.nio.ByteBuffer;

/**
 * A {@link RecordsWriter.Factory} for accumulator unit tests: charges each record its key and
 * value length plus a fixed overhead against the size limit and writes values back to back, so
 * tests can reason about exactly when a batch fills. The real byte layout is tested with the
 * codec's builder.
 */
final class TestWriters implements RecordsWriter.Factory {
    static final int BATCH_OVERHEAD = 61;
    static final int RECORD_OVERHEAD = 10;

    @Override
    public RecordsWriter create(final ByteBuffer buffer, final int sizeLimit, final float fillRatio) {
        return new Writer(buffer, sizeLimit);
    }

    @Override
    public boolean compresses() {
        return false;
    }

    @Override
    public int estimateSizeInBytes(final byte[] key, final byte[] value, final Header[] headers) {
        return BATCH_OVERHEAD + recordSize(key, value);
    }

    static int recordSize(final byte[] key, final byte[] value) {
        return RECORD_OVERHEAD + (key == null ? 0 : key.length) + (value == null ? 0 : value.length);
    }

    private static final class Writer implements RecordsWriter {
        private final ByteBuffer buffer;
        private final int limit;
        private int size = BATCH_OVERHEAD;
        private int count;

        Writer(final ByteBuffer buffer, final int limit) {
            this.buffer = buffer;
            this.limit = limit;
        }

        @Override
        public boolean hasRoomFor(final long timestampMs, final byte[] key, final byte[] value, final Header[] headers) {
            return count == 0 || size + recordSize(key, value) <= limit;
        }

        @Override
        public void append(final long timestampMs, final byte[] key, final byte[] value, final Header[] headers) {
            size += recordSize(key, value);
            count++;
            if (value != null && buffer.remaining() >= value.length) {
                buffer.put(value);
            }
        }

        @Override
        public boolean isFull() {
            return size >= limit;
        }

        @Override
        public int estimatedSizeInBytes() {
            return size;
        }

        @Override
        public int recordCount() {
            return count;
        }

        @Override
        public void producerState(final long producerId, final short producerEpoch, final int baseSequence) {
        }

        @Override
        public ByteBuffer close() {
            return buffer.duplicate().flip();
        }

        @Override
        public int uncompressedSizeInBytes() {
            return size;
        }

        @Override
        public int uncompressedCapacityInBytes() {
            return limit;
        }
    }
}
