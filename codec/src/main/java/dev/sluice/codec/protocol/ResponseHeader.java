package dev.sluice.codec.protocol;

import java.nio.ByteBuffer;

/**
 * The header in front of every response body: {@code CorrelationId INT32} (v0), plus a tagged-field section
 * (v1). Which version applies is {@link ApiKeys#responseHeaderVersion(short)}. Immutable value.
 *
 * @param correlationId the correlation id of the request this answers
 */
public record ResponseHeader(int correlationId) {
    private static final StructSchema TAGS = new StructSchema("ResponseHeader");

    /** Reads a response header of {@code headerVersion} (0 or 1). */
    public static ResponseHeader read(final ByteBuffer buffer, final short headerVersion) {
        checkHeaderVersion(headerVersion);
        final int correlationId = WirePrimitives.readInt32(buffer, "ResponseHeader.CorrelationId");
        if (headerVersion >= 1) {
            TAGS.read(buffer, (short) 0, true);
        }
        return new ResponseHeader(correlationId);
    }

    public static int sizeOf(final short headerVersion) {
        checkHeaderVersion(headerVersion);
        return Integer.BYTES + (headerVersion >= 1 ? 1 : 0);
    }

    public void write(final ByteBuffer buffer, final short headerVersion) {
        checkHeaderVersion(headerVersion);
        buffer.putInt(correlationId);
        if (headerVersion >= 1) {
            buffer.put((byte) 0);
        }
    }

    private static void checkHeaderVersion(final short headerVersion) {
        if (headerVersion < 0 || headerVersion > 1) {
            throw new IllegalArgumentException("response header version " + headerVersion + " does not exist");
        }
    }
}
