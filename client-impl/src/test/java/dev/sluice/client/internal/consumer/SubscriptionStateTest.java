package dev.sluice.client.internal.consumer;

import dev.sluice.client.TopicPartition;
import dev.sluice.client.consumer.OffsetResetStrategy;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SubscriptionStateTest {
    private static final TopicPartition A0 = new TopicPartition("a", 0);
    private static final TopicPartition A1 = new TopicPartition("a", 1);
    private static final TopicPartition B0 = new TopicPartition("b", 0);

    @Test
    void shouldKnowAllPositionsOnlyWhileEveryPartitionHasOneAndNoResetIsPending() {
        final SubscriptionState state = new SubscriptionState(OffsetResetStrategy.EARLIEST);
        state.assign(List.of(A0, A1));
        assertFalse(state.allPositionsKnown(), "new partitions start without a position");
        state.seek(A0, 5);
        assertFalse(state.allPositionsKnown(), "a1 still has none");
        state.seek(A1, 0);
        assertTrue(state.allPositionsKnown());
        state.advance(A0, 9);
        assertTrue(state.allPositionsKnown(), "handing out records keeps positions known");

        state.requestReset(A1, OffsetResetStrategy.LATEST);
        assertFalse(state.allPositionsKnown(), "a reset takes the position away");
        state.completeReset(A1, OffsetResetStrategy.EARLIEST, 3);
        assertFalse(state.allPositionsKnown(), "a lookup overtaken by another reset does not count");
        state.completeReset(A1, OffsetResetStrategy.LATEST, 7);
        assertTrue(state.allPositionsKnown());

        state.assign(List.of(A0, A1, B0));
        assertFalse(state.allPositionsKnown(), "an added partition has no position");
        state.seek(B0, 1);
        assertTrue(state.allPositionsKnown());
        state.seek(B0, SubscriptionState.NO_POSITION);
        assertFalse(state.allPositionsKnown(), "a seek to no position leaves the partition without one");
        state.assign(List.of(A0, A1));
        assertTrue(state.allPositionsKnown(), "dropping the partition without a position leaves all known");
    }

    @Test
    void shouldKeepTheDistinctTopicsAndAVersionOfTheAssignmentAndAViewThatFollowsIt() {
        final SubscriptionState state = new SubscriptionState(OffsetResetStrategy.EARLIEST);
        assertFalse(state.hasAssignment());
        final int before = state.assignmentVersion();
        state.assign(List.of(B0, A0, A1));
        assertTrue(state.hasAssignment());
        assertEquals(List.of("b", "a"), state.assignedTopics());
        assertNotEquals(before, state.assignmentVersion());
        assertEquals(List.of(B0, A0, A1), List.copyOf(state.assignedPartitions()));

        final int second = state.assignmentVersion();
        state.assign(List.of(A1));
        assertNotEquals(second, state.assignmentVersion());
        assertEquals(List.of("a"), state.assignedTopics());
        assertEquals(List.of(A1), List.copyOf(state.assignedPartitions()), "the view follows the assignment");
        assertThrows(UnsupportedOperationException.class, () -> state.assignedPartitions().remove(A1));
    }
}
