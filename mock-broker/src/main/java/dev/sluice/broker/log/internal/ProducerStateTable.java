package dev.sluice.broker.log.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.CRC32C;

/**
 * Idempotent-producer state of one partition: per producer id, its epoch and the metadata of its last
 * {@value #RETAINED_BATCHES} appended batches, enough to answer a retried batch with its original
 * offset and to spot sequence gaps.
 *
 * <p>Thread safety: none; the owning partition log calls it under its write lock only.
 */
public final class ProducerStateTable {
    /** Batches remembered per producer; matches the producer's max.in.flight.requests limit of 5. */
    public static final int RETAINED_BATCHES = 5;
    private static final short SNAPSHOT_VERSION = 1;
    private static final int VERSION_OFFSET = 0;
    private static final int CRC_OFFSET = VERSION_OFFSET + Short.BYTES;
    private static final int COUNT_OFFSET = CRC_OFFSET + Integer.BYTES;
    private static final int ENTRIES_OFFSET = COUNT_OFFSET + Integer.BYTES;
    private static final int ENTRY_HEADER_SIZE = Long.BYTES + Short.BYTES + Byte.BYTES;
    private static final int BATCH_SIZE = Integer.BYTES * 2 + Long.BYTES * 3;

    private final Map<Long, ProducerEntry> producers = new HashMap<>();

    /** What an incoming batch is, judged against the state. */
    public enum Verdict {
        /** In sequence (or not idempotent): append it. */
        ACCEPT,
        /** Same epoch and sequence range as a remembered batch: answer with its offset, append nothing. */
        DUPLICATE,
        OUT_OF_ORDER_SEQUENCE,
        INVALID_PRODUCER_EPOCH,
        UNKNOWN_PRODUCER_ID
    }

    /** Metadata of one appended batch. */
    public record BatchMetadata(int firstSequence, int lastSequence, long firstOffset, long lastOffset,
                                long timestamp) {
    }

    /** One producer's epoch and last batches, oldest first. */
    public static final class ProducerEntry {
        private short epoch;
        private final ArrayDeque<BatchMetadata> batches = new ArrayDeque<>(RETAINED_BATCHES);

        ProducerEntry(final short epoch) {
            this.epoch = epoch;
        }

        ProducerEntry copy() {
            final ProducerEntry copy = new ProducerEntry(epoch);
            copy.batches.addAll(batches);
            return copy;
        }

        public short epoch() {
            return epoch;
        }

        public Iterable<BatchMetadata> batches() {
            return batches;
        }

        void add(final short batchEpoch, final BatchMetadata batch) {
            if (batchEpoch != epoch) {
                epoch = batchEpoch;
                batches.clear();
            }
            if (batches.size() == RETAINED_BATCHES) {
                batches.removeFirst();
            }
            batches.addLast(batch);
        }

        BatchMetadata duplicateOf(final int firstSequence, final int lastSequence) {
            for (final BatchMetadata batch : batches) {
                if (batch.firstSequence == firstSequence && batch.lastSequence == lastSequence) {
                    return batch;
                }
            }
            return null;
        }
    }

    public ProducerEntry entry(final long producerId) {
        return producers.get(producerId);
    }

    public int size() {
        return producers.size();
    }

    /** Starts checking the batches of one append; nothing changes until {@link Pending#commit()}. */
    public Pending begin() {
        return new Pending();
    }

    /**
     * Records a batch found on disk during recovery, with no checks: the log is the truth.
     */
    public void replay(final long producerId, final short epoch, final BatchMetadata batch) {
        producers.computeIfAbsent(producerId, id -> new ProducerEntry(epoch)).add(epoch, batch);
    }

    public void clear() {
        producers.clear();
    }

    /** The checks and updates of one append, applied to copies until committed. */
    public final class Pending {
        private final Map<Long, ProducerEntry> touched = new HashMap<>();
        private BatchMetadata duplicate;

        private Pending() {
        }

        /** Judges a batch of {@code producerId}/{@code epoch} covering sequences first..last. */
        public Verdict check(final long producerId, final short epoch, final int firstSequence, final int lastSequence) {
            final ProducerEntry entry = current(producerId);
            if (entry == null) {
                // Kafka accepts a producer it has no state for only from its first sequence.
                return firstSequence == 0 ? Verdict.ACCEPT : Verdict.UNKNOWN_PRODUCER_ID;
            }
            if (epoch < entry.epoch) {
                return Verdict.INVALID_PRODUCER_EPOCH;
            }
            if (epoch > entry.epoch) {
                return firstSequence == 0 ? Verdict.ACCEPT : Verdict.OUT_OF_ORDER_SEQUENCE;
            }
            final BatchMetadata original = entry.duplicateOf(firstSequence, lastSequence);
            if (original != null) {
                duplicate = original;
                return Verdict.DUPLICATE;
            }
            final BatchMetadata last = entry.batches.peekLast();
            final int expected = last == null ? 0 : nextSequence(last.lastSequence);
            return firstSequence == expected ? Verdict.ACCEPT : Verdict.OUT_OF_ORDER_SEQUENCE;
        }

