package dev.sluice.broker.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The network layer against real sockets, with a test handler whose behaviour is chosen by the
 * api key: 1 echoes, 2 answers from another thread after a pause, 3 answers nothing, 4 sends the
 * file slice, 5 asks for the connection to be closed, 6 parks the request for the test to answer
 * later (echoing the frame as it is then, the way a parked handler reads its request late).
 */
class SocketServerTest {
    private static final short ECHO = 1;
    private static final short DELAYED_ECHO = 2;
    private static final short NO_RESPONSE = 3;
    private static final short FILE = 4;
    private static final short CLOSE = 5;
    private static final short HOLD = 6;
    private static final int MAX_REQUEST_BYTES = 1024 * 1024;
    private static final int FILE_BYTES = 16 * 1024 * 1024;

    @TempDir
    Path dir;
    private SocketServer server;
    private FileChannel file;
    private byte[] fileBytes;
    private final BlockingQueue<NetworkRequest> held = new LinkedBlockingQueue<>();

    @BeforeEach
    void start() throws IOException {
        fileBytes = new byte[FILE_BYTES];
        new Random(42).nextBytes(fileBytes);
        final Path path = dir.resolve("slice.bin");
        Files.write(path, fileBytes);
        file = FileChannel.open(path, StandardOpenOption.READ);
        server = new SocketServer("127.0.0.1", 0, 2, MAX_REQUEST_BYTES, this::handle);
        server.start();
    }

    @AfterEach
    void stop() throws IOException {
        server.close();
        file.close();
    }

    private void handle(final NetworkRequest request) {
        if (request.apiKey() == HOLD) {
            held.add(request);
            return;
        }
        final int fileBytes = request.apiKey() == FILE ? FILE_BYTES : 0;
        final ByteBuffer echo = echoOf(request, fileBytes);
        switch (request.apiKey()) {
            case ECHO -> request.respond(List.of(new HeapPart(echo)));
            // Echoes the frame as it is when answering: its buffer must still hold this request.
            case DELAYED_ECHO -> CompletableFuture.delayedExecutor(100, TimeUnit.MILLISECONDS)
                    .execute(() -> request.respond(List.of(new HeapPart(echoOf(request, 0)))));
            case NO_RESPONSE -> request.respondNothing();
            case FILE -> request.respond(List.of(new HeapPart(echo), new FilePart(file, 0, FILE_BYTES)));
            case CLOSE -> request.closeConnection("test asked for it");
            default -> throw new IllegalArgumentException("unknown test api key " + request.apiKey());
        }
    }

    @Test
    void shouldAnswerPipelinedRequestsInOrderEvenWhenTheFirstCompletesLater() throws IOException {
        try (Socket socket = connect()) {
            final DataOutputStream out = new DataOutputStream(socket.getOutputStream());
            writeRequest(out, DELAYED_ECHO, 1, "slow");
            writeRequest(out, ECHO, 2, "fast");
            writeRequest(out, NO_RESPONSE, 3, "acks=0");
            writeRequest(out, ECHO, 4, "after");
            final DataInputStream in = new DataInputStream(socket.getInputStream());
            assertEquals(1, readEcho(in).getInt(4));
            assertEquals(2, readEcho(in).getInt(4));
            assertEquals(4, readEcho(in).getInt(4));
        }
    }

    @Test
    void shouldCloseConnectionWithOversizedLengthPrefixAndKeepServingOthers() throws IOException {
        try (Socket good = connect(); Socket hostile = connect()) {
            new DataOutputStream(hostile.getOutputStream()).writeInt(MAX_REQUEST_BYTES + 1);
            assertClosedByServer(hostile);
            assertEchoWorks(good, 7);
        }
    }

    @Test
    void shouldReadRequestsLargerThanTheFirstBufferIntact() throws IOException {
        try (Socket socket = connect()) {
            assertEchoesByteEqual(socket, 42, randomBytes(Connection.INITIAL_FRAME_BUFFER_BYTES * 5 + 123, 7));
        }
    }

    @Test
    void shouldCloseConnectionWithNegativeLengthPrefix() throws IOException {
        try (Socket hostile = connect()) {
            new DataOutputStream(hostile.getOutputStream()).writeInt(-5);
            assertClosedByServer(hostile);
        }
    }

    @Test
    void shouldCloseConnectionWithFrameShorterThanAHeader() throws IOException {
        try (Socket good = connect(); Socket hostile = connect()) {
            final DataOutputStream out = new DataOutputStream(hostile.getOutputStream());
            out.writeInt(3);
            out.write(new byte[] {0, 1, 2});
            assertClosedByServer(hostile);
            assertEchoWorks(good, 8);
        }
    }

    @Test
    void shouldKeepServingOthersWhenAPeerHangsUpMidFrame() throws IOException {
        try (Socket good = connect()) {
            try (Socket truncated = connect()) {
                final DataOutputStream out = new DataOutputStream(truncated.getOutputStream());
                out.writeInt(100);
                out.write(new byte[10]);
                out.flush();
            }
            assertEchoWorks(good, 9);
        }
    }

