package dev.sluice.client.internal.network;

import dev.sluice.codec.protocol.ApiKeys;
import dev.sluice.codec.protocol.Struct;

/**
 * The outcome of one request: a parsed body, or the failure that prevented one (disconnect,
 * request timeout, undecodable response). Immutable; handed to the request's handler on the
 * network thread.
 *
 * @param nodeId      broker the request went to
 * @param api         the request's API
 * @param version     the version used
 * @param body        the response body, null on failure or for requests without a response (acks=0)
 * @param failure     why there is no body, or null
 * @param createdMs   when the request was handed to the client
 * @param completedMs when the response (or failure) arrived
 */
public record ClientResponse(int nodeId, ApiKeys api, short version, Struct body, RuntimeException failure,
                             long createdMs, long completedMs) {
    public boolean failed() {
        return failure != null;
    }

    public long latencyMs() {
        return completedMs - createdMs;
    }
}
