package dev.sluice.client.internal.consumer;

import dev.sluice.client.TopicPartition;
import dev.sluice.client.serialization.StringDeserializer;
import dev.sluice.codec.record.RecordIterator;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BufferedFetchesTest {
    private static final TopicPartition A = new TopicPartition("t", 0);
    private static final TopicPartition B = new TopicPartition("t", 1);

    private static CompletedFetch<String, String> fetch(final TopicPartition tp, final long offset) {
        return new CompletedFetch<>(tp, offset, ByteBuffer.allocate(0), SharedFrame.unpooled(), new RecordIterator(null),
            true, new StringDeserializer(), new StringDeserializer());
    }

    // Fresh for each test (JUnit makes one instance per test): A's two responses around B's one.
    private final CompletedFetch<String, String> a1 = fetch(A, 0);
    private final CompletedFetch<String, String> b1 = fetch(B, 0);
    private final CompletedFetch<String, String> a2 = fetch(A, 10);
    private final BufferedFetches<String, String> buffered = new BufferedFetches<>();

    BufferedFetchesTest() {
        buffered.add(a1);
        buffered.add(b1);
        buffered.add(a2);
    }

    @Test
    void shouldKeepEachPartitionsResponsesInArrivalOrderAlongsideTheQueue() {
        assertEquals(List.of(a1, a2), buffered.of(A));
        assertEquals(List.of(b1), buffered.of(B));
        assertEquals(List.of(), buffered.of(new TopicPartition("other", 0)));

        assertSame(a1, buffered.first());
        buffered.dropFirst();
        assertTrue(a1.isReleased(), "a dropped response lets go of its frame");
        assertEquals(List.of(a2), buffered.of(A));

        assertSame(b1, buffered.first());
        buffered.moveFirstToBack();
        assertSame(a2, buffered.first(), "moved to the back, kept");
        assertFalse(b1.isReleased());
        assertEquals(List.of(b1), buffered.of(B));

        buffered.dropFirst();
        buffered.dropFirst();
        assertTrue(buffered.isEmpty());
        assertNull(buffered.first());
        assertEquals(List.of(), buffered.of(A));
        assertEquals(List.of(), buffered.of(B));
    }

    @Test
    void shouldDropOnePartitionOrEverythingReleasingFrames() {
        assertFalse(buffered.allOf(Set.of(A)::contains));
        assertTrue(buffered.allOf(Set.of(A, B)::contains));

        buffered.drop(A);
        assertTrue(a1.isReleased() && a2.isReleased());
        assertEquals(List.of(), buffered.of(A));
        assertSame(b1, buffered.first());
        assertTrue(buffered.allOf(Set.of(B)::contains), "only B's response is left");

        buffered.dropAll();
        assertTrue(b1.isReleased());
        assertTrue(buffered.isEmpty());
        assertEquals(List.of(), buffered.of(B));
    }
}
