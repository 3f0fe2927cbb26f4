package dev.sluice.codec.protocol;

import java.nio.ByteBuffer;

/**
 * The header in front of every request body.
 *
 * <pre>
 * v0: RequestApiKey INT16, RequestApiVersion INT16, CorrelationId INT32
 * v1: v0 + ClientId NULLABLE_STRING
 * v2: v1 + tagged fields   (ClientId keeps its INT16 length: it is never compact)
 * </pre>
 *
 * Because ClientId is never compact, a broker can read the whole fixed part before it knows whether the API
 * version is flexible; only the trailing tagged-field section depends on it. Immutable value.
 *
 * @param apiKey        the API key, see {@link ApiKeys}
 * @param apiVersion    the version of the request body that follows
 * @param correlationId echoed in the response so the client can match it
 * @param clientId      the client's id, may be null
 */
public record RequestHeader(short apiKey, short apiVersion, int correlationId, String clientId) {
    private static final String API_KEY = "RequestHeader.RequestApiKey";
    private static final String API_VERSION = "RequestHeader.RequestApiVersion";
    private static final String CORRELATION_ID = "RequestHeader.CorrelationId";
    private static final String CLIENT_ID = "RequestHeader.ClientId";
    /** Reads and skips a tagged-field section: the header defines no tagged fields of its own. */
    private static final StructSchema TAGS = new StructSchema("RequestHeader");
    private static final int FIXED_BYTES = Short.BYTES + Short.BYTES + Integer.BYTES;

    /** A header for {@code api} at {@code version}. */
    public RequestHeader(final ApiKeys api, final short version, final int correlationId, final String clientId) {
        this(api.id(), version, correlationId, clientId);
    }

    /** The API this header names, or null when the key is not one this codec knows. */
    public ApiKeys api() {
        return ApiKeys.forId(apiKey);
    }

    /**
     * The header version that goes with this header's API and version (1 or 2).
     *
     * @throws IllegalStateException when the API key is unknown
     */
    public short headerVersion() {
        final ApiKeys api = api();
        if (api == null) {
            throw new IllegalStateException("unknown API key " + apiKey);
        }
        return api.requestHeaderVersion(apiVersion);
    }

    /**
     * Reads a request header, choosing the header version from the API key and version it finds. For an API
     * key this codec does not know, the tagged-field section (if any) is left unread; check {@link #api()}.
     *
     * @throws dev.sluice.codec.MalformedDataException when the header is truncated or corrupt
     */
    public static RequestHeader read(final ByteBuffer buffer) {
        final short apiKey = WirePrimitives.readInt16(buffer, API_KEY);
        final short apiVersion = WirePrimitives.readInt16(buffer, API_VERSION);
        final int correlationId = WirePrimitives.readInt32(buffer, CORRELATION_ID);
        final String clientId = WirePrimitives.readString(buffer, false, true, CLIENT_ID);
        final ApiKeys api = ApiKeys.forId(apiKey);
        if (api != null && api.requestHeaderVersion(apiVersion) >= 2) {
            TAGS.read(buffer, (short) 0, true);
        }
        return new RequestHeader(apiKey, apiVersion, correlationId, clientId);
    }

    /** Reads a request header of an explicit header version (0, 1 or 2). */
    public static RequestHeader read(final ByteBuffer buffer, final short headerVersion) {
        checkHeaderVersion(headerVersion);
        final short apiKey = WirePrimitives.readInt16(buffer, API_KEY);
        final short apiVersion = WirePrimitives.readInt16(buffer, API_VERSION);
        final int correlationId = WirePrimitives.readInt32(buffer, CORRELATION_ID);
        final String clientId = headerVersion >= 1 ? WirePrimitives.readString(buffer, false, true, CLIENT_ID) : null;
        if (headerVersion >= 2) {
            TAGS.read(buffer, (short) 0, true);
        }
        return new RequestHeader(apiKey, apiVersion, correlationId, clientId);
    }

    /** Bytes this header takes in {@code headerVersion}. */
    public int sizeOf(final short headerVersion) {
        checkHeaderVersion(headerVersion);
        int size = FIXED_BYTES;
        if (headerVersion >= 1) {
            size += WirePrimitives.sizeOfString(clientId, false);
        }
        if (headerVersion >= 2) {
            size += 1;
        }
        return size;
    }

    /** Writes this header in {@code headerVersion}; the buffer must have {@link #sizeOf} bytes left. */
    public void write(final ByteBuffer buffer, final short headerVersion) {
        checkHeaderVersion(headerVersion);
        buffer.putShort(apiKey);
        buffer.putShort(apiVersion);
        buffer.putInt(correlationId);
        if (headerVersion >= 1) {
            WirePrimitives.writeString(clientId, buffer, false, true, CLIENT_ID);
        }
        if (headerVersion >= 2) {
            buffer.put((byte) 0);
        }
    }

    private static void checkHeaderVersion(final short headerVersion) {
        if (headerVersion < 0 || headerVersion > 2) {
            throw new IllegalArgumentException("request header version " + headerVersion + " does not exist");
        }
    }
}
