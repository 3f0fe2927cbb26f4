package dev.sluice.client.internal.network;

import org.junit.jupiter.api.Test;

import java.io.EOFException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NetworkReceiveTest {
    /** A socket-like channel: hands out at most {@code chunk} bytes per read, then 0 once what arrived is read. */
    private static final class ChunkedChannel implements ReadableByteChannel {
        private final ByteBuffer arrived;
        private final int chunk;
        private boolean closedByPeer;
        int reads;

        ChunkedChannel(final ByteBuffer arrived, final int chunk) {
            this.arrived = arrived;
            this.chunk = chunk;
        }

        @Override
        public int read(final ByteBuffer dst) {
            reads++;
            if (!arrived.hasRemaining()) {
                return closedByPeer ? -1 : 0;
            }
            final int n = Math.min(chunk, Math.min(dst.remaining(), arrived.remaining()));
            dst.put(arrived.slice(arrived.position(), n));
            arrived.position(arrived.position() + n);
            return n;
        }

        @Override
        public boolean isOpen() {
            return true;
        }

        @Override
        public void close() {
        }
    }

    private static ByteBuffer frame(final int payloadSize, final int arrivedPayloadBytes) {
        final ByteBuffer b = ByteBuffer.allocate(4 + arrivedPayloadBytes).putInt(payloadSize);
        for (int i = 0; i < arrivedPayloadBytes; i++) {
            b.put((byte) i);
        }
        return b.flip();
    }

    @Test
    void shouldCompleteAFrameThatArrivedInFullInOneCallWhateverTheReadSize() throws Exception {
        final ChunkedChannel channel = new ChunkedChannel(frame(10_000, 10_000), 1_000);
        final NetworkReceive receive = new NetworkReceive(1 << 20, "test");
        assertTrue(receive.readFrom(channel));
        final ByteBuffer payload = receive.payload();
        assertEquals(10_000, payload.remaining());
        assertEquals((byte) 9_999, payload.get(9_999));
    }

    @Test
    void shouldStopAtWhatHasArrivedAndFinishOnALaterCall() throws Exception {
        final ByteBuffer firstPart = frame(5_000, 3_000);
        final ChunkedChannel channel = new ChunkedChannel(firstPart, 512);
        final NetworkReceive receive = new NetworkReceive(1 << 20, "test");
        assertFalse(receive.readFrom(channel));
        final ChunkedChannel rest = new ChunkedChannel(ByteBuffer.allocate(2_000), 512);
        assertTrue(receive.readFrom(rest));
        assertEquals(5_000, receive.payload().remaining());
    }

    @Test
    void shouldReportAPeerThatClosesMidFrame() {
        final ChunkedChannel channel = new ChunkedChannel(frame(5_000, 100), 64);
        channel.closedByPeer = true;
        final NetworkReceive receive = new NetworkReceive(1 << 20, "broker-1");
        final EOFException e = assertThrows(EOFException.class, () -> receive.readFrom(channel));
        assertTrue(e.getMessage().contains("closed by peer mid-frame"), e.getMessage());
    }
}
