package dev.sluice.client.serialization;

import java.nio.ByteBuffer;

/**
 * Serializes the bytes between the buffer's position and limit. When the buffer wraps a whole heap
 * array exactly, that array is returned without a copy. The buffer's position is not changed.
 */
public final class ByteBufferSerializer implements Serializer<ByteBuffer> {
    @Override
    public byte[] serialize(final String topic, final ByteBuffer data) {
        if (data == null) {
            return null;
        }
        if (data.hasArray() && data.arrayOffset() == 0 && data.position() == 0
            && data.limit() == data.array().length && !data.isReadOnly()) {
            return data.array();
        }
        final byte[] bytes = new byte[data.remaining()];
        data.duplicate().get(bytes);
        return bytes;
    }
}
