package dev.sluice.client.internal.producer;

import dev.sluice.codec.record.Header;

import dev.sluice.client.TopicPartition;
import dev.sluice.codec.record.RecordBatch;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Records for one partition on their way to the broker, in one pooled buffer.
 *
 * <p>Life: open (application threads append under the deque lock) -> closed by the sender when
 * drained (compressed, header and CRC written) -> in flight -> completed once, successfully or
 * not. Completion and buffer release are separate on purpose: a batch that expires while its
 * request is in flight is completed (failed) at once, but its buffer stays out of the pool until
 * the request's response or failure, because the socket may still be reading from it.
 *
 * <p>A batch the broker rejected as too large is split: its records move, with their
 * completions, into smaller sealed batches (see {@link RecordAccumulator#splitAndReenqueue}) and
 * the big batch itself is never completed; waiting on it waits for its pieces instead.
 */
public final class ProducerBatch {
    public static final int NO_SEQUENCE = -1;

    private static final RecordCompletion[] NO_COMPLETIONS = new RecordCompletion[0];
    private static final long[] NO_TIMESTAMPS = new long[0];
    private static final int MIN_INITIAL_SLOTS = 16;
    /** Bounds what a batch of tiny records reserves up front (16 KiB of references and timestamps). */
    private static final int MAX_INITIAL_SLOTS = 1024;

    private final TopicPartition partition;
    private final RecordsWriter writer;
    private final ByteBuffer pooledBuffer;
    /** False for split pieces, whose buffers come from the heap and never go back to the pool. */
    private final boolean pooled;
    private final long createdMs;
    /** Completions by offset delta, {@code recordCount} of them; sized from the first record (see appendFirst). */
    private RecordCompletion[] thunks = NO_COMPLETIONS;
    private int recordCount;
    private final AtomicBoolean completed = new AtomicBoolean();
    private final CountDownLatch completion = new CountDownLatch(1);
    /** Each record's own timestamp, by offset delta: a primitive array, as every append adds one. */
    private long[] timestamps = NO_TIMESTAMPS;
    /** Largest and total per-record size estimates (bytes) appended, for the record-size metrics. */
    private int maxRecordSize;
    private long totalRecordSize;
    private ByteBuffer closedBytes;
    /** A split piece: takes no appends, yet is not backing off like a retry. */
    private boolean sealed;
    /** The batches this one was split into, once split; written before the latch opens. */
    private volatile List<ProducerBatch> splitInto = List.of();
    private long lastAttemptMs;
    private int attempts;
    private boolean retry;
    private boolean inFlight;
    private int baseSequence = NO_SEQUENCE;
    private long producerId = -1;
    private short producerEpoch = -1;

    ProducerBatch(final TopicPartition partition, final RecordsWriter writer, final ByteBuffer pooledBuffer,
                  final long createdMs) {
        this(partition, writer, pooledBuffer, true, createdMs);
    }

    /**
     * @param pooled    whether {@code buffer} came from the pool and goes back to it once released
     * @param createdMs creation time, epoch ms: {@code delivery.timeout.ms} counts from here
     */
    ProducerBatch(final TopicPartition partition, final RecordsWriter writer, final ByteBuffer buffer,
                  final boolean pooled, final long createdMs) {
        this.partition = partition;
        this.writer = writer;
        this.pooledBuffer = buffer;
        this.pooled = pooled;
        this.createdMs = createdMs;
        this.lastAttemptMs = createdMs;
    }

    /**
     * Appends if there is room.
     *
     * @return false if the batch is full or closed (the caller opens a new batch)
     */
    boolean tryAppend(final long timestampMs, final byte[] key, final byte[] value, final Header[] headers,
                      final int recordSize, final RecordCompletion completion) {
        if (closedBytes != null || !writer.hasRoomFor(timestampMs, key, value, headers)) {
            return false;
        }
        writer.append(timestampMs, key, value, headers);
        added(timestampMs, recordSize, completion);
        return true;
    }

    /** Appends unconditionally: the first record of a batch always goes in. */
    void appendFirst(final long timestampMs, final byte[] key, final byte[] value, final Header[] headers,
                     final int recordSize, final RecordCompletion completion) {
        writer.append(timestampMs, key, value, headers);
        // Size the per-record arrays once for as many records like this one as the batch can take
        // (later offset deltas take a byte or two more, hence the eighth), so a full batch of
        // small records does not regrow them several times on the sending thread.
        final int first = Math.max(1, writer.uncompressedSizeInBytes() - RecordBatch.HEADER_SIZE);
        final long expected = writer.uncompressedCapacityInBytes() / first + 1;
        final int slots = (int) Math.min(MAX_INITIAL_SLOTS, Math.max(MIN_INITIAL_SLOTS, expected + expected / 8));
        thunks = new RecordCompletion[slots];
        timestamps = new long[slots];
        added(timestampMs, recordSize, completion);
    }

    private void added(final long timestampMs, final int recordSize, final RecordCompletion completion) {
        maxRecordSize = Math.max(maxRecordSize, recordSize);
        totalRecordSize += recordSize;
        final int index = recordCount;
        if (index == thunks.length) {
            final int grown = Math.max(MIN_INITIAL_SLOTS, index * 2);
            timestamps = Arrays.copyOf(timestamps, grown);
            thunks = Arrays.copyOf(thunks, grown);
        }
        timestamps[index] = timestampMs;
        thunks[index] = completion;
        recordCount = index + 1;
    }

    /** True if the batch reached its size limit (a sealed split piece counts as full). */
    boolean isFull() {
        return closedBytes != null || sealed || writer.isFull();
    }

    /** True if the batch's records take at least {@code bytes} bytes before compression. */
    boolean holdsUncompressed(final int bytes) {
        return writer.uncompressedSizeInBytes() >= bytes;
    }

    /** Takes no more appends: for split pieces, which must keep exactly their records. */
    void seal() {
        sealed = true;
    }

    /** The completion of the record at {@code index} (its offset delta). */
    RecordCompletion completionAt(final int index) {
        if (index >= recordCount) {
            throw new IndexOutOfBoundsException("record " + index + " of a batch of " + recordCount);
        }
        return thunks[index];
    }

    /**
     * Hands this batch's records over to {@code pieces} (which now own the completions) and
     * releases threads waiting on this batch to wait on the pieces. Sender thread.
     */
    void replacedBy(final List<ProducerBatch> pieces) {
        splitInto = List.copyOf(pieces);
        completed.set(true);
        completion.countDown();
    }

    /** Finishes the batch (compressing it) on first call; later calls return the same bytes. */
    ByteBuffer close() {
        if (closedBytes == null) {
            if (producerId >= 0) {
                writer.producerState(producerId, producerEpoch, baseSequence);
            }
            closedBytes = writer.close();
        }
        return closedBytes.duplicate();
    }

    boolean isClosed() {
        return closedBytes != null;
    }

    /**
     * Completes every record of the batch, once. Later calls (a late response after expiry) are
     * ignored.
     *
     * @param baseOffset    offset of the first record, or -1 if unknown
     * @param logAppendTime broker timestamp, or -1 to report each record's own timestamp
     * @return true if this call completed the batch
     */
    public boolean complete(final long baseOffset, final long logAppendTime, final RuntimeException error) {
        if (!completed.compareAndSet(false, true)) {
            return false;
        }
        for (int i = 0; i < recordCount; i++) {
            final long offset = error != null || baseOffset < 0 ? -1 : baseOffset + i;
            final long timestamp = logAppendTime >= 0 ? logAppendTime : timestamps[i];
            thunks[i].complete(offset, timestamp, error);
        }
        completion.countDown();
        return true;
    }

    public boolean isCompleted() {
        return completed.get();
    }

    /** Blocks until completed or the timeout passes (used by flush). */
    public boolean await(final long timeoutMs) throws InterruptedException {
        return completion.await(timeoutMs, TimeUnit.MILLISECONDS);
    }

    /** Blocks until completed, or until every piece of a split batch is (used by flush). */
    public void await() throws InterruptedException {
        completion.await();
        for (final ProducerBatch piece : splitInto) {
            piece.await();
        }
    }

    public TopicPartition partition() {
        return partition;
    }

    public int recordCount() {
        return recordCount;
    }

    public int estimatedSizeInBytes() {
        return closedBytes != null ? closedBytes.remaining() : writer.estimatedSizeInBytes();
    }

    /** Largest size estimate (bytes) of a record appended, as {@code send} computed it. */
    public int maxRecordSize() {
        return maxRecordSize;
    }

    /** Mean size estimate (bytes) of the records appended. */
    public double averageRecordSize() {
        return recordCount == 0 ? 0 : (double) totalRecordSize / recordCount;
    }

    public int uncompressedSizeInBytes() {
        return writer.uncompressedSizeInBytes();
    }

    /** About the {@link #uncompressedSizeInBytes()} at which this batch counts as full, bytes. */
    int uncompressedCapacity() {
        return writer.uncompressedCapacityInBytes();
    }

    public long createdMs() {
        return createdMs;
    }

    ByteBuffer pooledBuffer() {
        return pooledBuffer;
    }

    boolean isPooled() {
        return pooled;
    }

    /** True once {@code delivery.timeout.ms} has passed since creation. */
    public boolean hasReachedDeliveryTimeout(final long deliveryTimeoutMs, final long nowMs) {
        return nowMs - createdMs >= deliveryTimeoutMs;
    }

    public int attempts() {
        return attempts;
    }

    public long lastAttemptMs() {
        return lastAttemptMs;
    }

    /** Marks the batch as being sent at {@code nowMs}. Sender thread only. */
    void drained(final long nowMs) {
        attempts++;
        lastAttemptMs = nowMs;
        inFlight = true;
    }

    /** Marks the batch as queued again for retry at {@code nowMs}. Sender thread only. */
    void reenqueued(final long nowMs) {
        retry = true;
        inFlight = false;
        lastAttemptMs = nowMs;
    }

    boolean isInRetryOrClosed() {
        return retry || sealed || closedBytes != null;
    }

    public boolean inRetry() {
        return retry;
    }

    public boolean isInFlight() {
        return inFlight;
    }

    /** The request carrying this batch has been answered or failed. Sender thread only. */
    public void requestFinished() {
        inFlight = false;
    }

    public boolean hasSequence() {
        return baseSequence != NO_SEQUENCE;
    }

    public int baseSequence() {
        return baseSequence;
    }

    public long producerId() {
        return producerId;
    }

    public short producerEpoch() {
        return producerEpoch;
    }

    /** Assigns the idempotence fields before the batch is first closed. Sender thread only. */
    void assignProducerState(final long id, final short epoch, final int sequence) {
        if (closedBytes != null) {
            throw new IllegalStateException("Batch for " + partition + " already closed");
        }
        this.producerId = id;
        this.producerEpoch = epoch;
        this.baseSequence = sequence;
    }

    /**
     * Gives a batch new idempotence fields, also when it is already closed: the fields sit inside
     * the CRC-covered part, so the bytes are patched and the checksum rewritten. Sender thread.
     */
    void restamp(final long id, final short epoch, final int sequence) {
        this.producerId = id;
        this.producerEpoch = epoch;
        this.baseSequence = sequence;
        if (closedBytes != null) {
            closedBytes.putLong(RecordBatch.PRODUCER_ID_OFFSET, id);
            closedBytes.putShort(RecordBatch.PRODUCER_EPOCH_OFFSET, epoch);
            closedBytes.putInt(RecordBatch.BASE_SEQUENCE_OFFSET, sequence);
            new RecordBatch().wrap(closedBytes, 0).writeChecksum();
        }
    }

    @Override
    public String toString() {
        return "ProducerBatch(" + partition + ", records=" + recordCount + ", seq=" + baseSequence + ")";
    }
}
