package dev.sluice.broker.log;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import dev.sluice.broker.log.internal.LogSegment;
import dev.sluice.broker.log.internal.ProducerStateTable;
import dev.sluice.broker.log.internal.ProducerStateTable.BatchMetadata;
import dev.sluice.broker.log.internal.ProducerStateTable.Verdict;
import dev.sluice.broker.log.internal.SegmentFiles;
import dev.sluice.codec.protocol.Errors;
import dev.sluice.codec.record.CorruptRecordException;
import dev.sluice.codec.record.RecordBatch;
import dev.sluice.codec.record.TimestampType;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The log of one topic partition: segment files named by base offset, each with a sparse offset
 * index, holding RecordBatch v2 batches exactly as producers sent them (only baseOffset and
 * partitionLeaderEpoch, both outside the CRC, are patched; LogAppendTime topics also get their
 * timestamp stamped and CRC rewritten, as Kafka does).
 *
 * <p>Concurrency model: one {@link ReentrantReadWriteLock} per partition. {@link #append}, roll,
 * {@link #enforceRetention} and {@link #close} take the write lock; {@link #read} and
 * {@link #offsetForTimestamp} take the read lock only to locate bytes and pin the segment, then hand
 * out a {@link FileSlice} that is sent with no lock held. Readers therefore only ever see batches up
 * to the published log end offset, whole and immutable. Batch validation (CRC) runs before the lock.
 * The offset accessors read volatile fields and never block.
 */
public final class PartitionLog implements AutoCloseable {
    /** ListOffsets timestamp meaning "the log start offset". */
    public static final long EARLIEST_TIMESTAMP = -2L;
    /** ListOffsets timestamp meaning "the log end offset". */
    public static final long LATEST_TIMESTAMP = -1L;

    /** Written by {@link #close()}: its absence on open means a crash, so the active segment is fully checked. */
    static final String CLEAN_SHUTDOWN_FILE = ".clean-shutdown";

    private static final Logger LOG = LoggerFactory.getLogger(PartitionLog.class);

    private final String topic;
    private final int partition;
    private final Path dir;
    private final LogConfig config;
    private final Clock clock;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final TreeMap<Long, LogSegment> segments = new TreeMap<>();
    private final List<LogSegment> retiredSegments = new ArrayList<>();
    private final ProducerStateTable producers = new ProducerStateTable();
    private volatile long logStartOffset;
    private volatile long logEndOffset;
    private volatile boolean closed;
    private long unflushedBatches;
    private long lastFlushMs;

    private PartitionLog(final Path dir, final String topic, final int partition, final LogConfig config,
                         final Clock clock) {
        this.dir = dir;
        this.topic = topic;
        this.partition = partition;
        this.config = config;
        this.clock = clock;
    }

    /**
     * Opens the partition in {@code dir} (created if absent) and recovers it: leftover deleted files
     * are removed, every segment is opened with its index checked (rebuilt when missing or stale), the
     * last segment is CRC-checked from its last index entry (all of it after a crash, when the clean
     * shutdown marker is missing) and a torn or corrupt tail is cut off; producer state is loaded from
     * the latest snapshot and brought up to date from the batches after it.
     */
    public static PartitionLog open(final Path dir, final String topic, final int partition, final LogConfig config,
                                    final Clock clock) throws IOException {
        Files.createDirectories(dir);
        final PartitionLog log = new PartitionLog(dir, topic, partition, config, clock);
        try {
            log.recover();
        } catch (final IOException | RuntimeException e) {
            log.releaseSegments();
            throw e;
        }
        return log;
    }

    private void recover() throws IOException {
        final Path marker = dir.resolve(CLEAN_SHUTDOWN_FILE);
        final boolean cleanShutdown = Files.exists(marker);
        // From here on a crash is unclean until close() writes the marker again.
        Files.deleteIfExists(marker);
        final TreeSet<Long> baseOffsets = new TreeSet<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (final Path file : files) {
                final String name = file.getFileName().toString();
                if (name.endsWith(SegmentFiles.DELETED_SUFFIX) || name.endsWith(".tmp")) {
                    Files.deleteIfExists(file);
                    continue;
                }
                final long baseOffset = SegmentFiles.parseOffset(name, SegmentFiles.LOG_SUFFIX);
                if (baseOffset >= 0) {
                    baseOffsets.add(baseOffset);
                }
            }
        }
        for (final long baseOffset : baseOffsets) {
            final LogSegment.Recovery recovery = baseOffset != baseOffsets.last() ? LogSegment.Recovery.TRUST_INDEX
                    : cleanShutdown ? LogSegment.Recovery.CHECK_TAIL : LogSegment.Recovery.CHECK_ALL;
            segments.put(baseOffset, LogSegment.open(dir, baseOffset, config.segmentIndexBytes(),
                    config.indexIntervalBytes(), recovery));
        }
        if (segments.isEmpty()) {
            segments.put(0L, LogSegment.create(dir, 0L, config.segmentIndexBytes(), config.indexIntervalBytes()));
        }
        logStartOffset = segments.firstKey();
        logEndOffset = segments.lastEntry().getValue().nextOffset();
        lastFlushMs = clock.millis();
        recoverProducerState();
        LOG.debug("Opened {}-{} at {}: offsets [{}, {}) in {} segments, {} producers", topic, partition, dir,
                logStartOffset, logEndOffset, segments.size(), producers.size());
    }

    private void recoverProducerState() throws IOException {
        long snapshotOffset = -1;
        final List<Path> snapshots = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*" + SegmentFiles.SNAPSHOT_SUFFIX)) {
            for (final Path file : files) {
                final long offset = SegmentFiles.parseOffset(file.getFileName().toString(), SegmentFiles.SNAPSHOT_SUFFIX);
                if (offset >= 0 && offset <= logEndOffset && offset > snapshotOffset) {
                    snapshotOffset = offset;
                }
                snapshots.add(file);
            }
        }
        for (final Path file : snapshots) {
            if (!file.equals(SegmentFiles.snapshotFile(dir, snapshotOffset))) {
                // Snapshots past the (possibly truncated) log end describe batches that are gone.
                Files.deleteIfExists(file);
            }
        }
        long replayFrom = logStartOffset;
        if (snapshotOffset >= 0) {
            try {
                producers.readSnapshot(SegmentFiles.snapshotFile(dir, snapshotOffset));
                replayFrom = Math.max(snapshotOffset, logStartOffset);
            } catch (final IOException e) {
                LOG.warn("Ignoring producer snapshot of {}-{}; rebuilding producer state from the log", topic,
                        partition, e);
                producers.clear();
            }
        }
        final long from = replayFrom;
        for (final LogSegment segment : segments.values()) {
            if (segment.nextOffset() > from) {
                segment.forEachHeader(from, this::replayBatch);
            }
        }
    }

    private void replayBatch(final RecordBatch header) {
        if (header.producerId() != RecordBatch.NO_PRODUCER_ID) {
            producers.replay(header.producerId(), header.producerEpoch(), new BatchMetadata(header.baseSequence(),
                    header.lastSequence(), header.baseOffset(), header.lastOffset(), header.maxTimestamp()));
        }
    }

    public String topic() {
        return topic;
    }

    public int partition() {
        return partition;
    }

    public Path dir() {
        return dir;
    }

    public LogConfig config() {
        return config;
    }

    /** First offset still in the log; advances when retention deletes segments. */
    public long logStartOffset() {
        return logStartOffset;
    }

    /** Offset the next appended record gets. */
    public long logEndOffset() {
        return logEndOffset;
    }

    /** Single node: everything appended is committed, so this equals {@link #logEndOffset()}. */
    public long highWatermark() {
        return logEndOffset;
    }

    /** Number of segments, active one included. */
    public int segmentCount() {
        lock.readLock().lock();
        try {
            return segments.size();
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Total bytes of batches in all segments. */
    public long sizeInBytes() {
        lock.readLock().lock();
        try {
            long total = 0;
            for (final LogSegment segment : segments.values()) {
                total += segment.size();
            }
            return total;
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * Validates and appends the batches in {@code records} (position to limit), assigning offsets.
     *
     * <p>Every batch is checked first: whole and inside the region, magic 2, CRC, recordCount equal to
     * lastOffsetDelta + 1, no bigger than max.message.bytes, no control batch, and the producer's
     * sequence and epoch. If any check fails nothing is appended. On success baseOffset and
     * partitionLeaderEpoch are patched in place in {@code records} (and LogAppendTime stamped when the
     * topic asks for it), then the bytes are written as they are. The buffer's position and limit are
     * left alone; the caller keeps ownership of it.
     *
     * @param leaderEpoch the epoch to stamp into each batch's partitionLeaderEpoch
     */
    public AppendResult append(final ByteBuffer records, final int leaderEpoch) {
        final RecordBatch batch = new RecordBatch();
        final Problem problem = validate(records, batch);
        if (problem != null) {
            return AppendResult.failed(problem.error(), problem.message(), logStartOffset);
        }
        lock.writeLock().lock();
        try {
            if (closed) {
                return AppendResult.failed(Errors.UNKNOWN_TOPIC_OR_PARTITION,
                        "partition " + topic + "-" + partition + " is closed or deleted", logStartOffset);
            }
            return appendValidated(records, leaderEpoch, batch);
        } catch (final IOException e) {
            LOG.error("Append to {}-{} failed", topic, partition, e);
            return AppendResult.failed(Errors.KAFKA_STORAGE_ERROR, "I/O error appending to " + topic + "-"
                    + partition + ": " + e.getMessage(), logStartOffset);
        } finally {
            lock.writeLock().unlock();
        }
    }

    private AppendResult appendValidated(final ByteBuffer records, final int leaderEpoch, final RecordBatch batch)
            throws IOException {
        final boolean logAppendTime = config.timestampType() == TimestampType.LOG_APPEND_TIME;
        final long now = clock.millis();
        final ProducerStateTable.Pending pending = producers.begin();
        long next = logEndOffset;
        for (int at = records.position(); at < records.limit(); at += batch.sizeInBytes()) {
            batch.wrap(records, at);
            if (batch.producerId() != RecordBatch.NO_PRODUCER_ID) {
                final Verdict verdict = pending.check(batch.producerId(), batch.producerEpoch(), batch.baseSequence(),
                        batch.lastSequence());
                if (verdict == Verdict.DUPLICATE) {
                    final BatchMetadata original = pending.duplicate();
                    return AppendResult.duplicateOf(original.firstOffset(), logAppendTime ? original.timestamp() : -1L,
                            logStartOffset);
                }
                if (verdict != Verdict.ACCEPT) {
                    return producerFailure(verdict, batch);
                }
                pending.record(batch.producerId(), batch.producerEpoch(), new BatchMetadata(batch.baseSequence(),
                        batch.lastSequence(), next, next + batch.lastOffsetDelta(),
                        logAppendTime ? now : batch.maxTimestamp()));
            }
            next += batch.lastOffsetDelta() + 1L;
        }
        final long firstOffset = logEndOffset;
        long assign = firstOffset;
        long maxTimestamp = -1L;
        int batches = 0;
        for (int at = records.position(); at < records.limit(); at += batch.sizeInBytes()) {
            batch.wrap(records, at);
            batch.baseOffset(assign).partitionLeaderEpoch(leaderEpoch);
            if (logAppendTime) {
                batch.maxTimestampAndLogAppendTime(now);
            }
            maxTimestamp = Math.max(maxTimestamp, batch.maxTimestamp());
            assign = batch.nextOffset();
            batches++;
        }
        final LogSegment active = activeSegmentFor(records.remaining(), next - 1);
        active.append(records, next, maxTimestamp);
        pending.commit();
        logEndOffset = next;
        maybeFlush(active, batches, now);
        return AppendResult.appended(firstOffset, logAppendTime ? now : -1L, logStartOffset);
    }

    private AppendResult producerFailure(final Verdict verdict, final RecordBatch batch) {
        final String subject = "producerId " + batch.producerId() + " epoch " + batch.producerEpoch()
                + " baseSequence " + batch.baseSequence();
        final ProducerStateTable.ProducerEntry entry = producers.entry(batch.producerId());
        final String state = entry == null ? "no state" : "current epoch " + entry.epoch();
        switch (verdict) {
            case OUT_OF_ORDER_SEQUENCE:
                return AppendResult.failed(Errors.OUT_OF_ORDER_SEQUENCE_NUMBER,
                        "out of order sequence for " + subject + " (" + state + ")", logStartOffset);
            case INVALID_PRODUCER_EPOCH:
                return AppendResult.failed(Errors.INVALID_PRODUCER_EPOCH,
                        "stale epoch for " + subject + " (" + state + ")", logStartOffset);
            case UNKNOWN_PRODUCER_ID:
                return AppendResult.failed(Errors.UNKNOWN_PRODUCER_ID,
                        "no state for " + subject + "; a new producer must start at sequence 0", logStartOffset);
            default:
                throw new IllegalStateException("unexpected verdict " + verdict);
        }
    }

    /**
     * Checks every batch in the region without touching log state; returns null when all are good.
     */
    private Problem validate(final ByteBuffer records, final RecordBatch batch) {
        if (!records.hasRemaining()) {
            return problem(Errors.INVALID_RECORD, "records", "a produce request needs at least one record batch");
        }
        if (records.remaining() > config.segmentBytes()) {
            return problem(Errors.RECORD_LIST_TOO_LARGE, "records", records.remaining()
                    + " bytes exceed segment.bytes " + config.segmentBytes());
        }
        final int end = records.limit();
        for (int at = records.position(); at < end; ) {
            final int remaining = end - at;
            if (remaining < RecordBatch.HEADER_SIZE) {
                return problem(Errors.CORRUPT_MESSAGE, "batchLength", "truncated batch: " + remaining
                        + " bytes at byte " + (at - records.position()) + ", less than a 61-byte header");
            }
            batch.wrap(records, at);
            final long size = (long) batch.batchLength() + RecordBatch.LOG_OVERHEAD;
            if (size < RecordBatch.HEADER_SIZE || size > remaining) {
                return problem(Errors.CORRUPT_MESSAGE, "batchLength", "batch at byte " + (at - records.position())
                        + " claims " + size + " bytes but " + remaining + " remain");
            }
            final byte magic = batch.magic();
            if (magic == 0 || magic == 1) {
                return problem(Errors.INVALID_RECORD, "magic", "magic " + magic
                        + " batches are not accepted; produce requests must use magic 2");
            }
            if (size > config.maxMessageBytes()) {
                return problem(Errors.MESSAGE_TOO_LARGE, "batchLength", "batch of " + size
                        + " bytes exceeds max.message.bytes " + config.maxMessageBytes());
            }
            try {
                batch.ensureValid();
            } catch (final CorruptRecordException e) {
                return problem(Errors.CORRUPT_MESSAGE, "batch", e.getMessage());
            }
            if (batch.recordCount() != batch.lastOffsetDelta() + 1) {
                return problem(Errors.INVALID_RECORD, "recordsCount", "recordsCount " + batch.recordCount()
                        + " does not match lastOffsetDelta " + batch.lastOffsetDelta() + " + 1");
            }
            if (batch.isControl()) {
                return problem(Errors.INVALID_RECORD, "attributes", "clients may not append control batches");
            }
            if (batch.producerId() != RecordBatch.NO_PRODUCER_ID && batch.baseSequence() < 0) {
                return problem(Errors.INVALID_RECORD, "baseSequence", "producerId " + batch.producerId()
                        + " set but baseSequence is " + batch.baseSequence());
            }
            at += (int) size;
        }
        return null;
    }

    /** Why a request is refused: the Kafka error code and a message naming the field. */
    private record Problem(Errors error, String message) {
    }

    private static Problem problem(final Errors code, final String field, final String message) {
        return new Problem(code, field + ": " + message);
    }

    private LogSegment activeSegmentFor(final int bytes, final long lastOffset) throws IOException {
        final LogSegment active = segments.lastEntry().getValue();
        if (active.isEmpty()) {
            return active;
        }
        final boolean full = (long) active.size() + bytes > config.segmentBytes();
        final boolean offsetsOverflow = lastOffset - active.baseOffset() > Integer.MAX_VALUE;
        if (!full && !active.isIndexFull() && !offsetsOverflow) {
            return active;
        }
        return roll();
    }

    private LogSegment roll() throws IOException {
        final long baseOffset = logEndOffset;
        final LogSegment rolled = segments.lastEntry().getValue();
        final LogSegment created = LogSegment.create(dir, baseOffset, config.segmentIndexBytes(),
                config.indexIntervalBytes());
        segments.put(baseOffset, created);
        LOG.debug("Rolled {}-{}: new segment at offset {} after {} bytes in {}", topic, partition, baseOffset,
                rolled.size(), rolled.logFile().getFileName());
        writeProducerSnapshot();
        return created;
    }

    private void writeProducerSnapshot() {
        final Path snapshot = SegmentFiles.snapshotFile(dir, logEndOffset);
        try {
            producers.writeSnapshot(snapshot);
            try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*" + SegmentFiles.SNAPSHOT_SUFFIX)) {
                for (final Path file : files) {
                    if (!file.equals(snapshot)) {
                        Files.deleteIfExists(file);
                    }
                }
            }
        } catch (final IOException e) {
            // Recovery rebuilds producer state from the log, so a missing snapshot costs only time.
            LOG.warn("Could not write producer snapshot {} of {}-{}", snapshot, topic, partition, e);
        }
    }

    private void maybeFlush(final LogSegment active, final int batches, final long now) throws IOException {
        unflushedBatches += batches;
        if (unflushedBatches >= config.flushMessages() || now - lastFlushMs >= config.flushMs()) {
            active.flush();
            unflushedBatches = 0;
            lastFlushMs = now;
        }
    }

    /**
     * Reads whole batches starting with the one that holds {@code fetchOffset}, up to {@code maxBytes}
     * (whole batches only; with {@code minOneBatch} at least one batch however large, as Kafka does for
     * the first partition of a response). Reads only batch headers, positioned by the offset index; the
     * data itself is left for {@link FileSlice#transferTo}.
     *
     * @return OFFSET_OUT_OF_RANGE when {@code fetchOffset} is outside [log start, log end]; an empty
     * slice at the log end
     */
    public ReadResult read(final long fetchOffset, final int maxBytes, final boolean minOneBatch) {
        lock.readLock().lock();
        try {
            final long start = logStartOffset;
            final long end = logEndOffset;
            if (closed) {
                return new ReadResult(Errors.UNKNOWN_TOPIC_OR_PARTITION, FileSlice.empty(), end, start, end);
            }
            if (fetchOffset < start || fetchOffset > end) {
                return new ReadResult(Errors.OFFSET_OUT_OF_RANGE, FileSlice.empty(), end, start, end);
            }
            Map.Entry<Long, LogSegment> entry = segments.floorEntry(fetchOffset);
            while (entry != null) {
                final LogSegment segment = entry.getValue();
                final int position = segment.positionOf(fetchOffset);
                if (position >= 0) {
                    final int length = segment.sliceLength(position, maxBytes, minOneBatch);
                    if (length == 0 || !segment.retain()) {
                        break;
                    }
                    final FileSlice slice = new FileSlice(segment.channel(), position, length, segment::release);
                    return new ReadResult(Errors.NONE, slice, end, start, end);
                }
                entry = segments.higherEntry(entry.getKey());
            }
            return new ReadResult(Errors.NONE, FileSlice.empty(), end, start, end);
        } catch (final IOException e) {
            LOG.error("Read of {}-{} at offset {} failed", topic, partition, fetchOffset, e);
            return new ReadResult(Errors.KAFKA_STORAGE_ERROR, FileSlice.empty(), logEndOffset, logStartOffset,
                    logEndOffset);
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * ListOffsets: {@link #EARLIEST_TIMESTAMP} gives the log start offset, {@link #LATEST_TIMESTAMP} the
     * log end offset; any other timestamp gives the offset and timestamp of the first record whose
     * timestamp is at least {@code timestamp}, or {@link TimestampedOffset#NOT_FOUND}. Batches are
     * skipped by their header's max timestamp; only the one batch that holds the answer is read.
     */
    public TimestampedOffset offsetForTimestamp(final long timestamp) throws IOException {
        if (timestamp == EARLIEST_TIMESTAMP) {
            return new TimestampedOffset(logStartOffset, -1L);
        }
        if (timestamp == LATEST_TIMESTAMP) {
            return new TimestampedOffset(logEndOffset, -1L);
        }
        lock.readLock().lock();
        try {
            for (final LogSegment segment : segments.values()) {
                if (segment.isEmpty() || segment.maxTimestamp() < timestamp) {
                    continue;
                }
                final TimestampedOffset found = segment.findOffsetByTimestamp(timestamp);
                if (found != null) {
                    return found.offset() >= logStartOffset ? found
                            : new TimestampedOffset(logStartOffset, found.timestamp());
                }
            }
            return TimestampedOffset.NOT_FOUND;
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * Deletes the oldest whole segments that are older than retention.ms (by their newest batch
     * timestamp) or beyond retention.bytes, never the active segment, and advances the log start
     * offset. Segments still being read stay open until their slices are released. Also removes the
     * files of earlier retired segments whose file.delete.delay.ms has passed.
     *
     * @return the number of segments removed from the log by this call
     */
    public int enforceRetention() throws IOException {
        lock.writeLock().lock();
        try {
            if (closed) {
                return 0;
            }
            final long now = clock.millis();
            int removed = 0;
            try {
                if (config.retentionMs() >= 0) {
                    while (segments.size() > 1
                            && now - segments.firstEntry().getValue().maxTimestamp() > config.retentionMs()) {
                        retire(segments.firstEntry().getValue(), now, "retention.ms");
                        removed++;
                    }
                }
                if (config.retentionBytes() >= 0) {
                    long size = 0;
                    for (final LogSegment segment : segments.values()) {
                        size += segment.size();
                    }
                    while (segments.size() > 1
                            && size - segments.firstEntry().getValue().size() >= config.retentionBytes()) {
                        final LogSegment oldest = segments.firstEntry().getValue();
                        size -= oldest.size();
                        retire(oldest, now, "retention.bytes");
                        removed++;
                    }
                }
            } finally {
                logStartOffset = Math.max(logStartOffset, segments.firstKey());
            }
            retiredSegments.removeIf(segment -> segment.deleteIfDue(now));
            return removed;
        } finally {
            lock.writeLock().unlock();
        }
    }

    private void retire(final LogSegment segment, final long now, final String reason) throws IOException {
        LOG.info("Deleting segment {} of {}-{} (offsets [{}, {}), {} bytes) by {}", segment.logFile().getFileName(),
                topic, partition, segment.baseOffset(), segment.nextOffset(), segment.size(), reason);
        final long delay = config.fileDeleteDelayMs();
        segment.retire(delay == 0 ? Long.MIN_VALUE : now + delay);
        // Only a segment whose files were renamed leaves the log: a failed rename keeps it whole.
        segments.remove(segment.baseOffset());
        if (delay > 0) {
            retiredSegments.add(segment);
        }
    }

    /** Forces every segment to disk. */
    public void flush() throws IOException {
        lock.writeLock().lock();
        try {
            for (final LogSegment segment : segments.values()) {
                segment.flush();
            }
            unflushedBatches = 0;
            lastFlushMs = clock.millis();
        } finally {
            lock.writeLock().unlock();
        }
    }

    /**
     * Flushes, snapshots producer state and releases the log's hold on its segments; slices still out
     * keep their segment open until released. Idempotent.
     */
    @Override
    public void close() throws IOException {
        lock.writeLock().lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            try {
                segments.lastEntry().getValue().flush();
                writeProducerSnapshot();
                Files.write(dir.resolve(CLEAN_SHUTDOWN_FILE), new byte[0]);
            } finally {
                releaseSegments();
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    /**
     * Closes the log and deletes its files (topic deletion); files of segments still being read go when
     * their last slice is released.
     */
    void delete() throws IOException {
        lock.writeLock().lock();
        try {
            closed = true;
            for (final LogSegment segment : segments.values()) {
                segment.retire(Long.MIN_VALUE);
            }
            segments.clear();
            for (final LogSegment segment : retiredSegments) {
                segment.deleteWhenUnused();
            }
            retiredSegments.clear();
            try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
                for (final Path file : files) {
                    if (!file.getFileName().toString().endsWith(SegmentFiles.DELETED_SUFFIX)) {
                        Files.deleteIfExists(file);
                    }
                }
            }
            try {
                Files.deleteIfExists(dir);
            } catch (final java.nio.file.DirectoryNotEmptyException e) {
                LOG.debug("{} still has segments being read; they are removed when released", dir);
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    private void releaseSegments() {
        final Iterator<LogSegment> iterator = segments.values().iterator();
        while (iterator.hasNext()) {
            iterator.next().release();
            iterator.remove();
        }
    }

    @Override
    public String toString() {
        return "PartitionLog(" + topic + "-" + partition + ", [" + logStartOffset + ", " + logEndOffset + "))";
    }
}
