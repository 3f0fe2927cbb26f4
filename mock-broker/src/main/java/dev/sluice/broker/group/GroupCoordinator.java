package dev.sluice.broker.group;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * The classic consumer-group coordinator: membership, rebalances and committed offsets of every
 * group on this broker.
 *
 * <p><b>Threads.</b> Every method may be called from any thread; one lock guards all groups (a
 * mock broker has few groups and the work under the lock is tiny). JoinGroup and SyncGroup answers
 * may be parked: the callback then runs later, on the thread of the call or {@link #tick()} that
 * completes the rebalance, never while the lock is held, so callbacks may enqueue responses
 * freely. Nothing here blocks.
 *
 * <p><b>Time.</b> All deadlines (initial rebalance delay, rebalance timeout, sync timeout, session
 * timeouts, handed-out member ids) come from the injected clock and are enforced by
 * {@link #tick()}, which the broker's {@link GroupTimer} calls when {@link #nextDeadlineMs()} comes
 * (and tests call when they move their clock).
 *
 * <p><b>Durability.</b> Membership lives in memory only (members rejoin after a restart); offsets
 * go to the {@link OffsetStore}. Groups that have offsets are recreated as Empty on start.
 */
public final class GroupCoordinator implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(GroupCoordinator.class);

    private final GroupConfig config;
    private final OffsetStore offsets;
    private final Clock clock;
    private final ReentrantLock lock = new ReentrantLock();
    private final Map<String, ClassicGroup> groups = new HashMap<>();
    /** Told after every call that may have set an earlier deadline; see {@link #onDeadlinesChanged}. */
    private volatile Runnable deadlinesChanged = () -> { };

    /** @param offsets owned by the coordinator from now on: closed by {@link #close()} */
    public GroupCoordinator(final GroupConfig config, final OffsetStore offsets, final Clock clock) {
        this.config = Objects.requireNonNull(config, "config");
        this.offsets = Objects.requireNonNull(offsets, "offsets");
        this.clock = Objects.requireNonNull(clock, "clock");
        for (final String groupId : offsets.groupIds()) {
            groups.put(groupId, new ClassicGroup(groupId));
        }
    }

    // ---------------------------------------------------------------- JoinGroup

    /**
     * Joins (or rejoins) a member. {@code callback} runs exactly once: at once for errors and for
     * rejoins that change nothing, otherwise when the rebalance's join phase completes.
     */
    public void joinGroup(final JoinGroupParams params, final Consumer<JoinGroupResult> callback) {
        final List<Runnable> completions = new ArrayList<>();
        lock.lock();
        try {
            join(params, callback, clock.millis(), completions);
        } finally {
            lock.unlock();
        }
        runAll(completions);
        deadlinesChanged.run();
    }

    private void join(final JoinGroupParams p, final Consumer<JoinGroupResult> callback, final long now,
                      final List<Runnable> completions) {
        if (p.groupId().isEmpty()) {
            reply(completions, callback, JoinGroupResult.failed(GroupError.INVALID_GROUP_ID, p.memberId()));
            return;
        }
        if (p.sessionTimeoutMs() < config.minSessionTimeoutMs() || p.sessionTimeoutMs() > config.maxSessionTimeoutMs()) {
            reply(completions, callback, JoinGroupResult.failed(GroupError.INVALID_SESSION_TIMEOUT, p.memberId()));
            return;
        }
        ClassicGroup group = groups.get(p.groupId());
        if (group == null) {
            if (!p.memberId().isEmpty()) {
                reply(completions, callback, JoinGroupResult.failed(GroupError.UNKNOWN_MEMBER_ID, p.memberId()));
                return;
            }
            group = new ClassicGroup(p.groupId());
            groups.put(p.groupId(), group);
        }
        if (group.state() == GroupState.DEAD) {
            reply(completions, callback, JoinGroupResult.failed(GroupError.COORDINATOR_NOT_AVAILABLE, p.memberId()));
            return;
        }
        if (!group.supportsProtocols(p.protocolType(), p.protocols())) {
            reply(completions, callback, JoinGroupResult.failed(GroupError.INCONSISTENT_GROUP_PROTOCOL, p.memberId()));
            return;
        }
        if (p.memberId().isEmpty()) {
            joinNewMember(group, p, callback, now, completions);
        } else {
            joinKnownMember(group, p, callback, now, completions);
        }
    }

    private void joinNewMember(final ClassicGroup group, final JoinGroupParams p, final Consumer<JoinGroupResult> callback,
                               final long now, final List<Runnable> completions) {
        final String replacedStatic = p.groupInstanceId() == null ? null : group.staticMemberId(p.groupInstanceId());
        if (replacedStatic == null && group.size() >= config.maxSize()) {
            reply(completions, callback, JoinGroupResult.failed(GroupError.GROUP_MAX_SIZE_REACHED, ""));
            return;
        }
        final String memberId = (p.clientId().isEmpty() ? "member" : p.clientId()) + "-" + UUID.randomUUID();
        if (replacedStatic != null && group.state() == GroupState.STABLE) {
            replaceStaticMember(group, group.member(replacedStatic), memberId, p, callback, now, completions);
        } else if (replacedStatic != null) {
            // A static member restarted while the group is between generations: fence the old
            // incarnation and let the rebalance under way include the new one.
            removeMember(group, group.member(replacedStatic), GroupError.FENCED_INSTANCE_ID, completions);
            addMemberAndRebalance(group, memberId, p, callback, now, completions);
        } else if (p.groupInstanceId() == null && p.requireKnownMemberId()) {
            // KIP-394: hand out the id first so that a client that times out and retries does
            // not leave an orphan member behind.
            group.addPending(memberId, now + p.sessionTimeoutMs());
            reply(completions, callback, JoinGroupResult.failed(GroupError.MEMBER_ID_REQUIRED, memberId));
        } else {
            addMemberAndRebalance(group, memberId, p, callback, now, completions);
        }
    }

    private void joinKnownMember(final ClassicGroup group, final JoinGroupParams p, final Consumer<JoinGroupResult> callback,
                                 final long now, final List<Runnable> completions) {
        final String memberId = p.memberId();
        if (group.isPending(memberId)) {
            addMemberAndRebalance(group, memberId, p, callback, now, completions);
            return;
        }
        final GroupError fenced = checkStaticMember(group, memberId, p.groupInstanceId());
        if (fenced != GroupError.NONE) {
            reply(completions, callback, JoinGroupResult.failed(fenced, memberId));
            return;
        }
        final GroupMember member = group.member(memberId);
        if (member == null) {
            reply(completions, callback, JoinGroupResult.failed(GroupError.UNKNOWN_MEMBER_ID, memberId));
            return;
        }
        switch (group.state()) {
            case PREPARING_REBALANCE -> {
                parkJoin(member, p, callback, now, completions);
                tryCompleteJoin(group, now, completions);
            }
            case COMPLETING_REBALANCE, STABLE -> {
                // A follower that rejoins without changes only lost our answer: repeat it. The
                // leader rejoining means it wants to reassign (e.g. topic metadata changed).
                final boolean leaderInStable = group.state() == GroupState.STABLE && group.isLeader(memberId);
                if (member.sameProtocols(p.protocols()) && !leaderInStable) {
                    member.heartbeat(now);
                    reply(completions, callback, currentGeneration(group, member));
                } else {
                    parkJoin(member, p, callback, now, completions);
                    prepareRebalance(group, now, "member " + memberId + " rejoined", completions);
                    tryCompleteJoin(group, now, completions);
                }
            }
            default -> reply(completions, callback, JoinGroupResult.failed(GroupError.UNKNOWN_MEMBER_ID, memberId));
        }
    }

    /**
     * KIP-345: a static member restarted (new member id, same group.instance.id) in a Stable group
     * takes over its old incarnation's place and assignment, fencing the old one. If the group would
     * still select the same protocol, there is no rebalance, so a rolling restart does not stop the
     * other members; a leader is told to skip assigning (KIP-814) since the assignment stands. The
     * subscription bytes may differ (a restarted consumer owns no partitions yet): as in Kafka, only a
     * change of the selected protocol makes the group rebalance.
     */
    private void replaceStaticMember(final ClassicGroup group, final GroupMember old, final String memberId,
                                     final JoinGroupParams p, final Consumer<JoinGroupResult> callback, final long now,
                                     final List<Runnable> completions) {
        final GroupMember member = new GroupMember(memberId, p, now);
        member.assignment(old.assignment());
        group.replaceStatic(old, member);
        failPending(old, GroupError.FENCED_INSTANCE_ID, completions);
        if (!group.selectProtocol().equals(group.protocolName())) {
            member.parkJoin(callback);
            prepareRebalance(group, now, "static member " + p.groupInstanceId() + " rejoined with other protocols",
                    completions);
            tryCompleteJoin(group, now, completions);
            return;
        }
        LOG.debug("Group {}: static member {} rejoined as {} (was {}), generation {} kept", group.groupId(),
                p.groupInstanceId(), memberId, old.memberId(), group.generationId());
        final JoinGroupResult current = currentGeneration(group, member);
        reply(completions, callback, current.isLeader() ? current.skippingAssignment() : current);
    }

    private void addMemberAndRebalance(final ClassicGroup group, final String memberId, final JoinGroupParams p,
                                       final Consumer<JoinGroupResult> callback, final long now,
                                       final List<Runnable> completions) {
        final GroupMember member = new GroupMember(memberId, p, now);
        member.parkJoin(callback);
        group.add(member);
        if (group.state() == GroupState.PREPARING_REBALANCE) {
            if (group.initialDelayActive) {
                // Each newcomer buys the others another delay, but the whole wait stays within the
                // rebalance timeout counted from the first join, so a trickle cannot stall it.
                group.joinDeadlineMs = Math.min(now + config.initialRebalanceDelayMs(), group.initialDelayLimitMs);
            }
        } else {
            prepareRebalance(group, now, "member " + memberId + " joined", completions);
        }
        tryCompleteJoin(group, now, completions);
    }

    private static void parkJoin(final GroupMember member, final JoinGroupParams p, final Consumer<JoinGroupResult> callback,
                                 final long now, final List<Runnable> completions) {
        member.update(p, now);
        final Consumer<JoinGroupResult> superseded = member.parkJoin(callback);
        if (superseded != null) {
            reply(completions, superseded, JoinGroupResult.failed(GroupError.REBALANCE_IN_PROGRESS, member.memberId()));
        }
    }

    private void prepareRebalance(final ClassicGroup group, final long now, final String reason, final List<Runnable> completions) {
        if (group.state() == GroupState.COMPLETING_REBALANCE) {
            failPendingSyncs(group, GroupError.REBALANCE_IN_PROGRESS, completions);
        }
        final boolean fromEmpty = group.state() == GroupState.EMPTY;
        group.state(GroupState.PREPARING_REBALANCE);
        final int rebalanceTimeoutMs = group.maxRebalanceTimeoutMs();
        group.initialDelayActive = fromEmpty && config.initialRebalanceDelayMs() > 0;
        if (group.initialDelayActive) {
            group.initialDelayLimitMs = now + rebalanceTimeoutMs;
            group.joinDeadlineMs = Math.min(now + config.initialRebalanceDelayMs(), group.initialDelayLimitMs);
        } else {
            group.joinDeadlineMs = now + rebalanceTimeoutMs;
        }
        LOG.debug("Group {} generation {} preparing rebalance: {}", group.groupId(), group.generationId(), reason);
    }

    private void tryCompleteJoin(final ClassicGroup group, final long now, final List<Runnable> completions) {
        if (group.state() != GroupState.PREPARING_REBALANCE) {
            return;
        }
        final boolean due = now >= group.joinDeadlineMs;
        if (due || (!group.initialDelayActive && group.allMembersJoined())) {
            completeJoin(group, now, completions);
        }
    }

    /** Ends the join phase: drops members that did not rejoin, starts the next generation. */
    private void completeJoin(final ClassicGroup group, final long now, final List<Runnable> completions) {
        for (final GroupMember member : group.membersSnapshot()) {
            if (!member.awaitingJoin()) {
                LOG.debug("Group {}: member {} did not rejoin in time, removing it", group.groupId(), member.memberId());
                removeMember(group, member, GroupError.UNKNOWN_MEMBER_ID, completions);
            }
        }
        group.clearPending();
        group.initialDelayActive = false;
        group.nextGeneration();
        if (!group.hasMembers()) {
            group.state(GroupState.EMPTY);
            group.protocolName(null);
            group.leaderId(null);
            LOG.debug("Group {} is empty at generation {}", group.groupId(), group.generationId());
            return;
        }
        final GroupMember first = group.members().iterator().next();
        group.protocolType(first.protocolType());
        group.protocolName(group.selectProtocol());
        if (group.leaderId() == null || group.member(group.leaderId()) == null) {
            group.leaderId(first.memberId());
        }
        group.state(GroupState.COMPLETING_REBALANCE);
        group.syncDeadlineMs = now + group.maxRebalanceTimeoutMs();
        for (final GroupMember member : group.members()) {
            member.assignment(SyncGroupResult.NO_ASSIGNMENT);
            member.heartbeat(now);
            reply(completions, member.takePendingJoin(), currentGeneration(group, member));
        }
        LOG.debug("Group {} generation {} with {} members, protocol {}, leader {}", group.groupId(), group.generationId(),
                group.members().size(), group.protocolName(), group.leaderId());
    }

    private static JoinGroupResult currentGeneration(final ClassicGroup group, final GroupMember member) {
        final List<JoinGroupResult.Member> members = new ArrayList<>();
        if (group.isLeader(member.memberId())) {
            for (final GroupMember m : group.members()) {
                members.add(new JoinGroupResult.Member(m.memberId(), m.groupInstanceId(), m.metadata(group.protocolName())));
            }
        }
        return new JoinGroupResult(GroupError.NONE, group.generationId(), group.protocolType(), group.protocolName(),
                group.leaderId(), member.memberId(), members, false);
    }

    // ---------------------------------------------------------------- SyncGroup

    /**
     * Delivers the leader's assignments or waits for them. {@code callback} runs exactly once:
     * at once in Stable or on error, otherwise when the leader syncs or the rebalance restarts.
     */
    public void syncGroup(final SyncGroupParams params, final Consumer<SyncGroupResult> callback) {
        final List<Runnable> completions = new ArrayList<>();
        lock.lock();
        try {
            sync(params, callback, clock.millis(), completions);
        } finally {
            lock.unlock();
        }
        runAll(completions);
        deadlinesChanged.run();
    }

    private void sync(final SyncGroupParams p, final Consumer<SyncGroupResult> callback, final long now,
                      final List<Runnable> completions) {
        final ClassicGroup group = groups.get(p.groupId());
        final GroupError error = checkMember(group, p.memberId(), p.groupInstanceId(), p.generationId());
        if (error != GroupError.NONE) {
            reply(completions, callback, SyncGroupResult.failed(error));
            return;
        }
        if ((p.protocolType() != null && !p.protocolType().equals(group.protocolType()))
                || (p.protocolName() != null && !p.protocolName().equals(group.protocolName()))) {
            reply(completions, callback, SyncGroupResult.failed(GroupError.INCONSISTENT_GROUP_PROTOCOL));
            return;
        }
        final GroupMember member = group.member(p.memberId());
        switch (group.state()) {
            case PREPARING_REBALANCE -> reply(completions, callback, SyncGroupResult.failed(GroupError.REBALANCE_IN_PROGRESS));
            case COMPLETING_REBALANCE -> {
                member.heartbeat(now);
                final Consumer<SyncGroupResult> superseded = member.parkSync(callback);
                if (superseded != null) {
                    reply(completions, superseded, SyncGroupResult.failed(GroupError.REBALANCE_IN_PROGRESS));
                }
                if (group.isLeader(p.memberId())) {
                    for (final GroupMember m : group.members()) {
                        m.assignment(p.assignments().getOrDefault(m.memberId(), SyncGroupResult.NO_ASSIGNMENT));
                    }
                    group.state(GroupState.STABLE);
                    for (final GroupMember m : group.members()) {
                        final Consumer<SyncGroupResult> waiting = m.takePendingSync();
                        if (waiting != null) {
                            reply(completions, waiting, assignmentOf(group, m));
                        }
                    }
                    LOG.debug("Group {} generation {} is stable", group.groupId(), group.generationId());
                }
            }
            case STABLE -> {
                member.heartbeat(now);
                reply(completions, callback, assignmentOf(group, member));
            }
            default -> reply(completions, callback, SyncGroupResult.failed(GroupError.UNKNOWN_MEMBER_ID));
        }
    }

    private static SyncGroupResult assignmentOf(final ClassicGroup group, final GroupMember member) {
        return new SyncGroupResult(GroupError.NONE, group.protocolType(), group.protocolName(), member.assignment());
    }

    private static void failPendingSyncs(final ClassicGroup group, final GroupError error, final List<Runnable> completions) {
        for (final GroupMember member : group.members()) {
            final Consumer<SyncGroupResult> waiting = member.takePendingSync();
            if (waiting != null) {
                reply(completions, waiting, SyncGroupResult.failed(error));
            }
        }
    }

    // ---------------------------------------------------------------- Heartbeat

    /**
     * Keeps a member alive. REBALANCE_IN_PROGRESS tells it to rejoin.
     */
    public GroupError heartbeat(final String groupId, final String memberId, final String groupInstanceId,
                                final int generationId) {
        lock.lock();
        try {
            final ClassicGroup group = groups.get(groupId);
            final GroupError error = checkMember(group, memberId, groupInstanceId, generationId);
            if (error != GroupError.NONE) {
                return error;
            }
            group.member(memberId).heartbeat(clock.millis());
            return group.state() == GroupState.PREPARING_REBALANCE ? GroupError.REBALANCE_IN_PROGRESS : GroupError.NONE;
        } finally {
            lock.unlock();
        }
    }

    /** The checks SyncGroup, Heartbeat and member OffsetCommits share, in Kafka's order. */
    private static GroupError checkMember(final ClassicGroup group, final String memberId, final String groupInstanceId,
                                          final int generationId) {
        if (group == null) {
            return GroupError.UNKNOWN_MEMBER_ID;
        }
        if (group.state() == GroupState.DEAD) {
            return GroupError.COORDINATOR_NOT_AVAILABLE;
        }
        final GroupError fenced = checkStaticMember(group, memberId, groupInstanceId);
        if (fenced != GroupError.NONE) {
            return fenced;
        }
        if (group.member(memberId) == null) {
            return GroupError.UNKNOWN_MEMBER_ID;
        }
        if (generationId != group.generationId()) {
            return GroupError.ILLEGAL_GENERATION;
        }
        return GroupError.NONE;
    }

    /** A static instance id held by another member id means this caller is a stale incarnation. */
    private static GroupError checkStaticMember(final ClassicGroup group, final String memberId, final String groupInstanceId) {
        if (groupInstanceId == null) {
            return GroupError.NONE;
        }
        final String holder = group.staticMemberId(groupInstanceId);
        if (holder == null) {
            return GroupError.UNKNOWN_MEMBER_ID;
        }
        return holder.equals(memberId) ? GroupError.NONE : GroupError.FENCED_INSTANCE_ID;
    }

    // ---------------------------------------------------------------- LeaveGroup

    /** Removes members (v3+ may name several); the group rebalances if anyone actually left. */
    public LeaveGroupResult leaveGroup(final String groupId, final List<LeaveGroupResult.Member> leaving) {
        final List<Runnable> completions = new ArrayList<>();
        final LeaveGroupResult result;
        lock.lock();
        try {
            result = leave(groupId, leaving, clock.millis(), completions);
        } finally {
            lock.unlock();
        }
        runAll(completions);
        deadlinesChanged.run();
        return result;
    }

    private LeaveGroupResult leave(final String groupId, final List<LeaveGroupResult.Member> leaving, final long now,
                                   final List<Runnable> completions) {
        final ClassicGroup group = groups.get(groupId);
        if (group != null && group.state() == GroupState.DEAD) {
            return new LeaveGroupResult(GroupError.COORDINATOR_NOT_AVAILABLE, List.of());
        }
        final List<LeaveGroupResult.MemberResult> results = new ArrayList<>();
        boolean membersLeft = false;
        boolean pendingLeft = false;
        for (final LeaveGroupResult.Member m : leaving) {
            final String memberId = m.memberId() == null ? "" : m.memberId();
            GroupError error = GroupError.NONE;
            if (group == null) {
                error = GroupError.UNKNOWN_MEMBER_ID;
            } else if (m.groupInstanceId() != null) {
                final String holder = group.staticMemberId(m.groupInstanceId());
                if (holder == null) {
                    error = GroupError.UNKNOWN_MEMBER_ID;
                } else if (!memberId.isEmpty() && !memberId.equals(holder)) {
                    error = GroupError.FENCED_INSTANCE_ID;
                } else {
                    removeMember(group, group.member(holder), GroupError.UNKNOWN_MEMBER_ID, completions);
                    membersLeft = true;
                }
            } else if (group.removePending(memberId)) {
                pendingLeft = true;
            } else if (group.member(memberId) != null) {
                removeMember(group, group.member(memberId), GroupError.UNKNOWN_MEMBER_ID, completions);
                membersLeft = true;
            } else {
                error = GroupError.UNKNOWN_MEMBER_ID;
            }
            results.add(new LeaveGroupResult.MemberResult(memberId, m.groupInstanceId(), error));
        }
        if (membersLeft) {
            membersRemoved(group, now, "members left", completions);
        } else if (pendingLeft) {
            // An id that never joined holds no partitions: the only effect is that a join phase
            // waiting for it may now be complete.
            tryCompleteJoin(group, now, completions);
        }
        return new LeaveGroupResult(GroupError.NONE, results);
    }

    /** Takes the member out and fails whatever it is waiting for. Does not change the group state. */
    private static void removeMember(final ClassicGroup group, final GroupMember member, final GroupError error,
                                     final List<Runnable> completions) {
        group.remove(member);
        failPending(member, error, completions);
    }

    /** Answers {@code member}'s parked JoinGroup and SyncGroup, if any, with {@code error}. */
    private static void failPending(final GroupMember member, final GroupError error, final List<Runnable> completions) {
        final Consumer<JoinGroupResult> join = member.takePendingJoin();
        if (join != null) {
            reply(completions, join, JoinGroupResult.failed(error, member.memberId()));
        }
        final Consumer<SyncGroupResult> sync = member.takePendingSync();
        if (sync != null) {
            reply(completions, sync, SyncGroupResult.failed(error));
        }
    }

    /** After members are gone the survivors must rebalance (or the join phase may now be complete). */
    private void membersRemoved(final ClassicGroup group, final long now, final String reason, final List<Runnable> completions) {
        switch (group.state()) {
            case STABLE, COMPLETING_REBALANCE -> {
                prepareRebalance(group, now, reason, completions);
                tryCompleteJoin(group, now, completions);
            }
            case PREPARING_REBALANCE -> tryCompleteJoin(group, now, completions);
            default -> {
            }
        }
    }

    // ---------------------------------------------------------------- timers

    /**
     * Enforces every deadline that has passed by now: session timeouts, handed-out member ids
     * not used, members not rejoining or syncing within the rebalance timeout, and the initial
     * rebalance delay. Call it periodically from any one thread.
     */
    public void tick() {
        final List<Runnable> completions = new ArrayList<>();
        lock.lock();
        try {
            final long now = clock.millis();
            for (final ClassicGroup group : groups.values()) {
                tick(group, now, completions);
            }
        } finally {
            lock.unlock();
        }
        runAll(completions);
    }

    /**
     * The earliest time (ms, this coordinator's clock) at which {@link #tick()} would have anything
     * to enforce, {@link Long#MAX_VALUE} if nothing is pending. Only JoinGroup, SyncGroup and
     * LeaveGroup can make it earlier (a heartbeat or commit only moves a session deadline later), and
     * each of them tells the {@link #onDeadlinesChanged} listener afterwards, so a timer may sleep
     * until this time instead of polling.
     */
    public long nextDeadlineMs() {
        lock.lock();
        try {
            long next = Long.MAX_VALUE;
            for (final ClassicGroup group : groups.values()) {
                next = Math.min(next, group.nextDeadlineMs());
            }
            return next;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Sets what to run (on the calling thread, without the lock held) after every JoinGroup, SyncGroup
     * and LeaveGroup, the calls that may set a deadline earlier than {@link #nextDeadlineMs()} was
     * before: {@link GroupTimer} uses it to wake up and re-plan. Must be cheap and must not block.
     */
    public void onDeadlinesChanged(final Runnable listener) {
        this.deadlinesChanged = Objects.requireNonNull(listener, "listener");
    }

    private void tick(final ClassicGroup group, final long now, final List<Runnable> completions) {
        // Expired handed-out ids hold no partitions; tryCompleteJoin below covers a join phase
        // that was waiting for them.
        group.expirePending(now);
        boolean removed = false;
        for (final GroupMember member : group.membersSnapshot()) {
            if (member.sessionExpired(now)) {
                LOG.debug("Group {}: member {} session expired", group.groupId(), member.memberId());
                removeMember(group, member, GroupError.UNKNOWN_MEMBER_ID, completions);
                removed = true;
            }
        }
        if (group.state() == GroupState.COMPLETING_REBALANCE && now >= group.syncDeadlineMs) {
            for (final GroupMember member : group.membersSnapshot()) {
                if (!member.awaitingSync()) {
                    LOG.debug("Group {}: member {} did not sync in time", group.groupId(), member.memberId());
                    removeMember(group, member, GroupError.UNKNOWN_MEMBER_ID, completions);
                    removed = true;
                }
            }
        }
        if (removed) {
            membersRemoved(group, now, "members expired", completions);
        }
        tryCompleteJoin(group, now, completions);
    }

    // ---------------------------------------------------------------- offsets

    /**
     * Commits offsets. Group members commit with their generation; {@code assign()} users commit
     * with generation -1 and no member id, which only an Empty (or new) group accepts.
     *
     * @return one result per requested partition, in request order
     */
    public List<OffsetCommitParams.Result> commitOffsets(final OffsetCommitParams p) {
        lock.lock();
        try {
            return commit(p, clock.millis());
        } finally {
            lock.unlock();
        }
    }

    private List<OffsetCommitParams.Result> commit(final OffsetCommitParams p, final long now) {
        final GroupError groupError = checkCommit(p, now);
        final List<OffsetCommitParams.Result> results = new ArrayList<>(p.offsets().size());
        if (groupError != GroupError.NONE) {
            for (final OffsetCommitParams.Entry e : p.offsets()) {
                results.add(new OffsetCommitParams.Result(e.partition(), groupError));
            }
            return results;
        }
        final Map<TopicPartition, OffsetAndMetadata> accepted = new LinkedHashMap<>();
        for (final OffsetCommitParams.Entry e : p.offsets()) {
            if (e.metadata() != null && e.metadata().getBytes(StandardCharsets.UTF_8).length > config.offsetMetadataMaxBytes()) {
                results.add(new OffsetCommitParams.Result(e.partition(), GroupError.OFFSET_METADATA_TOO_LARGE));
            } else {
                accepted.put(e.partition(), new OffsetAndMetadata(e.offset(), e.leaderEpoch(), e.metadata(), now));
                results.add(new OffsetCommitParams.Result(e.partition(), GroupError.NONE));
            }
        }
        try {
            offsets.commit(p.groupId(), accepted);
        } catch (IOException | RuntimeException e) {
            LOG.error("Group {}: could not store committed offsets", p.groupId(), e);
            results.replaceAll(r -> r.error() == GroupError.NONE
                    ? new OffsetCommitParams.Result(r.partition(), GroupError.UNKNOWN_SERVER_ERROR) : r);
        }
        return results;
    }

    private GroupError checkCommit(final OffsetCommitParams p, final long now) {
        // Flexible versions allow group ids longer than the offsets file's int16 length prefix.
        if (p.groupId().isEmpty() || p.groupId().getBytes(StandardCharsets.UTF_8).length > Short.MAX_VALUE) {
            return GroupError.INVALID_GROUP_ID;
        }
        ClassicGroup group = groups.get(p.groupId());
        if (group == null) {
            if (p.generationId() >= 0) {
                return GroupError.ILLEGAL_GENERATION;
            }
            group = new ClassicGroup(p.groupId());
            groups.put(p.groupId(), group);
            return GroupError.NONE;
        }
        if (group.state() == GroupState.DEAD) {
            return GroupError.COORDINATOR_NOT_AVAILABLE;
        }
        if (p.generationId() < 0 && group.state() == GroupState.EMPTY) {
            return GroupError.NONE;
        }
        final GroupError fenced = checkStaticMember(group, p.memberId(), p.groupInstanceId());
        if (fenced != GroupError.NONE) {
            return fenced;
        }
        final GroupMember member = group.member(p.memberId());
        if (member == null) {
            return GroupError.UNKNOWN_MEMBER_ID;
        }
        if (p.generationId() != group.generationId()) {
            return GroupError.ILLEGAL_GENERATION;
        }
        if (group.state() == GroupState.COMPLETING_REBALANCE) {
            // A member of the new generation that has not synced yet: its assignment is about to be
            // handed out, so committing now could clobber the new owner's position. Checked after
            // member and generation, in Kafka's order: a stranger or a stale generation hears that
            // instead, and only a current member is told to finish the rebalance and retry.
            return GroupError.REBALANCE_IN_PROGRESS;
        }
        member.heartbeat(now);
        return GroupError.NONE;
    }

    /**
     * The group's committed offsets: of {@code partitions}, or of every partition it has
     * committed when {@code partitions} is null. Unknown groups simply have no offsets.
     */
    public OffsetFetchResult fetchOffsets(final String groupId, final List<TopicPartition> partitions) {
        lock.lock();
        try {
            final List<OffsetFetchResult.PartitionOffset> result = new ArrayList<>();
            if (partitions == null) {
                final List<Map.Entry<TopicPartition, OffsetAndMetadata>> all = new ArrayList<>(offsets.offsets(groupId).entrySet());
                all.sort(Map.Entry.comparingByKey());
                for (final Map.Entry<TopicPartition, OffsetAndMetadata> e : all) {
                    result.add(committed(e.getKey(), e.getValue()));
                }
            } else {
                for (final TopicPartition partition : partitions) {
                    result.add(committed(partition, offsets.offset(groupId, partition)));
                }
            }
            return new OffsetFetchResult(GroupError.NONE, result);
        } finally {
            lock.unlock();
        }
    }

    private static OffsetFetchResult.PartitionOffset committed(final TopicPartition partition, final OffsetAndMetadata offset) {
        if (offset == null) {
            return new OffsetFetchResult.PartitionOffset(partition, -1L, -1, "", GroupError.NONE);
        }
        return new OffsetFetchResult.PartitionOffset(partition, offset.offset(), offset.leaderEpoch(),
                offset.metadata() == null ? "" : offset.metadata(), GroupError.NONE);
    }

    /**
     * Forgets every group's committed offsets of a topic that was deleted, so a topic created
     * later under the same name starts fresh, as in Kafka. Failures are logged: the offsets then
     * linger, which costs a consumer an out-of-range reset, not data.
     */
    public void deleteOffsets(final String topic) {
        lock.lock();
        try {
            if (offsets.deleteTopic(topic)) {
                LOG.info("Dropped committed offsets of deleted topic {}", topic);
            }
        } catch (IOException | RuntimeException e) {
            LOG.error("Could not drop committed offsets of deleted topic {}", topic, e);
        } finally {
            lock.unlock();
        }
    }

    // ---------------------------------------------------------------- describe / list

    /** A snapshot of the group; unknown ids are described as Dead with {@code exists == false}. */
    public GroupDescription describeGroup(final String groupId) {
        lock.lock();
        try {
            final ClassicGroup group = groups.get(groupId);
            if (group == null) {
                return new GroupDescription(groupId, false, GroupState.DEAD, "", "", List.of());
            }
            final boolean stable = group.state() == GroupState.STABLE;
            final List<GroupDescription.Member> members = new ArrayList<>();
            for (final GroupMember m : group.members()) {
                members.add(new GroupDescription.Member(m.memberId(), m.groupInstanceId(), m.clientId(), m.clientHost(),
                        stable ? m.metadata(group.protocolName()) : SyncGroupResult.NO_ASSIGNMENT,
                        stable ? m.assignment() : SyncGroupResult.NO_ASSIGNMENT));
            }
            return new GroupDescription(groupId, true, group.state(),
                    group.protocolType() == null ? "" : group.protocolType(),
                    stable ? group.protocolName() : "", members);
        } finally {
            lock.unlock();
        }
    }

    /** Every group, optionally only those in {@code states} (empty set: all), ordered by id. */
    public List<GroupListing> listGroups(final Set<GroupState> states) {
        lock.lock();
        try {
            final List<GroupListing> listings = new ArrayList<>();
            for (final ClassicGroup group : groups.values()) {
                if (group.state() != GroupState.DEAD && (states.isEmpty() || states.contains(group.state()))) {
                    listings.add(new GroupListing(group.groupId(), group.protocolType() == null ? "" : group.protocolType(),
                            group.state()));
                }
            }
            listings.sort(Comparator.comparing(GroupListing::groupId));
            return listings;
        } finally {
            lock.unlock();
        }
    }

    // ---------------------------------------------------------------- plumbing

    private static <T> void reply(final List<Runnable> completions, final Consumer<T> callback, final T result) {
        completions.add(() -> callback.accept(result));
    }

    private static void runAll(final List<Runnable> completions) {
        for (final Runnable completion : completions) {
            try {
                completion.run();
            } catch (RuntimeException e) {
                LOG.error("A group response callback failed", e);
            }
        }
    }

    /** Closes the offset store (forcing it to disk). Parked callbacks are not answered. */
    @Override
    public void close() throws IOException {
        lock.lock();
        try {
            offsets.close();
        } finally {
            lock.unlock();
        }
    }
}
