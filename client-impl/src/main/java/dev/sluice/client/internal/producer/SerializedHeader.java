package dev.sluice.client.internal.producer;

/** A record header after serialization: a UTF-8 key and raw value bytes (value may be null). */
public record SerializedHeader(String key, byte[] value) {
    public static final SerializedHeader[] NONE = new SerializedHeader[0];
}
