package dev.sluice.client.internal.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.sluice.client.TopicPartition;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClusterViewTest {
    private static final BrokerNode BROKER = new BrokerNode(1, "localhost", 9092, null);

    @Test
    void shouldGiveEachTopicOneLayoutWithSharedPartitionKeysAndItsLedPartitions() {
        final TopicPartition p0 = new TopicPartition("orders", 0);
        final TopicPartition p1 = new TopicPartition("orders", 1);
        final TopicPartition p2 = new TopicPartition("orders", 2);
        final ClusterView cluster = new ClusterView(List.of(BROKER),
            List.of(new PartitionState(p2, 1, 0), new PartitionState(p0, 1, 0),
                new PartitionState(p1, PartitionState.NO_LEADER, 0)), Map.of());

        final TopicLayout layout = cluster.topic("orders");

        assertEquals(3, layout.partitionCount());
        assertSame(p0, layout.partition(0));
        assertSame(p1, layout.partition(1));
        assertSame(p2, layout.partition(2));
        // In the order the response listed them, as before layouts existed.
        assertEquals(List.of(2, 0), layout.availablePartitions());
        assertEquals(3, cluster.partitionCount("orders"));
        assertSame(layout.availablePartitions(), cluster.availablePartitions("orders"));
        assertNull(cluster.topic("payments"));
        assertEquals(-1, cluster.partitionCount("payments"));
        assertEquals(List.of(), cluster.availablePartitions("payments"));
    }

    @Test
    void shouldStillKeyEveryPartitionNumberWhenTheResponseLeftOneOut() {
        // Partitions 0 and 2 listed, 1 missing: the count is what was listed, as before.
        final ClusterView cluster = new ClusterView(List.of(BROKER),
            List.of(new PartitionState(new TopicPartition("gaps", 0), 1, 0),
                new PartitionState(new TopicPartition("gaps", 2), 1, 0)), Map.of());

        final TopicLayout layout = cluster.topic("gaps");

        assertEquals(2, layout.partitionCount());
        assertEquals(new TopicPartition("gaps", 0), layout.partition(0));
        assertEquals(new TopicPartition("gaps", 1), layout.partition(1));
    }
}
