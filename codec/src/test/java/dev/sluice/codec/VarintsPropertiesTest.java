package dev.sluice.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class VarintsPropertiesTest {

    @Property
    void varintShouldRoundTripInItsPredictedSize(@ForAll final int value) {
        final ByteBuffer buffer = ByteBuffer.allocate(5);
        Varints.writeVarint(value, buffer);
        assertEquals(Varints.sizeOfVarint(value), buffer.position());
        buffer.flip();
        assertEquals(value, Varints.readVarint(buffer, "value"));
        assertFalse(buffer.hasRemaining());
    }

    @Property
    void varlongShouldRoundTripInItsPredictedSize(@ForAll final long value) {
        final ByteBuffer buffer = ByteBuffer.allocate(10);
        Varints.writeVarlong(value, buffer);
        assertEquals(Varints.sizeOfVarlong(value), buffer.position());
        buffer.flip();
        assertEquals(value, Varints.readVarlong(buffer, "value"));
        assertFalse(buffer.hasRemaining());
    }

    @Property
    void unsignedVarintShouldRoundTripInItsPredictedSize(@ForAll final int value) {
        final ByteBuffer buffer = ByteBuffer.allocate(5);
        Varints.writeUnsignedVarint(value, buffer);
        assertEquals(Varints.sizeOfUnsignedVarint(value), buffer.position());
        buffer.flip();
        assertEquals(value, Varints.readUnsignedVarint(buffer, "value"));
    }

    @Property
    void arrayReadersShouldAgreeWithTheWriterAtAnyIndex(@ForAll final int value, @ForAll final long longValue,
                                                        @ForAll @IntRange(min = 0, max = 20) final int at) {
        final ByteBuffer buffer = ByteBuffer.allocate(at + 15);
        buffer.position(at);
        Varints.writeVarint(value, buffer);
        final int longAt = buffer.position();
        Varints.writeVarlong(longValue, buffer);
        final int end = buffer.position();
        final long packed = Varints.readVarint(buffer.array(), at, end, "value");
        assertEquals(value, Varints.value(packed));
        assertEquals(longAt, Varints.nextIndex(packed));
        assertEquals(longValue, Varints.readVarlong(buffer.array(), longAt, end, "value"));
        assertEquals(end, Varints.endOfVarint(buffer.array(), longAt));
    }

    @Property
    void arrayWritersShouldWriteWhatTheBufferWritersWrite(@ForAll final int value, @ForAll final long longValue,
                                                          @ForAll @IntRange(min = 0, max = 20) final int at) {
        final ByteBuffer expected = ByteBuffer.allocate(at + 20);
        expected.position(at);
        Varints.writeVarint(value, expected);
        Varints.writeVarlong(longValue, expected);
        Varints.writeUnsignedVarint(value, expected);
        final byte[] array = new byte[at + 20];
        int index = Varints.writeVarint(value, array, at);
        index = Varints.writeVarlong(longValue, array, index);
        index = Varints.writeUnsignedVarint(value, array, index);
        assertEquals(expected.position(), index);
        assertArrayEquals(expected.array(), array);
    }

    @Property
    void shouldRejectATruncatedVarintWithoutReadingPastTheLimit(@ForAll final int value, @ForAll final long longValue) {
        final byte[] array = new byte[16];
        final ByteBuffer buffer = ByteBuffer.wrap(array);
        Varints.writeVarint(value, buffer);
        final int intEnd = buffer.position();
        // Bytes after the limit are continuation bytes: a reader that ignored the limit would run on into them.
        java.util.Arrays.fill(array, intEnd, array.length, (byte) 0x81);
        final MalformedDataException e = assertThrows(MalformedDataException.class,
            () -> Varints.readVarint(array, 0, intEnd - 1, "value"));
        assertEquals("value", e.field());
        buffer.clear();
        Varints.writeVarlong(longValue, buffer);
        final int longEnd = buffer.position();
        java.util.Arrays.fill(array, longEnd, array.length, (byte) 0x81);
        assertThrows(MalformedDataException.class, () -> Varints.readVarlong(array, 0, longEnd - 1, "value"));
        assertThrows(MalformedDataException.class, () -> Varints.readVarlong(ByteBuffer.wrap(array, 0, longEnd - 1), "value"));
    }

    @Property
    void shouldRejectVarintsLongerThanTheirMaximum(@ForAll @IntRange(min = 0, max = 4) final int at) {
        final byte[] array = new byte[at + 16];
        java.util.Arrays.fill(array, (byte) 0xff);
        assertThrows(MalformedDataException.class, () -> Varints.readUnsignedVarint(array, at, array.length, "value"));
        assertThrows(MalformedDataException.class, () -> Varints.readVarlong(array, at, array.length, "value"));
    }

    @Property
    void shouldReadBuffersWithoutAnArrayLikeHeapBuffers(@ForAll final int value, @ForAll final long longValue) {
        final ByteBuffer heap = ByteBuffer.allocate(20);
        heap.put((byte) 7);
        Varints.writeVarint(value, heap);
        Varints.writeVarlong(longValue, heap);
        heap.flip();
        final ByteBuffer direct = ByteBuffer.allocateDirect(heap.remaining()).put(heap.duplicate()).flip();
        final ByteBuffer slice = heap.position(1).slice();
        for (final ByteBuffer buffer : new ByteBuffer[] {direct.position(1), slice}) {
            assertEquals(value, Varints.readVarint(buffer, "value"));
            assertEquals(longValue, Varints.readVarlong(buffer, "value"));
            assertFalse(buffer.hasRemaining());
        }
    }
}
