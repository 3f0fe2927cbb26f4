package dev.sluice.broker.group;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The membership and rebalance bookkeeping of one group. A data holder with small queries; the
 * transitions live in {@link GroupCoordinator}. Guarded by the coordinator's lock.
 */
final class ClassicGroup {

    private final String groupId;
    private GroupState state = GroupState.EMPTY;
    private int generationId;
    private String protocolType;
    private String protocolName;
    private String leaderId;
    /** In join order: the first member to join becomes leader if the leader leaves. */
    private final Map<String, GroupMember> members = new LinkedHashMap<>();
    /** Member ids handed out with MEMBER_ID_REQUIRED, to their expiry (ms). */
    private final Map<String, Long> pendingMembers = new HashMap<>();
    /** group.instance.id to the member id currently holding it. */
    private final Map<String, String> staticMembers = new HashMap<>();

    /** PreparingRebalance: the join phase ends by this time even if members are missing (ms). */
    long joinDeadlineMs;
    /** PreparingRebalance from Empty: wait the initial delay even if everybody has joined. */
    boolean initialDelayActive;
    /** Upper bound of the initial delay, fixed when it starts: the rebalance timeout from then (ms). */
    long initialDelayLimitMs;
    /** CompletingRebalance: members that have not sent SyncGroup by this time are removed (ms). */
    long syncDeadlineMs;

    ClassicGroup(final String groupId) {
        this.groupId = groupId;
    }

    String groupId() {
        return groupId;
    }

    GroupState state() {
        return state;
    }

    void state(final GroupState state) {
        this.state = state;
    }

    int generationId() {
        return generationId;
    }

    void nextGeneration() {
        generationId++;
    }

    String protocolType() {
        return protocolType;
    }

    void protocolType(final String protocolType) {
        this.protocolType = protocolType;
    }

    String protocolName() {
        return protocolName;
    }

    void protocolName(final String protocolName) {
        this.protocolName = protocolName;
    }

    String leaderId() {
        return leaderId;
    }

    void leaderId(final String leaderId) {
        this.leaderId = leaderId;
    }

    boolean isLeader(final String memberId) {
        return memberId.equals(leaderId);
    }

    GroupMember member(final String memberId) {
        return members.get(memberId);
    }

    Collection<GroupMember> members() {
        return members.values();
    }

    List<GroupMember> membersSnapshot() {
        return new ArrayList<>(members.values());
    }

    boolean hasMembers() {
        return !members.isEmpty();
    }

    /** The first member of an empty group sets the group's protocol type; later ones must match it. */
    void add(final GroupMember member) {
        if (members.isEmpty()) {
            protocolType = member.protocolType();
        }
        members.put(member.memberId(), member);
        pendingMembers.remove(member.memberId());
        if (member.groupInstanceId() != null) {
            staticMembers.put(member.groupInstanceId(), member.memberId());
        }
    }

    void remove(final GroupMember member) {
        members.remove(member.memberId());
        if (member.groupInstanceId() != null) {
            staticMembers.remove(member.groupInstanceId(), member.memberId());
        }
        if (member.memberId().equals(leaderId)) {
            leaderId = null;
        }
    }

    /**
     * Puts {@code replacement}, a new incarnation of the static member {@code old}, in its place: same
     * position in join order, same instance id, leadership kept.
     */
    void replaceStatic(final GroupMember old, final GroupMember replacement) {
        final List<GroupMember> inOrder = new ArrayList<>(members.values());
        members.clear();
        for (final GroupMember member : inOrder) {
            final GroupMember kept = member == old ? replacement : member;
            members.put(kept.memberId(), kept);
        }
        staticMembers.put(replacement.groupInstanceId(), replacement.memberId());
        if (old.memberId().equals(leaderId)) {
            leaderId = replacement.memberId();
        }
    }

    /** The member id holding {@code groupInstanceId}, or null. */
    String staticMemberId(final String groupInstanceId) {
        return staticMembers.get(groupInstanceId);
    }

    void addPending(final String memberId, final long expiresAtMs) {
        pendingMembers.put(memberId, expiresAtMs);
    }

