package dev.sluice.broker.group;

import java.util.List;

/**
 * A group as DescribeGroups reports it. Metadata and assignments are filled in only in
 * {@link GroupState#STABLE}, like Kafka; otherwise they are empty.
 *
 * @param exists false for an unknown group id (reported as Dead)
 * @param protocolType empty when none
 * @param protocolName the selected protocol in Stable, empty otherwise
 */
public record GroupDescription(
        String groupId,
        boolean exists,
        GroupState state,
        String protocolType,
        String protocolName,
        List<Member> members) {

    /** {@code metadata} and {@code assignment} are shared, not copied. */
    public record Member(String memberId, String groupInstanceId, String clientId, String clientHost,
                         byte[] metadata, byte[] assignment) {
    }
}
