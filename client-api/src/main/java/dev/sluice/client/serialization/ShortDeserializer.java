package dev.sluice.client.serialization;

import dev.sluice.client.Headers;

import java.nio.ByteBuffer;

/** Reads 2 big-endian bytes as a {@link Short}; any other length is a {@link dev.sluice.client.errors.SerializationException}. */
public final class ShortDeserializer implements Deserializer<Short> {
    @Override
    public Short deserialize(final String topic, final byte[] data) {
        if (data == null) {
            return null;
        }
        Lengths.requireExactly("ShortDeserializer", 2, data.length, topic);
        return ByteBuffer.wrap(data).getShort();
    }

    @Override
    public Short deserialize(final String topic, final Headers headers, final ByteBuffer data) {
        if (data == null) {
            return null;
        }
        Lengths.requireExactly("ShortDeserializer", 2, data.remaining(), topic);
        return data.getShort(data.position());
    }
}
