package dev.sluice.client.internal.metadata;

import dev.sluice.client.Node;
import dev.sluice.client.PartitionInfo;
import dev.sluice.client.TopicPartition;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An immutable snapshot of cluster metadata: brokers, the partitions of each known topic and their
 * leaders, and per-topic errors from the last metadata response. Safe to share between threads.
 */
public final class ClusterView {
    private static final ClusterView EMPTY = new ClusterView(List.of(), List.of(), Map.of());

    private final Map<Integer, BrokerNode> nodes;
    private final Map<TopicPartition, PartitionState> partitions;
    private final Map<String, List<PartitionState>> byTopic;
    /** Never mutated after construction; a plain HashMap so the per-send lookup is a direct call. */
    private final HashMap<String, TopicLayout> layouts;
    private final Map<Integer, List<TopicPartition>> byLeader;
    private final Map<String, Short> topicErrors;

    public ClusterView(final Collection<BrokerNode> nodes, final Collection<PartitionState> partitions,
                       final Map<String, Short> topicErrors) {
        final Map<Integer, BrokerNode> nodeMap = new HashMap<>();
        nodes.forEach(n -> nodeMap.put(n.id(), n));
        final Map<TopicPartition, PartitionState> partitionMap = new HashMap<>();
        final Map<String, List<PartitionState>> topics = new HashMap<>();
        final Map<String, List<Integer>> available = new HashMap<>();
        final Map<Integer, List<TopicPartition>> leaders = new HashMap<>();
        for (final PartitionState p : partitions) {
            partitionMap.put(p.partition(), p);
            topics.computeIfAbsent(p.partition().topic(), t -> new ArrayList<>()).add(p);
            available.computeIfAbsent(p.partition().topic(), t -> new ArrayList<>());
            if (p.hasLeader() && nodeMap.containsKey(p.leaderId())) {
                available.get(p.partition().topic()).add(p.partition().partition());
                leaders.computeIfAbsent(p.leaderId(), l -> new ArrayList<>()).add(p.partition());
            }
        }
        topics.values().forEach(l -> l.sort((a, b) -> Integer.compare(a.partition().partition(), b.partition().partition())));
        this.nodes = Collections.unmodifiableMap(nodeMap);
        this.partitions = Collections.unmodifiableMap(partitionMap);
        this.byTopic = freeze(topics);
        this.layouts = layouts(this.byTopic, available);
        this.byLeader = freeze(leaders);
        this.topicErrors = Map.copyOf(topicErrors);
    }

    private static <K, V> Map<K, List<V>> freeze(final Map<K, List<V>> map) {
        final Map<K, List<V>> copy = new HashMap<>();
        map.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        return Collections.unmodifiableMap(copy);
    }

    private static HashMap<String, TopicLayout> layouts(final Map<String, List<PartitionState>> byTopic,
                                                    final Map<String, List<Integer>> available) {
        final HashMap<String, TopicLayout> layouts = new HashMap<>();
        byTopic.forEach((topic, states) -> {
            final TopicPartition[] partitions = new TopicPartition[states.size()];
            for (int i = 0; i < partitions.length; i++) {
                final TopicPartition listed = states.get(i).partition();
                // A response missing a partition number leaves a gap: the number still gets its own instance.
                partitions[i] = listed.partition() == i ? listed : new TopicPartition(topic, i);
            }
            layouts.put(topic, new TopicLayout(partitions, List.copyOf(available.get(topic))));
        });
        return layouts;
    }

    public static ClusterView empty() {
        return EMPTY;
    }

    public BrokerNode node(final int id) {
        return nodes.get(id);
    }

    public Collection<BrokerNode> nodes() {
        return nodes.values();
    }

    /** The leader of {@code tp}, or null if unknown or leaderless. */
    public BrokerNode leaderFor(final TopicPartition tp) {
        final PartitionState p = partitions.get(tp);
        return p == null || !p.hasLeader() ? null : nodes.get(p.leaderId());
    }

    public PartitionState partition(final TopicPartition tp) {
        return partitions.get(tp);
    }

    /** Number of partitions of {@code topic}, or -1 if the topic is unknown. */
    public int partitionCount(final String topic) {
        final TopicLayout layout = layouts.get(topic);
        return layout == null ? -1 : layout.partitionCount();
    }

    /** {@code topic}'s partition count, partitions with a leader and shared partition keys; null if unknown. */
    public TopicLayout topic(final String topic) {
        return layouts.get(topic);
    }

    public List<PartitionState> partitionsFor(final String topic) {
        return byTopic.getOrDefault(topic, List.of());
    }

    /**
     * The public view of {@code topic}'s partitions: leader (null when there is none or it is not
     * among the known brokers), replicas, ISR and offline replicas as nodes. A replica id that is
     * not among the response's brokers (a broker that is down) becomes a node with that id, an
     * empty host and port -1, as kafka-clients reports it.
     */
    public List<PartitionInfo> partitionInfos(final String topic) {
        final List<PartitionInfo> infos = new ArrayList<>();
        for (final PartitionState p : partitionsFor(topic)) {
            final BrokerNode leader = p.hasLeader() ? nodes.get(p.leaderId()) : null;
            infos.add(new PartitionInfo(topic, p.partition().partition(), leader == null ? null : publicNode(leader),
                publicNodes(p.replicas()), publicNodes(p.isr()), publicNodes(p.offlineReplicas())));
        }
        return infos;
    }

    private Node[] publicNodes(final List<Integer> ids) {
        final Node[] out = new Node[ids.size()];
        for (int i = 0; i < out.length; i++) {
            final BrokerNode node = nodes.get(ids.get(i));
            out[i] = node == null ? new Node(ids.get(i), "", -1) : publicNode(node);
        }
        return out;
    }

    private static Node publicNode(final BrokerNode node) {
        return new Node(node.id(), node.host(), node.port(), node.rack());
    }

    /** Partition numbers of {@code topic} that currently have a known leader. */
    public List<Integer> availablePartitions(final String topic) {
        final TopicLayout layout = layouts.get(topic);
        return layout == null ? List.of() : layout.availablePartitions();
    }

    /** Partitions whose leader is {@code nodeId}. */
    public List<TopicPartition> partitionsLedBy(final int nodeId) {
        return byLeader.getOrDefault(nodeId, List.of());
    }

    /** The error code the last metadata response gave {@code topic}, or null if none. */
    public Short topicError(final String topic) {
        return topicErrors.get(topic);
    }
}
