package dev.sluice.client;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ValueTypesTest {
    @Test
    void shouldPrintTopicPartitionAsTopicDashPartition() {
        assertEquals("orders-3", new TopicPartition("orders", 3).toString());
    }

    @Test
    void shouldCompareTopicPartitionsByValue() {
        assertEquals(new TopicPartition("a", 1), new TopicPartition("a", 1));
        assertEquals(new TopicPartition("a", 1).hashCode(), new TopicPartition("a", 1).hashCode());
        assertNotEquals(new TopicPartition("a", 1), new TopicPartition("a", 2));
        assertNotEquals(new TopicPartition("a", 1), new TopicPartition("b", 1));
    }

    @Test
    void shouldIgnoreDescriptionInMetricNameEquality() {
        final MetricName one = new MetricName("record-send-rate", "producer-metrics", "one", Map.of("client-id", "p1"));
        final MetricName two = new MetricName("record-send-rate", "producer-metrics", "two", Map.of("client-id", "p1"));
        assertEquals(one, two);
        assertEquals(one.hashCode(), two.hashCode());
        assertNotEquals(one, new MetricName("record-send-rate", "producer-metrics", "", Map.of("client-id", "p2")));
    }

    @Test
    void shouldCopyPartitionInfoReplicaArrays() {
        final Node n1 = new Node(1, "h1", 9092);
        final Node n2 = new Node(2, "h2", 9092, "rack-a");
        final Node[] replicas = {n1, n2};
        final PartitionInfo info = new PartitionInfo("t", 0, n1, replicas, new Node[] {n1});
        replicas[0] = n2;
        assertEquals(n1, info.replicas().get(0));
        assertEquals(1, info.inSyncReplicas().size());
        assertTrue(info.offlineReplicas().isEmpty());
        assertEquals(new TopicPartition("t", 0), info.topicPartition());
        assertEquals("Partition(t-0, leader = 1, replicas = [1,2], isr = [1], offline = [])", info.toString());
    }

    @Test
    void shouldDescribeNodesWithAndWithoutRack() {
        assertTrue(Node.noNode().isEmpty());
        assertNull(new Node(1, "h", 1).rack());
        assertEquals("h:1 (id: 1 rack: r)", new Node(1, "h", 1, "r").toString());
    }
}
