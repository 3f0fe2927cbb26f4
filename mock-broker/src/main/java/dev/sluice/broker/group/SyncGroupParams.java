package dev.sluice.broker.group;

import java.util.Map;
import java.util.Objects;

/**
 * What a SyncGroup request asks.
 *
 * @param protocolType v5+, {@code null} when absent
 * @param protocolName v5+, {@code null} when absent
 * @param assignments from the leader: member id to opaque assignment; empty for followers
 */
public record SyncGroupParams(
        String groupId,
        int generationId,
        String memberId,
        String groupInstanceId,
        String protocolType,
        String protocolName,
        Map<String, byte[]> assignments) {

    public SyncGroupParams {
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(memberId, "memberId");
        assignments = Map.copyOf(assignments);
    }
}
