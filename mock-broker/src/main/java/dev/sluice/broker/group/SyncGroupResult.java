package dev.sluice.broker.group;

/**
 * The answer to a SyncGroup: this member's assignment. {@code assignment} is shared, not copied.
 */
public record SyncGroupResult(GroupError error, String protocolType, String protocolName, byte[] assignment) {

    static final byte[] NO_ASSIGNMENT = new byte[0];

    public static SyncGroupResult failed(final GroupError error) {
        return new SyncGroupResult(error, null, null, NO_ASSIGNMENT);
    }
}
