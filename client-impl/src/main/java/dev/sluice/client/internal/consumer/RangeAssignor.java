package dev.sluice.client.internal.consumer;

import dev.sluice.client.TopicPartition;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Kafka's "range" strategy: for each topic on its own, members (sorted by id) take consecutive
 * partition ranges, the first {@code partitions % members} one partition more than the rest.
 */
public final class RangeAssignor implements PartitionAssignor {
    @Override
    public String name() {
        return "range";
    }

    @Override
    public Map<String, List<TopicPartition>> assign(final Map<String, Integer> partitionsPerTopic,
                                                    final Map<String, Subscription> subscriptions) {
        final Map<String, List<TopicPartition>> out = new HashMap<>();
        subscriptions.keySet().forEach(member -> out.put(member, new ArrayList<>()));
        for (final String topic : PartitionAssignor.topicsOf(partitionsPerTopic, subscriptions)) {
            final List<String> members = PartitionAssignor.membersOf(topic, subscriptions);
            final int partitions = partitionsPerTopic.get(topic);
            final int each = partitions / members.size();
            final int extra = partitions % members.size();
            int next = 0;
            for (int i = 0; i < members.size(); i++) {
                final int count = each + (i < extra ? 1 : 0);
                for (int p = next; p < next + count; p++) {
                    out.get(members.get(i)).add(new TopicPartition(topic, p));
                }
                next += count;
            }
        }
        return out;
    }
}
