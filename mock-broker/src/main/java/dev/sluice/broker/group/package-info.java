/**
 * The consumer-group coordinator of the classic protocol (JoinGroup / SyncGroup / Heartbeat /
 * LeaveGroup), with committed offsets that survive restarts.
 *
 * <h2>Shape</h2>
 * {@link dev.sluice.broker.group.GroupCoordinator} is plain Java: no wire types, no sockets. The
 * handlers in {@code dev.sluice.broker.handler} translate requests into its calls and its results
 * back into responses. Each group is a {@code ClassicGroup} moving through
 * {@link dev.sluice.broker.group.GroupState}: Empty, PreparingRebalance (JoinGroup answers parked
 * until every member rejoined, the rebalance timeout ran out, or the initial delay passed),
 * CompletingRebalance (the leader got every member's metadata as opaque bytes and computes the
 * assignment client-side; followers' SyncGroup answers parked until it syncs), Stable.
 *
 * <h2>Threads and time</h2>
 * One lock guards every group; nothing under it blocks or runs user code. Parked answers are
 * callbacks run after the lock is released, on the thread whose call completed the rebalance (a
 * network thread) or on the {@link dev.sluice.broker.group.GroupTimer} thread, which sleeps until the
 * next deadline and then runs {@code tick()} to enforce every deadline from the injected clock: the
 * initial rebalance delay, rebalance and sync timeouts, member session timeouts, and member ids handed out with
 * MEMBER_ID_REQUIRED that never came back.
 *
 * <h2>Behaviour worth knowing (mirrors Kafka unless noted)</h2>
 * <ul>
 *   <li>JoinGroup v4+ first join: MEMBER_ID_REQUIRED with the id to use; a pending id counts
 *       towards {@code group.max.size} and holds the rebalance until it joins or expires.</li>
 *   <li>Protocol selection: among protocols every member offers, each member votes for its
 *       favourite; most votes wins, ties go to the first member's preference order.</li>
 *   <li>Static members ({@code group.instance.id}, KIP-345) skip MEMBER_ID_REQUIRED; a new
 *       incarnation fences the old member id (FENCED_INSTANCE_ID). In a Stable group it takes over the
 *       old one's place, leadership and assignment without a rebalance unless the group's selected
 *       protocol would change; a new leader is told to skip assigning (SkipAssignment, JoinGroup v9;
 *       older versions get an empty member list, as from Kafka). During a rebalance it simply joins
 *       that rebalance.</li>
 *   <li>OffsetCommit: checked as Kafka 4.1 checks it, member first (UNKNOWN_MEMBER_ID), then
 *       generation (ILLEGAL_GENERATION), then state: commits during PreparingRebalance are allowed,
 *       a current member's commit during CompletingRebalance (after its JoinGroup, before SyncGroup)
 *       gets REBALANCE_IN_PROGRESS; generation -1 commits are accepted only while the group has no
 *       members.</li>
 *   <li>Deleting a topic drops every group's offsets of it (a topic-deleted frame in the file),
 *       so a topic recreated under the same name starts fresh.</li>
 *   <li>Membership is memory only; after a restart members get UNKNOWN_MEMBER_ID and rejoin.
 *       Groups that have offsets come back as Empty.</li>
 *   <li>Not implemented: the new consumer protocol (ConsumerGroupHeartbeat), DeleteGroups,
 *       OffsetDelete, offset retention, transactional offsets.</li>
 * </ul>
 *
 * <h2>Offsets on disk</h2>
 * {@link dev.sluice.broker.group.OffsetStore}: one append-only file of CRC32C frames, one frame per
 * commit request or topic deletion, replayed on open with a torn or corrupt tail cut off, compacted by atomic
 * rewrite when mostly superseded. Page-cache durability like the partition logs; fsync on close
 * and compaction.
 */
package dev.sluice.broker.group;
