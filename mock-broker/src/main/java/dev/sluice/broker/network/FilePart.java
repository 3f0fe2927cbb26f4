package dev.sluice.broker.network;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.SocketChannel;

/**
 * A slice of a file (a log segment) sent with {@link FileChannel#transferTo}, which on Linux is
 * {@code sendfile}: page cache to socket without the bytes passing through the JVM heap.
 *
 * <p>The part does not own the file channel and never closes it; whoever hands it out (the log)
 * must keep it open until the response is written or the connection is closed.
 */
public final class FilePart implements SendPart {
    private final FileChannel file;
    private long position;
    private long remaining;

    /**
     * @param file     channel to read from, kept open by its owner
     * @param position byte offset in the file of the first byte to send
     * @param count    number of bytes to send
     */
    public FilePart(final FileChannel file, final long position, final long count) {
        if (position < 0 || count < 0) {
            throw new IllegalArgumentException("file slice position " + position + " count " + count);
        }
        this.file = file;
        this.position = position;
        this.remaining = count;
    }

    @Override
    public long remaining() {
        return remaining;
    }

    @Override
    public long writeTo(final SocketChannel channel) throws IOException {
        final long sent = file.transferTo(position, remaining, channel);
        if (sent == 0 && position + remaining > file.size()) {
            // The response header already promised these bytes; a shrunk file can never deliver
            // them, and waiting for OP_WRITE would spin forever.
            throw new IOException("file slice [" + position + ", " + (position + remaining)
                    + ") runs past end of file at " + file.size());
        }
        position += sent;
        remaining -= sent;
        return sent;
    }

    @Override
    public boolean isFileTransfer() {
        return true;
    }
}
