package dev.sluice.client.internal.network;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Heap buffers for large received frames, handed back by whoever last reads them and then reused for
 * the next large frame.
 *
 * <p>Why: a consumer's fetch responses are megabytes each (8 partitions x 1 MiB by default). A fresh
 * buffer per response is a G1 humongous allocation that the JVM zeroes and the kernel backs with
 * fresh pages; in a profile of 1 KiB records (consumer-bench, Sluice broker) page faults and zeroing
 * took about a quarter of the consumer thread's time. A reused buffer was touched before and needs
 * neither.
 *
 * <p>Frames below {@code minPooledBytes} get a plain buffer of their own, so the producer's small
 * responses never come from here. A pooled buffer goes back only through {@link #release}, and only
 * once: the caller owns that rule (the consumer counts the partitions that still read a response).
 * A pooled buffer that is never released is simply garbage collected, which is how every frame
 * whose owner does not know about the pool (metadata, group responses) ends; the pool keeps no
 * reference to the buffers it hands out. Free buffers are kept up to {@code maxFreeBuffers} and
 * {@code maxFreeBytes} in total.
 *
 * <p>Thread safety: synchronized, because the consumer hands buffers back on the application thread
 * while its heartbeat thread may be reading a frame through the same network client.
 */
public final class ReceiveBufferPool {
    /** Capacities are rounded up to this, so responses of nearly equal size share buffers: bytes. */
    static final int CAPACITY_STEP = 1 << 20;

    private final int minPooledBytes;
    private final int maxFreeBuffers;
    private final long maxFreeBytes;
    private final List<ByteBuffer> free = new ArrayList<>();
    private long freeBytes;

    /**
     * @param minPooledBytes smallest frame, in bytes, served from the pool
     * @param maxFreeBuffers most buffers kept while nobody uses them
     * @param maxFreeBytes   most bytes kept in those buffers
     */
    public ReceiveBufferPool(final int minPooledBytes, final int maxFreeBuffers, final long maxFreeBytes) {
        if (minPooledBytes < 1 || maxFreeBuffers < 0 || maxFreeBytes < 0) {
            throw new IllegalArgumentException("minPooledBytes must be positive and the limits not negative, got "
                + minPooledBytes + ", " + maxFreeBuffers + ", " + maxFreeBytes);
        }
        this.minPooledBytes = minPooledBytes;
        this.maxFreeBuffers = maxFreeBuffers;
        this.maxFreeBytes = maxFreeBytes;
    }

    /**
     * A buffer for a frame of {@code size} bytes: position 0, limit {@code size}. Its bytes are not
     * cleared; the caller fills all of them before reading any.
     */
    public synchronized ByteBuffer acquire(final int size) {
        if (size < minPooledBytes) {
            return ByteBuffer.allocate(size);
        }
        int best = -1;
        for (int i = 0; i < free.size(); i++) {
            final int capacity = free.get(i).capacity();
            if (capacity >= size && (best < 0 || capacity < free.get(best).capacity())) {
                best = i;
            }
        }
        final ByteBuffer buffer;
        if (best >= 0) {
            buffer = free.remove(best);
            freeBytes -= buffer.capacity();
        } else {
            final long rounded = ((long) size + CAPACITY_STEP - 1) / CAPACITY_STEP * CAPACITY_STEP;
            buffer = ByteBuffer.allocate((int) Math.min(Integer.MAX_VALUE - 8, rounded));
        }
        return buffer.clear().limit(size);
    }

    /**
     * Takes back a buffer from {@link #acquire}; nothing may read it or a view of it afterwards, and
     * it may be released once only. Buffers smaller than the pooled size (never pooled) and a buffer
     * that is already free are ignored.
     */
    public synchronized void release(final ByteBuffer buffer) {
        if (buffer == null || buffer.isDirect() || buffer.isReadOnly() || buffer.capacity() < minPooledBytes) {
            return;
        }
        for (final ByteBuffer kept : free) {
            if (kept == buffer) {
                return;
            }
        }
        free.add(buffer);
        freeBytes += buffer.capacity();
        // Over the count, drop the smallest (a smaller response fits in a larger buffer, not the
        // other way round); over the bytes, drop the largest.
        while (free.size() > maxFreeBuffers) {
            freeBytes -= free.remove(extreme(false)).capacity();
        }
        while (freeBytes > maxFreeBytes) {
            freeBytes -= free.remove(extreme(true)).capacity();
        }
    }

    private int extreme(final boolean largest) {
        int index = 0;
        for (int i = 1; i < free.size(); i++) {
            final int capacity = free.get(i).capacity();
            if (largest ? capacity > free.get(index).capacity() : capacity < free.get(index).capacity()) {
                index = i;
            }
        }
        return index;
    }

    /** Buffers kept for reuse now. */
    public synchronized int freeBuffers() {
        return free.size();
    }

    /** Bytes held in free buffers now. */
    public synchronized long freeBytes() {
        return freeBytes;
    }
}
