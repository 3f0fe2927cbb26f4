package dev.sluice.client.serialization;

/** Returns the bytes as they are. */
public final class ByteArrayDeserializer implements Deserializer<byte[]> {
    @Override
    public byte[] deserialize(final String topic, final byte[] data) {
        return data;
    }
}
