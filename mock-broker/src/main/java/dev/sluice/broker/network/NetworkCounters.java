package dev.sluice.broker.network;

import java.util.concurrent.atomic.LongAdder;

/**
 * Bytes sent, split by how they left: {@code transferTo} (file slices, zero copy) versus
 * {@code write} from heap buffers. Tests use the split to prove that record bytes are never
 * copied through the heap. Updated by every processor thread; read from any thread.
 */
public final class NetworkCounters {
    private final LongAdder transferToBytes = new LongAdder();
    private final LongAdder heapBytes = new LongAdder();

    void recordTransferToBytes(final long bytes) {
        transferToBytes.add(bytes);
    }

    void recordHeapBytes(final long bytes) {
        heapBytes.add(bytes);
    }

    /** Bytes sent from file slices with {@code FileChannel.transferTo} since start. */
    public long transferToBytes() {
        return transferToBytes.sum();
    }

    /** Bytes written from heap buffers (frame sizes, headers, bodies) since start. */
    public long heapBytes() {
        return heapBytes.sum();
    }
}
