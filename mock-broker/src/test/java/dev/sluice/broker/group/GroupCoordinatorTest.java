package dev.sluice.broker.group;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GroupCoordinatorTest {

    private static final String GROUP = "orders";
    private static final int SESSION_MS = 10_000;
    private static final int REBALANCE_MS = 30_000;

    private final ManualClock clock = new ManualClock(1_700_000_000_000L);
    private GroupCoordinator coordinator = coordinator(GroupConfig.defaults().withInitialRebalanceDelayMs(0));

    private GroupCoordinator coordinator(final GroupConfig config) {
        return new GroupCoordinator(config, OffsetStore.inMemory(), clock);
    }

    @AfterEach
    void close() throws Exception {
        coordinator.close();
    }

    private static byte[] bytes(final String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static JoinGroupParams params(final String memberId, final String instanceId, final String... protocols) {
        final List<GroupProtocol> offered = Arrays.stream(protocols)
                .map(name -> new GroupProtocol(name, bytes(name + ":" + memberId + ":" + instanceId)))
                .toList();
        return new JoinGroupParams(GROUP, memberId, instanceId, "client", "/127.0.0.1", SESSION_MS, REBALANCE_MS,
                "consumer", offered, true);
    }

    private Captured<JoinGroupResult> join(final JoinGroupParams params) {
        final Captured<JoinGroupResult> result = new Captured<>();
        coordinator.joinGroup(params, result);
        return result;
    }

    /** First join of a v4+ client: returns the member id the coordinator hands out. */
    private String memberIdFor(final String... protocols) {
        final JoinGroupResult first = join(params("", null, protocols)).value();
        assertEquals(GroupError.MEMBER_ID_REQUIRED, first.error());
        return first.memberId();
    }

    private Captured<SyncGroupResult> sync(final String memberId, final int generation, final Map<String, byte[]> assignments) {
        final Captured<SyncGroupResult> result = new Captured<>();
        coordinator.syncGroup(new SyncGroupParams(GROUP, generation, memberId, null, "consumer", null, assignments), result);
        return result;
    }

    /** Two members through MEMBER_ID_REQUIRED, join and sync: a Stable group of generation 1. */
    private String[] stableGroupOfTwo() {
        coordinator = replace(GroupConfig.defaults().withInitialRebalanceDelayMs(3_000));
        final String a = memberIdFor("range");
        final String b = memberIdFor("range");
        final Captured<JoinGroupResult> joinA = join(params(a, null, "range"));
        final Captured<JoinGroupResult> joinB = join(params(b, null, "range"));
        clock.advance(3_000);
        coordinator.tick();
        final JoinGroupResult resultA = joinA.value();
        final JoinGroupResult resultB = joinB.value();
        final String leader = resultA.leaderId();
        final String follower = leader.equals(a) ? b : a;
        sync(follower, resultB.generationId(), Map.of());
        sync(leader, resultA.generationId(), Map.of(a, bytes("A"), b, bytes("B")));
        assertEquals(GroupState.STABLE, coordinator.describeGroup(GROUP).state());
        return new String[] {a, b};
    }

    private GroupCoordinator replace(final GroupConfig config) {
        try {
            coordinator.close();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        return coordinator(config);
    }

    @Test
    void shouldPlanTheNextDeadlineFromPendingIdsSessionsAndTheJoinPhase() {
        coordinator = replace(GroupConfig.defaults().withInitialRebalanceDelayMs(3_000));
        final long start = clock.millis();
        assertEquals(Long.MAX_VALUE, coordinator.nextDeadlineMs(), "no group, nothing to time");

        final String a = memberIdFor("range");
        assertEquals(start + SESSION_MS, coordinator.nextDeadlineMs(), "a handed-out id expires after a session");

        clock.advance(100);
        final Captured<JoinGroupResult> joined = join(params(a, null, "range"));
        assertEquals(start + 100 + 3_000, coordinator.nextDeadlineMs(), "the initial delay ends the join phase");

        clock.advance(3_000);
        coordinator.tick();
        final JoinGroupResult result = joined.value();
        assertEquals(start + 3_100 + SESSION_MS, coordinator.nextDeadlineMs(),
                "joined: its session runs (sooner than the rebalance timeout to sync)");

        sync(a, result.generationId(), Map.of(a, bytes("A")));
        clock.advance(1_000);
        assertEquals(GroupError.NONE, coordinator.heartbeat(GROUP, a, null, result.generationId()));
        assertEquals(start + 4_100 + SESSION_MS, coordinator.nextDeadlineMs(), "a heartbeat moves the session on");

        coordinator.leaveGroup(GROUP, List.of(new LeaveGroupResult.Member(a, null)));
        assertEquals(Long.MAX_VALUE, coordinator.nextDeadlineMs(), "an Empty group times nothing");
    }

    @Test
    void shouldRequireMemberIdOnFirstJoinAndAcceptItOnTheSecond() {
        final String memberId = memberIdFor("range");
        assertTrue(memberId.startsWith("client-"), memberId);

        final JoinGroupResult joined = join(params(memberId, null, "range")).value();

        assertEquals(GroupError.NONE, joined.error());
        assertEquals(memberId, joined.memberId());
        assertEquals(1, joined.generationId());
        assertTrue(joined.isLeader());
        assertEquals("range", joined.protocolName());
        assertEquals("consumer", joined.protocolType());
    }

    @Test
    void shouldGiveTheLeaderAllMembersMetadataAndEachMemberItsAssignment() {
        coordinator = replace(GroupConfig.defaults().withInitialRebalanceDelayMs(3_000));
        final String a = memberIdFor("range");
        final String b = memberIdFor("range");
        final Captured<JoinGroupResult> joinA = join(params(a, null, "range"));
        clock.advance(1_000);
        final Captured<JoinGroupResult> joinB = join(params(b, null, "range"));
        coordinator.tick();
        assertFalse(joinA.completed(), "the initial delay parks the first joiner");

        clock.advance(3_000);
        coordinator.tick();

        final JoinGroupResult resultA = joinA.value();
        final JoinGroupResult resultB = joinB.value();
        assertEquals(resultA.generationId(), resultB.generationId());
        assertEquals(a, resultA.leaderId(), "the first member to join leads");
        assertEquals(2, resultA.members().size());
        final Map<String, byte[]> metadata = resultA.members().stream()
                .collect(Collectors.toMap(JoinGroupResult.Member::memberId, JoinGroupResult.Member::metadata));
        assertArrayEquals(bytes("range:" + a + ":null"), metadata.get(a));
        assertArrayEquals(bytes("range:" + b + ":null"), metadata.get(b));
        assertTrue(resultB.members().isEmpty(), "followers do not see the member list");

        final Captured<SyncGroupResult> syncB = sync(b, resultB.generationId(), Map.of());
        assertFalse(syncB.completed(), "a follower waits for the leader's assignments");
        final Captured<SyncGroupResult> syncA = sync(a, resultA.generationId(), Map.of(a, bytes("p0-3"), b, bytes("p4-7")));

        assertArrayEquals(bytes("p0-3"), syncA.value().assignment());
        assertArrayEquals(bytes("p4-7"), syncB.value().assignment());
        assertEquals(GroupError.NONE, syncB.value().error());
        assertEquals(GroupState.STABLE, coordinator.describeGroup(GROUP).state());
    }

    @Test
    void shouldEndTheInitialDelayWithinTheRebalanceTimeoutHoweverManyMembersTrickleIn() {
        coordinator = replace(GroupConfig.defaults().withInitialRebalanceDelayMs(3_000));
        final Captured<JoinGroupResult> first = join(params(memberIdFor("range"), null, "range"));
        // A newcomer every 2.5 s keeps extending the 3 s delay, but never past REBALANCE_MS from the start.
        for (int elapsed = 0; elapsed < REBALANCE_MS && !first.completed(); elapsed += 2_500) {
            clock.advance(2_500);
            join(params(memberIdFor("range"), null, "range"));
            coordinator.tick();
        }
        assertTrue(first.completed(), "the first generation must start within the rebalance timeout");
    }

    @Test
    void shouldRebalanceWhenAThirdMemberJoins() {
        final String[] ab = stableGroupOfTwo();
        final String c = memberIdFor("range");
        final Captured<JoinGroupResult> joinC = join(params(c, null, "range"));
        assertFalse(joinC.completed());
        assertEquals(GroupState.PREPARING_REBALANCE, coordinator.describeGroup(GROUP).state());

        assertEquals(GroupError.REBALANCE_IN_PROGRESS, coordinator.heartbeat(GROUP, ab[0], null, 1));
        final Captured<JoinGroupResult> rejoinA = join(params(ab[0], null, "range"));
        assertFalse(joinC.completed(), "still waiting for the second old member");
        final Captured<JoinGroupResult> rejoinB = join(params(ab[1], null, "range"));

        assertEquals(2, joinC.value().generationId());
        assertEquals(2, rejoinA.value().generationId());
        assertEquals(2, rejoinB.value().generationId());
        assertEquals(3, rejoinA.value().members().size(), "the leader stays leader and sees all three");
        assertEquals(GroupState.COMPLETING_REBALANCE, coordinator.describeGroup(GROUP).state());
    }

    @Test
    void shouldRemoveAMemberThatStopsHeartbeatingAndRebalanceTheRest() {
        final String[] ab = stableGroupOfTwo();
        for (int i = 0; i < 4; i++) {
            clock.advance(SESSION_MS / 4);
            assertEquals(GroupError.NONE, coordinator.heartbeat(GROUP, ab[0], null, 1));
            coordinator.tick();
        }
        assertEquals(GroupError.REBALANCE_IN_PROGRESS, coordinator.heartbeat(GROUP, ab[0], null, 1),
                "the silent member's session expired, so the survivor must rejoin");
        assertEquals(GroupError.UNKNOWN_MEMBER_ID, coordinator.heartbeat(GROUP, ab[1], null, 1));

        final JoinGroupResult rejoined = join(params(ab[0], null, "range")).value();
        assertEquals(2, rejoined.generationId());
        assertEquals(List.of(ab[0]), rejoined.members().stream().map(JoinGroupResult.Member::memberId).toList());
    }

    @Test
    void shouldDropMembersThatDoNotRejoinWithinTheRebalanceTimeout() {
        final String[] ab = stableGroupOfTwo();
        final Captured<JoinGroupResult> rejoinA = join(params(ab[0], null, "range", "roundrobin"));
        assertEquals(GroupState.PREPARING_REBALANCE, coordinator.describeGroup(GROUP).state());
        // b keeps heartbeating but never rejoins.
        for (int i = 0; i < 6; i++) {
            clock.advance(REBALANCE_MS / 6);
            coordinator.heartbeat(GROUP, ab[1], null, 1);
            coordinator.tick();
        }
        assertEquals(List.of(ab[0]), rejoinA.value().members().stream().map(JoinGroupResult.Member::memberId).toList());
        assertEquals(GroupError.UNKNOWN_MEMBER_ID, coordinator.heartbeat(GROUP, ab[1], null, 1));
    }

    @Test
    void shouldRebalanceWhenAMemberLeaves() {
        final String[] ab = stableGroupOfTwo();
        final LeaveGroupResult left = coordinator.leaveGroup(GROUP, List.of(new LeaveGroupResult.Member(ab[1], null)));
        assertEquals(GroupError.NONE, left.members().get(0).error());
        assertEquals(GroupError.REBALANCE_IN_PROGRESS, coordinator.heartbeat(GROUP, ab[0], null, 1));
        final JoinGroupResult rejoined = join(params(ab[0], null, "range")).value();
        assertEquals(2, rejoined.generationId());
        assertEquals(1, rejoined.members().size());
    }

    @Test
    void shouldBecomeEmptyWhenTheLastMembersLeaveInOneBatch() {
        final String[] ab = stableGroupOfTwo();
        final LeaveGroupResult left = coordinator.leaveGroup(GROUP, List.of(
                new LeaveGroupResult.Member(ab[0], null), new LeaveGroupResult.Member(ab[1], null),
                new LeaveGroupResult.Member("nobody", null)));
        assertEquals(List.of(GroupError.NONE, GroupError.NONE, GroupError.UNKNOWN_MEMBER_ID),
                left.members().stream().map(LeaveGroupResult.MemberResult::error).toList());
        final GroupDescription described = coordinator.describeGroup(GROUP);
        assertEquals(GroupState.EMPTY, described.state());
        assertTrue(described.members().isEmpty());
    }

    @Test
    void shouldRejectAStaleGenerationEverywhere() {
        final String[] ab = stableGroupOfTwo();
        join(params(ab[0], null, "range"));
        join(params(ab[1], null, "range"));
        assertEquals(GroupError.ILLEGAL_GENERATION, coordinator.heartbeat(GROUP, ab[0], null, 1));
        assertEquals(GroupError.ILLEGAL_GENERATION, sync(ab[1], 1, Map.of()).value().error());
        final List<OffsetCommitParams.Result> committed = coordinator.commitOffsets(new OffsetCommitParams(GROUP, 1, ab[0], null,
                List.of(new OffsetCommitParams.Entry(new TopicPartition("t", 0), 5, -1, null))));
        assertEquals(GroupError.ILLEGAL_GENERATION, committed.get(0).error(),
                "generation 2 is completing, but the generation is checked first, as in Kafka");
        sync(ab[0], 2, Map.of());
        sync(ab[1], 2, Map.of());
        final List<OffsetCommitParams.Result> stale = coordinator.commitOffsets(new OffsetCommitParams(GROUP, 1, ab[0], null,
                List.of(new OffsetCommitParams.Entry(new TopicPartition("t", 0), 5, -1, null))));
        assertEquals(GroupError.ILLEGAL_GENERATION, stale.get(0).error());
    }

    @Test
    void shouldAnswerACommitOfTheCurrentGenerationBeforeItsSyncWithRebalanceInProgress() {
        final String[] ab = stableGroupOfTwo();
        final Captured<JoinGroupResult> rejoinA = join(params(ab[0], null, "range"));
        join(params(ab[1], null, "range"));
        final int generation = rejoinA.value().generationId();
        assertEquals(GroupState.COMPLETING_REBALANCE, coordinator.describeGroup(GROUP).state());
        final List<OffsetCommitParams.Entry> offsets = List.of(new OffsetCommitParams.Entry(new TopicPartition("t", 0), 5, -1, null));

        assertEquals(GroupError.REBALANCE_IN_PROGRESS,
                coordinator.commitOffsets(new OffsetCommitParams(GROUP, generation, ab[0], null, offsets)).get(0).error(),
                "a member of the new generation that has not synced");
        assertEquals(GroupError.UNKNOWN_MEMBER_ID,
                coordinator.commitOffsets(new OffsetCommitParams(GROUP, generation, "stranger", null, offsets)).get(0).error());
        assertEquals(GroupError.UNKNOWN_MEMBER_ID,
                coordinator.commitOffsets(new OffsetCommitParams(GROUP, -1, "", null, offsets)).get(0).error(),
                "a simple commit into a group that has members");
        assertTrue(coordinator.fetchOffsets(GROUP, null).partitions().isEmpty(), "nothing was stored");
    }

    @Test
    void shouldAnswerFollowersWithRebalanceInProgressWhenTheLeaderNeverSyncs() {
        final String[] ab = stableGroupOfTwo();
        final Captured<JoinGroupResult> rejoinA = join(params(ab[0], null, "range"));
        final Captured<JoinGroupResult> rejoinB = join(params(ab[1], null, "range"));
        final String leader = rejoinA.value().leaderId();
        final String follower = leader.equals(ab[0]) ? ab[1] : ab[0];
        final Captured<SyncGroupResult> followerSync = sync(follower, 2, Map.of());
        assertTrue(rejoinB.completed());

        clock.advance(REBALANCE_MS);
        coordinator.tick();

        assertEquals(GroupError.REBALANCE_IN_PROGRESS, followerSync.value().error());
        assertEquals(GroupError.UNKNOWN_MEMBER_ID, coordinator.heartbeat(GROUP, leader, null, 2),
                "the leader that never synced is removed");
    }

    @Test
    void shouldRepeatTheCurrentGenerationToAFollowerThatRejoinsUnchanged() {
        final String[] ab = stableGroupOfTwo();
        final String leader = coordinator.describeGroup(GROUP).members().get(0).memberId();
        final String follower = leader.equals(ab[0]) ? ab[1] : ab[0];
        final JoinGroupResult again = join(params(follower, null, "range")).value();
        assertEquals(1, again.generationId());
        assertEquals(GroupState.STABLE, coordinator.describeGroup(GROUP).state());
    }

    @Test
    void shouldRejectSessionTimeoutsOutsideTheConfiguredBounds() {
        coordinator = replace(GroupConfig.defaults().withInitialRebalanceDelayMs(0).withSessionTimeoutBoundsMs(6_000, 60_000));
        for (final int timeout : new int[] {5_999, 60_001}) {
            final JoinGroupParams p = new JoinGroupParams(GROUP, "", null, "c", "h", timeout, REBALANCE_MS, "consumer",
                    List.of(new GroupProtocol("range", new byte[0])), true);
            assertEquals(GroupError.INVALID_SESSION_TIMEOUT, join(p).value().error());
        }
    }

    @Test
    void shouldRefuseMembersBeyondTheMaximumGroupSize() {
        coordinator = replace(GroupConfig.defaults().withInitialRebalanceDelayMs(0).withMaxSize(2));
        memberIdFor("range");
        memberIdFor("range");
        assertEquals(GroupError.GROUP_MAX_SIZE_REACHED, join(params("", null, "range")).value().error());
    }

    @Test
    void shouldRejectAnEmptyGroupId() {
        final JoinGroupParams p = new JoinGroupParams("", "", null, "c", "h", SESSION_MS, REBALANCE_MS, "consumer",
                List.of(new GroupProtocol("range", new byte[0])), true);
        assertEquals(GroupError.INVALID_GROUP_ID, join(p).value().error());
    }

    @Test
    void shouldRejectAMemberWithNoProtocolInCommon() {
        final String a = memberIdFor("range");
        join(params(a, null, "range"));
        final String b = memberIdFor("range");
        final JoinGroupParams sticky = params(b, null, "sticky");
        assertEquals(GroupError.INCONSISTENT_GROUP_PROTOCOL, join(sticky).value().error());
        final JoinGroupParams otherType = new JoinGroupParams(GROUP, "", null, "c", "h", SESSION_MS, REBALANCE_MS, "connect",
                List.of(new GroupProtocol("range", new byte[0])), false);
        assertEquals(GroupError.INCONSISTENT_GROUP_PROTOCOL, join(otherType).value().error());
    }

    @Test
    void shouldPickTheProtocolAllMembersSupportByPreference() {
        coordinator = replace(GroupConfig.defaults().withInitialRebalanceDelayMs(1_000));
        final String a = memberIdFor("cooperative-sticky", "range", "roundrobin");
        final String b = memberIdFor("roundrobin", "range");
        final String c = memberIdFor("range", "roundrobin");
        final Captured<JoinGroupResult> joinA = join(params(a, null, "cooperative-sticky", "range", "roundrobin"));
        join(params(b, null, "roundrobin", "range"));
        join(params(c, null, "range", "roundrobin"));
        clock.advance(1_000);
        coordinator.tick();
        // candidates {range, roundrobin}; votes: a->range, b->roundrobin, c->range
        assertEquals("range", joinA.value().protocolName());
        assertArrayEquals(bytes("range:" + b + ":null"), joinA.value().members().stream()
                .filter(m -> m.memberId().equals(b)).findFirst().orElseThrow().metadata(),
                "the leader gets each member's metadata for the chosen protocol");
    }

    @Test
    void shouldForgetHandedOutMemberIdsThatNeverJoin() {
        final String unused = memberIdFor("range");
        clock.advance(SESSION_MS);
        coordinator.tick();
        assertEquals(GroupError.UNKNOWN_MEMBER_ID, join(params(unused, null, "range")).value().error());
    }

    @Test
    void shouldNotRebalanceAStableGroupWhenAnUnusedMemberIdExpiresOrLeaves() {
        final String[] ab = stableGroupOfTwo();
        final String expiring = memberIdFor("range");
        final String leaving = memberIdFor("range");
        coordinator.leaveGroup(GROUP, List.of(new LeaveGroupResult.Member(leaving, null)));
        for (int i = 0; i < 4; i++) {
            clock.advance(SESSION_MS / 4);
            coordinator.heartbeat(GROUP, ab[0], null, 1);
            coordinator.heartbeat(GROUP, ab[1], null, 1);
            coordinator.tick();
        }
        assertEquals(GroupError.UNKNOWN_MEMBER_ID, join(params(expiring, null, "range")).value().error(), "the id expired");
        assertEquals(GroupState.STABLE, coordinator.describeGroup(GROUP).state());
        assertEquals(GroupError.NONE, coordinator.heartbeat(GROUP, ab[0], null, 1));
    }

    @Test
    void shouldStopWaitingForAHandedOutIdThatExpires() {
        final String a = memberIdFor("range");
        memberIdFor("range");
        final Captured<JoinGroupResult> joinA = join(params(a, null, "range"));
        assertFalse(joinA.completed(), "the join phase waits for the id handed out to the second member");

        clock.advance(SESSION_MS);
        coordinator.tick();

        assertEquals(List.of(a), joinA.value().members().stream().map(JoinGroupResult.Member::memberId).toList());
    }

    @Test
    void shouldFenceTheOldIncarnationOfAStaticMember() {
        final JoinGroupResult first = join(params("", "instance-1", "range")).value();
        assertEquals(GroupError.NONE, first.error(), "static members skip MEMBER_ID_REQUIRED");
        sync(first.memberId(), first.generationId(), Map.of(first.memberId(), bytes("all")));

        final JoinGroupResult restarted = join(params("", "instance-1", "range")).value();

        assertNotEquals(first.memberId(), restarted.memberId());
        assertEquals(GroupError.FENCED_INSTANCE_ID,
                coordinator.heartbeat(GROUP, first.memberId(), "instance-1", first.generationId()));
        final LeaveGroupResult stale = coordinator.leaveGroup(GROUP,
                List.of(new LeaveGroupResult.Member(first.memberId(), "instance-1")));
        assertEquals(GroupError.FENCED_INSTANCE_ID, stale.members().get(0).error());
        final LeaveGroupResult byInstance = coordinator.leaveGroup(GROUP, List.of(new LeaveGroupResult.Member("", "instance-1")));
        assertEquals(GroupError.NONE, byInstance.members().get(0).error());
        assertEquals(GroupState.EMPTY, coordinator.describeGroup(GROUP).state());
    }

    @Test
    void shouldHandARestartedStaticMemberItsAssignmentWithoutARebalance() {
        final JoinGroupResult first = join(params("", "instance-1", "range")).value();
        final Captured<JoinGroupResult> secondJoin = join(params("", "instance-2", "range"));
        final JoinGroupResult firstAgain = join(params(first.memberId(), "instance-1", "range")).value();
        final JoinGroupResult second = secondJoin.value();
        final int generation = firstAgain.generationId();
        sync(second.memberId(), generation, Map.of());
        final String leader = firstAgain.leaderId();
        sync(leader, generation, Map.of(first.memberId(), bytes("A"), second.memberId(), bytes("B")));
        assertEquals(GroupState.STABLE, coordinator.describeGroup(GROUP).state());

        final JoinGroupResult restarted = join(params("", "instance-1", "range")).value();

        assertEquals(GroupError.NONE, restarted.error());
        assertNotEquals(first.memberId(), restarted.memberId());
        assertEquals(generation, restarted.generationId(), "no rebalance");
        assertEquals(GroupState.STABLE, coordinator.describeGroup(GROUP).state());
        final boolean wasLeader = leader.equals(first.memberId());
        assertEquals(wasLeader, restarted.isLeader(), "leadership moves with the instance");
        assertEquals(wasLeader, restarted.skipAssignment(), "a leader keeps the assignment it made");
        assertArrayEquals(bytes("A"), sync(restarted.memberId(), generation, Map.of()).value().assignment());
        assertEquals(GroupError.NONE, coordinator.heartbeat(GROUP, second.memberId(), "instance-2", generation));
        assertEquals(GroupError.FENCED_INSTANCE_ID,
                coordinator.heartbeat(GROUP, first.memberId(), "instance-1", generation));
    }

    @Test
    void shouldRebalanceWhenARestartedStaticMemberOffersOtherProtocols() {
        final JoinGroupResult first = join(params("", "instance-1", "range", "roundrobin")).value();
        assertEquals("range", first.protocolName());
        sync(first.memberId(), first.generationId(), Map.of(first.memberId(), bytes("all")));

        final JoinGroupResult restarted = join(params("", "instance-1", "roundrobin")).value();

        assertEquals(GroupError.NONE, restarted.error());
        assertEquals(first.generationId() + 1, restarted.generationId());
        assertEquals("roundrobin", restarted.protocolName());
        assertFalse(restarted.skipAssignment());
    }

    @Test
    void shouldCommitAndFetchOffsetsForAGroupMember() {
        final String[] ab = stableGroupOfTwo();
        final TopicPartition p0 = new TopicPartition("orders", 0);
        final TopicPartition p1 = new TopicPartition("orders", 1);
        final List<OffsetCommitParams.Result> results = coordinator.commitOffsets(new OffsetCommitParams(GROUP, 1, ab[0], null,
                List.of(new OffsetCommitParams.Entry(p1, 42, 3, "meta"), new OffsetCommitParams.Entry(p0, 7, -1, null))));
        assertEquals(List.of(GroupError.NONE, GroupError.NONE), results.stream().map(OffsetCommitParams.Result::error).toList());

        final OffsetFetchResult all = coordinator.fetchOffsets(GROUP, null);
        assertEquals(List.of(p0, p1), all.partitions().stream().map(OffsetFetchResult.PartitionOffset::partition).toList());
        assertEquals(7, all.partitions().get(0).offset());
        assertEquals("", all.partitions().get(0).metadata());
        assertEquals(42, all.partitions().get(1).offset());
        assertEquals(3, all.partitions().get(1).leaderEpoch());
        assertEquals("meta", all.partitions().get(1).metadata());

        final TopicPartition never = new TopicPartition("orders", 2);
        final OffsetFetchResult some = coordinator.fetchOffsets(GROUP, List.of(never, p1));
        assertEquals(-1, some.partitions().get(0).offset());
        assertEquals(42, some.partitions().get(1).offset());
    }

    @Test
    void shouldAcceptSimpleCommitsOnlyWhileTheGroupHasNoMembers() {
        final TopicPartition p0 = new TopicPartition("t", 0);
        final OffsetCommitParams simple = new OffsetCommitParams("assigners", -1, "", null,
                List.of(new OffsetCommitParams.Entry(p0, 10, -1, null)));
        assertEquals(GroupError.NONE, coordinator.commitOffsets(simple).get(0).error());
        assertEquals(10, coordinator.fetchOffsets("assigners", List.of(p0)).partitions().get(0).offset());
        assertEquals(List.of(new GroupListing("assigners", "", GroupState.EMPTY)), coordinator.listGroups(Set.of()));

        stableGroupOfTwo();
        final OffsetCommitParams intruder = new OffsetCommitParams(GROUP, -1, "", null,
                List.of(new OffsetCommitParams.Entry(p0, 10, -1, null)));
        assertEquals(GroupError.UNKNOWN_MEMBER_ID, coordinator.commitOffsets(intruder).get(0).error());
    }

    @Test
    void shouldRejectACommitForAGroupIdTooLongToStore() {
        final String longId = "g".repeat(Short.MAX_VALUE + 1);
        final List<OffsetCommitParams.Result> results = coordinator.commitOffsets(new OffsetCommitParams(longId, -1, "", null,
                List.of(new OffsetCommitParams.Entry(new TopicPartition("t", 0), 1, -1, null))));
        assertEquals(GroupError.INVALID_GROUP_ID, results.get(0).error());
    }

    @Test
    void shouldRejectOversizedMetadataPerPartition() {
        coordinator = replace(GroupConfig.defaults().withOffsetMetadataMaxBytes(4));
        final TopicPartition ok = new TopicPartition("t", 0);
        final TopicPartition big = new TopicPartition("t", 1);
        final List<OffsetCommitParams.Result> results = coordinator.commitOffsets(new OffsetCommitParams(GROUP, -1, "", null,
                List.of(new OffsetCommitParams.Entry(ok, 1, -1, "abcd"), new OffsetCommitParams.Entry(big, 1, -1, "abcdé"))));
        assertEquals(GroupError.NONE, results.get(0).error());
        assertEquals(GroupError.OFFSET_METADATA_TOO_LARGE, results.get(1).error());
        assertEquals(-1, coordinator.fetchOffsets(GROUP, List.of(big)).partitions().get(0).offset());
    }

    @Test
    void shouldDescribeAndListGroupsByState() {
        final String[] ab = stableGroupOfTwo();
        coordinator.commitOffsets(new OffsetCommitParams("idle", -1, "", null,
                List.of(new OffsetCommitParams.Entry(new TopicPartition("t", 0), 1, -1, null))));

        final GroupDescription described = coordinator.describeGroup(GROUP);
        assertEquals("consumer", described.protocolType());
        assertEquals("range", described.protocolName());
        final Map<String, byte[]> assignments = new HashMap<>();
        described.members().forEach(m -> assignments.put(m.memberId(), m.assignment()));
        assertArrayEquals(bytes("A"), assignments.get(ab[0]));
        assertArrayEquals(bytes("B"), assignments.get(ab[1]));
        assertFalse(coordinator.describeGroup("missing").exists());
        assertEquals(GroupState.DEAD, coordinator.describeGroup("missing").state());

        assertEquals(List.of("idle", GROUP), coordinator.listGroups(Set.of()).stream().map(GroupListing::groupId).toList());
        assertEquals(List.of(new GroupListing(GROUP, "consumer", GroupState.STABLE)),
                coordinator.listGroups(Set.of(GroupState.STABLE)));
        assertEquals(List.of("idle"), coordinator.listGroups(Set.of(GroupState.EMPTY)).stream().map(GroupListing::groupId).toList());
    }
}
