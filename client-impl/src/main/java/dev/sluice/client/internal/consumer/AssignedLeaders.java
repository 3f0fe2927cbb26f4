package dev.sluice.client.internal.consumer;

import dev.sluice.client.TopicPartition;
import dev.sluice.client.internal.metadata.BrokerNode;
import dev.sluice.client.internal.metadata.ClusterView;

import java.util.HashSet;
import java.util.Set;

/**
 * The brokers that lead the assigned partitions, worked out again only when the cluster view or the
 * assignment changes.
 *
 * <p>Why: {@link Fetcher#sendFetches} runs on every {@code poll} (about 2 000 times per million
 * records at {@code max.poll.records} 500), and almost always finds a fetch already in flight to every
 * leader. Walking every partition to find that out made the walk hot enough for C2 to compile it in
 * the middle of a short read. With the leaders known, "a fetch is in flight to each of them" is a
 * check of one or a few broker ids. Application thread only, like the fetcher.
 */
final class AssignedLeaders {
    private ClusterView cluster;
    private int assignmentVersion;
    /** Leader ids of the assigned partitions for {@link #cluster}; null when one has no known leader. */
    private Set<Integer> leaders;

    /**
     * The ids of the brokers leading the partitions of {@code subscriptions}' assignment in
     * {@code current}, or null when any of them has no known leader. The set is owned by this object:
     * read it before the next call, do not change it.
     */
    Set<Integer> of(final ClusterView current, final SubscriptionState subscriptions) {
        if (current != cluster || subscriptions.assignmentVersion() != assignmentVersion) {
            cluster = current;
            assignmentVersion = subscriptions.assignmentVersion();
            leaders = leadersIn(current, subscriptions.assignedPartitions());
        }
        return leaders;
    }

    private static Set<Integer> leadersIn(final ClusterView cluster, final Set<TopicPartition> partitions) {
        final Set<Integer> ids = new HashSet<>();
        for (final TopicPartition tp : partitions) {
            final BrokerNode leader = cluster.leaderFor(tp);
            if (leader == null) {
                return null;
            }
            ids.add(leader.id());
        }
        return ids;
    }
}
