package dev.sluice.client.internal.network;

import dev.sluice.codec.protocol.ApiKeys;
import dev.sluice.codec.protocol.Struct;

import java.nio.ByteBuffer;

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
 * @param frame       the received frame {@code body} was read from (its records fields are views of it),
 *                    or null; a large one is a pooled buffer the handler may give back with
 *                    {@link NetworkClient#releaseFrame} once nothing reads it, or leave to the GC
 */
public record ClientResponse(int nodeId, ApiKeys api, short version, Struct body, RuntimeException failure,
                             long createdMs, long completedMs, ByteBuffer frame) {
    /** A response without a frame: a failure, or a request the broker does not answer. */
    public ClientResponse(final int nodeId, final ApiKeys api, final short version, final Struct body,
                          final RuntimeException failure, final long createdMs, final long completedMs) {
        this(nodeId, api, version, body, failure, createdMs, completedMs, null);
    }

    public boolean failed() {
        return failure != null;
    }

    public long latencyMs() {
        return completedMs - createdMs;
    }
}
