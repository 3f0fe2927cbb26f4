package dev.sluice.codec.protocol;

import dev.sluice.codec.protocol.message.ApiVersionsResponseSchema;

import java.nio.ByteBuffer;

/**
 * The two special cases of ApiVersions (KIP-511). A broker that receives an ApiVersions request of a version it
 * does not know cannot parse its body, so it answers in the oldest format, v0 body with response header v0,
 * with error UNSUPPORTED_VERSION and one ApiKeys entry: the ApiVersions versions it does support. A client
 * reading the response therefore checks the error code first and re-reads the body as v0 when it says
 * UNSUPPORTED_VERSION. Stateless.
 */
public final class ApiVersionsResponses {
    private ApiVersionsResponses() {
    }

    /**
     * A successful response body listing every API of {@link ApiKeys} with its full version range, for a broker
     * that supports all of them. The caller may add features or adjust ranges before writing.
     */
    public static Struct allSupported() {
        final Struct response = ApiVersionsResponseSchema.SCHEMA.newStruct();
        for (final ApiKeys api : ApiKeys.values()) {
            response.add(ApiVersionsResponseSchema.API_KEYS)
                .set(ApiVersionsResponseSchema.ApiVersion.API_KEY, api.id())
                .set(ApiVersionsResponseSchema.ApiVersion.MIN_VERSION, api.lowestVersion())
                .set(ApiVersionsResponseSchema.ApiVersion.MAX_VERSION, api.highestVersion());
        }
        return response;
    }

    /** The body a broker sends for an ApiVersions request of an unsupported version; write it as v0. */
    public static Struct unsupportedVersion() {
        final Struct response = ApiVersionsResponseSchema.SCHEMA.newStruct()
            .set(ApiVersionsResponseSchema.ERROR_CODE, Errors.UNSUPPORTED_VERSION.code());
        response.add(ApiVersionsResponseSchema.API_KEYS)
            .set(ApiVersionsResponseSchema.ApiVersion.API_KEY, ApiKeys.API_VERSIONS.id())
            .set(ApiVersionsResponseSchema.ApiVersion.MIN_VERSION, ApiKeys.API_VERSIONS.lowestVersion())
            .set(ApiVersionsResponseSchema.ApiVersion.MAX_VERSION, ApiKeys.API_VERSIONS.highestVersion());
        return response;
    }

    /** The whole frame (size, response header v0, v0 body) answering an unsupported ApiVersions version. */
    public static ByteBuffer unsupportedVersionFrame(final int correlationId) {
        return Frames.response(ApiKeys.API_VERSIONS, (short) 0, correlationId, unsupportedVersion());
    }

    /**
     * Reads an ApiVersions response body the client asked for at {@code requestedVersion}: when the error code
     * (the first field in every version) is UNSUPPORTED_VERSION, the body is read as v0, as the broker wrote it.
     */
    public static Struct read(final ByteBuffer body, final short requestedVersion) {
        final short errorCode = WirePrimitives.readInt16(body.duplicate(), "ApiVersionsResponse.ErrorCode");
        final short version = errorCode == Errors.UNSUPPORTED_VERSION.code() ? 0 : requestedVersion;
        return ApiVersionsResponseSchema.SCHEMA.read(body, version);
    }
}
