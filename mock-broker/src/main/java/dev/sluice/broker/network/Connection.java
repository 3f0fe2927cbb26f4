package dev.sluice.broker.network;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.ArrayDeque;
import java.util.List;

/**
 * One client socket: frame reading, the in-flight flag that keeps requests in order, and the
 * queue of response parts still to write. Owned by a single processor thread; never shared.
 *
 * <p>Reads take exactly the 4-byte size prefix, then exactly the frame, so a pipelined next
 * request stays in the socket buffer while this one is handled (the channel is muted, as Kafka
 * mutes it, until the response has been written).
 *
 * <p>Frame buffers come from the processor's {@link FrameBufferPool}. A partly read frame's buffer
 * belongs to this connection (given back on close); a complete frame's buffer belongs to its request
 * and goes back to the pool only when that request completes (see {@link Processor}).
 */
final class Connection {
    private static final int SIZE_PREFIX_LENGTH = 4;
    /**
     * Largest first buffer for a frame; the buffer doubles as bytes arrive, up to the declared size. A
     * client that declares a large frame and sends little therefore holds little memory, and a large
     * request pays about one extra copy of itself.
     */
    static final int INITIAL_FRAME_BUFFER_BYTES = 64 * 1024;

    private final long id;
    private final SocketChannel channel;
    private final SelectionKey key;
    private final String clientAddress;
    private final int maxRequestBytes;
    private final FrameBufferPool pool;
    private final ByteBuffer sizeBuffer = ByteBuffer.allocate(SIZE_PREFIX_LENGTH);
    private final ArrayDeque<SendPart> sendQueue = new ArrayDeque<>();
    private ByteBuffer frameBuffer;
    private int frameSize;
    private boolean requestInFlight;
    /** The in-flight request's frame; back to the pool once the request completed and its answer is out. */
    private ByteBuffer requestFrame;
    private boolean requestCompleted;
    private String clientId;

    Connection(final long id, final SocketChannel channel, final SelectionKey key, final String clientAddress,
               final int maxRequestBytes, final FrameBufferPool pool) {
        this.id = id;
        this.channel = channel;
        this.key = key;
        this.clientAddress = clientAddress;
        this.maxRequestBytes = maxRequestBytes;
        this.pool = pool;
    }

    long id() {
        return id;
    }

    String clientAddress() {
        return clientAddress;
    }

    /** "address (client id)" once a request revealed the id; the address alone before. */
    String describe() {
        return clientId == null ? clientAddress : clientAddress + " (client id '" + clientId + "')";
    }

    void clientId(final String clientId) {
        if (clientId != null) {
            this.clientId = clientId;
        }
    }

    boolean requestInFlight() {
        return requestInFlight;
    }

    /**
     * Reads what the socket has towards the next frame.
     *
     * @return the complete frame (position 0, limit its size, without size prefix), or null if more
     *         bytes are needed; the caller owns it and gives it back to the pool when done
     * @throws FrameException for a size prefix that is negative or over {@code socket.request.max.bytes}
     * @throws IOException    when the peer closed the socket or it broke
     */
    ByteBuffer readFrame() throws IOException {
        if (frameBuffer == null) {
            if (channel.read(sizeBuffer) < 0) {
                throw new PeerClosedException(sizeBuffer.position() == 0
                        ? "peer closed the connection"
                        : "peer closed the connection inside a size prefix");
            }
            if (sizeBuffer.hasRemaining()) {
                return null;
            }
            final int size = sizeBuffer.getInt(0);
            sizeBuffer.clear();
            if (size < 0 || size > maxRequestBytes) {
                throw new FrameException("request size " + size + " is outside [0, socket.request.max.bytes="
                        + maxRequestBytes + "]");
            }
            frameSize = size;
            frameBuffer = limitToFrame(pool.acquire(Math.min(size, INITIAL_FRAME_BUFFER_BYTES)));
        }
        while (true) {
            if (!frameBuffer.hasRemaining() && frameBuffer.limit() < frameSize) {
                final ByteBuffer smaller = frameBuffer;
                frameBuffer = limitToFrame(pool.acquire((int) Math.min(frameSize, 2L * smaller.capacity())));
                frameBuffer.put(smaller.flip());
                pool.release(smaller);
            }
            if (!frameBuffer.hasRemaining()) {
                break;
            }
            final int read = channel.read(frameBuffer);
            if (read < 0) {
                throw new PeerClosedException("peer closed the connection with " + (frameSize - frameBuffer.position())
                        + " bytes of a " + frameSize + "-byte request missing");
            }
            if (read == 0) {
                return null;
            }
        }
        final ByteBuffer frame = frameBuffer.flip();
        frameBuffer = null;
        return frame;
    }

