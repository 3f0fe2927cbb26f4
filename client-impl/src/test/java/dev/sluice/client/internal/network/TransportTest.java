package dev.sluice.client.internal.network;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
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
