package dev.sluice.client.internal.consumer;

import dev.sluice.client.TopicPartition;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Kafka's "cooperative-sticky" strategy: balanced like round robin, but members keep the partitions
 * they own where balance allows, and a partition that must move to another member is withheld from
 * that member for this generation, so its owner revokes it first and a follow-up rebalance hands it
 * over (incremental cooperative rebalancing). Ownership claims come from the subscriptions'
 * ownedPartitions; when two members claim one partition the higher generation wins.
 */
public final class CooperativeStickyAssignor implements PartitionAssignor {
    @Override
    public String name() {
        return "cooperative-sticky";
    }

    @Override
    public Map<String, List<TopicPartition>> assign(final Map<String, Integer> partitionsPerTopic,
                                                    final Map<String, Subscription> subscriptions) {
        final List<TopicPartition> all = new ArrayList<>();
        for (final String topic : PartitionAssignor.topicsOf(partitionsPerTopic, subscriptions)) {
            for (int p = 0; p < partitionsPerTopic.get(topic); p++) {
                all.add(new TopicPartition(topic, p));
            }
        }
        // Who owns what now: the highest-generation claim wins.
        final Map<TopicPartition, String> owner = new HashMap<>();
        final Map<TopicPartition, Integer> ownerGeneration = new HashMap<>();
        final Set<TopicPartition> valid = new HashSet<>(all);
        for (final Map.Entry<String, Subscription> e : subscriptions.entrySet()) {
            for (final TopicPartition tp : e.getValue().ownedPartitions()) {
                if (!valid.contains(tp) || !e.getValue().topics().contains(tp.topic())) {
                    continue;
                }
                final Integer previous = ownerGeneration.get(tp);
                if (previous == null || e.getValue().generation() > previous) {
                    owner.put(tp, e.getKey());
                    ownerGeneration.put(tp, e.getValue().generation());
                }
            }
        }
        final List<String> members = new ArrayList<>(PartitionAssignor.sortedMembers(subscriptions));
        final Map<String, Set<TopicPartition>> target = new HashMap<>();
        members.forEach(m -> target.put(m, new LinkedHashSet<>()));
        // Quota: with n partitions a member can take, at most ceil(n / members); a simple bound that
        // is exact when all members share one subscription, as is usual.
        final int quota = members.isEmpty() ? 0 : (all.size() + members.size() - 1) / members.size();
        final int floor = members.isEmpty() ? 0 : all.size() / members.size();
        final int[] atCeiling = {all.size() - floor * members.size()};
        final List<TopicPartition> unassigned = new ArrayList<>();
        for (final TopicPartition tp : all) {
            final String current = owner.get(tp);
            if (current != null && keepable(target.get(current).size(), floor, quota, atCeiling)) {
                if (target.get(current).size() == floor) {
                    atCeiling[0]--;
                }
                target.get(current).add(tp);
            } else {
                unassigned.add(tp);
            }
        }
        for (final TopicPartition tp : unassigned) {
            final String taker = members.stream()
                .filter(m -> subscriptions.get(m).topics().contains(tp.topic()))
                .min(Comparator.comparingInt((String m) -> target.get(m).size()).thenComparing(m -> m))
                .orElse(null);
            if (taker != null) {
                target.get(taker).add(tp);
            }
        }
        final Map<String, List<TopicPartition>> out = new HashMap<>();
        for (final String member : members) {
            final List<TopicPartition> granted = new ArrayList<>();
            for (final TopicPartition tp : target.get(member)) {
                final String current = owner.get(tp);
                // Moving between two live members: the new owner waits until the old one revoked it.
                if (current == null || current.equals(member)) {
                    granted.add(tp);
                }
            }
            out.put(member, granted);
        }
        return out;
    }

    private static boolean keepable(final int held, final int floor, final int quota, final int[] ceilingSlots) {
        if (held < floor) {
            return true;
        }
        return held < quota && ceilingSlots[0] > 0;
    }
}
