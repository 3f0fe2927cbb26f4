package dev.sluice.broker.network;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One request frame read off a connection, and the way to answer it.
 *
 * <p>The frame (without its INT32 size prefix) belongs to the handler. The first fields of every
 * request header version are fixed (INT16 api key, INT16 api version, INT32 correlation id, then
 * for header v1+ an INT16-length client id), so they are peeked here for routing and log lines;
 * the handler layer parses the header properly.
 *
 * <p>Exactly one completion method may be called, once, from any thread.
 */
public final class NetworkRequest {
    /** Bytes every request header starts with: api key, api version, correlation id. */
    public static final int MIN_HEADER_LENGTH = 2 + 2 + 4;
    private static final int CLIENT_ID_OFFSET = MIN_HEADER_LENGTH;
    private static final int CLIENT_ID_LENGTH_LENGTH = 2;

    private final Processor processor;
    private final long connectionId;
    private final String clientAddress;
    private final ByteBuffer frame;
    private final AtomicBoolean completed = new AtomicBoolean();

    NetworkRequest(final Processor processor, final long connectionId, final String clientAddress,
                   final ByteBuffer frame) {
        this.processor = processor;
        this.connectionId = connectionId;
        this.clientAddress = clientAddress;
        this.frame = frame;
    }

    /** The frame after its size prefix, positioned at the request header. */
    public ByteBuffer frame() {
        return frame;
    }

    public long connectionId() {
        return connectionId;
    }

    /** The client's "host:port", for log lines. */
    public String clientAddress() {
        return clientAddress;
    }

    public short apiKey() {
        return frame.getShort(0);
    }

    public short apiVersion() {
        return frame.getShort(2);
    }

    public int correlationId() {
        return frame.getInt(4);
    }

    /**
     * The client id if the header carries a readable one, else null. Never throws: this is for
     * log lines, where a garbage header must still be reportable.
     */
    public String peekClientId() {
        if (frame.limit() < CLIENT_ID_OFFSET + CLIENT_ID_LENGTH_LENGTH) {
            return null;
        }
        final int length = frame.getShort(CLIENT_ID_OFFSET);
        final int start = CLIENT_ID_OFFSET + CLIENT_ID_LENGTH_LENGTH;
        if (length < 0 || length > frame.limit() - start) {
            return null;
        }
        final byte[] bytes = new byte[length];
        frame.get(start, bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** "address (client id)" for log lines. */
    public String describeClient() {
        final String clientId = peekClientId();
        return clientId == null ? clientAddress : clientAddress + " (client id '" + clientId + "')";
    }

    /**
     * Sends a response frame: the parts, in order, must form the whole frame, INT32 size prefix
     * included (as {@code Frames.responseParts} produces it). Takes ownership of the parts.
     */
    public void respond(final List<SendPart> parts) {
        complete();
        processor.enqueue(Completion.respond(connectionId, parts));
    }

    /** Completes the request without a response (Produce with acks=0); reading resumes. */
    public void respondNothing() {
        complete();
        processor.enqueue(Completion.nothing(connectionId));
    }

    /** Closes the connection, logging {@code reason} with the client's address and id. */
    public void closeConnection(final String reason) {
        complete();
        processor.enqueue(Completion.close(connectionId, reason));
    }

    private void complete() {
        if (!completed.compareAndSet(false, true)) {
            throw new IllegalStateException("request " + correlationId() + " from " + clientAddress
                    + " completed twice");
        }
    }

    /** What the processor applies to a connection when a request completes. */
    record Completion(long connectionId, List<SendPart> parts, String closeReason) {
        static Completion respond(final long connectionId, final List<SendPart> parts) {
            return new Completion(connectionId, parts, null);
        }

        static Completion nothing(final long connectionId) {
            return new Completion(connectionId, List.of(), null);
        }

        static Completion close(final long connectionId, final String reason) {
            return new Completion(connectionId, null, reason);
        }
    }
}
