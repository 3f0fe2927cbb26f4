package dev.sluice.client.internal.consumer;

import dev.sluice.client.TopicPartition;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AssignorsTest {
    private static PartitionAssignor.Subscription subscribed(final List<String> topics, final List<TopicPartition> owned,
                                                             final int generation) {
        return new PartitionAssignor.Subscription(topics, owned, generation);
    }

    private static List<TopicPartition> tps(final String topic, final int... partitions) {
        final List<TopicPartition> out = new ArrayList<>();
        for (final int p : partitions) {
            out.add(new TopicPartition(topic, p));
        }
        return out;
    }

    @Test
    void shouldGiveRangesPerTopicWithTheRemainderToTheFirstMembers() {
        final Map<String, List<TopicPartition>> result = new RangeAssignor().assign(Map.of("t", 7, "u", 2), Map.of(
            "b", subscribed(List.of("t", "u"), List.of(), -1),
            "a", subscribed(List.of("t", "u"), List.of(), -1),
            "c", subscribed(List.of("t"), List.of(), -1)));
        assertEquals(new HashSet<>(concat(tps("t", 0, 1, 2), tps("u", 0))), new HashSet<>(result.get("a")));
        assertEquals(new HashSet<>(concat(tps("t", 3, 4), tps("u", 1))), new HashSet<>(result.get("b")));
        assertEquals(tps("t", 5, 6), result.get("c"));
    }

    @Test
    void shouldDealPartitionsRoundRobinSkippingUnsubscribedMembers() {
        final Map<String, List<TopicPartition>> result = new RoundRobinAssignor().assign(Map.of("t", 3, "u", 2), Map.of(
            "a", subscribed(List.of("t", "u"), List.of(), -1),
            "b", subscribed(List.of("t"), List.of(), -1)));
        assertEquals(concat(tps("t", 0, 2), tps("u", 0, 1)), result.get("a"));
        assertEquals(tps("t", 1), result.get("b"));
    }

    @Test
    void shouldKeepOwnedPartitionsAndWithholdOnesThatMoveUnderCooperativeSticky() {
        // a owned all 6; b just joined. b's share must first be revoked by a.
        final Map<String, List<TopicPartition>> first = new CooperativeStickyAssignor().assign(Map.of("t", 6), Map.of(
            "a", subscribed(List.of("t"), tps("t", 0, 1, 2, 3, 4, 5), 3),
            "b", subscribed(List.of("t"), List.of(), -1)));
        assertEquals(3, first.get("a").size());
        assertTrue(tps("t", 0, 1, 2, 3, 4, 5).containsAll(first.get("a")));
        assertTrue(first.get("b").isEmpty(), "partitions moving from a are withheld from b this round");
        // Follow-up round: a now owns 3, the other 3 are free and go to b.
        final Map<String, List<TopicPartition>> second = new CooperativeStickyAssignor().assign(Map.of("t", 6), Map.of(
            "a", subscribed(List.of("t"), first.get("a"), 4),
            "b", subscribed(List.of("t"), List.of(), 4)));
        assertEquals(new HashSet<>(first.get("a")), new HashSet<>(second.get("a")));
        assertEquals(3, second.get("b").size());
        final Set<TopicPartition> overlap = new HashSet<>(second.get("a"));
        overlap.retainAll(second.get("b"));
        assertFalse(overlap.iterator().hasNext());
    }

    private static List<TopicPartition> concat(final List<TopicPartition> a, final List<TopicPartition> b) {
        final List<TopicPartition> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
