package dev.sluice.client.serialization;

import dev.sluice.client.errors.SerializationException;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Parses the UUID string form; anything else is a {@link SerializationException}. */
public final class UUIDDeserializer implements Deserializer<UUID> {
    @Override
    public UUID deserialize(final String topic, final byte[] data) {
        if (data == null) {
            return null;
        }
        final String text = new String(data, StandardCharsets.UTF_8);
        try {
            return UUID.fromString(text);
        } catch (final IllegalArgumentException e) {
            throw new SerializationException("UUIDDeserializer got " + data.length + " bytes that are not a UUID string: '"
                + abbreviate(text) + "' (topic " + topic + ")", e);
        }
    }

    private static String abbreviate(final String text) {
        return text.length() <= 64 ? text : text.substring(0, 64) + "...";
    }
}
