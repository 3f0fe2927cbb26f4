package dev.sluice.client.serialization;

/** {@link Float} as 4 big-endian bytes, the layout kafka-clients uses. {@code null} stays {@code null}. */
public final class FloatSerializer implements Serializer<Float> {
    @Override
    public byte[] serialize(final String topic, final Float data) {
        if (data == null) {
            return null;
        }
        return java.nio.ByteBuffer.allocate(4).putFloat(data).array();
    }
}
