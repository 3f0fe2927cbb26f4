package dev.sluice.tools;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SocketBaselineTest {
    private static SocketBaseline.Transfer transfer(final long bytes, final SocketBaseline.Source source,
                                                    final int receiveBuffer, final long[] served) throws Exception {
        try (ServerSocketChannel server = ServerSocketChannel.open()) {
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            final CompletableFuture<Long> sent = CompletableFuture.supplyAsync(() -> {
                try {
                    return SocketBaseline.serve(server, bytes, source);
                } catch (final Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            final SocketBaseline.Transfer transfer = SocketBaseline.read(
                (InetSocketAddress) server.getLocalAddress(), bytes, receiveBuffer);
            served[0] = sent.get();
            return transfer;
        }
    }

    @ParameterizedTest
    @EnumSource(SocketBaseline.Source.class)
    void shouldMoveExactlyTheBytesRequested(final SocketBaseline.Source source) throws Exception {
        // Not a multiple of the 1 MiB buffers, so the last partial write and read are exercised.
        final long bytes = 3L * 1024 * 1024 + 12_345;
        final long[] served = new long[1];
        final SocketBaseline.Transfer transfer = transfer(bytes, source, -1, served);
        assertEquals(bytes, transfer.bytes());
        assertEquals(bytes, served[0]);
    }

    @Test
    void shouldSendTheFileAgainWhenMoreIsRequestedThanItHolds() throws Exception {
        final long bytes = SocketBaseline.FILE_CHUNK + 7;
        final long[] served = new long[1];
        assertEquals(bytes, transfer(bytes, SocketBaseline.Source.FILE, -1, served).bytes());
        assertEquals(bytes, served[0]);
    }

    @Test
    void shouldMoveEveryByteThroughASmallReceiveBuffer() throws Exception {
        final long bytes = 2L * 1024 * 1024 + 1;
        final long[] served = new long[1];
        assertEquals(bytes, transfer(bytes, SocketBaseline.Source.DIRECT, 65_536, served).bytes());
        assertEquals(bytes, served[0]);
    }

    @Test
    void shouldReportTheTransferOfAReaderInAnotherProcess() throws Exception {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final ByteArrayOutputStream err = new ByteArrayOutputStream();
        final int exit = SocketBaseline.run(new String[] {"--bytes", "5000000", "--source", "file"},
            new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        final String text = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, exit, err.toString(StandardCharsets.UTF_8));
        assertTrue(text.startsWith("socket-baseline: source=file bytes=5000000 ms="), text);
        assertTrue(SocketBaseline.findMbPerSec(text).orElseThrow() > 0, text);
    }

    @Test
    void shouldNameAMissingOrBadFlag() throws Exception {
        final ByteArrayOutputStream err = new ByteArrayOutputStream();
        final PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
        final PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        assertEquals(2, SocketBaseline.run(new String[] {"--source", "file"}, out, errStream));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("--bytes is required"), err.toString());
        err.reset();
        assertEquals(2, SocketBaseline.run(new String[] {"--bytes", "10", "--source", "pipe"}, out, errStream));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("--source takes direct, file, not pipe"),
            err.toString());
    }
}
