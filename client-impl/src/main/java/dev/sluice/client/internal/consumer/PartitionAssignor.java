package dev.sluice.client.internal.consumer;

import dev.sluice.client.TopicPartition;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Computes a group's assignment on the leader, under the protocol name every member advertises in
 * JoinGroup ("range", "roundrobin", "cooperative-sticky"), so Sluice and kafka-clients members agree.
 * Stateless; runs on whichever thread drives the rebalance.
 */
public interface PartitionAssignor {
    /** One member's subscription as read from its JoinGroup metadata. */
    record Subscription(List<String> topics, List<TopicPartition> ownedPartitions, int generation) {
    }

    String name();

    /**
     * @param partitionsPerTopic partition count of every topic some member subscribes to (unknown topics absent)
     * @param subscriptions      member id to subscription
     * @return member id to assigned partitions, with an entry (maybe empty) for every member
     */
    Map<String, List<TopicPartition>> assign(Map<String, Integer> partitionsPerTopic,
                                             Map<String, Subscription> subscriptions);

    static PartitionAssignor forName(final String name) {
        return switch (name) {
            case "range" -> new RangeAssignor();
            case "roundrobin" -> new RoundRobinAssignor();
            case "cooperative-sticky" -> new CooperativeStickyAssignor();
            default -> throw new IllegalArgumentException("Unknown assignor " + name);
        };
    }

    /** Members subscribed to {@code topic}, in member id order. */
    static List<String> membersOf(final String topic, final Map<String, Subscription> subscriptions) {
        return subscriptions.entrySet().stream().filter(e -> e.getValue().topics().contains(topic))
            .map(Map.Entry::getKey).sorted().toList();
    }

    /** Every topic some member subscribes to and whose partition count is known, sorted. */
    static List<String> topicsOf(final Map<String, Integer> partitionsPerTopic,
                                 final Map<String, Subscription> subscriptions) {
        return subscriptions.values().stream().flatMap(s -> s.topics().stream()).distinct()
            .filter(partitionsPerTopic::containsKey).sorted().toList();
    }

    static Set<String> sortedMembers(final Map<String, Subscription> subscriptions) {
        return new java.util.TreeSet<>(subscriptions.keySet());
    }
}
