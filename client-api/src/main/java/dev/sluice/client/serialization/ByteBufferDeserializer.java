package dev.sluice.client.serialization;

import dev.sluice.client.Headers;

import java.nio.ByteBuffer;

/** Wraps the bytes in a heap {@link ByteBuffer}. When given a buffer, returns an independent copy of its bytes. */
public final class ByteBufferDeserializer implements Deserializer<ByteBuffer> {
    @Override
    public ByteBuffer deserialize(final String topic, final byte[] data) {
        return data == null ? null : ByteBuffer.wrap(data);
    }

    @Override
    public ByteBuffer deserialize(final String topic, final Headers headers, final ByteBuffer data) {
        if (data == null) {
            return null;
        }
        // The caller's buffer is only valid during this call, so the result must own its bytes.
        final ByteBuffer copy = ByteBuffer.allocate(data.remaining());
        copy.put(data.duplicate()).flip();
        return copy;
    }
}
