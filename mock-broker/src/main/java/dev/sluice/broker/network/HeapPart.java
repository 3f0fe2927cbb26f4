package dev.sluice.broker.network;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;

/** Heap bytes of a response (headers, bodies): sent with {@code write}, counted as heap bytes. */
public final class HeapPart implements SendPart {
    private final ByteBuffer buffer;

    /** Takes ownership of {@code buffer}; the bytes between its position and limit are sent. */
    public HeapPart(final ByteBuffer buffer) {
        this.buffer = buffer;
    }

    @Override
    public long remaining() {
        return buffer.remaining();
    }

    @Override
    public long writeTo(final SocketChannel channel) throws IOException {
        return channel.write(buffer);
    }

    @Override
    public boolean isFileTransfer() {
        return false;
    }
}
