package dev.sluice.broker.group;

import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * One member of a {@link ClassicGroup}. Mutable; guarded by the coordinator's lock.
 */
final class GroupMember {

    private final String memberId;
    private final String groupInstanceId;
    private String clientId;
    private String clientHost;
    private int sessionTimeoutMs;
    private int rebalanceTimeoutMs;
    private String protocolType;
    private List<GroupProtocol> protocols;
    private byte[] assignment = SyncGroupResult.NO_ASSIGNMENT;
    private long lastHeartbeatMs;
    /** Parked JoinGroup response while the group prepares a rebalance; null when not waiting. */
    private Consumer<JoinGroupResult> pendingJoin;
    /** Parked SyncGroup response until the leader syncs; null when not waiting. */
    private Consumer<SyncGroupResult> pendingSync;

    GroupMember(final String memberId, final JoinGroupParams params, final long nowMs) {
        this.memberId = memberId;
        this.groupInstanceId = params.groupInstanceId();
        update(params, nowMs);
    }

    /** Takes the latest JoinGroup's settings and protocols; counts as a heartbeat. */
    void update(final JoinGroupParams params, final long nowMs) {
        this.clientId = params.clientId();
        this.clientHost = params.clientHost();
        this.sessionTimeoutMs = params.sessionTimeoutMs();
        this.rebalanceTimeoutMs = params.rebalanceTimeoutMs();
        this.protocolType = params.protocolType();
        this.protocols = params.protocols();
        this.lastHeartbeatMs = nowMs;
    }

    String memberId() {
        return memberId;
    }

    String groupInstanceId() {
        return groupInstanceId;
    }

    String clientId() {
        return clientId;
    }

    String clientHost() {
        return clientHost;
    }

    int rebalanceTimeoutMs() {
        return rebalanceTimeoutMs;
    }

    String protocolType() {
        return protocolType;
    }

    byte[] assignment() {
        return assignment;
    }

    void assignment(final byte[] assignment) {
        this.assignment = assignment;
    }

    void heartbeat(final long nowMs) {
        this.lastHeartbeatMs = nowMs;
    }

    /**
     * A member waiting for a parked JoinGroup or SyncGroup response is alive by definition: the
     * rebalance and sync deadlines bound those waits instead of the session timeout.
     */
    boolean sessionExpired(final long nowMs) {
        return pendingJoin == null && pendingSync == null && nowMs - lastHeartbeatMs >= sessionTimeoutMs;
    }

    /**
     * When {@link #sessionExpired} turns true if no heartbeat comes first (ms, the coordinator's
     * clock); {@link Long#MAX_VALUE} while a parked JoinGroup or SyncGroup keeps the member alive.
     */
    long sessionDeadlineMs() {
        return pendingJoin == null && pendingSync == null ? lastHeartbeatMs + sessionTimeoutMs : Long.MAX_VALUE;
    }

    boolean awaitingJoin() {
        return pendingJoin != null;
    }

    Consumer<JoinGroupResult> takePendingJoin() {
        final Consumer<JoinGroupResult> callback = pendingJoin;
        pendingJoin = null;
        return callback;
    }

    /** @return the callback this one replaces (a duplicate request), or null */
    Consumer<JoinGroupResult> parkJoin(final Consumer<JoinGroupResult> callback) {
        final Consumer<JoinGroupResult> previous = pendingJoin;
        pendingJoin = callback;
        return previous;
    }

    Consumer<SyncGroupResult> takePendingSync() {
        final Consumer<SyncGroupResult> callback = pendingSync;
        pendingSync = null;
        return callback;
    }

    /** @return the callback this one replaces (a duplicate request), or null */
    Consumer<SyncGroupResult> parkSync(final Consumer<SyncGroupResult> callback) {
        final Consumer<SyncGroupResult> previous = pendingSync;
        pendingSync = callback;
        return previous;
    }

    boolean awaitingSync() {
        return pendingSync != null;
    }

    boolean supportsAny(final Set<String> protocolNames) {
        for (final GroupProtocol protocol : protocols) {
            if (protocolNames.contains(protocol.name())) {
                return true;
            }
        }
        return false;
    }

    boolean supports(final String protocolName) {
        return metadata(protocolName) != null;
    }

    /** @return the metadata offered for {@code protocolName}, or null if not offered */
    byte[] metadata(final String protocolName) {
        for (final GroupProtocol protocol : protocols) {
            if (protocol.name().equals(protocolName)) {
                return protocol.metadata();
            }
        }
        return null;
    }

    List<GroupProtocol> protocols() {
        return protocols;
    }

    /** Same protocols with the same metadata in the same order: a rejoin that changes nothing. */
    boolean sameProtocols(final List<GroupProtocol> other) {
        if (other.size() != protocols.size()) {
            return false;
        }
        for (int i = 0; i < other.size(); i++) {
            if (!protocols.get(i).sameAs(other.get(i))) {
                return false;
            }
        }
        return true;
    }

    /** This member's most preferred protocol among {@code candidates}, or null. */
    String vote(final Set<String> candidates) {
        for (final GroupProtocol protocol : protocols) {
            if (candidates.contains(protocol.name())) {
                return protocol.name();
            }
        }
        return null;
    }
}
