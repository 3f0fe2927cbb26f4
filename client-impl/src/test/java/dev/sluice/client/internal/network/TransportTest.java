package dev.sluice.client.internal.network;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TransportTest {
    private ServerSocket server;
    private Transport transport;

    @BeforeEach
    void setUp() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        transport = new Transport(1024, -1, -1);
    }

    @AfterEach
    void tearDown() throws IOException {
        transport.close();
        server.close();
    }

    @Test
    void shouldExchangeFramesInOrder() throws Exception {
        final Thread echo = serve(socket -> {
            final DataInputStream in = new DataInputStream(socket.getInputStream());
            final DataOutputStream out = new DataOutputStream(socket.getOutputStream());
            for (int i = 0; i < 3; i++) {
                final byte[] frame = new byte[in.readInt()];
                in.readFully(frame);
                out.writeInt(frame.length);
                out.write(frame);
            }
        });
        transport.connect(1, address());
        pollUntil(() -> transport.isReady(1));
        final List<String> tokens = new ArrayList<>();
        final List<String> received = new ArrayList<>();
        for (final String text : List.of("one", "two", "three")) {
            transport.send(1, frame(text), text);
        }
        pollUntil(() -> {
            transport.completedSends().forEach(s -> tokens.add((String) s.token()));
            transport.completedReceives().forEach(r -> received.add(StandardCharsets.UTF_8.decode(r.payload()).toString()));
            return received.size() == 3;
        });
        assertEquals(List.of("one", "two", "three"), tokens);
        assertEquals(List.of("one", "two", "three"), received);
        echo.join();
    }

    @Test
    void shouldDisconnectOnSizePrefixAboveTheCapWithoutAllocating() throws Exception {
        serve(socket -> {
            final DataOutputStream out = new DataOutputStream(socket.getOutputStream());
            out.writeInt(Integer.MAX_VALUE);
            out.flush();
            Thread.sleep(5_000);
        });
        transport.connect(7, address());
        final List<Transport.Disconnect> disconnects = new ArrayList<>();
        pollUntil(() -> {
            disconnects.addAll(transport.disconnected());
            return !disconnects.isEmpty();
        });
        assertEquals(7, disconnects.get(0).nodeId());
        assertTrue(disconnects.get(0).reason().contains("message_size"), disconnects.get(0).reason());
        assertTrue(!transport.hasConnection(7));
    }

    @Test
    void shouldDisconnectOnNegativeSizePrefix() throws Exception {
        serve(socket -> {
            new DataOutputStream(socket.getOutputStream()).writeInt(-5);
            Thread.sleep(5_000);
        });
        transport.connect(3, address());
        final List<Transport.Disconnect> disconnects = new ArrayList<>();
        pollUntil(() -> {
            disconnects.addAll(transport.disconnected());
            return !disconnects.isEmpty();
        });
        assertTrue(disconnects.get(0).reason().contains("negative"), disconnects.get(0).reason());
    }

    @Test
    void shouldReportDisconnectWhenPeerCloses() throws Exception {
        serve(Socket::close);
        transport.connect(2, address());
        final List<Transport.Disconnect> disconnects = new ArrayList<>();
        pollUntil(() -> {
            disconnects.addAll(transport.disconnected());
            return !disconnects.isEmpty();
        });
        assertEquals(2, disconnects.get(0).nodeId());
    }

    @Test
    void shouldReportRefusedConnectionAsDisconnect() throws Exception {
        final int port = server.getLocalPort();
        server.close();
        transport.connect(4, new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        final List<Transport.Disconnect> disconnects = new ArrayList<>();
        pollUntil(() -> {
            disconnects.addAll(transport.disconnected());
            return !disconnects.isEmpty();
        });
        assertEquals(4, disconnects.get(0).nodeId());
    }

    /** A frame of {@code length} bytes of 'x' whose first {@code split} bytes (size prefix included) go out first. */
    private static byte[] pieceOfFrame(final int length, final int from, final int to) {
        final ByteBuffer frame = ByteBuffer.allocate(4 + length).putInt(length);
        while (frame.hasRemaining()) {
            frame.put((byte) 'x');
        }
        final byte[] piece = new byte[to - from];
        frame.get(from, piece);
        return piece;
    }

    /**
     * Connects as {@code nodeId} to a peer that sends one frame of {@code length} bytes in two pieces, the
     * second only once {@code secondPiece} opens; returns when the first piece is on its way.
     */
    private void connectToFrameInTwoPieces(final int nodeId, final int length, final CountDownLatch secondPiece)
        throws Exception {
        final CountDownLatch firstPieceSent = new CountDownLatch(1);
        serve(socket -> {
            final OutputStream out = socket.getOutputStream();
            out.write(pieceOfFrame(length, 0, 100));
            out.flush();
            firstPieceSent.countDown();
            secondPiece.await();
            out.write(pieceOfFrame(length, 100, 4 + length));
            out.flush();
            Thread.sleep(5_000);
        });
        transport.connect(nodeId, address());
        pollUntil(() -> transport.isReady(nodeId));
        firstPieceSent.await();
    }

    /** Runs {@code action} on another thread 200 ms from now, long enough for a poll to be waiting by then. */
    private static Thread inAWhile(final Runnable action) {
        final Thread t = new Thread(() -> {
            try {
                Thread.sleep(200);
            } catch (final InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            action.run();
        });
        t.start();
        return t;
    }

    @Test
    @Timeout(20)
    void shouldWaitForTheRestOfAFrameInProgressWithinOnePoll() throws Exception {
        final CountDownLatch secondPiece = new CountDownLatch(1);
        connectToFrameInTwoPieces(5, 500, secondPiece);
        // The second piece follows only after poll has read the first and is waiting again.
        final Thread sender = inAWhile(secondPiece::countDown);
        transport.poll(15_000);
        assertEquals(1, transport.completedReceives().size(), "one poll returned the whole frame");
        assertEquals(500, transport.completedReceives().get(0).payload().remaining());
        sender.join();
    }

    @Test
    @Timeout(20)
    void shouldReturnFromAPollWaitingForTheRestOfAFrameWhenWokenUp() throws Exception {
        final CountDownLatch never = new CountDownLatch(1);
        connectToFrameInTwoPieces(6, 500, never);
        final Thread waker = inAWhile(transport::wakeup);
        transport.poll(60_000);
        assertTrue(transport.completedReceives().isEmpty());
        assertTrue(transport.isReady(6), "the half-read frame keeps the connection");
        never.countDown();
        waker.join();
    }

    @Test
    @Timeout(20)
    void shouldReturnWhenAWakeUpCoincidesWithThePartOfAFrameThatStartsTheWait() throws Exception {
        final CountDownLatch firstPiece = new CountDownLatch(1);
        final CountDownLatch firstPieceSent = new CountDownLatch(1);
        final CountDownLatch done = new CountDownLatch(1);
        serve(socket -> {
            final OutputStream out = socket.getOutputStream();
            firstPiece.await();
            out.write(pieceOfFrame(500, 0, 100));
            out.flush();
            firstPieceSent.countDown();
            done.await();
        });
        transport.connect(9, address());
        pollUntil(() -> transport.isReady(9));
        firstPiece.countDown();
        firstPieceSent.await();
        Thread.sleep(200); // the piece is in the socket buffer, unread
        // The next select sees the readable socket and the wake-up together: it reports one ready
        // key, so only the wake-up itself can end the wait for the rest of the frame.
        transport.wakeup();
        transport.poll(60_000);
        assertTrue(transport.completedReceives().isEmpty());
        assertTrue(transport.isReady(9), "the half-read frame keeps the connection");
        done.countDown();
    }

    @Test
    @Timeout(20)
    void shouldKeepAFrameInProgressAcrossPollsThatTimeOut() throws Exception {
        final CountDownLatch secondPiece = new CountDownLatch(1);
        connectToFrameInTwoPieces(8, 700, secondPiece);
        transport.poll(300);
        assertTrue(transport.completedReceives().isEmpty(), "the rest of the frame has not been sent");
        secondPiece.countDown();
        final List<Integer> sizes = new ArrayList<>();
        pollUntil(() -> {
            transport.completedReceives().forEach(r -> sizes.add(r.payload().remaining()));
            return !sizes.isEmpty();
        });
        assertEquals(List.of(700), sizes);
    }

    private InetSocketAddress address() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort());
    }

    private static ByteBuffer[] frame(final String text) {
        final byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        final ByteBuffer size = ByteBuffer.allocate(4).putInt(0, bytes.length);
        return new ByteBuffer[] {size, ByteBuffer.wrap(bytes)};
    }

    private void pollUntil(final BooleanSupplier condition) throws IOException {
        final long deadline = System.nanoTime() + 30_000_000_000L;
        while (true) {
            transport.poll(10);
            if (condition.getAsBoolean()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met");
            }
        }
    }

    private interface SocketHandler {
        void handle(Socket socket) throws Exception;
    }

    private Thread serve(final SocketHandler handler) {
        final Thread t = new Thread(() -> {
            try (Socket socket = server.accept()) {
                handler.handle(socket);
            } catch (final Exception ignored) {
                // the test observes the client side
            }
        });
        t.setDaemon(true);
        t.start();
        return t;
    }
}
