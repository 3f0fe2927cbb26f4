package dev.sluice.broker.log;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;

import dev.sluice.codec.protocol.Errors;
import org.junit.jupiter.api.Test;

class LogErrorsTest {
    @Test
    void shouldMatchTheCodecRegistryCodeForCode() throws IllegalAccessException {
        int checked = 0;
        for (final Field field : LogErrors.class.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == short.class) {
                assertEquals(Errors.valueOf(field.getName()).code(), field.getShort(null), field.getName());
                checked++;
            }
        }
        assertEquals(11, checked);
    }
}
