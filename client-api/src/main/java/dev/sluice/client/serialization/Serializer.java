package dev.sluice.client.serialization;

import dev.sluice.client.Headers;

import java.io.Closeable;
import java.util.Map;

/**
 * Turns keys or values of type {@code T} into bytes. Called on the thread that calls
 * {@code Producer.send}, so an instance shared by several threads must be thread safe; the
 * built-in ones are stateless after {@link #configure}.
 *
 * @param <T> the type serialized
 */
public interface Serializer<T> extends Closeable {
    /**
     * Called once, before first use, when the client created the instance from configuration.
     *
     * @param configs every property the client was given (originals, including unknown keys)
     * @param isKey {@code true} for the key serializer, {@code false} for the value serializer
     */
    default void configure(final Map<String, ?> configs, final boolean isKey) {
    }

    /**
     * @return the bytes, or {@code null} for a null record key or value (a tombstone). The client
     *     takes ownership of the array: the serializer must not reuse it.
     */
    byte[] serialize(String topic, T data);

    /** Serializes with access to the record's headers, which may still be changed here. */
    default byte[] serialize(final String topic, final Headers headers, final T data) {
        return serialize(topic, data);
    }

    /** Releases resources. Must be idempotent. */
    @Override
    default void close() {
    }
}
