package dev.sluice.codec.compress;

/**
 * Decompresses one batch's records section. Holds the codec's reusable state; owned by one thread.
 * Every codec rejects garbage and truncation with {@link dev.sluice.codec.record.CorruptRecordException}
 * and never writes past the {@link DecompressionBuffer}'s cap.
 */
abstract class Decompressor implements AutoCloseable {
    /**
     * Decompresses {@code src[offset, offset + length)} and appends the output to {@code out}
     * (which the caller cleared).
     */
    abstract void decompress(byte[] src, int offset, int length, DecompressionBuffer out);

    @Override
    public void close() {
    }
}
