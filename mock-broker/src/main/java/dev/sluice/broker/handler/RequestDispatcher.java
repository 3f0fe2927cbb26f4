package dev.sluice.broker.handler;

import dev.sluice.broker.network.HeapPart;
import dev.sluice.broker.network.NetworkRequest;
import dev.sluice.broker.network.RequestHandler;
import dev.sluice.codec.MalformedDataException;
import dev.sluice.codec.protocol.ApiKeys;
import dev.sluice.codec.protocol.Errors;
import dev.sluice.codec.protocol.Frames;
import dev.sluice.codec.protocol.RequestHeader;
import dev.sluice.codec.protocol.Struct;
import java.nio.ByteBuffer;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Routes each request frame to the handler of its API key, doing what Kafka does with requests it
 * cannot serve: an ApiVersions request of an unknown version gets the v0-format UNSUPPORTED_VERSION
 * answer listing our API keys and ranges (KIP-511, so the client can retry lower); an unknown API key,
 * another API at an unsupported version, or a header or body that does not parse closes the
 * connection with a log line naming the client and the problem.
 *
 * <p>Thread-safe: holds only the immutable handler table.
 */
public final class RequestDispatcher implements RequestHandler {
    private final Map<ApiKeys, ApiHandler> handlers;

    /** @param handlers one per API key; a second handler for the same key is a programming error */
    public RequestDispatcher(final Collection<? extends ApiHandler> handlers) {
        final EnumMap<ApiKeys, ApiHandler> table = new EnumMap<>(ApiKeys.class);
        for (final ApiHandler handler : handlers) {
            if (table.put(handler.api(), handler) != null) {
                throw new IllegalArgumentException("two handlers for " + handler.api().apiName());
            }
        }
        this.handlers = Collections.unmodifiableMap(table);
    }

    /** The handlers by API key, which ApiVersions advertises. */
    public Map<ApiKeys, ApiHandler> handlers() {
        return handlers;
    }

    @Override
    public void handle(final NetworkRequest request) {
        final ByteBuffer frame = request.frame();
        final RequestHeader header;
        try {
            header = RequestHeader.read(frame);
        } catch (final MalformedDataException e) {
            request.closeConnection("request header does not parse: " + e.getMessage());
            return;
        }
        final ApiKeys api = header.api();
        final ApiHandler handler = api == null ? null : handlers.get(api);
        if (handler == null) {
            request.closeConnection("unsupported API key " + header.apiKey() + " (correlation id "
                    + header.correlationId() + ")");
            return;
        }
        final short version = header.apiVersion();
        if (version < handler.lowestVersion() || version > handler.highestVersion()) {
            if (api == ApiKeys.API_VERSIONS) {
                // KIP-511: the body could not be read, so answer in the format every client reads.
                final Struct unsupported = ApiVersionsHandler.advertise(handlers.values(), Errors.UNSUPPORTED_VERSION);
                request.respond(List.of(new HeapPart(Frames.response(ApiKeys.API_VERSIONS, (short) 0,
                        header.correlationId(), unsupported))));
            } else {
                request.closeConnection(api.apiName() + " version " + version + " is not supported (supported "
                        + handler.lowestVersion() + " to " + handler.highestVersion() + ")");
            }
            return;
        }
        final Struct body;
        try {
            body = api.requestSchema().read(frame, version);
        } catch (final MalformedDataException e) {
            request.closeConnection(api.apiName() + " v" + version + " request body does not parse: "
                    + e.getMessage());
            return;
        }
        handler.handle(new RequestContext(request, header, api, body));
    }
}
