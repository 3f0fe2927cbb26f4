package dev.sluice.broker.log.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.CRC32C;

import dev.sluice.broker.log.TimestampedOffset;
import dev.sluice.codec.compress.DecompressionContext;
import dev.sluice.codec.record.CorruptRecordException;
import dev.sluice.codec.record.Record;
import dev.sluice.codec.record.RecordBatch;
import dev.sluice.codec.record.RecordIterator;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One segment of a partition log: a {@code .log} file of whole RecordBatch v2 batches stored byte for
 * byte, and its sparse {@link OffsetIndex}.
 *
 * <p>Thread safety: mutators ({@link #append}, {@link #retire}) run under the owning partition's write
 * lock, queries under its read lock; the bytes below {@link #size()} never change once written, so a
 * slice handed out under the read lock stays valid after the lock is released.
 *
 * <p>Lifetime: reference counted. The log holds one reference; every file slice handed to a reader
 * holds another. The channel is closed (and, once retired, the files removed) only when the last
 * reference is released, so retention never pulls a file from under a response being sent.
 */
public final class LogSegment {
    private static final Logger LOG = LoggerFactory.getLogger(LogSegment.class);
    private static final long UNKNOWN_TIMESTAMP = Long.MIN_VALUE;
    /** Chunk size for streaming CRC checks during recovery; bounds memory whatever a header claims. */
    private static final int CRC_CHUNK_BYTES = 64 * 1024;

    private final long baseOffset;
    private final FileChannel channel;
    private final OffsetIndex index;
    private final int indexIntervalBytes;
    private final AtomicInteger references = new AtomicInteger(1);
    private Path logFile;
    private Path indexFile;
    private int size;
    private long nextOffset;
    private int bytesSinceLastIndexEntry;
    // Volatile: readers fill this cache lazily under the shared read lock.
    private volatile long maxTimestamp = UNKNOWN_TIMESTAMP;
    private volatile boolean retired;
    private volatile long deleteAfterMs;

    private LogSegment(final Path dir, final long baseOffset, final FileChannel channel, final OffsetIndex index,
                       final int indexIntervalBytes) {
        this.baseOffset = baseOffset;
        this.logFile = SegmentFiles.logFile(dir, baseOffset);
        this.indexFile = SegmentFiles.indexFile(dir, baseOffset);
        this.channel = channel;
        this.index = index;
        this.indexIntervalBytes = indexIntervalBytes;
        this.nextOffset = baseOffset;
    }

    /** Creates an empty segment (truncating any leftover files of the same name). */
    public static LogSegment create(final Path dir, final long baseOffset, final int indexBytes,
                                    final int indexIntervalBytes) throws IOException {
        final FileChannel channel = FileChannel.open(SegmentFiles.logFile(dir, baseOffset), StandardOpenOption.CREATE,
                StandardOpenOption.READ, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
        try {
            final OffsetIndex index = OffsetIndex.open(SegmentFiles.indexFile(dir, baseOffset), baseOffset, indexBytes);
            index.truncateToEntries(0);
            return new LogSegment(dir, baseOffset, channel, index, indexIntervalBytes);
        } catch (final IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** How much of a segment to check when opening it. */
    public enum Recovery {
        /** A sealed segment: trust a consistent index, walk only the headers after its last entry. */
        TRUST_INDEX,
        /** The active segment after a clean shutdown: CRC-check the batches after the last index entry. */
        CHECK_TAIL,
        /** The active segment after a crash: anything since the last flush may be damaged; CRC-check it all. */
        CHECK_ALL
    }

    /**
     * Opens an existing segment and recovers it. The index is checked against the log file and rebuilt
     * (with CRC checks of every batch) when it is missing or stale; {@code recovery} says how much else
     * is CRC-checked. A torn or corrupt tail is cut off and logged.
     */
    public static LogSegment open(final Path dir, final long baseOffset, final int indexBytes,
                                  final int indexIntervalBytes, final Recovery recovery) throws IOException {
        final Path logPath = SegmentFiles.logFile(dir, baseOffset);
        final Path indexPath = SegmentFiles.indexFile(dir, baseOffset);
        final boolean indexExisted = Files.exists(indexPath);
        final FileChannel channel = FileChannel.open(logPath, StandardOpenOption.READ, StandardOpenOption.WRITE);
        OffsetIndex index = null;
        try {
            index = OffsetIndex.open(indexPath, baseOffset, indexBytes);
            final LogSegment segment = new LogSegment(dir, baseOffset, channel, index, indexIntervalBytes);
            segment.recover(indexExisted, recovery);
            return segment;
        } catch (final IOException | RuntimeException e) {
            if (index != null) {
                index.close();
            }
            channel.close();
            throw e;
        }
    }

    private void recover(final boolean indexExisted, final Recovery recovery) throws IOException {
        final long fileSize = channel.size();
        if (fileSize > Integer.MAX_VALUE) {
            throw new IOException("segment " + logFile + " is " + fileSize + " bytes, larger than any segment.bytes");
        }
        final boolean indexUsable = indexExisted && index.isConsistentWith(fileSize) && lastIndexEntryMatches(fileSize);
        if (recovery == Recovery.CHECK_ALL) {
            LOG.info("Checking every batch of {} after an unclean shutdown", logFile);
            index.truncateToEntries(0);
            scanAndTruncate(0, baseOffset, true, fileSize);
            return;
        }
        if (!indexUsable) {
            if (indexExisted) {
                LOG.warn("Offset index {} is stale ({} entries do not match {} bytes of log); rebuilding it",
                        indexFile, index.entries(), fileSize);
            } else {
                LOG.info("Offset index {} is missing; rebuilding it", indexFile);
            }
            index.truncateToEntries(0);
            scanAndTruncate(0, baseOffset, true, fileSize);
            return;
        }
        final int last = index.entries() - 1;
        final int from = last < 0 ? 0 : index.position(last);
        final long expectedOffset = last < 0 ? baseOffset : index.offset(last);
        final int batches = scanAndTruncate(from, expectedOffset, recovery == Recovery.CHECK_TAIL, fileSize);
        if (batches == 0 && from > 0) {
            // The indexed batch itself was bad: nothing tells us where the batch before it ends but a rescan.
            LOG.warn("Batch at the last index entry of {} (position {}) is invalid; rebuilding the index", logFile, from);
            index.truncateToEntries(0);
            scanAndTruncate(0, baseOffset, true, channel.size());
        }
    }

    private boolean lastIndexEntryMatches(final long fileSize) throws IOException {
        final int last = index.entries() - 1;
        if (last < 0) {
            return true;
        }
        final int position = index.position(last);
        if (fileSize - position < RecordBatch.HEADER_SIZE) {
            return false;
        }
        final RecordBatch header = new HeaderReader(channel, logFile).read(position);
        return header.magic() == RecordBatch.MAGIC_V2 && header.baseOffset() == index.offset(last);
    }

    /**
     * Walks batches from {@code from}, indexing as an append would, and cuts the file at the first batch
     * that is torn, malformed, out of offset order or (when {@code checkCrc}) fails its CRC.
     *
     * @return the number of valid batches found
     */
    private int scanAndTruncate(final int from, final long expectedOffset, final boolean checkCrc,
                                final long fileSize) throws IOException {
        int position = from;
        long expected = expectedOffset;
        long next = nextOffset;
        int batches = 0;
        bytesSinceLastIndexEntry = 0;
        String problem = null;
        final HeaderReader headers = new HeaderReader(channel, logFile);
        while (position < fileSize) {
            final long remaining = fileSize - position;
            if (remaining < RecordBatch.HEADER_SIZE) {
                problem = "torn batch header (" + remaining + " bytes)";
                break;
            }
            final RecordBatch header = headers.read(position);
            problem = structuralProblem(header, remaining, expected);
            if (problem == null && checkCrc) {
                problem = crcProblem(header, position);
            }
            if (problem != null) {
                break;
            }
            final int batchSize = header.sizeInBytes();
            final int lastEntry = index.entries() - 1;
            if (lastEntry < 0 || position > index.position(lastEntry)) {
                maybeIndex(header.baseOffset(), position);
            }
            bytesSinceLastIndexEntry += batchSize;
            next = header.nextOffset();
            expected = next;
            position += batchSize;
            batches++;
        }
        if (position < fileSize) {
            LOG.warn("Truncating {} at position {}: dropping {} bytes after {} valid batches scanned: {}",
                    logFile, position, fileSize - position, batches, problem);
            channel.truncate(position);
            index.truncateToPosition(position);
        }
        size = position;
        nextOffset = batches == 0 && from == 0 ? baseOffset : next;
        return batches;
    }

    private String structuralProblem(final RecordBatch header, final long remaining, final long expectedOffset) {
        final int batchSize = header.sizeInBytes();
        if (batchSize < RecordBatch.HEADER_SIZE) {
            return "batchLength " + header.batchLength() + " is smaller than a batch header";
        }
        if (batchSize > remaining) {
            return "torn batch: batchLength says " + batchSize + " bytes, " + remaining + " remain";
        }
        if (header.magic() != RecordBatch.MAGIC_V2) {
            return "magic " + header.magic() + " is not 2";
        }
        final long batchBase = header.baseOffset();
        if (batchBase < expectedOffset) {
            return "baseOffset " + batchBase + " is below the expected offset " + expectedOffset;
        }
        final int lastOffsetDelta = header.lastOffsetDelta();
        if (lastOffsetDelta < 0 || batchBase + lastOffsetDelta - baseOffset > Integer.MAX_VALUE) {
            return "lastOffsetDelta " + lastOffsetDelta + " is out of range";
        }
        return null;
    }

    private String crcProblem(final RecordBatch header, final int position) throws IOException {
        final int batchSize = header.sizeInBytes();
        final CRC32C crc = new CRC32C();
        final ByteBuffer chunk = ByteBuffer.allocate(Math.min(CRC_CHUNK_BYTES, batchSize));
        long at = position + RecordBatch.ATTRIBUTES_OFFSET;
        final long end = (long) position + batchSize;
        while (at < end) {
            chunk.clear().limit((int) Math.min(chunk.capacity(), end - at));
            FileIo.readFully(channel, chunk, at);
            chunk.flip();
            crc.update(chunk);
            at += chunk.limit();
        }
        final long stored = header.crc();
        return crc.getValue() == stored ? null
                : "CRC mismatch (stored " + Long.toHexString(stored) + ", computed " + Long.toHexString(crc.getValue()) + ")";
    }

    private void maybeIndex(final long batchBaseOffset, final int position) throws IOException {
        if (bytesSinceLastIndexEntry >= indexIntervalBytes && !index.isFull()) {
            index.append(batchBaseOffset, position);
            bytesSinceLastIndexEntry = 0;
        }
    }

    public long baseOffset() {
        return baseOffset;
    }

    /** Offset after the last batch in this segment; equals {@link #baseOffset()} when empty. */
    public long nextOffset() {
        return nextOffset;
    }

    /** Bytes of whole batches in the file. */
    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    public boolean isIndexFull() {
        return index.isFull();
    }

    public Path logFile() {
        return logFile;
    }

    public FileChannel channel() {
        return channel;
    }

    /**
     * Appends {@code batches} (whole, validated batches with offsets already assigned) at the end of the
     * file, then indexes them. The buffer's position is left unchanged.
     */
    public void append(final ByteBuffer batches, final long batchesNextOffset, final long batchesMaxTimestamp)
            throws IOException {
        final int start = size;
        FileIo.writeFully(channel, batches.duplicate(), start);
        // The data is in: from here on nothing may fail, or the log and this segment would disagree.
        size = start + batches.remaining();
        nextOffset = batchesNextOffset;
        if (maxTimestamp != UNKNOWN_TIMESTAMP) {
            maxTimestamp = Math.max(maxTimestamp, batchesMaxTimestamp);
        }
        final RecordBatch batch = new RecordBatch();
        try {
            for (int at = batches.position(); at < batches.limit(); ) {
                batch.wrap(batches, at);
                final int batchSize = batch.sizeInBytes();
                maybeIndex(batch.baseOffset(), start + at - batches.position());
                bytesSinceLastIndexEntry += batchSize;
                at += batchSize;
            }
        } catch (final IOException e) {
            // A missing entry only makes lookups walk further; recovery rebuilds a short index.
            LOG.warn("Could not write an offset index entry to {}; lookups will scan further", indexFile, e);
        }
    }

    /**
     * File position of the batch that holds {@code offset}, or -1 when the segment has no such batch.
     * Reads only batch headers, starting at the index entry at or below the offset.
     */
    public int positionOf(final long offset) throws IOException {
        if (offset >= nextOffset) {
            return -1;
        }
        final HeaderReader headers = new HeaderReader(channel, logFile);
        final int entry = index.entryAtOrBelow(offset);
        int position = 0;
        if (entry >= 0) {
            position = index.position(entry);
            final RecordBatch indexed = headers.readWithin(position, size);
            if (indexed.baseOffset() != index.offset(entry)) {
                throw new IOException("offset index of " + logFile + " is damaged: entry " + entry + " says offset "
                        + index.offset(entry) + " starts at position " + position + ", the batch there starts at "
                        + indexed.baseOffset());
            }
            // The header that proved the entry is also the first step of the walk: a fetch from a batch
            // start (what consumers send) needs this one read and no other.
            if (indexed.nextOffset() > offset) {
                return position;
            }
            position += indexed.sizeInBytes();
        }
        final int end = size;
        while (position < end) {
            final RecordBatch header = headers.readWithin(position, end);
            if (header.nextOffset() > offset) {
                return position;
            }
            position += header.sizeInBytes();
        }
        return -1;
    }

    /**
     * Length in bytes of the run of whole batches starting at {@code position} that fits in
     * {@code maxBytes}; when none fits and {@code minOneBatch}, the length of the first batch.
     */
    public int sliceLength(final int position, final int maxBytes, final boolean minOneBatch) throws IOException {
        final int end = size;
        if (end - position <= maxBytes) {
            return end - position;
        }
        // Index entries are batch starts: jump to the last one inside the limit, then walk the rest.
        final long limit = (long) position + Math.max(0, maxBytes);
        final HeaderReader headers = new HeaderReader(channel, logFile);
        int at = position;
        // Size of the batch at `at` when the entry check already read its header, else -1.
        int knownSize = -1;
        final int entry = index.entryAtOrBefore(limit);
        if (entry >= 0 && index.position(entry) > position) {
            knownSize = sizeIfEntryStartsItsBatch(headers, entry, end);
            if (knownSize > 0) {
                at = index.position(entry);
            }
        }
        while (at < end) {
            final int batchSize = knownSize > 0 ? knownSize : headers.sizeWithin(at, end);
            knownSize = -1;
            if ((long) at + batchSize > limit) {
                if (at == position && minOneBatch) {
                    return batchSize;
                }
                break;
            }
            at += batchSize;
        }
        return at - position;
    }

    /**
     * One header read confirms an index entry really starts its batch before a slice end trusts it, and
     * gives that batch's size so the walk from there need not read it again.
     *
     * @return the size in bytes of the batch at the entry, or -1 when the entry does not start a batch
     */
    private int sizeIfEntryStartsItsBatch(final HeaderReader headers, final int entry, final int end) {
        try {
            final RecordBatch batch = headers.readWithin(index.position(entry), end);
            return batch.baseOffset() == index.offset(entry) ? batch.sizeInBytes() : -1;
        } catch (final IOException e) {
            LOG.warn("Ignoring damaged entry {} of offset index {}", entry, indexFile, e);
            return -1;
        }
    }

    /**
     * The first record whose timestamp is at least {@code timestamp}: batch headers are scanned for the
     * first batch whose max timestamp reaches it, then only that batch is read (and decompressed) to find
     * the record. Null when no batch in this segment reaches the timestamp.
     */
    public TimestampedOffset findOffsetByTimestamp(final long timestamp) throws IOException {
        final HeaderReader headers = new HeaderReader(channel, logFile);
        for (int position = 0; position < size; ) {
            final RecordBatch header = headers.readWithin(position, size);
            final int batchSize = header.sizeInBytes();
            if (header.maxTimestamp() >= timestamp) {
                return firstRecordAtOrAfter(position, batchSize, timestamp, header.baseOffset(), header.maxTimestamp());
            }
            position += batchSize;
        }
        return null;
    }

    private TimestampedOffset firstRecordAtOrAfter(final int position, final int batchSize, final long timestamp,
                                                   final long batchBaseOffset, final long batchMaxTimestamp)
            throws IOException {
        final ByteBuffer bytes = ByteBuffer.allocate(batchSize);
        FileIo.readFully(channel, bytes, position);
        final RecordBatch batch = new RecordBatch().wrap(bytes, 0);
        try (DecompressionContext context = new DecompressionContext()) {
            final RecordIterator records = new RecordIterator(context).reset(batch);
            while (records.hasNext()) {
                final Record record = records.next();
                if (record.timestamp() >= timestamp) {
                    return new TimestampedOffset(record.offset(), record.timestamp());
                }
            }
        } catch (final CorruptRecordException e) {
            LOG.warn("Cannot read the records of the batch at offset {} in {}; answering with the batch", batchBaseOffset,
                    logFile, e);
        }
        // Max timestamp reached but no record did (a corrupt or unreadable batch): the batch is the best answer.
        return new TimestampedOffset(batchBaseOffset, batchMaxTimestamp);
    }

    /**
     * Largest batch max timestamp in the segment (computed once by a header scan, then kept current by
     * appends); the file's modification time when no batch carries a timestamp, as Kafka does.
     */
    public long maxTimestamp() throws IOException {
        if (maxTimestamp == UNKNOWN_TIMESTAMP) {
            long max = -1;
            final HeaderReader headers = new HeaderReader(channel, logFile);
            for (int position = 0; position < size; ) {
                final RecordBatch header = headers.readWithin(position, size);
                max = Math.max(max, header.maxTimestamp());
                position += header.sizeInBytes();
            }
            maxTimestamp = max;
        }
        return maxTimestamp >= 0 ? maxTimestamp : Files.getLastModifiedTime(logFile).toMillis();
    }

    /** Visits every batch header in file order (recovery of producer state); headers only, no data. */
    public void forEachHeader(final long fromOffset, final HeaderVisitor visitor) throws IOException {
        final HeaderReader headers = new HeaderReader(channel, logFile);
        int position = fromOffset <= baseOffset ? 0 : positionOf(fromOffset);
        if (position < 0) {
            return;
        }
        while (position < size) {
            final RecordBatch header = headers.readWithin(position, size);
            if (header.nextOffset() > fromOffset) {
                visitor.visit(header);
            }
            position += header.sizeInBytes();
        }
    }

    /** Receives a view of one batch header; the view is reused and only good during the call. */
    @FunctionalInterface
    public interface HeaderVisitor {
        void visit(RecordBatch header);
    }

    /** Forces data and index to disk. */
    public void flush() throws IOException {
        channel.force(true);
        index.flush();
    }

    /**
     * Takes a reference for a reader. Fails (returns false) only when the segment is already fully
     * released, which the partition lock rules out for segments still in the log.
     */
    public boolean retain() {
        while (true) {
            final int current = references.get();
            if (current <= 0) {
                return false;
            }
            if (references.compareAndSet(current, current + 1)) {
                return true;
            }
        }
    }

    /** Drops a reference; the last one closes the files (and deletes them when retired with no delay). */
    public void release() {
        if (references.decrementAndGet() == 0) {
            closeFiles();
            if (retired && deleteAfterMs == Long.MIN_VALUE) {
                deleteFiles();
            }
        }
    }

    /**
     * Removes the segment from the log: renames its files with a {@code .deleted} suffix (readers with
     * open slices keep reading through their open channel) and drops the log's reference. The files go
     * when the last reader is gone and, if {@code deleteAfterMs} is not Long.MIN_VALUE, once
     * {@link #deleteIfDue} sees that time pass.
     */
    public void retire(final long deleteAfterMs) throws IOException {
        final Path deletedLog = logFile.resolveSibling(logFile.getFileName() + SegmentFiles.DELETED_SUFFIX);
        final Path deletedIndex = indexFile.resolveSibling(indexFile.getFileName() + SegmentFiles.DELETED_SUFFIX);
        Files.move(logFile, deletedLog, StandardCopyOption.REPLACE_EXISTING);
        logFile = deletedLog;
        if (Files.exists(indexFile)) {
            Files.move(indexFile, deletedIndex, StandardCopyOption.REPLACE_EXISTING);
        }
        indexFile = deletedIndex;
        this.deleteAfterMs = deleteAfterMs;
        retired = true;
        release();
    }

    /** Cancels a retired segment's delete delay (topic deletion): the files go as soon as nobody reads them. */
    public void deleteWhenUnused() {
        deleteAfterMs = Long.MIN_VALUE;
        if (references.get() == 0) {
            deleteFiles();
        }
    }

    /** Deletes a retired segment's files once nobody reads it and its delay has passed; true when gone. */
    public boolean deleteIfDue(final long nowMs) {
        if (references.get() > 0 || nowMs < deleteAfterMs) {
            return false;
        }
        deleteFiles();
        return true;
    }

    private void closeFiles() {
        try {
            index.close();
        } catch (final IOException e) {
            LOG.warn("Failed to close index {}", indexFile, e);
        }
        try {
            channel.close();
        } catch (final IOException e) {
            LOG.warn("Failed to close segment {}", logFile, e);
        }
    }

    private void deleteFiles() {
        try {
            Files.deleteIfExists(logFile);
            Files.deleteIfExists(indexFile);
        } catch (final IOException e) {
            LOG.warn("Failed to delete retired segment {}", logFile, e);
        }
    }


    @Override
    public String toString() {
        return "LogSegment(" + logFile + ", baseOffset=" + baseOffset + ", nextOffset=" + nextOffset + ", size=" + size + ")";
    }
}
