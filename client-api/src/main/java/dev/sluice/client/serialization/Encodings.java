package dev.sluice.client.serialization;

import dev.sluice.client.errors.SerializationException;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Picks the charset of the string serializers from the same keys kafka-clients reads. */
final class Encodings {
    private Encodings() {
    }

    /**
     * Looks up {@code <prefix>.encoding} with {@code prefix} being {@code key.<role>} or
     * {@code value.<role>}, then {@code <role>.encoding}, defaulting to UTF-8.
     *
     * @param role {@code serializer} or {@code deserializer}
     */
    static Charset charset(final Map<String, ?> configs, final boolean isKey, final String role) {
        final String specific = (isKey ? "key." : "value.") + role + ".encoding";
        final String general = role + ".encoding";
        Object name = configs.get(specific);
        String from = specific;
        if (name == null) {
            name = configs.get(general);
            from = general;
        }
        if (name == null) {
            return StandardCharsets.UTF_8;
        }
        try {
            return Charset.forName(name.toString().trim());
        } catch (final IllegalArgumentException e) {
            throw new SerializationException("Unsupported charset " + name + " in " + from, e);
        }
    }
}
