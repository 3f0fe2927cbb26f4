package dev.sluice.broker.group;

import java.util.List;

/**
 * The committed offsets of one group. Partitions without a commit report offset -1, leader
 * epoch -1 and empty metadata, as Kafka does.
 */
public record OffsetFetchResult(GroupError error, List<PartitionOffset> partitions) {

    public record PartitionOffset(TopicPartition partition, long offset, int leaderEpoch, String metadata, GroupError error) {
    }
}
