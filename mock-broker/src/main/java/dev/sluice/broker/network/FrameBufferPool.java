package dev.sluice.broker.network;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Heap buffers for request frames, reused across the connections of one processor so that reading a
 * request does not allocate. Before this pool every frame got a fresh buffer: under produce load that
 * was nearly all of the broker's allocation (every produced byte, once), measured with JFR in
 * docs/benchmarks-broker.md.
 *
 * <p><b>Ownership.</b> Used only by its processor's thread: frames are read there, and completions
 * (which give buffers back) are applied there, so there is no locking. A buffer handed out by
 * {@link #acquire} belongs to the caller until it calls {@link #release}; for a request frame that is
 * when the request has completed (answered, answered with nothing, or its connection closed on the
 * handler's request), because the frame's bytes, and the slices of them that a Produce body's records
 * are, must stay intact while any handler or parked request can still read them.
 *
 * <p><b>Bounds.</b> Buffers come in power-of-two capacities from {@value #MIN_POOLED_BYTES} bytes up
 * to {@code maxPooledBufferBytes}; a larger request gets an exact-size buffer that is never kept. The
 * free list holds at most {@code maxFreeBytes} in total; what does not fit is left to the garbage
 * collector. So the pool adds at most {@code maxFreeBytes} to what {@code socket.request.max.bytes}
 * already bounds per connection.
 */
final class FrameBufferPool {
    /** Smallest capacity handed out: small requests (metadata, heartbeats) share one size class. */
    static final int MIN_POOLED_BYTES = 1024;
    /** Default for the largest buffer kept: kafka-clients' default max.request.size. */
    static final int DEFAULT_MAX_POOLED_BUFFER_BYTES = 1024 * 1024;
    /** Default for the free list's total capacity, per processor. */
    static final int DEFAULT_MAX_FREE_BYTES = 8 * 1024 * 1024;

    private final int maxPooledBufferBytes;
    private final long maxFreeBytes;
    private final NetworkCounters counters;
    private final List<ByteBuffer> free = new ArrayList<>();
    private long freeBytes;

    /**
     * @param maxPooledBufferBytes largest capacity kept for reuse (a power of two, at least
     *                             {@value #MIN_POOLED_BYTES})
     * @param maxFreeBytes         most bytes the free list holds at once
     * @param counters             where allocations and reuses are counted
     */
    FrameBufferPool(final int maxPooledBufferBytes, final long maxFreeBytes, final NetworkCounters counters) {
        if (maxPooledBufferBytes < MIN_POOLED_BYTES || Integer.bitCount(maxPooledBufferBytes) != 1) {
            throw new IllegalArgumentException("largest pooled frame buffer must be a power of two of at least "
                    + MIN_POOLED_BYTES + " bytes, was " + maxPooledBufferBytes);
        }
        this.maxPooledBufferBytes = maxPooledBufferBytes;
        this.maxFreeBytes = maxFreeBytes;
        this.counters = counters;
    }

    /**
     * A cleared buffer of at least {@code minCapacity} bytes: the smallest free one that fits, else a new
     * one. Callers check {@code minCapacity} against {@code socket.request.max.bytes} first, so a
     * hostile size prefix never gets here.
     */
    ByteBuffer acquire(final int minCapacity) {
        int best = -1;
        for (int i = 0; i < free.size(); i++) {
            final int capacity = free.get(i).capacity();
            if (capacity >= minCapacity && (best < 0 || capacity < free.get(best).capacity())) {
                best = i;
            }
        }
        if (best >= 0) {
            final ByteBuffer buffer = free.remove(best);
            freeBytes -= buffer.capacity();
            counters.recordFrameBufferReused();
            return buffer.clear();
        }
        counters.recordFrameBufferAllocated();
        return ByteBuffer.allocate(capacityFor(minCapacity));
    }

    /**
     * Takes a buffer back for reuse. The caller promises that nothing reads or writes it any more; a
     * buffer that is too large, or that would push the free list over its bound, is dropped instead.
     */
    void release(final ByteBuffer buffer) {
        final int capacity = buffer.capacity();
        if (!poolable(capacity) || freeBytes + capacity > maxFreeBytes) {
            return;
        }
        free.add(buffer);
        freeBytes += capacity;
    }

    /** Total capacity of the free buffers, in bytes. */
    long freeBytes() {
        return freeBytes;
    }

    private int capacityFor(final int minCapacity) {
        if (minCapacity > maxPooledBufferBytes) {
            return minCapacity;
        }
        return Math.max(MIN_POOLED_BYTES, Integer.highestOneBit(Math.max(1, minCapacity - 1)) << 1);
    }

    /** Only the size classes {@link #acquire} creates are kept, so the free list never fragments. */
    private boolean poolable(final int capacity) {
        return capacity >= MIN_POOLED_BYTES && capacity <= maxPooledBufferBytes && Integer.bitCount(capacity) == 1;
    }
}
