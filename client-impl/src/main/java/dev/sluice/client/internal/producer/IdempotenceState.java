package dev.sluice.client.internal.producer;

import dev.sluice.client.TopicPartition;

import java.util.HashMap;
import java.util.Map;

/**
 * The idempotent producer's identity and per-partition sequence numbers.
 *
 * <p>A producer id and epoch come from InitProducerId; each partition's batches then carry
 * consecutive sequence numbers (base sequence of a batch = sequence of its first record), which is
 * how the broker drops duplicates of a retried batch and refuses gaps. A batch keeps its
 * sequence across retries. When a batch with a sequence fails for good, the sequence space of
 * that producer id has a hole, so the state asks for a new producer id ({@link #needsReset()}) and
 * sequences restart at 0. Sender thread only, except the volatile reads noted.
 */
public final class IdempotenceState {
    public static final long NO_PRODUCER_ID = -1L;
    public static final short NO_EPOCH = -1;

    private final Map<TopicPartition, Integer> nextSequence = new HashMap<>();
    private volatile long producerId = NO_PRODUCER_ID;
    private volatile short epoch = NO_EPOCH;
    private boolean resetRequested;

    public boolean hasProducerId() {
        return producerId != NO_PRODUCER_ID;
    }

    public long producerId() {
        return producerId;
    }

    public short epoch() {
        return epoch;
    }

    /** Installs the id from an InitProducerId response; sequences restart at 0. */
    public void producerIdAssigned(final long id, final short newEpoch) {
        this.producerId = id;
        this.epoch = newEpoch;
        this.resetRequested = false;
        nextSequence.clear();
    }

    /** The sequence the next new batch of {@code tp} gets. */
    int nextSequence(final TopicPartition tp) {
        return nextSequence.getOrDefault(tp, 0);
    }

    void advance(final TopicPartition tp, final int records) {
        nextSequence.put(tp, incrementSequence(nextSequence(tp), records));
    }

    /** {@code sequence + records}, wrapping at Integer.MAX_VALUE to 0 as the broker expects. */
    static int incrementSequence(final int sequence, final int records) {
        final long next = (long) sequence + records;
        return (int) (next > Integer.MAX_VALUE ? next - Integer.MAX_VALUE - 1 : next);
    }

    /** A batch with a sequence failed for good: get a new producer id before sending more. */
    public void requestReset() {
        resetRequested = true;
    }

    public boolean needsReset() {
        return resetRequested;
    }

    /** Drops the id (and any pending reset) so that the sender fetches a new one. */
    public void clearProducerId() {
        producerId = NO_PRODUCER_ID;
        epoch = NO_EPOCH;
        resetRequested = false;
        nextSequence.clear();
    }
}
