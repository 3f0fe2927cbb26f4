package dev.sluice.broker.network;

import java.util.concurrent.atomic.LongAdder;

/**
 * Bytes sent, split by how they left: {@code transferTo} (file slices, zero copy) versus
 * {@code write} from heap buffers, and how request frames got their buffers (new allocation versus
 * reuse from a processor's {@link FrameBufferPool}). Tests use the splits to prove that record bytes
 * are never copied through the heap and that frame buffers are reused. Updated by every processor
 * thread; read from any thread.
 */
public final class NetworkCounters {
    private final LongAdder transferToBytes = new LongAdder();
    private final LongAdder transferToCalls = new LongAdder();
    private final LongAdder heapBytes = new LongAdder();
    private final LongAdder connectionsOpened = new LongAdder();
    private final LongAdder connectionsClosed = new LongAdder();
    private final LongAdder frameBuffersAllocated = new LongAdder();
    private final LongAdder frameBuffersReused = new LongAdder();

    void recordTransferToBytes(final long bytes) {
        transferToBytes.add(bytes);
        transferToCalls.increment();
    }

    void recordHeapBytes(final long bytes) {
        heapBytes.add(bytes);
    }

    /** Bytes sent from file slices with {@code FileChannel.transferTo} since start. */
    public long transferToBytes() {
        return transferToBytes.sum();
    }

    /**
     * {@code FileChannel.transferTo} calls since start: one per file slice of a response, plus one per
     * resumption after the socket buffer filled up. Bytes per call show how much each sendfile moved.
     */
    public long transferToCalls() {
        return transferToCalls.sum();
    }

    /** Bytes written from heap buffers (frame sizes, headers, bodies) since start. */
    public long heapBytes() {
        return heapBytes.sum();
    }

    void recordConnectionOpened() {
        connectionsOpened.increment();
    }

    void recordConnectionClosed() {
        connectionsClosed.increment();
    }

    /**
     * Client connections a processor holds now: adopted and not yet closed (by the peer, an error or
     * shutdown). A closed connection has given back its queued response parts, and with them the
     * segment slices they pinned.
     */
    public long openConnections() {
        return connectionsOpened.sum() - connectionsClosed.sum();
    }

    void recordFrameBufferAllocated() {
        frameBuffersAllocated.increment();
    }

    void recordFrameBufferReused() {
        frameBuffersReused.increment();
    }

    /** Request-frame buffers allocated since start (a large frame that grows counts each step). */
    public long frameBuffersAllocated() {
        return frameBuffersAllocated.sum();
    }

    /** Request-frame buffers taken from a pool instead of allocated, since start. */
    public long frameBuffersReused() {
        return frameBuffersReused.sum();
    }
}