    /** A pooled buffer may be larger than the frame: reads must stop at the frame's end. */
    private ByteBuffer limitToFrame(final ByteBuffer buffer) {
        return buffer.limit(Math.min(buffer.capacity(), frameSize));
    }

    /**
     * Stops reading until the request read from {@code frame} completes, keeping per-connection order;
     * the frame's buffer stays out of the pool until then.
     */
    void mute(final ByteBuffer frame) {
        requestInFlight = true;
        requestFrame = frame;
        requestCompleted = false;
        key.interestOps(key.interestOps() & ~SelectionKey.OP_READ);
    }

    /**
     * Whether the in-flight request's handler has completed it, so that once its answer is written
     * reading may resume.
     */
    boolean requestCompleted() {
        return requestInFlight && requestCompleted;
    }

    /**
     * Resumes reading after the in-flight request completed and its answer was written. Only now is
     * its frame recycled: the handler is done with it, and no queued response part can still point
     * into it.
     */
    void unmute() {
        requestInFlight = false;
        requestCompleted = false;
        pool.release(requestFrame);
        requestFrame = null;
        key.interestOps(key.interestOps() | SelectionKey.OP_READ);
    }

    /**
     * Marks the in-flight request completed and queues its whole response frame (size prefix
     * included, possibly no parts) behind anything still unsent.
     */
    void completeRequest(final List<SendPart> parts) {
        requestCompleted = true;
        sendQueue.addAll(parts);
    }

    /**
     * Writes queued parts until the queue is empty or the socket stops taking bytes; asks for
     * OP_WRITE in the latter case so the processor resumes later without blocking anyone.
     *
     * @return true when everything queued has been written
     */
    boolean flush(final NetworkCounters counters) throws IOException {
        while (!sendQueue.isEmpty()) {
            final SendPart part = sendQueue.peek();
            if (part.remaining() > 0) {
                final long written = part.writeTo(channel);
                if (part.isFileTransfer()) {
                    counters.recordTransferToBytes(written);
                } else {
                    counters.recordHeapBytes(written);
                }
            }
            if (part.remaining() > 0) {
                key.interestOps(key.interestOps() | SelectionKey.OP_WRITE);
                return false;
            }
            sendQueue.poll().release();
        }
        key.interestOps(key.interestOps() & ~SelectionKey.OP_WRITE);
        return true;
    }

    boolean hasPendingSends() {
        return !sendQueue.isEmpty();
    }

    void close() {
        key.cancel();
        if (frameBuffer != null) {
            // A partly read frame: no request has seen it, so the buffer is free again.
            pool.release(frameBuffer);
            frameBuffer = null;
        }
        if (requestFrame != null && requestCompleted) {
            pool.release(requestFrame);
        }
        // An uncompleted request's frame may still be read by its handler: the GC takes it later.
        requestFrame = null;
        SendPart part;
        while ((part = sendQueue.poll()) != null) {
            part.release();
        }
        try {
            channel.close();
        } catch (final IOException ignored) {
            // Closing is best effort: the socket is being dropped either way.
        }
    }

    /** A frame that breaks the framing rules; the connection is closed. */
    static final class FrameException extends IOException {
        private static final long serialVersionUID = 1L;

        FrameException(final String message) {
            super(message);
        }
    }

    /** The peer went away; logged at debug level only since clients do this all the time. */
    static final class PeerClosedException extends IOException {
        private static final long serialVersionUID = 1L;

        PeerClosedException(final String message) {
            super(message);
        }
    }
}
