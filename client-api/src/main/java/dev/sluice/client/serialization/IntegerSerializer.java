package dev.sluice.client.serialization;

/** {@link Integer} as 4 big-endian bytes, the layout kafka-clients uses. {@code null} stays {@code null}. */
public final class IntegerSerializer implements Serializer<Integer> {
    @Override
    public byte[] serialize(final String topic, final Integer data) {
        if (data == null) {
            return null;
        }
        return java.nio.ByteBuffer.allocate(4).putInt(data).array();
    }
}
