package dev.sluice.samples.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventVerifierTest {
    private static final long SEED = 7;
    private static final int COUNT = 500;

    /** The events {@link ShopEvents} yields for SEED, as {key, value} byte arrays. */
    private static List<byte[][]> events() {
        final ShopEvents events = new ShopEvents(SEED);
        final List<byte[][]> out = new ArrayList<>();
        for (int i = 0; i < COUNT; i++) {
            out.add(new byte[][] {events.nextKey().getBytes(StandardCharsets.UTF_8),
                events.nextValue().getBytes(StandardCharsets.UTF_8)});
        }
        return out;
    }

    private static Verification verify(final List<byte[][]> received) {
        final EventVerifier verifier = new EventVerifier(SEED, COUNT);
        received.forEach(event -> verifier.accept(event[0], event[1]));
        return verifier.result();
    }

    @Test
    void shouldPassWhenEveryEventArrivesOnceInAnyOrder() {
        final List<byte[][]> shuffled = events();
        Collections.reverse(shuffled);
        final Verification result = verify(shuffled);
        assertTrue(result.passed(), result.summary());
        assertEquals(COUNT, result.received());
    }

    @Test
    void shouldFailNamingTheMissingEvent() {
        final List<byte[][]> events = events();
        events.remove(123);
        final Verification result = verify(events);
        assertFalse(result.passed());
        assertEquals(1, result.missing());
        assertEquals(123, result.firstMissing());
        assertTrue(result.summary().contains("1 missing (first seq 123)"), result.summary());
    }

    @Test
    void shouldFailOnADuplicatedEvent() {
        final List<byte[][]> events = events();
        events.add(events.get(42));
        final Verification result = verify(events);
        assertFalse(result.passed());
        assertEquals(1, result.duplicated());
        assertEquals(0, result.missing());
        assertEquals(42, result.firstBad());
    }

    @Test
    void shouldFailWhenOneByteOfAValueChanged() {
        final List<byte[][]> events = events();
        final byte[] value = events.get(300)[1];
        value[value.length - 5] ^= 1;
        final Verification result = verify(events);
        assertFalse(result.passed());
        assertEquals(1, result.altered());
        assertEquals(300, result.firstBad());
    }

    @Test
    void shouldFailWhenAKeyChanged() {
        final List<byte[][]> events = events();
        events.get(7)[0] = "user-999999".getBytes(StandardCharsets.UTF_8);
        assertEquals(1, verify(events).altered());
    }

    @Test
    void shouldCountRecordsThatAreNotEventsOfTheRunAsForeign() {
        final List<byte[][]> events = events();
        events.add(new byte[][] {null, "{\"seq\":500,\"type\":\"x\"}".getBytes(StandardCharsets.UTF_8)});
        events.add(new byte[][] {null, "hello".getBytes(StandardCharsets.UTF_8)});
        final Verification result = verify(events);
        assertFalse(result.passed());
        assertEquals(2, result.foreign());
    }

    @Test
    void shouldReadTheSequenceNumberOnlyFromTheEventPrefix() {
        assertEquals(12, EventVerifier.sequenceOf(bytes("{\"seq\":12,\"type\":\"search\"}")));
        assertEquals(0, EventVerifier.sequenceOf(bytes("{\"seq\":0,")));
        assertEquals(-1, EventVerifier.sequenceOf(bytes("{\"seq\":,")));
        assertEquals(-1, EventVerifier.sequenceOf(bytes("{\"seq\":12")));
        assertEquals(-1, EventVerifier.sequenceOf(bytes("{\"seq\":1x,")));
        assertEquals(-1, EventVerifier.sequenceOf(bytes("{\"type\":\"a\",\"seq\":1,")));
    }

    private static byte[] bytes(final String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
