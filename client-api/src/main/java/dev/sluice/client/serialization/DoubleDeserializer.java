package dev.sluice.client.serialization;

import dev.sluice.client.Headers;

import java.nio.ByteBuffer;

/** Reads 8 big-endian bytes as a {@link Double}; any other length is a {@link dev.sluice.client.errors.SerializationException}. */
public final class DoubleDeserializer implements Deserializer<Double> {
    @Override
    public Double deserialize(final String topic, final byte[] data) {
        if (data == null) {
            return null;
        }
        Lengths.requireExactly("DoubleDeserializer", 8, data.length, topic);
        return ByteBuffer.wrap(data).getDouble();
    }

    @Override
    public Double deserialize(final String topic, final Headers headers, final ByteBuffer data) {
        if (data == null) {
            return null;
        }
        Lengths.requireExactly("DoubleDeserializer", 8, data.remaining(), topic);
        return data.getDouble(data.position());
    }
}