    boolean isPending(final String memberId) {
        return pendingMembers.containsKey(memberId);
    }

    boolean removePending(final String memberId) {
        return pendingMembers.remove(memberId) != null;
    }

    /** Drops pending members whose time ran out; @return true if any were dropped. */
    boolean expirePending(final long nowMs) {
        boolean expired = false;
        final Iterator<Long> deadlines = pendingMembers.values().iterator();
        while (deadlines.hasNext()) {
            if (deadlines.next() <= nowMs) {
                deadlines.remove();
                expired = true;
            }
        }
        return expired;
    }

    /**
     * The earliest time (ms) at which {@link GroupCoordinator#tick()} has something to do for this
     * group: a handed-out id expiring, a member's session running out, or the join or sync phase
     * ending; {@link Long#MAX_VALUE} if nothing is due ever without another request first.
     */
    long nextDeadlineMs() {
        long next = Long.MAX_VALUE;
        for (final long expiry : pendingMembers.values()) {
            next = Math.min(next, expiry);
        }
        for (final GroupMember member : members.values()) {
            next = Math.min(next, member.sessionDeadlineMs());
        }
        if (state == GroupState.PREPARING_REBALANCE) {
            next = Math.min(next, joinDeadlineMs);
        } else if (state == GroupState.COMPLETING_REBALANCE) {
            next = Math.min(next, syncDeadlineMs);
        }
        return next;
    }

    void clearPending() {
        pendingMembers.clear();
    }

    /** Joined members plus members that were handed an id but have not joined yet. */
    int size() {
        return members.size() + pendingMembers.size();
    }

    /** Every known member has a parked JoinGroup, and no handed-out id is still outstanding. */
    boolean allMembersJoined() {
        if (!pendingMembers.isEmpty()) {
            return false;
        }
        for (final GroupMember member : members.values()) {
            if (!member.awaitingJoin()) {
                return false;
            }
        }
        return true;
    }

    int maxRebalanceTimeoutMs() {
        int max = 0;
        for (final GroupMember member : members.values()) {
            max = Math.max(max, member.rebalanceTimeoutMs());
        }
        return max;
    }

    /** Protocol names every member supports, in the first member's preference order. */
    Set<String> candidateProtocols() {
        final Set<String> candidates = new LinkedHashSet<>();
        final Iterator<GroupMember> it = members.values().iterator();
        if (!it.hasNext()) {
            return candidates;
        }
        for (final GroupProtocol protocol : it.next().protocols()) {
            candidates.add(protocol.name());
        }
        while (it.hasNext()) {
            final GroupMember member = it.next();
            candidates.removeIf(name -> !member.supports(name));
        }
        return candidates;
    }

    /**
     * Whether a member offering {@code protocols} of {@code type} can join: any non-empty offer
     * for an empty group, else the same type and at least one protocol all members support.
     */
    boolean supportsProtocols(final String type, final List<GroupProtocol> protocols) {
        if (type.isEmpty() || protocols.isEmpty()) {
            return false;
        }
        if (members.isEmpty()) {
            return true;
        }
        if (!type.equals(protocolType)) {
            return false;
        }
        final Set<String> candidates = candidateProtocols();
        for (final GroupProtocol protocol : protocols) {
            if (candidates.contains(protocol.name())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Each member votes for its most preferred protocol among those all members support; the
     * protocol with most votes wins, ties going to the one earlier in the first member's list.
     */
    String selectProtocol() {
        final Set<String> candidates = candidateProtocols();
        final Map<String, Integer> votes = new LinkedHashMap<>();
        for (final String candidate : candidates) {
            votes.put(candidate, 0);
        }
        for (final GroupMember member : members.values()) {
            final String vote = member.vote(candidates);
            if (vote != null) {
                votes.merge(vote, 1, Integer::sum);
            }
        }
        String winner = null;
        int best = -1;
        for (final Map.Entry<String, Integer> entry : votes.entrySet()) {
            if (entry.getValue() > best) {
                winner = entry.getKey();
                best = entry.getValue();
            }
        }
        return winner;
    }
}
