package dev.sluice.broker.handler;

import dev.sluice.codec.protocol.ApiKeys;
import dev.sluice.codec.protocol.Errors;
import dev.sluice.codec.protocol.Struct;
import dev.sluice.codec.protocol.message.ApiVersionsResponseSchema;
import dev.sluice.codec.protocol.message.ApiVersionsResponseSchema.ApiVersion;
import java.util.ArrayList;
import java.util.Collection;
import java.util.function.Supplier;

/**
 * ApiVersions (key 18), versions 0-3.
 *
 * <p>Advertises every registered handler with the version range it answers. The ranges are what
 * kafka-clients 3.x/4.x and librdkafka 2.x negotiate against: each picks the highest version both
 * sides know. A request above v3 (kafka-clients 4.x start with v4) never reaches this class: the
 * dispatcher answers it in the v0 format with UNSUPPORTED_VERSION and our range, and the client
 * retries with v3. No features are advertised (this broker has no finalized feature levels).
 */
public final class ApiVersionsHandler implements ApiHandler {
    private final Supplier<Collection<ApiHandler>> handlers;

    /** @param handlers all registered handlers (read at each request, so late registration shows) */
    public ApiVersionsHandler(final Supplier<Collection<ApiHandler>> handlers) {
        this.handlers = handlers;
    }

    @Override
    public ApiKeys api() {
        return ApiKeys.API_VERSIONS;
    }

    @Override
    public void handle(final RequestContext request) {
        request.respond(advertise(handlers.get(), Errors.NONE));
    }

    /** A response body listing every handler's API key and version range, with {@code error}. */
    static Struct advertise(final Collection<ApiHandler> handlers, final Errors error) {
        final Struct response = ApiVersionsResponseSchema.SCHEMA.newStruct()
                .set(ApiVersionsResponseSchema.ERROR_CODE, error.code())
                .set(ApiVersionsResponseSchema.API_KEYS, new ArrayList<>());
        for (final ApiHandler handler : handlers) {
            response.add(ApiVersionsResponseSchema.API_KEYS)
                    .set(ApiVersion.API_KEY, handler.api().id())
                    .set(ApiVersion.MIN_VERSION, handler.lowestVersion())
                    .set(ApiVersion.MAX_VERSION, handler.highestVersion());
        }
        return response;
    }
}
