package dev.sluice.client.serialization;

/** {@link Long} as 8 big-endian bytes, the layout kafka-clients uses. {@code null} stays {@code null}. */
public final class LongSerializer implements Serializer<Long> {
    @Override
    public byte[] serialize(final String topic, final Long data) {
        if (data == null) {
            return null;
        }
        return java.nio.ByteBuffer.allocate(8).putLong(data).array();
    }
}
