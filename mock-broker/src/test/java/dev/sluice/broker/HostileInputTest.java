package dev.sluice.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.codec.protocol.ApiKeys;
import dev.sluice.codec.protocol.ApiVersionsResponses;
import dev.sluice.codec.protocol.Errors;
import dev.sluice.codec.protocol.Frames;
import dev.sluice.codec.protocol.RequestHeader;
import dev.sluice.codec.protocol.ResponseHeader;
import dev.sluice.codec.protocol.Struct;
import dev.sluice.codec.protocol.message.ApiVersionsRequestSchema;
import dev.sluice.codec.protocol.message.ApiVersionsResponseSchema;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Hostile and broken clients on raw sockets: each is closed (or answered as Kafka answers) and a
 * well-behaved client on the same broker keeps getting answers.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputTest {
    private static final int MAX_REQUEST_BYTES = 64 * 1024;

    private MockBroker broker;
    private Socket good;
    private int correlationId;

    @BeforeAll
    void start() throws IOException {
        broker = MockBroker.builder().config("socket.request.max.bytes", Integer.toString(MAX_REQUEST_BYTES))
                .build().start();
        good = connect();
    }

    @AfterAll
    void stop() throws IOException {
        good.close();
        broker.close();
    }

    @Test
    void shouldCloseConnectionWithOversizedLengthPrefix() throws IOException {
        try (Socket hostile = connect()) {
            new DataOutputStream(hostile.getOutputStream()).writeInt(MAX_REQUEST_BYTES + 1);
            assertClosedByBroker(hostile);
        }
        assertGoodClientStillServed();
    }

    @Test
    void shouldCloseConnectionWithHugeLengthPrefixWithoutAllocatingIt() throws IOException {
        try (Socket hostile = connect()) {
            new DataOutputStream(hostile.getOutputStream()).writeInt(Integer.MAX_VALUE);
            assertClosedByBroker(hostile);
        }
        assertGoodClientStillServed();
    }

    @Test
    void shouldCarryOnWhenAClientHangsUpInsideAFrame() throws IOException {
        try (Socket truncated = connect()) {
            final DataOutputStream out = new DataOutputStream(truncated.getOutputStream());
            out.writeInt(200);
            out.write(new byte[20]);
            out.flush();
        }
        assertGoodClientStillServed();
    }

    @Test
    void shouldCloseConnectionWithGarbageHeader() throws IOException {
        try (Socket hostile = connect()) {
            // ApiVersions v0 whose client id length points far past the end of the frame.
            final ByteBuffer frame = ByteBuffer.allocate(4 + 10).putInt(10).putShort(ApiKeys.API_VERSIONS.id())
                    .putShort((short) 0).putInt(1).putShort((short) 5000);
            send(hostile, frame.array());
            assertClosedByBroker(hostile);
        }
        try (Socket hostile = connect()) {
            send(hostile, ByteBuffer.allocate(4 + 3).putInt(3).put(new byte[] {1, 2, 3}).array());
            assertClosedByBroker(hostile);
        }
        assertGoodClientStillServed();
    }

    @Test
    void shouldCloseConnectionWithUnknownApiKey() throws IOException {
        try (Socket hostile = connect()) {
            final byte[] clientId = "hostile".getBytes(StandardCharsets.UTF_8);
            final ByteBuffer frame = ByteBuffer.allocate(4 + 10 + clientId.length).putInt(10 + clientId.length)
                    .putShort((short) 999).putShort((short) 0).putInt(1).putShort((short) clientId.length).put(clientId);
            send(hostile, frame.array());
            assertClosedByBroker(hostile);
        }
        assertGoodClientStillServed();
    }

    @Test
    void shouldAnswerUnsupportedApiVersionsVersionInV0FormatWithOurRange() throws IOException {
        try (Socket client = connect()) {
            // Header v2 (a future version is flexible): null client id, empty tagged fields; then a body we cannot know.
            final ByteBuffer frame = ByteBuffer.allocate(4 + 14).putInt(14).putShort(ApiKeys.API_VERSIONS.id())
                    .putShort((short) 99).putInt(77).putShort((short) -1).put((byte) 0).put(new byte[] {9, 9, 9});
            send(client, frame.array());
            final ByteBuffer response = readFrame(client);
            assertEquals(77, ResponseHeader.read(response, (short) 0).correlationId());
            final Struct body = ApiVersionsResponses.read(response, (short) 99);
            assertEquals(Errors.UNSUPPORTED_VERSION.code(), body.get(ApiVersionsResponseSchema.ERROR_CODE));
            final List<Struct> keys = body.get(ApiVersionsResponseSchema.API_KEYS);
            final Struct range = keys.stream()
                    .filter(k -> k.get(ApiVersionsResponseSchema.ApiVersion.API_KEY) == ApiKeys.API_VERSIONS.id())
                    .findFirst().orElseThrow();
            assertEquals(ApiKeys.API_VERSIONS.highestVersion(), range.get(ApiVersionsResponseSchema.ApiVersion.MAX_VERSION));
            assertTrue(keys.stream().anyMatch(k -> k.get(ApiVersionsResponseSchema.ApiVersion.API_KEY) == ApiKeys.PRODUCE.id()));
            // The connection stays usable: the client retries at a version we know.
            assertApiVersionsWorks(client);
        }
    }

    @Test
    void shouldCloseConnectionForUnsupportedVersionOfAnotherApi() throws IOException {
        try (Socket hostile = connect()) {
            final ByteBuffer frame = ByteBuffer.allocate(4 + 10).putInt(10).putShort(ApiKeys.METADATA.id())
                    .putShort((short) 99).putInt(1).putShort((short) -1);
            send(hostile, frame.array());
            assertClosedByBroker(hostile);
        }
        assertGoodClientStillServed();
    }

    @Test
    void shouldCloseConnectionWhenBodyDoesNotParse() throws IOException {
        try (Socket hostile = connect()) {
            // Metadata v1: topic array claims 1 000 000 entries, none follow.
            final ByteBuffer frame = ByteBuffer.allocate(4 + 14).putInt(14).putShort(ApiKeys.METADATA.id())
                    .putShort((short) 1).putInt(1).putShort((short) -1).putInt(1_000_000);
            send(hostile, frame.array());
            assertClosedByBroker(hostile);
        }
        assertGoodClientStillServed();
    }

    private void assertGoodClientStillServed() throws IOException {
        assertApiVersionsWorks(good);
    }

    private void assertApiVersionsWorks(final Socket socket) throws IOException {
        final int id = ++correlationId;
        final Struct request = ApiVersionsRequestSchema.SCHEMA.newStruct()
                .set(ApiVersionsRequestSchema.CLIENT_SOFTWARE_NAME, "sluice-test")
                .set(ApiVersionsRequestSchema.CLIENT_SOFTWARE_VERSION, "1");
        final ByteBuffer frame = Frames.request(new RequestHeader(ApiKeys.API_VERSIONS, (short) 3, id, "good"), request);
        final byte[] bytes = new byte[frame.remaining()];
        frame.get(bytes);
        send(socket, bytes);
        final ByteBuffer response = readFrame(socket);
        assertEquals(id, ResponseHeader.read(response, (short) 0).correlationId());
        final Struct body = ApiVersionsResponses.read(response, (short) 3);
        assertEquals(Errors.NONE.code(), body.get(ApiVersionsResponseSchema.ERROR_CODE));
        final List<Struct> keys = body.get(ApiVersionsResponseSchema.API_KEYS);
        assertTrue(keys.stream().anyMatch(k -> k.get(ApiVersionsResponseSchema.ApiVersion.API_KEY) == ApiKeys.FETCH.id()));
    }

    private Socket connect() throws IOException {
        final Socket socket = new Socket("127.0.0.1", broker.port());
        socket.setSoTimeout(10_000);
        return socket;
    }

    private static void send(final Socket socket, final byte[] bytes) throws IOException {
        socket.getOutputStream().write(bytes);
        socket.getOutputStream().flush();
    }

    private static ByteBuffer readFrame(final Socket socket) throws IOException {
        final DataInputStream in = new DataInputStream(socket.getInputStream());
        final byte[] frame = new byte[in.readInt()];
        in.readFully(frame);
        return ByteBuffer.wrap(frame);
    }

    private static void assertClosedByBroker(final Socket socket) {
        assertThrows(IOException.class, () -> {
            if (socket.getInputStream().read() < 0) {
                throw new EOFException("closed by broker");
            }
        });
    }
}
