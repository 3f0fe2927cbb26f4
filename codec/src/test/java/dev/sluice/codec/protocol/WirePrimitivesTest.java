package dev.sluice.codec.protocol;

import dev.sluice.codec.MalformedDataException;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WirePrimitivesTest {
    private static final String FIELD = "Test.Field";

    @Test
    void shouldWriteCompactStringAsLengthPlusOneThenUtf8() {
        final ByteBuffer buffer = ByteBuffer.allocate(16);
        WirePrimitives.writeString("é", buffer, true, false, FIELD);
        buffer.flip();
        assertEquals(3, buffer.get());
        assertEquals((byte) 0xc3, buffer.get());
        assertEquals((byte) 0xa9, buffer.get());
    }

    @Test
    void shouldRoundTripEveryStringEncodingIncludingNull() {
        for (final boolean compact : new boolean[] {false, true}) {
            for (final String value : new String[] {null, "", "abc", "grüße \uD83D\uDE00"}) {
                final ByteBuffer buffer = ByteBuffer.allocate(WirePrimitives.sizeOfString(value, compact));
                WirePrimitives.writeString(value, buffer, compact, true, FIELD);
                assertEquals(0, buffer.remaining(), "size matches what was written");
                assertEquals(value, WirePrimitives.readString(buffer.flip(), compact, true, FIELD));
            }
        }
    }

    @Test
    void shouldCountUnpairedSurrogateAsOneByteLikeStringGetBytes() {
        final String lone = "a\uD800b";
        assertEquals(lone.getBytes(java.nio.charset.StandardCharsets.UTF_8).length, WirePrimitives.utf8Length(lone));
    }

    @Test
    void shouldRejectInvalidUtf8NamingTheField() {
        final ByteBuffer buffer = ByteBuffer.wrap(new byte[] {0, 2, (byte) 0xc3, (byte) 0x28});
        final MalformedDataException e = assertThrows(MalformedDataException.class,
            () -> WirePrimitives.readString(buffer, false, false, FIELD));
        assertEquals(FIELD, e.field());
    }

    @Test
    void shouldJudgeUtf8ExactlyLikeTheJdksStrictDecoder() {
        final java.util.Random random = new java.util.Random(20261122L);
        for (int i = 0; i < 200_000; i++) {
            final byte[] bytes = new byte[1 + random.nextInt(6)];
            for (int k = 0; k < bytes.length; k++) {
                // Bias towards bytes that matter for UTF-8: leads, continuations, and the edge values.
                bytes[k] = (byte) (random.nextBoolean() ? 0x80 + random.nextInt(0x80) : random.nextInt(256));
            }
            boolean strictOk = true;
            try {
                java.nio.charset.StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                    .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
            } catch (final java.nio.charset.CharacterCodingException e) {
                strictOk = false;
            }
            assertEquals(strictOk, WirePrimitives.isValidUtf8(bytes, 0, bytes.length), java.util.Arrays.toString(bytes));
        }
    }

    @Test
    void shouldRejectNullInNonNullableString() {
        assertThrows(MalformedDataException.class,
            () -> WirePrimitives.readString(ByteBuffer.wrap(new byte[] {(byte) 0xff, (byte) 0xff}), false, false, FIELD));
        assertThrows(MalformedDataException.class,
            () -> WirePrimitives.readString(ByteBuffer.wrap(new byte[] {0}), true, false, FIELD));
        assertNull(WirePrimitives.readString(ByteBuffer.wrap(new byte[] {0}), true, true, FIELD));
    }

    @Test
    void shouldRejectNegativeLengthOtherThanNull() {
        final MalformedDataException e = assertThrows(MalformedDataException.class,
            () -> WirePrimitives.readBytes(ByteBuffer.wrap(new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xfe}),
                false, true, FIELD));
        assertTrue(e.getMessage().contains("negative"), e.getMessage());
    }

    @Test
    void shouldRejectLengthBeyondRemainingBytesBeforeAllocating() {
        // INT32 length 2^31-1 followed by three bytes: must fail on the check, not on a 2 GiB allocation.
        final ByteBuffer buffer = ByteBuffer.wrap(new byte[] {0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff, 1, 2, 3});
        final MalformedDataException e = assertThrows(MalformedDataException.class,
            () -> WirePrimitives.readBytes(buffer, false, false, FIELD));
        assertEquals(FIELD, e.field());
    }

    @Test
    void shouldRejectHostileArrayCountInSmallFrameAtOnce() {
        final ByteBuffer frame = ByteBuffer.allocate(20);
        frame.putInt(Integer.MAX_VALUE).flip().limit(20);
        final MalformedDataException e = assertThrows(MalformedDataException.class,
            () -> WirePrimitives.readArrayCount(frame, false, false, 4, FIELD));
        assertTrue(e.getMessage().contains("cannot fit"), e.getMessage());
    }

    @Test
    void shouldRejectCompactArrayCountNearTwoToThe32() {
        final ByteBuffer frame = ByteBuffer.wrap(new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x0f, 0, 0});
        assertThrows(MalformedDataException.class, () -> WirePrimitives.readArrayCount(frame, true, true, 1, FIELD));
    }

    @Test
    void shouldReadUnsignedTypesAsTheirFullRange() {
        final ByteBuffer buffer = ByteBuffer.wrap(new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff,
            (byte) 0xff, (byte) 0xff});
        assertEquals(65535, WirePrimitives.readUint16(buffer, FIELD));
        assertEquals(4294967295L, WirePrimitives.readUint32(buffer, FIELD));
        assertThrows(IllegalArgumentException.class, () -> WirePrimitives.writeUint16(65536, ByteBuffer.allocate(2), FIELD));
        assertThrows(IllegalArgumentException.class, () -> WirePrimitives.writeUint32(-1, ByteBuffer.allocate(4), FIELD));
    }

    @Test
    void shouldWriteUuidHighBitsFirst() {
        final UUID id = new UUID(0x0102030405060708L, 0x090a0b0c0d0e0f10L);
        final ByteBuffer buffer = ByteBuffer.allocate(16);
        WirePrimitives.writeUuid(id, buffer);
        assertEquals(1, buffer.get(0));
        assertEquals(0x10, buffer.get(15));
        assertEquals(id, WirePrimitives.readUuid(buffer.flip(), FIELD));
    }

    @Test
    void shouldTreatAnyNonZeroByteAsTrue() {
        assertTrue(WirePrimitives.readBoolean(ByteBuffer.wrap(new byte[] {7}), FIELD));
    }

    @Test
    void shouldSliceBytesWithoutCopying() {
        final byte[] frame = {0, 0, 0, 2, 42, 43, 99};
        final ByteBuffer slice = WirePrimitives.readBytesSlice(ByteBuffer.wrap(frame), false, true, FIELD);
        frame[4] = 7;
        assertEquals(7, slice.get(0));
        assertEquals(2, slice.remaining());
    }

    @Test
    void shouldRefuseStringsLongerThanShortMaxInBothEncodings() {
        final String tooLong = "x".repeat(Short.MAX_VALUE + 1);
        assertThrows(IllegalArgumentException.class,
            () -> WirePrimitives.writeString(tooLong, ByteBuffer.allocate(40000), false, false, FIELD));
        assertThrows(IllegalArgumentException.class,
            () -> WirePrimitives.writeString(tooLong, ByteBuffer.allocate(40000), true, false, FIELD));
        final ByteBuffer compact = ByteBuffer.allocate(40000);
        dev.sluice.codec.Varints.writeUnsignedVarint(Short.MAX_VALUE + 2, compact);
        compact.position(compact.position() + Short.MAX_VALUE + 1).flip();
        assertThrows(MalformedDataException.class, () -> WirePrimitives.readString(compact, true, false, FIELD));
    }

    @Test
    void shouldRoundTripBytes() {
        final byte[] value = {1, 2, 3};
        final ByteBuffer buffer = ByteBuffer.allocate(WirePrimitives.sizeOfBytes(3, true));
        WirePrimitives.writeBytes(value, buffer, true, false, FIELD);
        assertArrayEquals(value, WirePrimitives.readBytes(buffer.flip(), true, false, FIELD));
    }
}