    @Test
    void shouldCloseConnectionWhenHandlerAsksOrThrows() throws IOException {
        try (Socket good = connect(); Socket asked = connect(); Socket throwing = connect()) {
            writeRequest(new DataOutputStream(asked.getOutputStream()), CLOSE, 1, "");
            writeRequest(new DataOutputStream(throwing.getOutputStream()), (short) 99, 1, "");
            assertClosedByServer(asked);
            assertClosedByServer(throwing);
            assertEchoWorks(good, 10);
        }
    }

    @Test
    void shouldSendFileSliceWithTransferToWhileASlowReaderDoesNotBlockOthers() throws Exception {
        final long transferBefore = server.counters().transferToBytes();
        try (Socket slow = connect(); Socket good = connect()) {
            writeRequest(new DataOutputStream(slow.getOutputStream()), FILE, 1, "file");
            // The slow reader has not read anything: its response sits in partial writes.
            for (int i = 0; i < 20; i++) {
                assertEchoWorks(good, 100 + i);
            }
            assertArrayEquals(fileBytes, fileSliceOf(new DataInputStream(slow.getInputStream())));
        }
        assertEquals(FILE_BYTES, server.counters().transferToBytes() - transferBefore);
    }

    @Test
    void shouldSendThroughASocketSendBufferOfTheConfiguredSize() throws Exception {
        final int sendBuffer = 16 * 1024;
        try (SocketServer small = new SocketServer("127.0.0.1", 0, 1, MAX_REQUEST_BYTES, sendBuffer, this::handle)) {
            small.start();
            try (Socket socket = new Socket()) {
                socket.setReceiveBufferSize(64 * 1024);
                socket.connect(new java.net.InetSocketAddress("127.0.0.1", small.port()));
                socket.setSoTimeout(10_000);
                writeRequest(new DataOutputStream(socket.getOutputStream()), FILE, 1, "file");
                assertArrayEquals(fileBytes, fileSliceOf(new DataInputStream(socket.getInputStream())));
            }
            // The kernel doubles SO_SNDBUF, and the peer's window adds at most its 64 KiB: each sendfile
            // can queue little more than 100 KiB, so 16 MiB take well over 64 calls. With the OS's
            // self-tuning buffer a call moves up to a whole slice (measured: 1 MiB per call).
            final long calls = small.counters().transferToCalls();
            assertTrue(calls >= 64, "16 MiB went out in only " + calls + " transferTo calls");
        }
    }

    @Test
    void shouldRejectASendBufferOfZeroBytes() {
        final String message = assertThrows(IllegalArgumentException.class,
                () -> new SocketServer("127.0.0.1", 0, 1, MAX_REQUEST_BYTES, 0, this::handle)).getMessage();
        assertTrue(message.contains("socket.send.buffer.bytes"), message);
    }

    @Test
    void shouldNotReuseAFrameBufferWhileItsRequestIsStillInFlight() throws Exception {
        final byte[] heldPayload = randomBytes(10_000, 1);
        try (Socket parked = connect(); Socket busy1 = connect(); Socket busy2 = connect()) {
            writeRequest(new DataOutputStream(parked.getOutputStream()), HOLD, 1, heldPayload);
            final NetworkRequest request = held.poll(10, TimeUnit.SECONDS);
            final long reusedBefore = server.counters().frameBuffersReused();
            // Same-sized frames on two more connections: at least one shares the parked one's processor.
            for (int i = 0; i < 100; i++) {
                assertEchoesByteEqual(busy1, 10 + i, randomBytes(heldPayload.length, 100 + i));
                assertEchoesByteEqual(busy2, 10 + i, randomBytes(heldPayload.length, 200 + i));
            }
            request.respond(List.of(new HeapPart(echoOf(request, 0))));
            assertArrayEquals(heldPayload, payloadOf(readEcho(new DataInputStream(parked.getInputStream()))));
            // The busy connections recycled buffers all along, so the check above had something to catch.
            assertTrue(server.counters().frameBuffersReused() - reusedBefore >= 198);
        }
    }

    @Test
    void shouldReuseFrameBuffersForSequentialRequestsOnOneConnection() throws IOException {
        final long allocatedBefore = server.counters().frameBuffersAllocated();
        try (Socket socket = connect()) {
            for (int i = 0; i < 500; i++) {
                assertEchoesByteEqual(socket, i, randomBytes(1 + i * 7 % 900, i));
            }
        }
        // Every frame fits the 1 KiB size class: one buffer, recycled after each answer.
        assertEquals(1, server.counters().frameBuffersAllocated() - allocatedBefore);
        assertTrue(server.counters().frameBuffersReused() >= 499);
    }

    @Test
    void shouldKeepBigAndSmallFramesIntactWhenTheyShareBuffers() throws IOException {
        final int[] sizes = {900_000, 10, 300_000, 70_000, 0, 5, 900_000, 65_536, 1};
        try (Socket socket = connect()) {
            for (int round = 0; round < 2; round++) {
                for (int i = 0; i < sizes.length; i++) {
                    assertEchoesByteEqual(socket, i, randomBytes(sizes[i], round * 100 + i));
                }
            }
        }
    }

