package dev.sluice.broker.network;

import java.io.IOException;
import java.nio.channels.SocketChannel;

/**
 * One piece of a response on its way to a socket: either bytes on the heap or a slice of a file.
 *
 * <p>Owned by the processor thread of the connection it is queued on once handed to
 * {@link NetworkRequest#respond}. A part remembers how far it got, so a partial write on a
 * non-blocking socket resumes where it stopped when the socket is writable again.
 */
public interface SendPart {
    /** Bytes of this part not yet written. */
    long remaining();

    /**
     * Writes as much as the socket takes right now, without blocking.
     *
     * @return bytes written by this call, possibly 0 when the socket buffer is full
     * @throws IOException when the socket is broken or the part cannot be read any more
     */
    long writeTo(SocketChannel channel) throws IOException;

    /** True when the bytes go file to socket with {@code transferTo}, never through the heap. */
    boolean isFileTransfer();

    /**
     * Gives back what the part holds (a pinned log segment), once it is fully written or dropped
     * with its connection. Called exactly once by the processor thread.
     */
    default void release() {
    }
}