        /** The remembered batch behind the last {@link Verdict#DUPLICATE}. */
        public BatchMetadata duplicate() {
            return duplicate;
        }

        /** Records an accepted batch so that later batches of the same append are checked against it. */
        public void record(final long producerId, final short epoch, final BatchMetadata batch) {
            ProducerEntry entry = current(producerId);
            if (entry == null) {
                entry = new ProducerEntry(epoch);
            }
            if (!touched.containsKey(producerId)) {
                entry = entry.copy();
                touched.put(producerId, entry);
            }
            entry.add(epoch, batch);
        }

        public void commit() {
            producers.putAll(touched);
        }

        private ProducerEntry current(final long producerId) {
            final ProducerEntry mine = touched.get(producerId);
            return mine != null ? mine : producers.get(producerId);
        }
    }

    /**
     * Writes the whole table to {@code file} atomically (temp file, fsync, rename). Layout, big-endian:
     * INT16 version, INT32 CRC-32C of everything after it, INT32 producer count, then per producer
     * INT64 id, INT16 epoch, INT8 batch count and per batch INT32 first/last sequence, INT64 first/last offset, INT64 timestamp.
     */
    public void writeSnapshot(final Path file) throws IOException {
        int bytes = ENTRIES_OFFSET;
        for (final ProducerEntry entry : producers.values()) {
            bytes += ENTRY_HEADER_SIZE + entry.batches.size() * BATCH_SIZE;
        }
        final ByteBuffer buffer = ByteBuffer.allocate(bytes);
        buffer.putShort(SNAPSHOT_VERSION).putInt(0).putInt(producers.size());
        for (final Map.Entry<Long, ProducerEntry> producer : producers.entrySet()) {
            final ProducerEntry entry = producer.getValue();
            buffer.putLong(producer.getKey()).putShort(entry.epoch).put((byte) entry.batches.size());
            for (final BatchMetadata batch : entry.batches) {
                buffer.putInt(batch.firstSequence).putInt(batch.lastSequence)
                        .putLong(batch.firstOffset).putLong(batch.lastOffset).putLong(batch.timestamp);
            }
        }
        buffer.putInt(CRC_OFFSET, (int) crcAfterHeader(buffer));
        buffer.flip();
        final Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            FileIo.writeFully(channel, buffer, 0);
            channel.force(true);
        }
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * Replaces the table with the snapshot in {@code file}.
     *
     * @throws IOException when the file cannot be read or is corrupt (bad version, CRC, or a count
     *                     larger than the bytes present); the table is left empty then
     */
    public void readSnapshot(final Path file) throws IOException {
        producers.clear();
        final long fileSize = Files.size(file);
        if (fileSize < ENTRIES_OFFSET || fileSize > Integer.MAX_VALUE) {
            throw new IOException("producer snapshot " + file + " has impossible size " + fileSize);
        }
        final ByteBuffer buffer = ByteBuffer.wrap(Files.readAllBytes(file));
        final short version = buffer.getShort(VERSION_OFFSET);
        if (version != SNAPSHOT_VERSION) {
            throw new IOException("producer snapshot " + file + " has unknown version " + version);
        }
        final long stored = Integer.toUnsignedLong(buffer.getInt(CRC_OFFSET));
        if (stored != crcAfterHeader(buffer)) {
            throw new IOException("producer snapshot " + file + " fails its CRC");
        }
        final int count = buffer.getInt(COUNT_OFFSET);
        buffer.position(ENTRIES_OFFSET);
        if (count < 0 || (long) count * ENTRY_HEADER_SIZE > buffer.remaining()) {
            throw new IOException("producer snapshot " + file + " claims " + count + " producers in "
                    + buffer.remaining() + " bytes");
        }
        for (int i = 0; i < count; i++) {
            if (buffer.remaining() < ENTRY_HEADER_SIZE) {
                producers.clear();
                throw new IOException("producer snapshot " + file + " is truncated in producer " + i);
            }
            final long producerId = buffer.getLong();
            final ProducerEntry entry = new ProducerEntry(buffer.getShort());
            final int batches = buffer.get();
            if (batches < 0 || batches > RETAINED_BATCHES || (long) batches * BATCH_SIZE > buffer.remaining()) {
                producers.clear();
                throw new IOException("producer snapshot " + file + " has bad batch count " + batches
                        + " for producer " + producerId);
            }
            for (int b = 0; b < batches; b++) {
                entry.batches.addLast(new BatchMetadata(buffer.getInt(), buffer.getInt(), buffer.getLong(),
                        buffer.getLong(), buffer.getLong()));
            }
            producers.put(producerId, entry);
        }
    }

    /** Sequences wrap from Integer.MAX_VALUE back to 0, as Kafka's producer numbers them. */
    private static int nextSequence(final int sequence) {
        return sequence == Integer.MAX_VALUE ? 0 : sequence + 1;
    }

    private static long crcAfterHeader(final ByteBuffer buffer) {
        final CRC32C crc = new CRC32C();
        final ByteBuffer covered = buffer.duplicate();
        covered.limit(buffer.capacity()).position(COUNT_OFFSET);
        crc.update(covered);
        return crc.getValue();
    }
}
