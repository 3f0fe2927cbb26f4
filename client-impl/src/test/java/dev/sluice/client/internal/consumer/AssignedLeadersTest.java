package dev.sluice.client.internal.consumer;

import dev.sluice.client.TopicPartition;
import dev.sluice.client.consumer.OffsetResetStrategy;
import dev.sluice.client.internal.metadata.BrokerNode;
import dev.sluice.client.internal.metadata.ClusterView;
import dev.sluice.client.internal.metadata.PartitionState;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class AssignedLeadersTest {
    private static final TopicPartition T0 = new TopicPartition("t", 0);
    private static final TopicPartition T1 = new TopicPartition("t", 1);
    private static final TopicPartition T2 = new TopicPartition("t", 2);
    private static final List<BrokerNode> BROKERS = List.of(new BrokerNode(1, "localhost", 9092, null),
        new BrokerNode(2, "localhost", 9093, null), new BrokerNode(3, "localhost", 9094, null));

    private static ClusterView cluster(final int leaderOf0, final int leaderOf1, final int leaderOf2) {
        return new ClusterView(BROKERS, List.of(new PartitionState(T0, leaderOf0, 0),
            new PartitionState(T1, leaderOf1, 0), new PartitionState(T2, leaderOf2, 0)), Map.of());
    }

    @Test
    void shouldFollowTheClusterViewAndTheAssignment() {
        final SubscriptionState subscriptions = new SubscriptionState(OffsetResetStrategy.EARLIEST);
        final AssignedLeaders leaders = new AssignedLeaders();
        subscriptions.assign(List.of(T0, T1));
        final ClusterView first = cluster(1, 2, 3);
        assertEquals(Set.of(1, 2), leaders.of(first, subscriptions));

        subscriptions.assign(List.of(T1, T2));
        assertEquals(Set.of(2, 3), leaders.of(first, subscriptions), "a new assignment is looked up again");

        assertEquals(Set.of(1), leaders.of(cluster(1, 1, 1), subscriptions), "so is a new cluster view");

        subscriptions.assign(List.of());
        assertEquals(Set.of(), leaders.of(first, subscriptions));
    }

    @Test
    void shouldHaveNoAnswerWhileAnAssignedPartitionHasNoKnownLeader() {
        final SubscriptionState subscriptions = new SubscriptionState(OffsetResetStrategy.EARLIEST);
        final AssignedLeaders leaders = new AssignedLeaders();
        subscriptions.assign(List.of(T0, T1));
        assertNull(leaders.of(cluster(1, PartitionState.NO_LEADER, 3), subscriptions));
        assertNull(leaders.of(cluster(1, 7, 3), subscriptions), "a leader missing from the brokers is unknown too");
        assertNull(leaders.of(ClusterView.empty(), subscriptions));
        assertEquals(Set.of(1, 3), leaders.of(cluster(1, 3, PartitionState.NO_LEADER), subscriptions),
            "a leaderless partition that is not assigned does not matter");
    }
}
