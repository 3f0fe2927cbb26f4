package dev.sluice.client.serialization;

import dev.sluice.client.Headers;

import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Decodes strings, UTF-8 unless {@code key.deserializer.encoding} / {@code value.deserializer.encoding}
 * (or {@code deserializer.encoding}) name another charset. Malformed input is replaced, not rejected,
 * as {@link String#String(byte[], Charset)} does.
 */
public final class StringDeserializer implements Deserializer<String> {
    private Charset charset = StandardCharsets.UTF_8;

    @Override
    public void configure(final Map<String, ?> configs, final boolean isKey) {
        charset = Encodings.charset(configs, isKey, "deserializer");
    }

    public Charset charset() {
        return charset;
    }

    @Override
    public String deserialize(final String topic, final byte[] data) {
        return data == null ? null : new String(data, charset);
    }

    @Override
    public String deserialize(final String topic, final Headers headers, final ByteBuffer data) {
        if (data == null) {
            return null;
        }
        if (data.hasArray()) {
            return new String(data.array(), data.arrayOffset() + data.position(), data.remaining(), charset);
        }
        return charset.decode(data.duplicate()).toString();
    }
}
