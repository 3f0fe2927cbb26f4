package dev.sluice.client.internal.consumer;

import dev.sluice.client.Header;
import dev.sluice.client.RecordHeader;
import dev.sluice.client.RecordHeaders;
import dev.sluice.client.TopicPartition;
import dev.sluice.client.consumer.ConsumerRecord;
import dev.sluice.client.consumer.TimestampType;
import dev.sluice.client.errors.CorruptRecordException;
import dev.sluice.client.serialization.ByteArrayDeserializer;
import dev.sluice.client.serialization.Deserializer;
import dev.sluice.codec.record.Record;
import dev.sluice.codec.record.RecordBatch;
import dev.sluice.codec.record.RecordBatchReader;
import dev.sluice.codec.record.RecordIterator;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * The records one Fetch response carried for one partition, turned into {@link ConsumerRecord}s a
 * batch at a time as {@code poll} asks for them.
 *
 * <p>A whole batch is decoded at once because a compressed batch's records live in the shared
 * decompression buffer, which the next compressed batch (of any partition) overwrites; so at most one
 * batch of decoded records is held beyond what {@code poll} returns. Batches and records before the
 * position (a compressed batch starts before the offset asked for) are skipped, as are control
 * batches.
 *
 * <p>The records are a view of the fetch response's frame, which may be a pooled buffer shared with
 * the other partitions of that response: {@link #release()} lets go of it once this fetch is drained
 * or dropped, and nothing here reads the frame afterwards. The handed-out records hold copies, so
 * they stay valid. Application thread only.
 */
final class CompletedFetch<K, V> {
    private final TopicPartition partition;
    private final long fetchOffset;
    private final ByteBuffer records;
    private final SharedFrame frame;
    private boolean released;
    private final RecordBatchReader reader;
    private final RecordIterator iterator;
    private final boolean checkCrcs;
    private final Deserializer<K> keyDeserializer;
    private final Deserializer<V> valueDeserializer;
    private final int sizeInBytes;
    private final List<ConsumerRecord<K, V>> decoded = new ArrayList<>();
    private int decodedIndex;
    private long nextOffset;
    private long batchEndOffset;
    private RuntimeException failure;
    private boolean exhausted;
    /** Lazily computed {@link #endOffset()}; {@code Long.MIN_VALUE} until then. */
    private long endOffset = Long.MIN_VALUE;

    /**
     * @param fetchOffset the partition's position when the fetch was sent; the records are only
     *                    handed out while the position still equals {@link #nextOffset()}
     * @param records     the partition's records field (may end with a partial batch)
     * @param frame       the response frame {@code records} is a view of; retained here until {@link #release()}
     */
    CompletedFetch(final TopicPartition partition, final long fetchOffset, final ByteBuffer records,
                   final SharedFrame frame, final RecordIterator iterator, final boolean checkCrcs,
                   final Deserializer<K> keyDeserializer, final Deserializer<V> valueDeserializer) {
        frame.retain();
        this.frame = frame;
        this.partition = partition;
        this.fetchOffset = fetchOffset;
        this.nextOffset = fetchOffset;
        this.batchEndOffset = fetchOffset;
        this.records = records;
        this.reader = new RecordBatchReader(records);
        this.sizeInBytes = records.remaining();
        this.iterator = iterator;
        this.checkCrcs = checkCrcs;
        this.keyDeserializer = keyDeserializer;
        this.valueDeserializer = valueDeserializer;
    }

    TopicPartition partition() {
        return partition;
    }

    long fetchOffset() {
        return fetchOffset;
    }

    /** The offset after the last record handed out (or skipped): the partition's position once drained. */
    long nextOffset() {
        return nextOffset;
    }

    /**
     * The offset after the last whole batch of this response: the partition's position once it is
     * drained, and so where the next fetch of the partition can start before it is. Walks only the
     * batch headers, once.
     *
     * @return -1 when no whole batch is there or the headers cannot be walked (the fetch then waits
     *         until this one is drained, and drain reports any corruption)
     */
    long endOffset() {
        if (endOffset == Long.MIN_VALUE) {
            ensureNotReleased();
            endOffset = -1;
            try {
                final RecordBatchReader headers = new RecordBatchReader(records.duplicate());
                while (headers.hasNext()) {
                    endOffset = Math.max(endOffset, headers.next().nextOffset());
                }
            } catch (final dev.sluice.codec.MalformedDataException e) {
                endOffset = -1;
            }
            if (endOffset <= fetchOffset) {
                endOffset = -1;
            }
        }
        return endOffset;
    }

    /** Bytes of the records field, partial trailing batch included. */
    int sizeInBytes() {
        return sizeInBytes;
    }

    boolean isExhausted() {
        return exhausted && decodedIndex >= decoded.size();
    }

    /**
     * Appends up to {@code max} records to {@code out}.
     *
     * @return records appended
     * @throws CorruptRecordException naming partition and offset when a batch is corrupt; thrown again
     *                                on every call until the position is moved past it by a seek
     */
    int drain(final int max, final List<ConsumerRecord<K, V>> out) {
        ensureNotReleased();
        if (failure != null) {
            throw failure;
        }
        int added = 0;
        while (added < max) {
            if (decodedIndex < decoded.size()) {
                final ConsumerRecord<K, V> record = decoded.get(decodedIndex++);
                out.add(record);
                nextOffset = record.offset() + 1;
                added++;
                continue;
            }
            // The batch is handed out; compaction or a control record may leave offsets past its last record.
            nextOffset = Math.max(nextOffset, batchEndOffset);
            if (exhausted) {
                break;
            }
            try {
                decodeNextBatch();
            } catch (final CorruptRecordException e) {
                failure = e;
                if (added == 0) {
                    throw e;
                }
                break;
            }
        }
        return added;
    }

    /**
     * Lets go of the response frame: called once this fetch is drained or dropped. Nothing reads the
     * records afterwards; a second call does nothing.
     */
    void release() {
        if (!released) {
            released = true;
            frame.release();
        }
    }

    boolean isReleased() {
        return released;
    }

    private void ensureNotReleased() {
        if (released) {
            throw new IllegalStateException("Records of " + partition + " from offset " + fetchOffset
                + " read after their response buffer was released");
        }
    }

    private void decodeNextBatch() {
        decoded.clear();
        decodedIndex = 0;
        long batchBase = nextOffset;
        try {
            if (!reader.hasNext()) {
                exhausted = true;
                return;
            }
            final RecordBatch batch = reader.next();
            batchBase = batch.baseOffset();
            if (checkCrcs) {
                batch.ensureValid();
            }
            final long end = batch.nextOffset();
            if (end <= nextOffset) {
                return; // entirely before the position
            }
            batchEndOffset = end;
            if (batch.isControl()) {
                return;
            }
            final dev.sluice.codec.record.TimestampType codecType = batch.timestampType();
            final TimestampType timestampType = codecType == dev.sluice.codec.record.TimestampType.LOG_APPEND_TIME
                ? TimestampType.LOG_APPEND_TIME : TimestampType.CREATE_TIME;
            final int leaderEpoch = batch.partitionLeaderEpoch();
            iterator.reset(batch);
            while (iterator.hasNext()) {
                final Record record = iterator.next();
                if (record.offset() < nextOffset) {
                    continue;
                }
                decoded.add(toConsumerRecord(record, timestampType, leaderEpoch));
            }
        } catch (final dev.sluice.codec.MalformedDataException e) {
            exhausted = true;
            throw new CorruptRecordException(partition, batchBase,
                "Corrupt record batch in " + partition + " at offset " + batchBase + ": " + e.getMessage());
        }
    }

    /**
     * A key or value ({@code size} bytes at absolute {@code offset} of {@code buffer}, -1 for null).
     * The byte-array deserializer is served by one copy straight out of the batch: the view it would
     * otherwise be given (a slice, which its default method then duplicates) is two allocations per
     * record that nothing needs.
     */
    @SuppressWarnings("unchecked")
    private static <T> T deserialize(final Deserializer<T> deserializer, final String topic, final RecordHeaders headers,
                                     final ByteBuffer buffer, final int offset, final int size) {
        if (size < 0) {
            return null;
        }
        if (deserializer instanceof ByteArrayDeserializer) {
            final byte[] bytes = new byte[size];
            buffer.get(offset, bytes);
            return (T) bytes;
        }
        return deserializer.deserialize(topic, headers, buffer.slice(offset, size));
    }

    private ConsumerRecord<K, V> toConsumerRecord(final Record record, final TimestampType timestampType,
                                                  final int leaderEpoch) {
        final int headerCount = record.headerCount();
        final RecordHeaders headers;
        if (headerCount == 0) {
            headers = new RecordHeaders();
        } else {
            final dev.sluice.codec.record.Header[] raw = record.headers();
            final Header[] converted = new Header[raw.length];
            for (int i = 0; i < raw.length; i++) {
                converted[i] = new RecordHeader(raw[i].key(), raw[i].value());
            }
            headers = new RecordHeaders(converted);
        }
        final String topic = partition.topic();
        final K key = deserialize(keyDeserializer, topic, headers, record.buffer(), record.keyOffset(),
            record.keySize());
        final V value = deserialize(valueDeserializer, topic, headers, record.buffer(), record.valueOffset(),
            record.valueSize());
        return new ConsumerRecord<>(topic, partition.partition(), record.offset(), record.timestamp(), timestampType,
            record.keySize(), record.valueSize(), key, value, headers, leaderEpoch);
    }
}
