package dev.sluice.codec.protocol;

import dev.sluice.codec.MalformedDataException;

import java.nio.ByteBuffer;

/**
 * Whole frames as they go on the wire: {@code INT32 size} (not counting itself), then the header, then the
 * body. The body's version and the header version come from the {@link ApiKeys} rules. Stateless.
 */
public final class Frames {
    /** Bytes of the size prefix in front of every frame. */
    public static final int SIZE_PREFIX_BYTES = Integer.BYTES;

    private Frames() {
    }

    /** A request frame in one heap buffer, ready to read. Records in the body are copied. */
    public static ByteBuffer request(final RequestHeader header, final Struct body) {
        return requestParts(header, body).toByteBuffer();
    }

    /** A request frame as parts: records values stay separate, not copied. */
    public static MessageParts requestParts(final RequestHeader header, final Struct body) {
        final ApiKeys api = knownApi(header.apiKey());
        final short headerVersion = api.requestHeaderVersion(header.apiVersion());
        final int headerBytes = header.sizeOf(headerVersion);
        return api.requestSchema().writeParts(body, header.apiVersion(), SIZE_PREFIX_BYTES + headerBytes,
            (heap, frameBytes) -> {
                heap.putInt(0, sizeField(frameBytes));
                header.write(heap.position(SIZE_PREFIX_BYTES), headerVersion);
            });
    }

    /** A response frame in one heap buffer, ready to read. Records in the body are copied. */
    public static ByteBuffer response(final ApiKeys api, final short version, final int correlationId,
                                      final Struct body) {
        return responseParts(api, version, correlationId, body).toByteBuffer();
    }

    /**
     * A response frame as parts: size prefix, header and encoded fields in heap buffers, each records value as
     * its own part (for a Fetch response, the segment slices to transfer).
     */
    public static MessageParts responseParts(final ApiKeys api, final short version, final int correlationId,
                                             final Struct body) {
        final short headerVersion = api.responseHeaderVersion(version);
        final ResponseHeader header = new ResponseHeader(correlationId);
        return api.responseSchema().writeParts(body, version,
            SIZE_PREFIX_BYTES + ResponseHeader.sizeOf(headerVersion),
            (heap, frameBytes) -> {
                heap.putInt(0, sizeField(frameBytes));
                header.write(heap.position(SIZE_PREFIX_BYTES), headerVersion);
            });
    }

    /**
     * The size of the frame starting at {@code buffer}'s position, without moving it: -1 when fewer than 4 bytes
     * are there yet, else the number of bytes after the prefix.
     *
     * @throws MalformedDataException when the size is negative or above {@code maxFrameBytes}
     */
    public static int peekFrameSize(final ByteBuffer buffer, final int maxFrameBytes) {
        if (buffer.remaining() < SIZE_PREFIX_BYTES) {
            return -1;
        }
        final int size = buffer.getInt(buffer.position());
        if (size < 0 || size > maxFrameBytes) {
            throw new MalformedDataException("frame size", size + " is outside 0.." + maxFrameBytes);
        }
        return size;
    }

    private static int sizeField(final long frameBytes) {
        final long size = frameBytes - SIZE_PREFIX_BYTES;
        if (size > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("frame of " + size + " bytes is too large to size-prefix");
        }
        return (int) size;
    }

    private static ApiKeys knownApi(final short apiKey) {
        final ApiKeys api = ApiKeys.forId(apiKey);
        if (api == null) {
            throw new IllegalArgumentException("unknown API key " + apiKey);
        }
        return api;
    }
}