    @Test
    void shouldAnswerPipelinedFramesIntactWhileSomeCompleteOnOtherThreads() throws Exception {
        final int count = 60;
        final byte[][] payloads = new byte[count][];
        for (int i = 0; i < count; i++) {
            payloads[i] = randomBytes(i % 3 == 0 ? 200_000 : 50 + i * 31, 500 + i);
        }
        try (Socket socket = connect()) {
            final DataOutputStream out = new DataOutputStream(socket.getOutputStream());
            // Written all at once from another thread: the responses flow back while requests are queued.
            final CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
                try {
                    for (int i = 0; i < count; i++) {
                        writeRequest(out, i % 4 == 1 ? DELAYED_ECHO : ECHO, i, payloads[i]);
                    }
                } catch (final IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            final DataInputStream in = new DataInputStream(socket.getInputStream());
            for (int i = 0; i < count; i++) {
                final ByteBuffer echoed = readEcho(in);
                assertEquals(i, echoed.getInt(4));
                assertArrayEquals(payloads[i], payloadOf(echoed));
            }
            writer.get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void shouldRejectAnOversizedLengthPrefixBeforeTakingAFrameBuffer() throws IOException {
        try (Socket hostile = connect()) {
            final long allocatedBefore = server.counters().frameBuffersAllocated();
            final long reusedBefore = server.counters().frameBuffersReused();
            new DataOutputStream(hostile.getOutputStream()).writeInt(Integer.MAX_VALUE);
            assertClosedByServer(hostile);
            assertEquals(allocatedBefore, server.counters().frameBuffersAllocated());
            assertEquals(reusedBefore, server.counters().frameBuffersReused());
        }
    }

    /** Reads a FILE response and returns the file bytes after its echoed header. */
    private static byte[] fileSliceOf(final DataInputStream in) throws IOException {
        final int size = in.readInt();
        final byte[] response = new byte[size];
        in.readFully(response);
        final byte[] slice = new byte[FILE_BYTES];
        System.arraycopy(response, size - FILE_BYTES, slice, 0, FILE_BYTES);
        return slice;
    }

    private static ByteBuffer echoOf(final NetworkRequest request, final int extraBytes) {
        return ByteBuffer.allocate(4 + request.frame().limit())
                .putInt(request.frame().limit() + extraBytes).put(request.frame().duplicate().position(0)).flip();
    }

    private static byte[] randomBytes(final int length, final long seed) {
        final byte[] bytes = new byte[length];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    /** Writes a request whose body after the fixed header fields is {@code payload}. */
    private static void writeRequest(final DataOutputStream out, final short apiKey, final int correlationId,
                                     final byte[] payload) throws IOException {
        // One write per request: small separate writes would meet Nagle and delayed ACKs (~40 ms each).
        final ByteBuffer frame = ByteBuffer.allocate(4 + NetworkRequest.MIN_HEADER_LENGTH + payload.length)
                .putInt(NetworkRequest.MIN_HEADER_LENGTH + payload.length).putShort(apiKey).putShort((short) 0)
                .putInt(correlationId).put(payload);
        out.write(frame.array());
        out.flush();
    }

    private static byte[] payloadOf(final ByteBuffer echoed) {
        final byte[] payload = new byte[echoed.limit() - NetworkRequest.MIN_HEADER_LENGTH];
        echoed.get(NetworkRequest.MIN_HEADER_LENGTH, payload);
        return payload;
    }

    private static void assertEchoesByteEqual(final Socket socket, final int correlationId, final byte[] payload)
            throws IOException {
        writeRequest(new DataOutputStream(socket.getOutputStream()), ECHO, correlationId, payload);
        final ByteBuffer echoed = readEcho(new DataInputStream(socket.getInputStream()));
        assertEquals(correlationId, echoed.getInt(4));
        assertArrayEquals(payload, payloadOf(echoed));
    }

    private Socket connect() throws IOException {
        final Socket socket = new Socket("127.0.0.1", server.port());
        socket.setSoTimeout(10_000);
        return socket;
    }

    private static void writeRequest(final DataOutputStream out, final short apiKey, final int correlationId,
                                     final String clientId) throws IOException {
        final byte[] id = clientId.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        writeRequest(out, apiKey, correlationId, ByteBuffer.allocate(2 + id.length).putShort((short) id.length).put(id)
                .array());
    }

    private static ByteBuffer readEcho(final DataInputStream in) throws IOException {
        final byte[] frame = new byte[in.readInt()];
        in.readFully(frame);
        return ByteBuffer.wrap(frame);
    }

    private static void assertEchoWorks(final Socket socket, final int correlationId) throws IOException {
        writeRequest(new DataOutputStream(socket.getOutputStream()), ECHO, correlationId, "good");
        assertEquals(correlationId, readEcho(new DataInputStream(socket.getInputStream())).getInt(4));
    }

    private static void assertClosedByServer(final Socket socket) {
        assertThrows(IOException.class, () -> {
            final int read = socket.getInputStream().read();
            if (read < 0) {
                throw new EOFException("closed by server");
            }
        });
    }
}
