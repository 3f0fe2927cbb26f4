package dev.sluice.codec.record;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * One record header: a non-null String key and a value that may be null. The key's UTF-8 bytes
 * are encoded once, here, so sizing and writing a record do not encode them again. Immutable;
 * the value array is not copied, so callers must not change it afterwards.
 */
public final class Header {
    private final String key;
    private final byte[] keyBytes;
    private final byte[] value;

    public Header(final String key, final byte[] value) {
        this.key = Objects.requireNonNull(key, "header key");
        this.keyBytes = key.getBytes(StandardCharsets.UTF_8);
        this.value = value;
    }

    public String key() {
        return key;
    }

    /** The key as UTF-8; shared, do not modify. */
    byte[] keyBytes() {
        return keyBytes;
    }

    /** The value, or null. */
    public byte[] value() {
        return value;
    }

    @Override
    public boolean equals(final Object o) {
        if (!(o instanceof Header)) {
            return false;
        }
        final Header other = (Header) o;
        return key.equals(other.key) && Arrays.equals(value, other.value);
    }

    @Override
    public int hashCode() {
        return 31 * key.hashCode() + Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        return "Header(" + key + ", " + (value == null ? "null" : value.length + " bytes") + ")";
    }
}
