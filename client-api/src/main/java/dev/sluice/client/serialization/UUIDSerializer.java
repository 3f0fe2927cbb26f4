package dev.sluice.client.serialization;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Writes a UUID as its 36-character string form in UTF-8, the encoding kafka-clients uses. */
public final class UUIDSerializer implements Serializer<UUID> {
    @Override
    public byte[] serialize(final String topic, final UUID data) {
        return data == null ? null : data.toString().getBytes(StandardCharsets.UTF_8);
    }
}
