package dev.sluice.codec.protocol;

import dev.sluice.codec.MalformedDataException;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Every message at every version of its 3.8.0 range (including the old versions kafka-clients 4.x no longer
 * has): what we write we read back equal, at the size we predicted; and hostile variations of those bytes
 * (every truncation, random byte flips) end in a {@link MalformedDataException} or a successful parse, never
 * any other exception.
 */
class MessageRoundTripTest {
    static Stream<Arguments> allVersions() {
        final List<Arguments> cases = new ArrayList<>();
        for (final MessageSchema schema : RandomStructs.allSchemas()) {
            for (short version = schema.lowestVersion(); version <= schema.highestVersion(); version++) {
                cases.add(Arguments.of(schema.name(), version, schema));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} v{1}")
    @MethodSource("allVersions")
    void shouldReadBackWhatItWrites(final String name, final short version, final MessageSchema schema) {
        for (int sample = 0; sample < 10; sample++) {
            final Struct message = new RandomStructs(version * 1000L + sample).fill(schema.root(), version);
            final ByteBuffer bytes = schema.serialize(message, version);
            assertEquals(schema.sizeOf(message, version), bytes.remaining());
            final ByteBuffer reading = bytes.duplicate();
            assertEquals(message, schema.read(reading, version), name + " v" + version + " sample " + sample);
            assertFalse(reading.hasRemaining());
        }
    }

    @ParameterizedTest(name = "{0} v{1}")
    @MethodSource("allVersions")
    @Timeout(120) // a guard against a parse loop that never ends, not a speed check
    void shouldFailCleanlyOnEveryTruncationAndOnRandomCorruption(final String name, final short version,
                                                                 final MessageSchema schema) {
        final Random random = new Random(version + 7L * name.hashCode());
        for (int sample = 0; sample < 3; sample++) {
            final Struct message = new RandomStructs(random.nextLong()).fill(schema.root(), version);
            final byte[] valid = toArray(schema.serialize(message, version));
            for (int length = 0; length < valid.length; length++) {
                final ByteBuffer truncated = ByteBuffer.wrap(valid, 0, length).slice();
                readExpectingOnlyMalformed(schema, version, truncated, name + " truncated to " + length);
            }
            for (int mutation = 0; mutation < 200 && valid.length > 0; mutation++) {
                final byte[] corrupt = valid.clone();
                final int flips = 1 + random.nextInt(3);
                for (int i = 0; i < flips; i++) {
                    corrupt[random.nextInt(corrupt.length)] = (byte) random.nextInt();
                }
                readExpectingOnlyMalformed(schema, version, ByteBuffer.wrap(corrupt), name + " mutated");
            }
        }
    }

    private static void readExpectingOnlyMalformed(final MessageSchema schema, final short version,
                                                   final ByteBuffer bytes, final String context) {
        try {
            schema.read(bytes, version);
        } catch (final MalformedDataException expected) {
            if (expected.field() == null || expected.field().isEmpty()) {
                fail(context + ": exception does not name a field");
            }
        } catch (final RuntimeException | OutOfMemoryError unexpected) {
            throw new AssertionError(context + ": " + unexpected, unexpected);
        }
    }

    private static byte[] toArray(final ByteBuffer buffer) {
        final byte[] bytes = new byte[buffer.remaining()];
        buffer.duplicate().get(bytes);
        return bytes;
    }
}
