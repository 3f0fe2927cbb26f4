package dev.sluice.client.serialization;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Encodes strings, UTF-8 unless {@code key.serializer.encoding} / {@code value.serializer.encoding}
 * (or {@code serializer.encoding}) name another charset.
 */
public final class StringSerializer implements Serializer<String> {
    private Charset charset = StandardCharsets.UTF_8;

    @Override
    public void configure(final Map<String, ?> configs, final boolean isKey) {
        charset = Encodings.charset(configs, isKey, "serializer");
    }

    /** The charset in use. */
    public Charset charset() {
        return charset;
    }

    @Override
    public byte[] serialize(final String topic, final String data) {
        return data == null ? null : data.getBytes(charset);
    }
}
