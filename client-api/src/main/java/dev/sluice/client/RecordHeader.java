package dev.sluice.client;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/** A plain {@link Header}. Holds the value array it is given, without copying. */
public final class RecordHeader implements Header {
    private final String key;
    private final byte[] value;

    public RecordHeader(final String key, final byte[] value) {
        this.key = Objects.requireNonNull(key, "header key");
        this.value = value;
    }

    @Override
    public String key() {
        return key;
    }

    @Override
    public byte[] value() {
        return value;
    }

    @Override
    public boolean equals(final Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Header)) {
            return false;
        }
        final Header other = (Header) o;
        return key.equals(other.key()) && Arrays.equals(value, other.value());
    }

    @Override
    public int hashCode() {
        return 31 * key.hashCode() + Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        return "RecordHeader(key = " + key + ", value = "
            + (value == null ? "null" : new String(value, StandardCharsets.UTF_8)) + ")";
    }
}
