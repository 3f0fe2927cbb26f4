package dev.sluice.client.internal.producer;

import dev.sluice.client.errors.BufferExhaustedException;
import dev.sluice.client.internal.util.Time;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The memory of one producer: at most {@code buffer.memory} bytes of batch buffers exist at any
 * time.
 *
 * <p>Buffers of exactly the poolable size ({@code batch.size}) are kept on a free list and reused,
 * so the steady state allocates nothing. Larger buffers (compressed batches, which hold more than
 * {@code batch.size} uncompressed, and records bigger than {@code batch.size}) are kept too, as
 * spares: a request for {@code size} bytes takes the smallest spare of {@code size} to
 * {@code 2 * size} bytes. Why: compressed batches of well-compressing data take buffers of up to
 * 1 MiB; allocated afresh for every batch they cost zeroing on the sending thread and, while
 * {@code buffer.memory} is full, young-GC copying of every live buffer (measured: 10 young
 * collections against kafka-clients' 5 in the same run, 1 KiB zstd on a slow broker). Free-listed
 * and spare bytes count as available; when a request needs more than is unallocated, free-listed
 * buffers and then spares are dropped until it fits.
 *
 * <p>Callers that find too little memory wait in strict arrival order (FIFO): a new caller queues
 * behind existing waiters even if its own request would fit, so a large request cannot be starved
 * by a stream of small ones. A wait lasts at most the caller's {@code maxBlockMs}, then fails with
 * {@link BufferExhaustedException}.
 *
 * <p>Ownership: a buffer handed out belongs to the caller until it is passed back to
 * {@link #deallocate(ByteBuffer, int)}; the producer does that only once no in-flight request
 * refers to it. Thread-safe (one lock).
 */
public final class BufferPool {
    private final long totalMemory;
    private final int poolableSize;
    private final Time time;
    private final ReentrantLock lock = new ReentrantLock();
    private final Deque<ByteBuffer> free = new ArrayDeque<>();
    /** Released buffers larger than the poolable size, for reuse; guarded by {@link #lock}. */
    private final List<ByteBuffer> spares = new ArrayList<>();
    /** Total capacity of {@link #spares}, bytes. Guarded by {@link #lock}. */
    private long spareBytes;
    private final Deque<Condition> waiters = new ArrayDeque<>();
    private final LongAdder waitTimeNs = new LongAdder();
    /** Bytes neither on the free list nor handed out. Guarded by {@link #lock}. */
    private long nonPooledAvailable;
    private boolean closed;

    /**
     * @param totalMemory  {@code buffer.memory}, bytes
     * @param poolableSize {@code batch.size}, bytes: the one size that is recycled
     * @param time         clock used to bound waits
     */
    public BufferPool(final long totalMemory, final int poolableSize, final Time time) {
        if (totalMemory <= 0) {
            throw new IllegalArgumentException("buffer.memory must be positive, was " + totalMemory);
        }
        if (poolableSize <= 0) {
            throw new IllegalArgumentException("batch.size must be positive, was " + poolableSize);
        }
        this.totalMemory = totalMemory;
        this.poolableSize = poolableSize;
        this.time = time;
        this.nonPooledAvailable = totalMemory;
    }

    /**
     * Hands out a buffer at position 0 with {@code size} bytes up to its limit: a new or
     * free-listed one of exactly that capacity, or a spare of up to twice that capacity (the whole
     * capacity is charged, and given back by {@link #deallocate(ByteBuffer)}), waiting up to
     * {@code maxBlockMs} for memory.
     *
     * @throws IllegalArgumentException  if {@code size} exceeds the whole pool
     * @throws BufferExhaustedException  if the memory did not become free in time
     * @throws IllegalStateException     if the pool was closed while waiting
     * @throws InterruptedException      if the caller was interrupted while waiting
     */
    public ByteBuffer allocate(final int size, final long maxBlockMs) throws InterruptedException {
        if (size > totalMemory) {
            throw new IllegalArgumentException("Attempt to allocate " + size
                + " bytes, but buffer.memory is only " + totalMemory + " bytes");
        }
        ByteBuffer buffer = null;
        lock.lock();
        try {
            if (closed) {
                throw new IllegalStateException("Producer closed while allocating memory");
            }
            if (waiters.isEmpty()) {
                if (size == poolableSize && !free.isEmpty()) {
                    return free.pollFirst();
                }
                final ByteBuffer spare = takeSpare(size);
                if (spare != null) {
                    return spare;
                }
                if (availableMemoryLocked() >= size) {
                    releaseFreeBuffersUntil(size);
                    nonPooledAvailable -= size;
                    return allocateOutsideLock(size);
                }
            }
            buffer = awaitMemory(size, maxBlockMs);
        } finally {
            signalHeadWaiterIfMemoryFree();
            lock.unlock();
        }
        return buffer != null ? buffer : allocateOutsideLock(size);
    }

    /** Waits in line; returns a recycled buffer, or null when {@code size} bytes were reserved. */
    private ByteBuffer awaitMemory(final int size, final long maxBlockMs) throws InterruptedException {
        final Condition turn = lock.newCondition();
        waiters.addLast(turn);
        long reserved = 0;
        boolean success = false;
        final long startNs = time.nanoseconds();
        final long deadlineNs = startNs + TimeUnit.MILLISECONDS.toNanos(maxBlockMs);
        try {
            while (true) {
                if (closed) {
                    throw new IllegalStateException("Producer closed while allocating memory");
                }
                if (waiters.peekFirst() == turn) {
                    if (reserved == 0 && size == poolableSize && !free.isEmpty()) {
                        success = true;
                        return free.pollFirst();
                    }
                    final ByteBuffer spare = reserved == 0 ? takeSpare(size) : null;
                    if (spare != null) {
                        success = true;
                        return spare;
                    }
                    releaseFreeBuffersUntil(size - reserved);
                    final long got = Math.min(size - reserved, nonPooledAvailable);
                    nonPooledAvailable -= got;
                    reserved += got;
                    if (reserved == size) {
                        success = true;
                        return null;
                    }
                }
                final long remainingNs = deadlineNs - time.nanoseconds();
                if (remainingNs <= 0) {
                    throw new BufferExhaustedException("Failed to allocate " + size + " bytes within the"
                        + " configured max blocking time " + maxBlockMs + " ms. Total memory: " + totalMemory
                        + " bytes. Available memory: " + availableMemoryLocked() + " bytes. Poolable size: "
                        + poolableSize + " bytes");
                }
                time.await(turn, remainingNs);
            }
        } finally {
            waitTimeNs.add(Math.max(0, time.nanoseconds() - startNs));
            waiters.remove(turn);
            if (!success) {
                nonPooledAvailable += reserved;
            }
        }
    }

    /** Moves free-listed, then spare buffers into the unpooled count until {@code size} bytes are free there. */
    private void releaseFreeBuffersUntil(final long size) {
        while (nonPooledAvailable < size && !free.isEmpty()) {
            free.pollLast();
            nonPooledAvailable += poolableSize;
        }
        while (nonPooledAvailable < size && !spares.isEmpty()) {
            final int capacity = spares.remove(spares.size() - 1).capacity();
            spareBytes -= capacity;
            nonPooledAvailable += capacity;
        }
    }

    /** Removes and returns the smallest spare of {@code size} to {@code 2 * size} bytes, limited to {@code size}, or null. */
    private ByteBuffer takeSpare(final int size) {
        if (size <= poolableSize) {
            return null;
        }
        int best = -1;
        for (int i = 0; i < spares.size(); i++) {
            final int capacity = spares.get(i).capacity();
            if (capacity >= size && capacity / 2 <= size && (best < 0 || capacity < spares.get(best).capacity())) {
                best = i;
            }
        }
        if (best < 0) {
            return null;
        }
        final ByteBuffer spare = spares.remove(best);
        spareBytes -= spare.capacity();
        // The limit, not the capacity, is what a batch may fill: the accumulator's size caps hold.
        return spare.clear().limit(size);
    }

    private void signalHeadWaiterIfMemoryFree() {
        final Condition head = waiters.peekFirst();
        if (head != null && (nonPooledAvailable > 0 || !free.isEmpty() || !spares.isEmpty())) {
            head.signal();
        }
    }

    /** Heap buffers: measured no slower than direct for building batches that are copied to sockets anyway. */
    private ByteBuffer allocateOutsideLock(final int size) {
        boolean done = false;
        try {
            final ByteBuffer b = ByteBuffer.allocate(size);
            done = true;
            return b;
        } finally {
            if (!done) {
                lock.lock();
                try {
                    nonPooledAvailable += size;
                    signalHeadWaiterIfMemoryFree();
                } finally {
                    lock.unlock();
                }
            }
        }
    }

    /**
     * Gives a buffer back. {@code size} is the number of bytes that were charged for it (its
     * capacity); a buffer of the poolable size goes on the free list, a larger one is kept as a
     * spare, anything else is dropped and only its byte count returns.
     */
    public void deallocate(final ByteBuffer buffer, final int size) {
        lock.lock();
        try {
            if (size == poolableSize && buffer.capacity() == poolableSize) {
                buffer.clear();
                free.addLast(buffer);
            } else if (size > poolableSize && buffer.capacity() == size) {
                spares.add(buffer);
                spareBytes += size;
            } else {
                nonPooledAvailable += size;
            }
            signalHeadWaiterIfMemoryFree();
        } finally {
            lock.unlock();
        }
    }

    /** Gives back a buffer that was allocated with its own capacity as size. */
    public void deallocate(final ByteBuffer buffer) {
        deallocate(buffer, buffer.capacity());
    }

    /** Bytes that could be handed out right now: free-listed, spare and never-allocated. */
    public long availableMemory() {
        lock.lock();
        try {
            return availableMemoryLocked();
        } finally {
            lock.unlock();
        }
    }

    private long availableMemoryLocked() {
        return nonPooledAvailable + (long) free.size() * poolableSize + spareBytes;
    }

    /** Bytes not on the free list, not spare and not handed out. */
    public long unallocatedMemory() {
        lock.lock();
        try {
            return nonPooledAvailable;
        } finally {
            lock.unlock();
        }
    }

    /** Number of callers waiting for memory; non-zero means the accumulator is short of memory. */
    public int queued() {
        lock.lock();
        try {
            return waiters.size();
        } finally {
            lock.unlock();
        }
    }

    /** Total nanoseconds callers have spent waiting for memory. */
    public long totalWaitTimeNs() {
        return waitTimeNs.sum();
    }

    public int poolableSize() {
        return poolableSize;
    }

    public long totalMemory() {
        return totalMemory;
    }

    /** Wakes every waiter with an {@link IllegalStateException}; later allocations fail too. */
    public void close() {
        lock.lock();
        try {
            closed = true;
            for (final Condition waiter : waiters) {
                waiter.signal();
            }
        } finally {
            lock.unlock();
        }
    }
}
