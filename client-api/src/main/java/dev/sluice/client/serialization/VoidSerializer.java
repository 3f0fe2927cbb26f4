package dev.sluice.client.serialization;

/** For records without a key (or value): always writes {@code null}. */
public final class VoidSerializer implements Serializer<Void> {
    @Override
    public byte[] serialize(final String topic, final Void data) {
        return null;
    }
}
