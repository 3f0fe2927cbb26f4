package dev.sluice.client.serialization;

import dev.sluice.client.Headers;

import java.nio.ByteBuffer;

/** Reads 8 big-endian bytes as a {@link Long}; any other length is a {@link dev.sluice.client.errors.SerializationException}. */
public final class LongDeserializer implements Deserializer<Long> {
    @Override
    public Long deserialize(final String topic, final byte[] data) {
        if (data == null) {
            return null;
        }
        Lengths.requireExactly("LongDeserializer", 8, data.length, topic);
        return ByteBuffer.wrap(data).getLong();
    }

    @Override
    public Long deserialize(final String topic, final Headers headers, final ByteBuffer data) {
        if (data == null) {
            return null;
        }
        Lengths.requireExactly("LongDeserializer", 8, data.remaining(), topic);
        return data.getLong(data.position());
    }
}
