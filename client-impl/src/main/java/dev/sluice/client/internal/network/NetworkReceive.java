package dev.sluice.client.internal.network;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;

/**
 * One size-prefixed frame being read off a socket: a 4-byte big-endian length, then that many
 * bytes. The length is checked against the cap before the payload buffer is taken from the pool, so
 * a garbage or hostile prefix costs four bytes, not a gigabyte. Owned by the network thread.
 */
final class NetworkReceive {
    static final int SIZE_LENGTH = 4;

    private final int maxSize;
    private final String source;
    private final ReceiveBufferPool pool;
    private final ByteBuffer sizeBuffer = ByteBuffer.allocate(SIZE_LENGTH);
    private ByteBuffer payload;

    NetworkReceive(final int maxSize, final String source, final ReceiveBufferPool pool) {
        this.maxSize = maxSize;
        this.source = source;
        this.pool = pool;
    }

    /**
     * Reads what is available.
     *
     * @return true once the whole frame is in
     * @throws InvalidReceiveException if the size prefix is negative or above the cap
     * @throws EOFException            if the peer closed the connection
     */
    boolean readFrom(final ReadableByteChannel channel) throws IOException {
        if (sizeBuffer.hasRemaining()) {
            if (channel.read(sizeBuffer) < 0) {
                throw new EOFException("Connection to " + source + " closed by peer");
            }
            if (sizeBuffer.hasRemaining()) {
                return false;
            }
            final int size = sizeBuffer.getInt(0);
            if (size < 0) {
                throw new InvalidReceiveException("Invalid message_size " + size + " from " + source
                    + ": negative");
            }
            if (size > maxSize) {
                throw new InvalidReceiveException("Invalid message_size " + size + " from " + source
                    + ": larger than the receive cap of " + maxSize + " bytes");
            }
            payload = pool.acquire(size);
        }
        if (payload.hasRemaining() && channel.read(payload) < 0) {
            throw new EOFException("Connection to " + source + " closed by peer mid-frame");
        }
        return !payload.hasRemaining();
    }

    /** True once any byte of this frame has been read. */
    boolean started() {
        return sizeBuffer.position() > 0;
    }

    /** The complete payload (without its size prefix), positioned at 0. */
    ByteBuffer payload() {
        return payload.flip();
    }
}
