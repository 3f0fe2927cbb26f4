package dev.sluice.broker.log;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.sluice.broker.log.internal.FileIo;
import dev.sluice.codec.protocol.RecordsPayload;

/**
 * A run of whole record batches in a segment file, to be sent as the records of a Fetch response with
 * {@link FileChannel#transferTo} (page cache to socket, no copy through the heap).
 *
 * <p>Ownership: the slice holds a reference on its segment, so the file stays open (even if retention
 * deletes the segment meanwhile) until {@link #release()} — call it exactly once, from whichever thread
 * finishes sending; further calls do nothing. The bytes of the slice never change.
 */
public final class FileSlice implements RecordsPayload, AutoCloseable {
    private static final FileSlice EMPTY = new FileSlice(null, 0, 0, () -> { });

    private final FileChannel channel;
    private final long position;
    private final int sizeInBytes;
    private final Runnable onRelease;
    private final AtomicBoolean released = new AtomicBoolean();

    FileSlice(final FileChannel channel, final long position, final int sizeInBytes, final Runnable onRelease) {
        this.channel = channel;
        this.position = position;
        this.sizeInBytes = sizeInBytes;
        this.onRelease = onRelease;
    }

    /** A slice of no bytes, holding nothing. */
    public static FileSlice empty() {
        return EMPTY;
    }

    /** Length of the slice in bytes (the RECORDS field's length in a Fetch response). */
    @Override
    public long sizeInBytes() {
        return sizeInBytes;
    }

    /** Position of the slice's first byte in its segment file. */
    public long position() {
        return position;
    }

    /**
     * Sends up to {@code maxBytes} of the slice, starting {@code offset} bytes into it, to {@code target}.
     *
     * @return bytes actually written, which may be fewer (a non-blocking socket that is full)
     */
    public long transferTo(final WritableByteChannel target, final long offset, final long maxBytes) throws IOException {
        if (offset < 0 || offset > sizeInBytes) {
            throw new IllegalArgumentException("offset " + offset + " is outside a slice of " + sizeInBytes + " bytes");
        }
        final long count = Math.min(maxBytes, sizeInBytes - offset);
        if (count <= 0) {
            return 0;
        }
        ensureNotReleased();
        return channel.transferTo(position + offset, count, target);
    }

    /** Copies the slice's bytes into a new heap buffer (tests, and paths that cannot use transferTo). */
    public ByteBuffer readAll() throws IOException {
        final ByteBuffer copy = ByteBuffer.allocate(sizeInBytes);
        if (sizeInBytes > 0) {
            ensureNotReleased();
            FileIo.readFully(channel, copy, position);
        }
        return copy.flip();
    }

    /** Gives the segment reference back; idempotent. */
    public void release() {
        if (released.compareAndSet(false, true)) {
            onRelease.run();
        }
    }

    @Override
    public void close() {
        release();
    }

    private void ensureNotReleased() {
        if (released.get() && this != EMPTY) {
            throw new IllegalStateException("file slice used after release");
        }
    }

    @Override
    public String toString() {
        return "FileSlice(position=" + position + ", size=" + sizeInBytes + ")";
    }
}
