package dev.sluice.broker.group;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.function.Consumer;

/** Records what a parked-response callback received, and how often. */
final class Captured<T> implements Consumer<T> {

    private T value;
    private int calls;

    @Override
    public void accept(final T result) {
        value = result;
        calls++;
    }

    boolean completed() {
        return calls > 0;
    }

    /** The one result; fails if the callback ran zero or several times. */
    T value() {
        assertEquals(1, calls, "callback invocations");
        assertNotNull(value);
        return value;
    }
}
