package dev.sluice.client.serialization;

import dev.sluice.client.Headers;

import java.nio.ByteBuffer;

/** Reads 4 big-endian bytes as a {@link Float}; any other length is a {@link dev.sluice.client.errors.SerializationException}. */
public final class FloatDeserializer implements Deserializer<Float> {
    @Override
    public Float deserialize(final String topic, final byte[] data) {
        if (data == null) {
            return null;
        }
        Lengths.requireExactly("FloatDeserializer", 4, data.length, topic);
        return ByteBuffer.wrap(data).getFloat();
    }

    @Override
    public Float deserialize(final String topic, final Headers headers, final ByteBuffer data) {
        if (data == null) {
            return null;
        }
        Lengths.requireExactly("FloatDeserializer", 4, data.remaining(), topic);
        return data.getFloat(data.position());
    }
}
