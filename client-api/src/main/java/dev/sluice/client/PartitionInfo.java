package dev.sluice.client;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * What metadata says about one partition: its leader (or {@code null} when there is none right now)
 * and its replica sets. Immutable; the arrays are copied on the way in and out.
 */
public final class PartitionInfo {
    private static final Node[] NO_NODES = new Node[0];

    private final String topic;
    private final int partition;
    private final Node leader;
    private final Node[] replicas;
    private final Node[] inSyncReplicas;
    private final Node[] offlineReplicas;

    public PartitionInfo(final String topic, final int partition, final Node leader,
                         final Node[] replicas, final Node[] inSyncReplicas, final Node[] offlineReplicas) {
        this.topic = Objects.requireNonNull(topic, "topic");
        this.partition = partition;
        this.leader = leader;
        this.replicas = copy(replicas);
        this.inSyncReplicas = copy(inSyncReplicas);
        this.offlineReplicas = copy(offlineReplicas);
    }

    public PartitionInfo(final String topic, final int partition, final Node leader,
                         final Node[] replicas, final Node[] inSyncReplicas) {
        this(topic, partition, leader, replicas, inSyncReplicas, NO_NODES);
    }

    private static Node[] copy(final Node[] nodes) {
        return nodes == null ? NO_NODES : nodes.clone();
    }

    public String topic() {
        return topic;
    }

    public int partition() {
        return partition;
    }

    public TopicPartition topicPartition() {
        return new TopicPartition(topic, partition);
    }

    /** The current leader, or {@code null} when the partition has none (it cannot be written). */
    public Node leader() {
        return leader;
    }

    public List<Node> replicas() {
        return List.of(replicas);
    }

    public List<Node> inSyncReplicas() {
        return List.of(inSyncReplicas);
    }

    public List<Node> offlineReplicas() {
        return List.of(offlineReplicas);
    }

    @Override
    public boolean equals(final Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof PartitionInfo)) {
            return false;
        }
        final PartitionInfo other = (PartitionInfo) o;
        return partition == other.partition && topic.equals(other.topic) && Objects.equals(leader, other.leader)
            && Arrays.equals(replicas, other.replicas) && Arrays.equals(inSyncReplicas, other.inSyncReplicas)
            && Arrays.equals(offlineReplicas, other.offlineReplicas);
    }

    @Override
    public int hashCode() {
        return Objects.hash(topic, partition, leader) * 31 + Arrays.hashCode(replicas);
    }

    @Override
    public String toString() {
        return "Partition(" + topic + "-" + partition + ", leader = " + (leader == null ? "none" : leader.id())
            + ", replicas = " + ids(replicas) + ", isr = " + ids(inSyncReplicas)
            + ", offline = " + ids(offlineReplicas) + ")";
    }

    private static String ids(final Node[] nodes) {
        final StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < nodes.length; i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(nodes[i].id());
        }
        return sb.append(']').toString();
    }
}
