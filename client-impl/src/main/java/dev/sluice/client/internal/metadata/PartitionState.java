package dev.sluice.client.internal.metadata;

import dev.sluice.client.TopicPartition;

/**
 * What metadata says about one partition. {@code leaderId} is -1 while the partition has no
 * leader (election in progress).
 */
public record PartitionState(TopicPartition partition, int leaderId, int leaderEpoch) {
    public static final int NO_LEADER = -1;

    public boolean hasLeader() {
        return leaderId != NO_LEADER;
    }
}
