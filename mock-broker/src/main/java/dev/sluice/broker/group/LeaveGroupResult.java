package dev.sluice.broker.group;

import java.util.List;

/**
 * The answer to a LeaveGroup: a group-level error and one outcome per member (v3+ batches).
 */
public record LeaveGroupResult(GroupError error, List<MemberResult> members) {

    /** Identifies a leaving member: by {@code groupInstanceId} if set, else by {@code memberId}. */
    public record Member(String memberId, String groupInstanceId) {
    }

    public record MemberResult(String memberId, String groupInstanceId, GroupError error) {
    }
}
