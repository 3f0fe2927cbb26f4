package dev.sluice.broker.group;

import dev.sluice.codec.protocol.Errors;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class GroupErrorTest {

    @Test
    void shouldUseTheSameCodeAsTheProtocolErrorOfTheSameName() {
        for (final GroupError error : GroupError.values()) {
            assertEquals(Errors.valueOf(error.name()).code(), error.code(), error.name());
        }
    }
}
