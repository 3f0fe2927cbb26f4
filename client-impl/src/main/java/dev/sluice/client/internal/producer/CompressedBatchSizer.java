package dev.sluice.client.internal.producer;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Decides how far a compressed batch may grow before it counts as full, so that a batch's
 * <em>compressed</em> size, not its uncompressed size, lands near {@code batch.size}.
 *
 * <p>Sluice compresses a batch only when the sender closes it, so while records are appended the
 * compressed size is unknown. This class keeps, per topic (a producer has one codec), an estimate
 * of compressed/uncompressed size learned from the batches closed so far, and the uncompressed
 * fill of recent batches:
 * <ul>
 *   <li>{@link #ratio(String)} is what a new batch multiplies its uncompressed bytes by (with a
 *       {@link #SAFETY_MARGIN}) to decide it is full. It starts at 1.0 (assume nothing compresses).
 *       When a batch compresses better than estimated, the estimate moves down by an eighth of the
 *       gap (at least {@link #IMPROVE_MIN_STEP}) per batch: slowly, because a too-low estimate makes
 *       batches the broker may reject. When a batch compresses worse, the estimate jumps up at once
 *       to the observed ratio, and by at least {@link #DETERIORATE_MIN_STEP}.</li>
 *   <li>{@link #bufferSize(String)} is the capacity of a new batch's buffer: enough uncompressed room
 *       to reach {@code batch.size} at the estimated ratio, but no more than twice what recent
 *       batches of the topic actually held (so a slow topic keeps {@code batch.size} buffers and
 *       {@code buffer.memory} is not tied up by half-empty large buffers), never below
 *       {@code batch.size} and never above {@code maxBatchBytes}. The cap bounds the compressed
 *       size too (a codec expands incompressible data by well under 1%), which is what keeps a
 *       batch within what a broker accepts; a broker configured lower still rejects it with
 *       MESSAGE_TOO_LARGE and the sender splits it.</li>
 * </ul>
 *
 * <p>Threads: {@link #batchClosed} and {@link #batchTooLarge} are called by the sender thread only
 * (it closes batches); {@link #ratio} and {@link #bufferSize} are read by application threads.
 * One writer per topic state, so volatile fields suffice. All sizes are in bytes.
 */
public final class CompressedBatchSizer {
    /** Lowest step the estimate moves down by per better-compressed batch. */
    static final float IMPROVE_MIN_STEP = 0.005f;
    /** Lowest step the estimate moves up by per worse-compressed batch. */
    static final float DETERIORATE_MIN_STEP = 0.05f;
    /** Head-room on the estimate when deciding that a batch is full: 5% more compressed bytes than estimated. */
    static final float SAFETY_MARGIN = 1.05f;
    /** The estimate never goes below this (a batch of identical records still has headers to store). */
    static final float MIN_RATIO = 0.001f;

    private final boolean compressed;
    private final int batchSize;
    private final int maxBatchBytes;
    private final ConcurrentMap<String, TopicState> topics = new ConcurrentHashMap<>();

    /**
     * @param compressed    false for {@code compression.type=none}: every batch is then
     *                      {@code batch.size} and the ratio stays 1.0
     * @param batchSize     {@code batch.size}, the target compressed size of a batch
     * @param maxBatchBytes largest buffer a compressed batch may get (uncompressed bytes held)
     */
    public CompressedBatchSizer(final boolean compressed, final int batchSize, final int maxBatchBytes) {
        if (batchSize <= 0 || maxBatchBytes < batchSize) {
            throw new IllegalArgumentException("need 0 < batch.size <= maxBatchBytes, got " + batchSize + " and "
                + maxBatchBytes);
        }
        this.compressed = compressed;
        this.batchSize = batchSize;
        this.maxBatchBytes = maxBatchBytes;
    }

    /** Estimated compressed/uncompressed ratio of {@code topic}'s batches, before the safety margin. */
    public float ratio(final String topic) {
        final TopicState state = compressed ? topics.get(topic) : null;
        return state == null ? 1.0f : state.ratio;
    }

    /** The ratio a new batch should fill by: {@link #ratio} with the safety margin. */
    float fillRatio(final String topic) {
        return compressed ? ratio(topic) * SAFETY_MARGIN : 1.0f;
    }

    /** Capacity, in bytes, for the buffer of {@code topic}'s next batch. */
    int bufferSize(final String topic) {
        final TopicState state = compressed ? topics.get(topic) : null;
        if (state == null) {
            return batchSize;
        }
        final long byRatio = (long) Math.ceil(batchSize / (state.ratio * SAFETY_MARGIN));
        final long byFill = 2L * state.recentFill;
        return (int) Math.max(batchSize, Math.min(maxBatchBytes, Math.min(byRatio, byFill)));
    }

    /**
     * Learns from a batch the sender just closed. Sender thread.
     *
     * @param uncompressedBytes bytes of records before compression
     * @param compressedBytes   bytes of the records section after compression
     */
    void batchClosed(final String topic, final int uncompressedBytes, final int compressedBytes) {
        if (!compressed || uncompressedBytes <= 0) {
            return;
        }
        final TopicState state = topics.computeIfAbsent(topic, t -> new TopicState());
        final float observed = (float) compressedBytes / uncompressedBytes;
        final float current = state.ratio;
        if (observed > current) {
            state.ratio = Math.max(observed, current + DETERIORATE_MIN_STEP);
        } else if (observed < current) {
            final float step = Math.max(IMPROVE_MIN_STEP, (current - observed) / 8);
            state.ratio = Math.max(MIN_RATIO, Math.max(observed, current - step));
        }
        // A decaying maximum: one half-empty batch (drained by linger) shrinks the next buffers
        // only gradually, a run of them brings buffers back to batch.size.
        final int recent = state.recentFill;
        state.recentFill = Math.max(uncompressedBytes, recent - recent / 4);
    }

    /**
     * A broker rejected one of {@code topic}'s batches as too large: assume nothing compresses
     * again (or worse, if this batch expanded), so that the split halves and the batches after
     * them are sized as if uncompressed until closed batches show otherwise. Sender thread.
     */
    void batchTooLarge(final String topic, final int uncompressedBytes, final int compressedBytes) {
        if (!compressed) {
            return;
        }
        final TopicState state = topics.computeIfAbsent(topic, t -> new TopicState());
        final float observed = uncompressedBytes <= 0 ? 1.0f : (float) compressedBytes / uncompressedBytes;
        state.ratio = Math.max(1.0f, observed);
        state.recentFill = batchSize;
    }

    /** Per-topic estimate; written by the sender thread only. */
    private static final class TopicState {
        volatile float ratio = 1.0f;
        volatile int recentFill;
    }
}
