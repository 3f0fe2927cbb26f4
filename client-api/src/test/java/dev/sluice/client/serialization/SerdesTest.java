package dev.sluice.client.serialization;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.ByteBuffer;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

class SerdesTest {
    @ParameterizedTest
    @ValueSource(strings = {"String", "ByteArray", "ByteBuffer", "Integer", "Long", "Short", "Double", "Float", "UUID", "Void"})
    void shouldMapEveryKafkaBuiltInNameToOurClassOfTheSameName(final String type) {
        for (final String role : new String[] {"Serializer", "Deserializer"}) {
            final Class<?> resolved = Serdes.builtInClass("org.apache.kafka.common.serialization." + type + role);
            assertEquals("dev.sluice.client.serialization." + type + role, resolved.getName());
            assertSame(resolved, Serdes.builtInClass(resolved.getName()));
        }
    }

    @Test
    void shouldNotMapNamesWeDoNotImplement() {
        assertNull(Serdes.builtInClass("org.apache.kafka.common.serialization.BytesSerializer"));
        assertNull(Serdes.builtInClass("com.example.MySerializer"));
        assertNull(Serdes.builtInClass(null));
    }

    @Test
    void shouldFindSerializersByType() {
        assertInstanceOf(StringSerializer.class, Serdes.serializerFor(String.class));
        assertInstanceOf(UUIDDeserializer.class, Serdes.deserializerFor(UUID.class));
        assertInstanceOf(ByteBufferSerializer.class, Serdes.serializerFor(ByteBuffer.class));
        assertNull(Serdes.serializerFor(Thread.class));
    }
}
