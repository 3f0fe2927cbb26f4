package dev.sluice.client.serialization;

/** {@link Double} as 8 big-endian bytes, the layout kafka-clients uses. {@code null} stays {@code null}. */
public final class DoubleSerializer implements Serializer<Double> {
    @Override
    public byte[] serialize(final String topic, final Double data) {
        if (data == null) {
            return null;
        }
        return java.nio.ByteBuffer.allocate(8).putDouble(data).array();
    }
}
