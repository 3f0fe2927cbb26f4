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
 */
final class Connection {
    private static final int SIZE_PREFIX_LENGTH = 4;
    /**
     * First allocation for a frame; the buffer doubles as bytes arrive, up to the declared size. A
     * client that declares a large frame and sends little therefore holds little memory, and a large
     * request pays about one extra copy of itself.
     */
    static final int INITIAL_FRAME_BUFFER_BYTES = 64 * 1024;

    private final long id;
    private final SocketChannel channel;
    private final SelectionKey key;
    private final String clientAddress;
    private final int maxRequestBytes;
    private final ByteBuffer sizeBuffer = ByteBuffer.allocate(SIZE_PREFIX_LENGTH);
    private final ArrayDeque<SendPart> sendQueue = new ArrayDeque<>();
    private ByteBuffer frameBuffer;
    private int frameSize;
    private boolean requestInFlight;
    private String clientId;

    Connection(final long id, final SocketChannel channel, final SelectionKey key, final String clientAddress,
               final int maxRequestBytes) {
        this.id = id;
        this.channel = channel;
        this.key = key;
        this.clientAddress = clientAddress;
        this.maxRequestBytes = maxRequestBytes;
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
     * @return the complete frame (position 0, without size prefix), or null if more bytes are needed
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
            frameBuffer = ByteBuffer.allocate(Math.min(size, INITIAL_FRAME_BUFFER_BYTES));
        }
        while (true) {
            if (!frameBuffer.hasRemaining() && frameBuffer.capacity() < frameSize) {
                final ByteBuffer larger = ByteBuffer.allocate((int) Math.min(frameSize, 2L * frameBuffer.capacity()));
                frameBuffer = larger.put(frameBuffer.flip());
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

    /** Stops reading until the current request completes, keeping per-connection order. */
    void mute() {
        requestInFlight = true;
        key.interestOps(key.interestOps() & ~SelectionKey.OP_READ);
    }

    void unmute() {
        requestInFlight = false;
        key.interestOps(key.interestOps() | SelectionKey.OP_READ);
    }

    /** Queues a whole response frame (its size prefix included) behind anything still unsent. */
    void enqueueResponse(final List<SendPart> parts) {
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
