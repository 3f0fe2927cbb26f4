package dev.sluice.broker.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The network layer against real sockets, with a test handler whose behaviour is chosen by the
 * api key: 1 echoes, 2 answers from another thread after a pause, 3 answers nothing, 4 sends the
 * file slice, 5 asks for the connection to be closed.
 */
class SocketServerTest {
    private static final short ECHO = 1;
    private static final short DELAYED_ECHO = 2;
    private static final short NO_RESPONSE = 3;
    private static final short FILE = 4;
    private static final short CLOSE = 5;
    private static final int MAX_REQUEST_BYTES = 1024 * 1024;
    private static final int FILE_BYTES = 16 * 1024 * 1024;

    @TempDir
    Path dir;
    private SocketServer server;
    private FileChannel file;
    private byte[] fileBytes;

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
        final int fileBytes = request.apiKey() == FILE ? FILE_BYTES : 0;
        final ByteBuffer echo = ByteBuffer.allocate(4 + request.frame().limit())
                .putInt(request.frame().limit() + fileBytes).put(request.frame().duplicate()).flip();
        switch (request.apiKey()) {
            case ECHO -> request.respond(List.of(new HeapPart(echo)));
            case DELAYED_ECHO -> CompletableFuture.delayedExecutor(100, TimeUnit.MILLISECONDS)
                    .execute(() -> request.respond(List.of(new HeapPart(echo))));
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
        final byte[] payload = new byte[Connection.INITIAL_FRAME_BUFFER_BYTES * 5 + 123];
        new Random(7).nextBytes(payload);
        try (Socket socket = connect()) {
            final DataOutputStream out = new DataOutputStream(socket.getOutputStream());
            out.writeInt(NetworkRequest.MIN_HEADER_LENGTH + payload.length);
            out.writeShort(ECHO);
            out.writeShort(0);
            out.writeInt(42);
            out.write(payload);
            out.flush();
            final ByteBuffer echoed = readEcho(new DataInputStream(socket.getInputStream()));
            assertEquals(42, echoed.getInt(4));
            final byte[] back = new byte[payload.length];
            echoed.get(NetworkRequest.MIN_HEADER_LENGTH, back);
            assertArrayEquals(payload, back);
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
            final DataInputStream in = new DataInputStream(slow.getInputStream());
            final int size = in.readInt();
            final byte[] response = new byte[size];
            in.readFully(response);
            final int headerLength = size - FILE_BYTES;
            final byte[] slice = new byte[FILE_BYTES];
            System.arraycopy(response, headerLength, slice, 0, FILE_BYTES);
            assertArrayEquals(fileBytes, slice);
        }
        assertEquals(FILE_BYTES, server.counters().transferToBytes() - transferBefore);
    }

    private Socket connect() throws IOException {
        final Socket socket = new Socket("127.0.0.1", server.port());
        socket.setSoTimeout(10_000);
        return socket;
    }

    private static void writeRequest(final DataOutputStream out, final short apiKey, final int correlationId,
                                     final String clientId) throws IOException {
        final byte[] id = clientId.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        out.writeInt(NetworkRequest.MIN_HEADER_LENGTH + 2 + id.length);
        out.writeShort(apiKey);
        out.writeShort(0);
        out.writeInt(correlationId);
        out.writeShort(id.length);
        out.write(id);
        out.flush();
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
