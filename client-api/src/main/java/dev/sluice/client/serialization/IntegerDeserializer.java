package dev.sluice.client.serialization;

import dev.sluice.client.Headers;

import java.nio.ByteBuffer;

/** Reads 4 big-endian bytes as a {@link Integer}; any other length is a {@link dev.sluice.client.errors.SerializationException}. */
public final class IntegerDeserializer implements Deserializer<Integer> {
    @Override
    public Integer deserialize(final String topic, final byte[] data) {
        if (data == null) {
            return null;
        }
        Lengths.requireExactly("IntegerDeserializer", 4, data.length, topic);
        return ByteBuffer.wrap(data).getInt();
    }

    @Override
    public Integer deserialize(final String topic, final Headers headers, final ByteBuffer data) {
        if (data == null) {
            return null;
        }
        Lengths.requireExactly("IntegerDeserializer", 4, data.remaining(), topic);
        return data.getInt(data.position());
    }
}
