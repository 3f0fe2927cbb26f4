package dev.sluice.client.serialization;

import dev.sluice.client.Headers;

import java.io.Closeable;
import java.nio.ByteBuffer;
import java.util.Map;

/**
 * Turns bytes back into keys or values of type {@code T}. Called on the thread that calls
 * {@code Consumer.poll}.
 *
 * @param <T> the type produced
 */
public interface Deserializer<T> extends Closeable {
    /** Called once, before first use; see {@link Serializer#configure}. */
    default void configure(final Map<String, ?> configs, final boolean isKey) {
    }

    /**
     * @param data the bytes, or {@code null} for a null key or value; must not be kept by the
     *     deserializer if it may be reused by the caller
     * @return the object, {@code null} for {@code null} data
     * @throws dev.sluice.client.errors.SerializationException if the bytes are not a valid encoding
     */
    T deserialize(String topic, byte[] data);

    default T deserialize(final String topic, final Headers headers, final byte[] data) {
        return deserialize(topic, data);
    }

    /**
     * Deserializes the bytes between {@code data.position()} and {@code data.limit()} without the
     * client copying them into an array first. The buffer is only valid during the call, and its
     * position and limit must be left as they were. This default copies; the built-in
     * deserializers override it to read in place.
     */
    default T deserialize(final String topic, final Headers headers, final ByteBuffer data) {
        if (data == null) {
            return deserialize(topic, headers, (byte[]) null);
        }
        final byte[] bytes = new byte[data.remaining()];
        data.duplicate().get(bytes);
        return deserialize(topic, headers, bytes);
    }

    @Override
    default void close() {
    }
}
