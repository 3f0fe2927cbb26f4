package dev.sluice.broker.network;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One request frame read off a connection, and the way to answer it.
 *
 * <p>The frame (without its INT32 size prefix) is lent to the handler until the request completes:
 * its buffer comes from the processor's pool and is reused for another request once this one is
 * answered, so a handler must copy any bytes it keeps longer (the codec already copies BYTES and
 * STRING fields; only RECORDS are slices of the frame, and Produce appends them before it answers).
 * The first fields of every request header version are fixed (INT16 api key, INT16 api version,
 * INT32 correlation id, then for header v1+ an INT16-length client id), so they are peeked here, once,
 * for routing and log lines that may come after completion; the handler layer parses the header
 * properly.
 *
 * <p>Exactly one completion method may be called, once, from any thread; it must be the handler's
 * last use of the frame.
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
    private final short apiKey;
    private final short apiVersion;
    private final int correlationId;
    private final String clientId;
    private final AtomicBoolean completed = new AtomicBoolean();

    /** @param frame at least {@link #MIN_HEADER_LENGTH} bytes */
    NetworkRequest(final Processor processor, final long connectionId, final String clientAddress,
                   final ByteBuffer frame) {
        this.processor = processor;
        this.connectionId = connectionId;
        this.clientAddress = clientAddress;
        this.frame = frame;
        this.apiKey = frame.getShort(0);
        this.apiVersion = frame.getShort(2);
        this.correlationId = frame.getInt(4);
        this.clientId = readClientId(frame);
    }

    /**
     * The frame after its size prefix, positioned at the request header. Valid until the request
     * completes; its memory is reused afterwards.
     */
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
        return apiKey;
    }

    public short apiVersion() {
        return apiVersion;
    }

    public int correlationId() {
        return correlationId;
    }

    /**
     * The client id if the header carries a readable one, else null. Never throws: this is for
     * log lines, where a garbage header must still be reportable.
     */
    public String peekClientId() {
        return clientId;
    }

    private static String readClientId(final ByteBuffer frame) {
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
