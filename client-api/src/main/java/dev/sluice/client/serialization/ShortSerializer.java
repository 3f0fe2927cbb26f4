package dev.sluice.client.serialization;

/** {@link Short} as 2 big-endian bytes, the layout kafka-clients uses. {@code null} stays {@code null}. */
public final class ShortSerializer implements Serializer<Short> {
    @Override
    public byte[] serialize(final String topic, final Short data) {
        if (data == null) {
            return null;
        }
        return java.nio.ByteBuffer.allocate(2).putShort(data).array();
    }
}
