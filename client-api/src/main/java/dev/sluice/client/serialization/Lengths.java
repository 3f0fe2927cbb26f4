package dev.sluice.client.serialization;

import dev.sluice.client.errors.SerializationException;

/** Length checks shared by the fixed-width deserializers. */
final class Lengths {
    private Lengths() {
    }

    static void requireExactly(final String deserializer, final int expected, final int actual, final String topic) {
        if (actual != expected) {
            throw new SerializationException(deserializer + " expects exactly " + expected + " bytes but got "
                + actual + " (topic " + topic + ")");
        }
    }
}
