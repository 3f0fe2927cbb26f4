package dev.sluice.broker;

import dev.sluice.codec.protocol.ApiKeys;
import dev.sluice.codec.protocol.Frames;
import dev.sluice.codec.protocol.RequestHeader;
import dev.sluice.codec.protocol.ResponseHeader;
import dev.sluice.codec.protocol.Struct;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.ByteBuffer;

/** A blocking one-request-at-a-time client speaking our codec's messages, for protocol-level tests. */
final class RawClient implements AutoCloseable {
    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;
    private int correlationId;

    RawClient(final MockBroker broker) throws IOException {
        socket = new Socket("127.0.0.1", broker.port());
        socket.setSoTimeout(20_000);
        in = new DataInputStream(socket.getInputStream());
        out = socket.getOutputStream();
    }

    /** Sends a request without waiting for an answer; returns its correlation id. */
    int send(final ApiKeys api, final short version, final Struct body) throws IOException {
        final int id = ++correlationId;
        final ByteBuffer frame = Frames.request(new RequestHeader(api, version, id, "raw-test"), body);
        final byte[] bytes = new byte[frame.remaining()];
        frame.get(bytes);
        out.write(bytes);
        out.flush();
        return id;
    }

    /** Reads the next response, checking that it answers {@code correlationId}. */
    Struct receive(final ApiKeys api, final short version, final int correlationId) throws IOException {
        final byte[] frame = new byte[in.readInt()];
        in.readFully(frame);
        final ByteBuffer buffer = ByteBuffer.wrap(frame);
        final ResponseHeader header = ResponseHeader.read(buffer, api.responseHeaderVersion(version));
        if (header.correlationId() != correlationId) {
            throw new IllegalStateException("expected correlation id " + correlationId + ", got " + header.correlationId());
        }
        return api.responseSchema().read(buffer, version);
    }

    Struct call(final ApiKeys api, final short version, final Struct body) throws IOException {
        return receive(api, version, send(api, version, body));
    }

    /** True when the broker closed the connection (read hits end of stream or a reset). */
    boolean closedByBroker() {
        try {
            return in.read() < 0;
        } catch (final IOException e) {
            return true;
        }
    }

    /** This side's port, which the broker's log lines name as the client's address. */
    int localPort() {
        return socket.getLocalPort();
    }

    /** Drops the connection at once with a reset (SO_LINGER 0), as a killed client would. */
    void abort() throws IOException {
        socket.setSoLinger(true, 0);
        socket.close();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
