package dev.sluice.client.internal.metadata;

import dev.sluice.client.TopicPartition;

import java.util.List;

/**
 * What metadata says about one partition. {@code leaderId} is -1 while the partition has no
 * leader (election in progress). {@code replicas}, {@code isr} and {@code offlineReplicas} are
 * broker ids as the Metadata response listed them (offline replicas only from version 5 on;
 * empty before).
 */
public record PartitionState(TopicPartition partition, int leaderId, int leaderEpoch, List<Integer> replicas,
                             List<Integer> isr, List<Integer> offlineReplicas) {
    public static final int NO_LEADER = -1;

    public PartitionState {
        replicas = replicas == null ? List.of() : List.copyOf(replicas);
        isr = isr == null ? List.of() : List.copyOf(isr);
        offlineReplicas = offlineReplicas == null ? List.of() : List.copyOf(offlineReplicas);
    }

    /** A partition whose replica sets are unknown (tests, or a response that omits them). */
    public PartitionState(final TopicPartition partition, final int leaderId, final int leaderEpoch) {
        this(partition, leaderId, leaderEpoch, List.of(), List.of(), List.of());
    }

    public boolean hasLeader() {
        return leaderId != NO_LEADER;
    }
}
