package dev.sluice.broker.handler;

import dev.sluice.broker.network.HeapPart;
import dev.sluice.broker.network.NetworkRequest;
import dev.sluice.broker.network.SendPart;
import dev.sluice.codec.protocol.ApiKeys;
import dev.sluice.codec.protocol.ByteBufferRecords;
import dev.sluice.codec.protocol.Frames;
import dev.sluice.codec.protocol.MessageParts;
import dev.sluice.codec.protocol.RequestHeader;
import dev.sluice.codec.protocol.Struct;
import java.util.ArrayList;
import java.util.List;

/**
 * One parsed request: its header and body, and the ways to answer it. Answer exactly once, from
 * any thread.
 */
public final class RequestContext {
    private final NetworkRequest network;
    private final RequestHeader header;
    private final ApiKeys api;
    private final Struct body;

    RequestContext(final NetworkRequest network, final RequestHeader header, final ApiKeys api, final Struct body) {
        this.network = network;
        this.header = header;
        this.api = api;
        this.body = body;
    }

    public RequestHeader header() {
        return header;
    }

    public short version() {
        return header.apiVersion();
    }

    public ApiKeys api() {
        return api;
    }

    public Struct body() {
        return body;
    }

    /** The client's "host:port" (group members report the host, as Kafka does). */
    public String clientAddress() {
        return network.clientAddress();
    }

    /** "address (client id)" for log lines. */
    public String describeClient() {
        return network.describeClient();
    }

    /**
     * Answers with {@code response} written at the request's version, fields that version lacks
     * reset to their defaults (see {@link ResponseVersions}). Records values that are
     * {@link FileSliceRecords} go out with transferTo; heap records are written from the heap.
     */
    public void respond(final Struct response) {
        final MessageParts parts = Frames.responseParts(api, version(), header.correlationId(),
                ResponseVersions.fit(response, version()));
        final List<SendPart> sends = new ArrayList<>(parts.parts().size());
        for (final MessageParts.Part part : parts) {
            if (part instanceof MessageParts.Encoded encoded) {
                sends.add(new HeapPart(encoded.bytes()));
            } else {
                final Object records = ((MessageParts.Payload) part).records();
                if (records instanceof FileSliceRecords slice) {
                    sends.add(slice.toSendPart());
                } else {
                    sends.add(new HeapPart(((ByteBufferRecords) records).buffer()));
                }
            }
        }
        network.respond(sends);
    }

    /** Completes without a response (Produce with acks=0). */
    public void respondNothing() {
        network.respondNothing();
    }

    /** Closes the connection, logging the reason with the client's address and id. */
    public void closeConnection(final String reason) {
        network.closeConnection(reason);
    }
}
