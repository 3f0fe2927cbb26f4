package dev.sluice.client.internal.consumer;

import dev.sluice.client.TopicPartition;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Kafka's "roundrobin" strategy: all partitions, sorted by topic then partition, are dealt to the
 * members in id order, skipping a member not subscribed to the partition's topic.
 */
public final class RoundRobinAssignor implements PartitionAssignor {
    @Override
    public String name() {
        return "roundrobin";
    }

    @Override
    public Map<String, List<TopicPartition>> assign(final Map<String, Integer> partitionsPerTopic,
                                                    final Map<String, Subscription> subscriptions) {
        final Map<String, List<TopicPartition>> out = new HashMap<>();
        subscriptions.keySet().forEach(member -> out.put(member, new ArrayList<>()));
        final List<String> members = new ArrayList<>(PartitionAssignor.sortedMembers(subscriptions));
        int cursor = 0;
        for (final String topic : PartitionAssignor.topicsOf(partitionsPerTopic, subscriptions)) {
            for (int p = 0; p < partitionsPerTopic.get(topic); p++) {
                while (!subscriptions.get(members.get(cursor % members.size())).topics().contains(topic)) {
                    cursor++;
                }
                out.get(members.get(cursor % members.size())).add(new TopicPartition(topic, p));
                cursor++;
            }
        }
        return out;
    }
}
