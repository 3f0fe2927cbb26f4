package dev.sluice.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.ByteBuffer;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

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
}
