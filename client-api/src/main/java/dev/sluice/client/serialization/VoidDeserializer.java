package dev.sluice.client.serialization;

import dev.sluice.client.errors.SerializationException;

/** Accepts only {@code null}: a non-null key or value means the wrong deserializer was configured. */
public final class VoidDeserializer implements Deserializer<Void> {
    @Override
    public Void deserialize(final String topic, final byte[] data) {
        if (data != null) {
            throw new SerializationException("VoidDeserializer expects null data but got " + data.length
                + " bytes (topic " + topic + ")");
        }
        return null;
    }
}
