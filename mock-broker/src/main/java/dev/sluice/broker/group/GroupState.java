package dev.sluice.broker.group;

/**
 * States of a classic (JoinGroup/SyncGroup) consumer group, spelled as Kafka reports them in
 * DescribeGroups and ListGroups.
 *
 * <pre>
 * Empty ──join──▶ PreparingRebalance ──all joined / timeout──▶ CompletingRebalance ──leader sync──▶ Stable
 *   ▲                 ▲        │ (no member left)                  │ member change                 │
 *   └─────────────────┼────────┘                                   ▼                               │
 *                     └───────────────────── member joins, leaves or expires ◀─────────────────────┘
 * </pre>
 */
public enum GroupState {
    /** No members; the group may still hold committed offsets. */
    EMPTY("Empty"),
    /** Waiting for every known member to (re)send JoinGroup; their responses are parked. */
    PREPARING_REBALANCE("PreparingRebalance"),
    /** JoinGroup answered, waiting for the leader's SyncGroup with the assignments. */
    COMPLETING_REBALANCE("CompletingRebalance"),
    /** Assignments handed out; members heartbeat. */
    STABLE("Stable"),
    /** The group no longer exists; reported for unknown group ids. */
    DEAD("Dead");

    private final String displayName;

    GroupState(final String displayName) {
        this.displayName = displayName;
    }

    /** The name Kafka uses on the wire, e.g. {@code "PreparingRebalance"}. */
    public String displayName() {
        return displayName;
    }

    /**
     * Parses a wire name case-insensitively (ListGroups v4 state filters).
     *
     * @return the state, or {@code null} if the name is not a known state
     */
    public static GroupState fromDisplayName(final String name) {
        for (final GroupState state : values()) {
            if (state.displayName.equalsIgnoreCase(name)) {
                return state;
            }
        }
        return null;
    }
}
