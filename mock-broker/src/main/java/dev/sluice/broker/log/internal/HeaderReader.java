package dev.sluice.broker.log.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;

import dev.sluice.codec.record.RecordBatch;

/**
 * Reads one batch header at a time from a segment file with a positional read of
 * {@link RecordBatch#HEADER_SIZE} bytes (never the records) and exposes it through a reused
 * {@link RecordBatch} view. Not thread-safe: one per scan.
 */
final class HeaderReader {
    private final FileChannel channel;
    private final Path file;
    private final ByteBuffer header = ByteBuffer.allocate(RecordBatch.HEADER_SIZE);
    private final RecordBatch view = new RecordBatch();

    HeaderReader(final FileChannel channel, final Path file) {
        this.channel = channel;
        this.file = file;
    }

    /** The header of the batch at {@code position}; the caller ensures 61 bytes are there. */
    RecordBatch read(final long position) throws IOException {
        header.clear();
        FileIo.readFully(channel, header, position);
        return view.wrap(header, 0);
    }

    /**
     * The header at {@code position} of a batch that must end by {@code end}; an IOException naming the
     * position when the bytes there are not a plausible batch (a damaged file or index), so that no walk
     * over the segment can loop or run past its data.
     */
    RecordBatch readWithin(final long position, final long end) throws IOException {
        if (end - position < RecordBatch.HEADER_SIZE) {
            throw corrupt(position, "fewer than " + RecordBatch.HEADER_SIZE + " bytes left for a batch header");
        }
        final RecordBatch batch = read(position);
        checkSize(batch.sizeInBytes(), position, end);
        if (batch.magic() != RecordBatch.MAGIC_V2) {
            throw corrupt(position, "magic " + batch.magic() + " where a batch should start");
        }
        return batch;
    }

    /** Like {@link #readWithin} but reads only the 12-byte prefix and returns the batch size. */
    int sizeWithin(final long position, final long end) throws IOException {
        if (end - position < RecordBatch.LOG_OVERHEAD) {
            throw corrupt(position, "fewer than " + RecordBatch.LOG_OVERHEAD + " bytes left for a batch prefix");
        }
        final int size = sizeAt(position);
        checkSize(size, position, end);
        return size;
    }

    private void checkSize(final int size, final long position, final long end) throws IOException {
        if (size < RecordBatch.HEADER_SIZE || size > end - position) {
            throw corrupt(position, "batch size " + size + " does not fit between a header and the "
                    + (end - position) + " bytes left");
        }
    }

    private IOException corrupt(final long position, final String detail) {
        return new IOException("segment " + file + " is damaged at position " + position + ": " + detail);
    }

    /** Size of the batch at {@code position}, reading just its 12-byte offset and length prefix. */
    int sizeAt(final long position) throws IOException {
        header.clear().limit(RecordBatch.LOG_OVERHEAD);
        FileIo.readFully(channel, header, position);
        return view.wrap(header, 0).sizeInBytes();
    }
}
