package dev.sluice.client.serialization;

import dev.sluice.client.RecordHeaders;
import dev.sluice.client.errors.SerializationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SerializerRoundTripTest {
    private static final String TOPIC = "orders";

    static Stream<Arguments> samples() {
        return Stream.of(
            Arguments.of(new StringSerializer(), new StringDeserializer(), "héllo, wörld ✓"),
            Arguments.of(new StringSerializer(), new StringDeserializer(), ""),
            Arguments.of(new ByteArraySerializer(), new ByteArrayDeserializer(), new byte[] {0, 1, -1, 127}),
            Arguments.of(new ByteBufferSerializer(), new ByteBufferDeserializer(), ByteBuffer.wrap(new byte[] {9, 8, 7})),
            Arguments.of(new IntegerSerializer(), new IntegerDeserializer(), Integer.MIN_VALUE),
            Arguments.of(new IntegerSerializer(), new IntegerDeserializer(), 123456789),
            Arguments.of(new LongSerializer(), new LongDeserializer(), Long.MAX_VALUE),
            Arguments.of(new LongSerializer(), new LongDeserializer(), -42L),
            Arguments.of(new ShortSerializer(), new ShortDeserializer(), Short.MIN_VALUE),
            Arguments.of(new DoubleSerializer(), new DoubleDeserializer(), Math.PI),
            Arguments.of(new DoubleSerializer(), new DoubleDeserializer(), Double.NaN),
            Arguments.of(new FloatSerializer(), new FloatDeserializer(), -1.5f),
            Arguments.of(new UUIDSerializer(), new UUIDDeserializer(), UUID.fromString("123e4567-e89b-12d3-a456-426614174000")));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    @ParameterizedTest
    @MethodSource("samples")
    void shouldRoundTripThroughBytes(final Serializer serializer, final Deserializer deserializer, final Object value) {
        final byte[] bytes = serializer.serialize(TOPIC, value);
        assertEqualValues(value, deserializer.deserialize(TOPIC, bytes));
        assertEqualValues(value, deserializer.deserialize(TOPIC, new RecordHeaders(), bytes));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    @ParameterizedTest
    @MethodSource("samples")
    void shouldRoundTripThroughASliceOfALargerBufferWithoutMovingIt(final Serializer serializer,
                                                                    final Deserializer deserializer, final Object value) {
        final byte[] bytes = serializer.serialize(TOPIC, value);
        final ByteBuffer larger = ByteBuffer.allocate(bytes.length + 10);
        larger.position(3);
        larger.put(bytes);
        larger.position(3).limit(3 + bytes.length);
        assertEqualValues(value, deserializer.deserialize(TOPIC, new RecordHeaders(), larger));
        assertEquals(3, larger.position());
        assertEquals(3 + bytes.length, larger.limit());

        final ByteBuffer direct = ByteBuffer.allocateDirect(bytes.length);
        direct.put(bytes).flip();
        assertEqualValues(value, deserializer.deserialize(TOPIC, new RecordHeaders(), direct));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    @ParameterizedTest
    @MethodSource("samples")
    void shouldKeepNullAsNull(final Serializer serializer, final Deserializer deserializer, final Object ignored) {
        assertNull(serializer.serialize(TOPIC, null));
        assertNull(deserializer.deserialize(TOPIC, null));
        assertNull(deserializer.deserialize(TOPIC, new RecordHeaders(), (ByteBuffer) null));
    }

    private static void assertEqualValues(final Object expected, final Object actual) {
        if (expected instanceof byte[]) {
            assertArrayEquals((byte[]) expected, (byte[]) actual);
        } else if (expected instanceof ByteBuffer) {
            assertEquals(((ByteBuffer) expected).duplicate().rewind(), actual);
        } else {
            assertTrue(Objects.equals(expected, actual), expected + " != " + actual);
        }
    }

    static Stream<Arguments> fixedWidth() {
        return Stream.of(
            Arguments.of(new IntegerDeserializer(), "IntegerDeserializer", 4),
            Arguments.of(new LongDeserializer(), "LongDeserializer", 8),
            Arguments.of(new ShortDeserializer(), "ShortDeserializer", 2),
            Arguments.of(new DoubleDeserializer(), "DoubleDeserializer", 8),
            Arguments.of(new FloatDeserializer(), "FloatDeserializer", 4));
    }

    @ParameterizedTest
    @MethodSource("fixedWidth")
    void shouldRejectWrongLengthNamingDeserializerAndSizes(final Deserializer<?> deserializer, final String name,
                                                          final int width) {
        for (final int wrong : new int[] {0, width - 1, width + 1}) {
            final SerializationException e = assertThrows(SerializationException.class,
                () -> deserializer.deserialize(TOPIC, new byte[wrong]));
            assertEquals(name + " expects exactly " + width + " bytes but got " + wrong + " (topic orders)", e.getMessage());
            final SerializationException fromBuffer = assertThrows(SerializationException.class,
                () -> deserializer.deserialize(TOPIC, new RecordHeaders(), ByteBuffer.allocate(wrong)));
            assertEquals(e.getMessage(), fromBuffer.getMessage());
        }
    }

    @Test
    void shouldWriteBigEndianLikeKafkaClients() {
        assertArrayEquals(new byte[] {0, 0, 1, 2}, new IntegerSerializer().serialize(TOPIC, 258));
        assertArrayEquals(new byte[] {0, 0, 0, 0, 0, 0, 0, 1}, new LongSerializer().serialize(TOPIC, 1L));
        assertArrayEquals(new byte[] {(byte) 0xFF, (byte) 0xFE}, new ShortSerializer().serialize(TOPIC, (short) -2));
    }

    @Test
    void shouldWriteUuidAsItsStringForm() {
        final UUID id = UUID.randomUUID();
        assertArrayEquals(id.toString().getBytes(StandardCharsets.UTF_8), new UUIDSerializer().serialize(TOPIC, id));
    }

    @Test
    void shouldRejectBytesThatAreNotAUuid() {
        final SerializationException e = assertThrows(SerializationException.class,
            () -> new UUIDDeserializer().deserialize(TOPIC, "not-a-uuid".getBytes(StandardCharsets.UTF_8)));
        assertEquals("UUIDDeserializer got 10 bytes that are not a UUID string: 'not-a-uuid' (topic orders)", e.getMessage());
    }

    @Test
    void shouldAcceptOnlyNullInVoidDeserializer() {
        assertNull(new VoidSerializer().serialize(TOPIC, null));
        assertNull(new VoidDeserializer().deserialize(TOPIC, null));
        final SerializationException e = assertThrows(SerializationException.class,
            () -> new VoidDeserializer().deserialize(TOPIC, new byte[3]));
        assertEquals("VoidDeserializer expects null data but got 3 bytes (topic orders)", e.getMessage());
    }

    @Test
    void shouldUseConfiguredCharsetForKeyOrValueRole() {
        final StringSerializer key = new StringSerializer();
        key.configure(Map.of("key.serializer.encoding", "UTF-16BE", "serializer.encoding", "ISO-8859-1"), true);
        final StringSerializer value = new StringSerializer();
        value.configure(Map.of("key.serializer.encoding", "UTF-16BE", "serializer.encoding", "ISO-8859-1"), false);
        assertArrayEquals(new byte[] {0, 'a'}, key.serialize(TOPIC, "a"));
        assertArrayEquals(new byte[] {(byte) 0xE9}, value.serialize(TOPIC, "é"));

        final StringDeserializer reader = new StringDeserializer();
        reader.configure(Map.of("value.deserializer.encoding", "UTF-16BE"), false);
        assertEquals("a", reader.deserialize(TOPIC, new byte[] {0, 'a'}));
    }

    @Test
    void shouldRejectUnknownCharsetNamingTheKey() {
        final SerializationException e = assertThrows(SerializationException.class,
            () -> new StringDeserializer().configure(Map.of("deserializer.encoding", "klingon-8"), true));
        assertEquals("Unsupported charset klingon-8 in deserializer.encoding", e.getMessage());
    }

    @Test
    void shouldPassByteArraysThroughWithoutCopying() {
        final byte[] data = {1, 2, 3};
        assertSame(data, new ByteArraySerializer().serialize(TOPIC, data));
        final ByteBuffer whole = ByteBuffer.wrap(data);
        assertSame(data, new ByteBufferSerializer().serialize(TOPIC, whole));
    }

    @Test
    void shouldSerializeOnlyTheRemainingBytesOfABuffer() {
        final ByteBuffer buffer = ByteBuffer.wrap(new byte[] {1, 2, 3, 4, 5});
        buffer.position(1).limit(4);
        assertArrayEquals(new byte[] {2, 3, 4}, new ByteBufferSerializer().serialize(TOPIC, buffer));
        assertEquals(1, buffer.position());
    }

    @Test
    void shouldCopyBytesOutOfATransientBuffer() {
        final byte[] backing = {1, 2, 3};
        final ByteBuffer result = new ByteBufferDeserializer().deserialize(TOPIC, new RecordHeaders(), ByteBuffer.wrap(backing));
        Arrays.fill(backing, (byte) 0);
        assertEquals(ByteBuffer.wrap(new byte[] {1, 2, 3}), result);
    }
}
