package dev.sluice.client.internal.producer;

import dev.sluice.client.errors.BufferExhaustedException;
import dev.sluice.client.internal.util.Time;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The memory of one producer: at most {@code buffer.memory} bytes of batch buffers exist at any
 * time.
 *
 * <p>Buffers of exactly the poolable size ({@code batch.size}) are kept on a free list and reused,
 * so the steady state allocates nothing. Buffers of any other size (a record bigger than
 * {@code batch.size}) are allocated on demand and, when released, only give their byte count back.
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
     * Hands out a buffer of exactly {@code size} bytes of capacity, waiting up to
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
                if (nonPooledAvailable + (long) free.size() * poolableSize >= size) {
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

    /** Moves pooled buffers into the unpooled count until {@code size} bytes are free there. */
    private void releaseFreeBuffersUntil(final long size) {
        while (nonPooledAvailable < size && !free.isEmpty()) {
            free.pollLast();
            nonPooledAvailable += poolableSize;
        }
    }

    private void signalHeadWaiterIfMemoryFree() {
        final Condition head = waiters.peekFirst();
        if (head != null && (nonPooledAvailable > 0 || !free.isEmpty())) {
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
     * Gives a buffer back. {@code size} is the number of bytes that were allocated for it (its
     * original capacity); a buffer of the poolable size goes on the free list, anything else is
     * dropped and only its byte count returns.
     */
    public void deallocate(final ByteBuffer buffer, final int size) {
        lock.lock();
        try {
            if (size == poolableSize && buffer.capacity() == poolableSize) {
                buffer.clear();
                free.addLast(buffer);
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

    /** Bytes that could be handed out right now: free-listed plus never-allocated. */
    public long availableMemory() {
        lock.lock();
        try {
            return availableMemoryLocked();
        } finally {
            lock.unlock();
        }
    }

    private long availableMemoryLocked() {
        return nonPooledAvailable + (long) free.size() * poolableSize;
    }

    /** Bytes not on the free list and not handed out. */
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
