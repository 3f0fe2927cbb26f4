package dev.sluice.broker.group;

import java.util.List;

/**
 * The answer to a JoinGroup.
 *
 * @param generationId -1 on error
 * @param protocolName the selected protocol, or {@code null} on error
 * @param memberId the member's id, also set with MEMBER_ID_REQUIRED
 * @param members non-empty only for the leader: every member with its metadata for the selected protocol
 * @param skipAssignment the leader must not compute a new assignment (KIP-814): set when a static
 *                       member took its old place in a Stable group, so the current assignment stands
 */
public record JoinGroupResult(
        GroupError error,
        int generationId,
        String protocolType,
        String protocolName,
        String leaderId,
        String memberId,
        List<Member> members,
        boolean skipAssignment) {

    /** A member as the leader sees it. {@code metadata} is shared, not copied: do not modify. */
    public record Member(String memberId, String groupInstanceId, byte[] metadata) {
    }

    public static JoinGroupResult failed(final GroupError error, final String memberId) {
        return new JoinGroupResult(error, -1, null, null, "", memberId, List.of(), false);
    }

    /** This result with {@link #skipAssignment} set. */
    public JoinGroupResult skippingAssignment() {
        return new JoinGroupResult(error, generationId, protocolType, protocolName, leaderId, memberId, members, true);
    }

    /** True if this member was chosen to compute the assignment. */
    public boolean isLeader() {
        return error == GroupError.NONE && leaderId.equals(memberId);
    }
}
