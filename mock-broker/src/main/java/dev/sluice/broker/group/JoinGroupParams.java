package dev.sluice.broker.group;

import java.util.List;
import java.util.Objects;

/**
 * What a JoinGroup request asks, free of wire versions.
 *
 * @param memberId empty for a member joining for the first time
 * @param groupInstanceId static member id ({@code group.instance.id}), or {@code null}
 * @param sessionTimeoutMs ms without heartbeat after which the member is removed
 * @param rebalanceTimeoutMs ms the coordinator waits for every member to rejoin (v0: the session timeout)
 * @param protocols in the member's preference order
 * @param requireKnownMemberId v4+: a first join is answered with MEMBER_ID_REQUIRED and a member id
 */
public record JoinGroupParams(
        String groupId,
        String memberId,
        String groupInstanceId,
        String clientId,
        String clientHost,
        int sessionTimeoutMs,
        int rebalanceTimeoutMs,
        String protocolType,
        List<GroupProtocol> protocols,
        boolean requireKnownMemberId) {

    public JoinGroupParams {
        Objects.requireNonNull(groupId, "groupId");
        memberId = memberId == null ? "" : memberId;
        clientId = clientId == null ? "" : clientId;
        clientHost = clientHost == null ? "" : clientHost;
        protocolType = protocolType == null ? "" : protocolType;
        protocols = List.copyOf(protocols);
    }
}
