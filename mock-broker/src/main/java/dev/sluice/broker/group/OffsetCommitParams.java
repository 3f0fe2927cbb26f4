package dev.sluice.broker.group;

import java.util.List;
import java.util.Objects;

/**
 * What an OffsetCommit request asks. {@code generationId} -1 with an empty {@code memberId} is a
 * "simple" commit from a consumer that uses {@code assign()} rather than a group subscription.
 */
public record OffsetCommitParams(
        String groupId,
        int generationId,
        String memberId,
        String groupInstanceId,
        List<Entry> offsets) {

    public OffsetCommitParams {
        Objects.requireNonNull(groupId, "groupId");
        memberId = memberId == null ? "" : memberId;
        offsets = List.copyOf(offsets);
    }

    /** One partition's commit; {@code metadata} may be {@code null}. */
    public record Entry(TopicPartition partition, long offset, int leaderEpoch, String metadata) {
    }

    /** The outcome of one partition's commit. */
    public record Result(TopicPartition partition, GroupError error) {
    }
}
