package dev.sluice.broker.log.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

import dev.sluice.codec.record.RecordBatch;

/**
 * Reads one batch header at a time from a segment file with a positional read of
 * {@link RecordBatch#HEADER_SIZE} bytes (never the records) and exposes it through a reused
 * {@link RecordBatch} view. Not thread-safe: one per scan.
 */
final class HeaderReader {
    private final FileChannel channel;
    private final ByteBuffer header = ByteBuffer.allocate(RecordBatch.HEADER_SIZE);
    private final RecordBatch view = new RecordBatch();

    HeaderReader(final FileChannel channel) {
        this.channel = channel;
    }

    /** The header of the batch at {@code position}; the caller ensures 61 bytes are there. */
    RecordBatch read(final long position) throws IOException {
        header.clear();
        FileIo.readFully(channel, header, position);
        return view.wrap(header, 0);
    }

    /** Size of the batch at {@code position}, reading just its 12-byte offset and length prefix. */
    int sizeAt(final long position) throws IOException {
        header.clear().limit(RecordBatch.LOG_OVERHEAD);
        FileIo.readFully(channel, header, position);
        return view.wrap(header, 0).sizeInBytes();
    }
}
