package dev.sluice.broker.handler;

import dev.sluice.broker.group.GroupConfig;
import dev.sluice.broker.group.GroupCoordinator;
import dev.sluice.broker.group.OffsetStore;
import dev.sluice.broker.group.SyncGroupParams;
import dev.sluice.broker.group.TopicPartition;
import dev.sluice.codec.protocol.MessageSchema;
import dev.sluice.codec.protocol.Struct;
import dev.sluice.codec.protocol.message.DescribeGroupsRequestSchema;
import dev.sluice.codec.protocol.message.DescribeGroupsResponseSchema;
import dev.sluice.codec.protocol.message.HeartbeatRequestSchema;
import dev.sluice.codec.protocol.message.HeartbeatResponseSchema;
import dev.sluice.codec.protocol.message.JoinGroupRequestSchema;
import dev.sluice.codec.protocol.message.JoinGroupResponseSchema;
import dev.sluice.codec.protocol.message.LeaveGroupRequestSchema;
import dev.sluice.codec.protocol.message.LeaveGroupResponseSchema;
import dev.sluice.codec.protocol.message.ListGroupsRequestSchema;
import dev.sluice.codec.protocol.message.ListGroupsResponseSchema;
import dev.sluice.codec.protocol.message.OffsetCommitRequestSchema;
import dev.sluice.codec.protocol.message.OffsetCommitResponseSchema;
import dev.sluice.codec.protocol.message.OffsetFetchRequestSchema;
import dev.sluice.codec.protocol.message.OffsetFetchResponseSchema;
import dev.sluice.codec.protocol.message.SyncGroupRequestSchema;
import dev.sluice.codec.protocol.message.SyncGroupResponseSchema;
import org.apache.kafka.common.message.DescribeGroupsRequestData;
import org.apache.kafka.common.message.DescribeGroupsResponseData;
import org.apache.kafka.common.message.HeartbeatRequestData;
import org.apache.kafka.common.message.HeartbeatResponseData;
import org.apache.kafka.common.message.JoinGroupRequestData;
import org.apache.kafka.common.message.JoinGroupResponseData;
import org.apache.kafka.common.message.LeaveGroupRequestData;
import org.apache.kafka.common.message.LeaveGroupResponseData;
import org.apache.kafka.common.message.ListGroupsRequestData;
import org.apache.kafka.common.message.ListGroupsResponseData;
import org.apache.kafka.common.message.OffsetCommitRequestData;
import org.apache.kafka.common.message.OffsetCommitResponseData;
import org.apache.kafka.common.message.OffsetFetchRequestData;
import org.apache.kafka.common.message.OffsetFetchResponseData;
import org.apache.kafka.common.message.SyncGroupRequestData;
import org.apache.kafka.common.message.SyncGroupResponseData;
import org.apache.kafka.common.protocol.ApiMessage;
import org.apache.kafka.common.protocol.ByteBufferAccessor;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.protocol.ObjectSerializationCache;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The group handlers at the wire: requests are written by kafka-clients' own message classes,
 * read by our codec, answered by the handlers over a real coordinator, and the responses read
 * back by kafka-clients.
 */
class GroupHandlersWireTest {

    private static final String GROUP = "wire-group";
    private static final String TOPIC = "events";

    private final GroupCoordinator coordinator = new GroupCoordinator(
            GroupConfig.defaults().withInitialRebalanceDelayMs(0), OffsetStore.inMemory(), Clock.systemUTC());
    private final JoinGroupHandler join = new JoinGroupHandler(coordinator);
    private final SyncGroupHandler sync = new SyncGroupHandler(coordinator);
    private final HeartbeatHandler heartbeat = new HeartbeatHandler(coordinator);
    private final LeaveGroupHandler leave = new LeaveGroupHandler(coordinator);
    private final OffsetCommitHandler commit = new OffsetCommitHandler(coordinator,
            tp -> tp.topic().equals(TOPIC) && tp.partition() < 4);
    private final OffsetFetchHandler fetch = new OffsetFetchHandler(coordinator);
    private final DescribeGroupsHandler describe = new DescribeGroupsHandler(coordinator);
    private final ListGroupsHandler list = new ListGroupsHandler(coordinator);

    @AfterEach
    void close() throws Exception {
        coordinator.close();
    }

    private static Struct read(final MessageSchema schema, final ApiMessage message, final short version) {
        final ObjectSerializationCache cache = new ObjectSerializationCache();
        final ByteBuffer buffer = ByteBuffer.allocate(message.size(cache, version));
        message.write(new ByteBufferAccessor(buffer), cache, version);
        return schema.read(buffer.flip(), version);
    }

    private static <T> T write(final MessageSchema schema, final Struct response, final short version,
                               final Function<ByteBufferAccessor, T> parse) {
        return parse.apply(new ByteBufferAccessor(schema.serialize(response, version)));
    }

    private JoinGroupResponseData join(final JoinGroupRequestData request, final short version) {
        final AtomicReference<Struct> response = new AtomicReference<>();
        join.handle(read(JoinGroupRequestSchema.SCHEMA, request, version), version, "wire-client", "/127.0.0.1", response::set);
        assertNotNull(response.get(), "this join should be answered at once");
        return write(JoinGroupResponseSchema.SCHEMA, response.get(), version, r -> new JoinGroupResponseData(r, version));
    }

    private static JoinGroupRequestData joinRequest(final String memberId) {
        final JoinGroupRequestData.JoinGroupRequestProtocolCollection protocols = new JoinGroupRequestData.JoinGroupRequestProtocolCollection();
        protocols.add(new JoinGroupRequestData.JoinGroupRequestProtocol().setName("range")
                .setMetadata("subscription".getBytes(StandardCharsets.UTF_8)));
        return new JoinGroupRequestData().setGroupId(GROUP).setMemberId(memberId).setSessionTimeoutMs(30_000)
                .setRebalanceTimeoutMs(60_000).setProtocolType("consumer").setProtocols(protocols);
    }

    /** A single-member Stable group via JoinGroup v9 and SyncGroup v5; returns the member id. */
    private String stableMember() {
        final short v9 = 9;
        final JoinGroupResponseData first = join(joinRequest(""), v9);
        assertEquals(Errors.MEMBER_ID_REQUIRED.code(), first.errorCode());
        final JoinGroupResponseData joined = join(joinRequest(first.memberId()), v9);
        assertEquals(Errors.NONE.code(), joined.errorCode());
        assertEquals(first.memberId(), joined.leader());
        assertEquals("range", joined.protocolName());
        assertEquals("consumer", joined.protocolType());
        assertEquals(1, joined.members().size());
        assertArrayEquals("subscription".getBytes(StandardCharsets.UTF_8), joined.members().get(0).metadata());

        final short v5 = 5;
        final SyncGroupRequestData request = new SyncGroupRequestData().setGroupId(GROUP).setGenerationId(joined.generationId())
                .setMemberId(joined.memberId()).setProtocolType("consumer").setProtocolName("range")
                .setAssignments(List.of(new SyncGroupRequestData.SyncGroupRequestAssignment().setMemberId(joined.memberId())
                        .setAssignment(new byte[] {1, 2, 3})));
        final AtomicReference<Struct> response = new AtomicReference<>();
        sync.handle(read(SyncGroupRequestSchema.SCHEMA, request, v5), v5, response::set);
        final SyncGroupResponseData synced = write(SyncGroupResponseSchema.SCHEMA, response.get(), v5,
                r -> new SyncGroupResponseData(r, v5));
        assertEquals(Errors.NONE.code(), synced.errorCode());
        assertArrayEquals(new byte[] {1, 2, 3}, synced.assignment());
        assertEquals("range", synced.protocolName());
        return joined.memberId();
    }

    @Test
    void shouldJoinAndSyncOverTheWireWithKafkaClientsMessages() {
        final String memberId = stableMember();
        final short v4 = 4;
        final HeartbeatRequestData beat = new HeartbeatRequestData().setGroupId(GROUP).setMemberId(memberId).setGenerationId(1);
        final HeartbeatResponseData ok = write(HeartbeatResponseSchema.SCHEMA,
                heartbeat.handle(read(HeartbeatRequestSchema.SCHEMA, beat, v4), v4), v4, r -> new HeartbeatResponseData(r, v4));
        assertEquals(Errors.NONE.code(), ok.errorCode());
        final HeartbeatResponseData stale = write(HeartbeatResponseSchema.SCHEMA,
                heartbeat.handle(read(HeartbeatRequestSchema.SCHEMA, beat.setGenerationId(0), v4), v4), v4,
                r -> new HeartbeatResponseData(r, v4));
        assertEquals(Errors.ILLEGAL_GENERATION.code(), stale.errorCode());
    }

    @Test
    void shouldReportTheClientHostWithoutThePortAsKafkaDoes() {
        assertEquals("/127.0.0.1", JoinGroupHandler.clientHost("127.0.0.1:53412"));
        assertEquals("/0:0:0:0:0:0:0:1", JoinGroupHandler.clientHost("0:0:0:0:0:0:0:1:53412"));
    }

    @Test
    void shouldJoinWithoutMemberIdRoundTripAtVersionZero() {
        final short v0 = 0;
        final JoinGroupResponseData joined = join(joinRequest(""), v0);
        assertEquals(Errors.NONE.code(), joined.errorCode(), "v0 clients cannot handle MEMBER_ID_REQUIRED");
        assertTrue(joined.memberId().startsWith("wire-client-"));
        assertEquals("range", joined.protocolName());
    }

    @Test
    void shouldReportEachLeavingMemberInVersionFiveAndTheOnlyOneInVersionTwo() {
        final String memberId = stableMember();
        final short v5 = 5;
        final LeaveGroupRequestData batch = new LeaveGroupRequestData().setGroupId(GROUP).setMembers(List.of(
                new LeaveGroupRequestData.MemberIdentity().setMemberId(memberId).setReason("bye"),
                new LeaveGroupRequestData.MemberIdentity().setMemberId("stranger")));
        final LeaveGroupResponseData left = write(LeaveGroupResponseSchema.SCHEMA,
                leave.handle(read(LeaveGroupRequestSchema.SCHEMA, batch, v5), v5), v5, r -> new LeaveGroupResponseData(r, v5));
        assertEquals(Errors.NONE.code(), left.errorCode());
        assertEquals(List.of(Errors.NONE.code(), Errors.UNKNOWN_MEMBER_ID.code()),
                left.members().stream().map(LeaveGroupResponseData.MemberResponse::errorCode).toList());

        final short v2 = 2;
        final LeaveGroupRequestData single = new LeaveGroupRequestData().setGroupId(GROUP).setMemberId(memberId);
        final LeaveGroupResponseData again = write(LeaveGroupResponseSchema.SCHEMA,
                leave.handle(read(LeaveGroupRequestSchema.SCHEMA, single, v2), v2), v2, r -> new LeaveGroupResponseData(r, v2));
        assertEquals(Errors.UNKNOWN_MEMBER_ID.code(), again.errorCode());
    }

    @Test
    void shouldAnswerACommitBetweenJoinAndSyncAsKafkaFourDoes() {
        final short v9 = 9;
        final String memberId = join(joinRequest(""), v9).memberId();
        final JoinGroupResponseData joined = join(joinRequest(memberId), v9);
        assertEquals(Errors.NONE.code(), joined.errorCode());

        // Kafka 4.1's ClassicGroup.validateOffsetCommit: member, then generation, then the state.
        assertEquals(Errors.REBALANCE_IN_PROGRESS.code(), commitBeforeSync(memberId, joined.generationId()),
                "the current member before its SyncGroup");
        assertEquals(Errors.ILLEGAL_GENERATION.code(), commitBeforeSync(memberId, joined.generationId() + 1));
        assertEquals(Errors.UNKNOWN_MEMBER_ID.code(), commitBeforeSync("stranger", joined.generationId()));
    }

    private short commitBeforeSync(final String memberId, final int generation) {
        final short v8 = 8;
        final OffsetCommitRequestData request = new OffsetCommitRequestData().setGroupId(GROUP)
                .setGenerationIdOrMemberEpoch(generation).setMemberId(memberId).setTopics(List.of(
                        new OffsetCommitRequestData.OffsetCommitRequestTopic().setName(TOPIC).setPartitions(List.of(
                                new OffsetCommitRequestData.OffsetCommitRequestPartition().setPartitionIndex(0)
                                        .setCommittedOffset(10)))));
        final OffsetCommitResponseData response = write(OffsetCommitResponseSchema.SCHEMA,
                commit.handle(read(OffsetCommitRequestSchema.SCHEMA, request, v8), v8), v8,
                r -> new OffsetCommitResponseData(r, v8));
        return response.topics().get(0).partitions().get(0).errorCode();
    }

    @Test
    void shouldCommitThenFetchOffsetsForSeveralGroupsAndAllPartitions() {
        final String memberId = stableMember();
        final short v8 = 8;
        final OffsetCommitRequestData commitRequest = new OffsetCommitRequestData().setGroupId(GROUP)
                .setGenerationIdOrMemberEpoch(1).setMemberId(memberId).setTopics(List.of(
                        new OffsetCommitRequestData.OffsetCommitRequestTopic().setName(TOPIC).setPartitions(List.of(
                                new OffsetCommitRequestData.OffsetCommitRequestPartition().setPartitionIndex(2)
                                        .setCommittedOffset(20).setCommittedLeaderEpoch(7).setCommittedMetadata("m"),
                                new OffsetCommitRequestData.OffsetCommitRequestPartition().setPartitionIndex(0)
                                        .setCommittedOffset(10),
                                new OffsetCommitRequestData.OffsetCommitRequestPartition().setPartitionIndex(9)
                                        .setCommittedOffset(90)))));
        final OffsetCommitResponseData committed = write(OffsetCommitResponseSchema.SCHEMA,
                commit.handle(read(OffsetCommitRequestSchema.SCHEMA, commitRequest, v8), v8), v8,
                r -> new OffsetCommitResponseData(r, v8));
        assertEquals(List.of(Errors.NONE.code(), Errors.NONE.code(), Errors.UNKNOWN_TOPIC_OR_PARTITION.code()),
                committed.topics().get(0).partitions().stream().map(OffsetCommitResponseData.OffsetCommitResponsePartition::errorCode)
                        .toList());

        final OffsetFetchRequestData fetchRequest = new OffsetFetchRequestData().setGroups(List.of(
                new OffsetFetchRequestData.OffsetFetchRequestGroup().setGroupId(GROUP).setTopics(null),
                new OffsetFetchRequestData.OffsetFetchRequestGroup().setGroupId("other").setTopics(List.of(
                        new OffsetFetchRequestData.OffsetFetchRequestTopics().setName(TOPIC).setPartitionIndexes(List.of(0))))));
        final OffsetFetchResponseData fetched = write(OffsetFetchResponseSchema.SCHEMA,
                fetch.handle(read(OffsetFetchRequestSchema.SCHEMA, fetchRequest, v8), v8), v8,
                r -> new OffsetFetchResponseData(r, v8));
        final List<OffsetFetchResponseData.OffsetFetchResponsePartitions> mine = fetched.groups().get(0).topics().get(0).partitions();
        assertEquals(List.of(0, 2), mine.stream().map(OffsetFetchResponseData.OffsetFetchResponsePartitions::partitionIndex).toList());
        assertEquals(10, mine.get(0).committedOffset());
        assertEquals(20, mine.get(1).committedOffset());
        assertEquals(7, mine.get(1).committedLeaderEpoch());
        assertEquals("m", mine.get(1).metadata());
        assertEquals("other", fetched.groups().get(1).groupId());
        assertEquals(-1, fetched.groups().get(1).topics().get(0).partitions().get(0).committedOffset());

        final short v5 = 5;
        final OffsetFetchRequestData old = new OffsetFetchRequestData().setGroupId(GROUP).setTopics(List.of(
                new OffsetFetchRequestData.OffsetFetchRequestTopic().setName(TOPIC).setPartitionIndexes(List.of(2, 3))));
        final OffsetFetchResponseData single = write(OffsetFetchResponseSchema.SCHEMA,
                fetch.handle(read(OffsetFetchRequestSchema.SCHEMA, old, v5), v5), v5, r -> new OffsetFetchResponseData(r, v5));
        assertEquals(20, single.topics().get(0).partitions().get(0).committedOffset());
        assertEquals(-1, single.topics().get(0).partitions().get(1).committedOffset());
    }

    @Test
    void shouldDescribeAStableGroupAndListItByState() {
        final String memberId = stableMember();
        final short v5 = 5;
        final DescribeGroupsRequestData describeRequest = new DescribeGroupsRequestData().setGroups(List.of(GROUP, "ghost"));
        final DescribeGroupsResponseData described = write(DescribeGroupsResponseSchema.SCHEMA,
                describe.handle(read(DescribeGroupsRequestSchema.SCHEMA, describeRequest, v5), v5), v5,
                r -> new DescribeGroupsResponseData(r, v5));
        final DescribeGroupsResponseData.DescribedGroup group = described.groups().get(0);
        assertEquals("Stable", group.groupState());
        assertEquals("range", group.protocolData());
        assertEquals(memberId, group.members().get(0).memberId());
        assertEquals("wire-client", group.members().get(0).clientId());
        assertArrayEquals(new byte[] {1, 2, 3}, group.members().get(0).memberAssignment());
        assertEquals("Dead", described.groups().get(1).groupState());

        final short v4 = 4;
        final List<String> stable = new ArrayList<>();
        for (final ListGroupsResponseData.ListedGroup listed : listGroups(List.of("stable"), v4).groups()) {
            stable.add(listed.groupId() + "/" + listed.groupState() + "/" + listed.protocolType());
        }
        assertEquals(List.of(GROUP + "/Stable/consumer"), stable);
        assertTrue(listGroups(List.of("Empty"), v4).groups().isEmpty());
        assertTrue(listGroups(List.of("NoSuchState"), v4).groups().isEmpty());
    }

    /**
     * One member's whole life at one JoinGroup version, every other API at the closest version
     * it has: join (with MEMBER_ID_REQUIRED from v4), sync, heartbeat, commit, fetch, describe,
     * list, leave. Each response must be readable by kafka-clients at that version.
     */
    @ParameterizedTest
    @ValueSource(shorts = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9})
    void shouldServeAMembersWholeLifeAtEveryVersion(final short joinVersion) {
        final String group = "life-v" + joinVersion;
        final short syncVersion = (short) Math.min(joinVersion, 5);
        final short heartbeatVersion = (short) Math.min(joinVersion, 4);
        final short leaveVersion = (short) Math.min(joinVersion, 5);
        final short listVersion = (short) Math.min(joinVersion, 5);
        final String instanceId = joinVersion >= 5 ? "instance-" + joinVersion : null;

        final JoinGroupRequestData request = joinRequest("").setGroupId(group).setGroupInstanceId(instanceId);
        JoinGroupResponseData joined = join(request, joinVersion);
        if (joinVersion >= 4 && instanceId == null) {
            assertEquals(Errors.MEMBER_ID_REQUIRED.code(), joined.errorCode());
            joined = join(request.setMemberId(joined.memberId()), joinVersion);
        }
        assertEquals(Errors.NONE.code(), joined.errorCode(), "join v" + joinVersion);
        final String memberId = joined.memberId();
        final int generation = joined.generationId();

        final SyncGroupRequestData syncRequest = new SyncGroupRequestData().setGroupId(group).setGenerationId(generation)
                .setMemberId(memberId).setGroupInstanceId(syncVersion >= 3 ? instanceId : null)
                .setAssignments(List.of(new SyncGroupRequestData.SyncGroupRequestAssignment().setMemberId(memberId)
                        .setAssignment(new byte[] {(byte) joinVersion})));
        final AtomicReference<Struct> synced = new AtomicReference<>();
        sync.handle(read(SyncGroupRequestSchema.SCHEMA, syncRequest, syncVersion), syncVersion, synced::set);
        final SyncGroupResponseData syncResponse = write(SyncGroupResponseSchema.SCHEMA, synced.get(), syncVersion,
                r -> new SyncGroupResponseData(r, syncVersion));
        assertArrayEquals(new byte[] {(byte) joinVersion}, syncResponse.assignment());

        final HeartbeatRequestData beat = new HeartbeatRequestData().setGroupId(group).setMemberId(memberId)
                .setGenerationId(generation).setGroupInstanceId(heartbeatVersion >= 3 ? instanceId : null);
        assertEquals(Errors.NONE.code(), write(HeartbeatResponseSchema.SCHEMA,
                heartbeat.handle(read(HeartbeatRequestSchema.SCHEMA, beat, heartbeatVersion), heartbeatVersion), heartbeatVersion,
                r -> new HeartbeatResponseData(r, heartbeatVersion)).errorCode());

        // kafka-clients 4.x no longer speaks OffsetCommit v0-1 or OffsetFetch v0 (KIP-896).
        for (short version = 2; version <= 9; version++) {
            final short v = version;
            final OffsetCommitRequestData commitRequest = new OffsetCommitRequestData().setGroupId(group)
                    .setGenerationIdOrMemberEpoch(generation).setMemberId(memberId)
                    .setGroupInstanceId(v >= 7 ? instanceId : null)
                    .setTopics(List.of(new OffsetCommitRequestData.OffsetCommitRequestTopic().setName(TOPIC).setPartitions(List.of(
                            new OffsetCommitRequestData.OffsetCommitRequestPartition().setPartitionIndex(1)
                                    .setCommittedOffset(100 + v).setCommittedLeaderEpoch(v >= 6 ? 3 : -1)))));
            final OffsetCommitResponseData committed = write(OffsetCommitResponseSchema.SCHEMA,
                    commit.handle(read(OffsetCommitRequestSchema.SCHEMA, commitRequest, v), v), v, r -> new OffsetCommitResponseData(r, v));
            assertEquals(Errors.NONE.code(), committed.topics().get(0).partitions().get(0).errorCode(), "commit v" + v);

            final OffsetFetchRequestData fetchRequest = v >= 8
                    ? new OffsetFetchRequestData().setGroups(List.of(new OffsetFetchRequestData.OffsetFetchRequestGroup()
                            .setGroupId(group).setTopics(List.of(new OffsetFetchRequestData.OffsetFetchRequestTopics()
                                    .setName(TOPIC).setPartitionIndexes(List.of(1))))))
                    : new OffsetFetchRequestData().setGroupId(group).setTopics(List.of(
                            new OffsetFetchRequestData.OffsetFetchRequestTopic().setName(TOPIC).setPartitionIndexes(List.of(1))));
            final OffsetFetchResponseData fetched = write(OffsetFetchResponseSchema.SCHEMA,
                    fetch.handle(read(OffsetFetchRequestSchema.SCHEMA, fetchRequest, v), v), v, r -> new OffsetFetchResponseData(r, v));
            final long offset = v >= 8 ? fetched.groups().get(0).topics().get(0).partitions().get(0).committedOffset()
                    : fetched.topics().get(0).partitions().get(0).committedOffset();
            assertEquals(100 + v, offset, "fetch v" + v);
        }

        for (short version = 0; version <= 5; version++) {
            final short v = version;
            final DescribeGroupsResponseData described = write(DescribeGroupsResponseSchema.SCHEMA,
                    describe.handle(read(DescribeGroupsRequestSchema.SCHEMA, new DescribeGroupsRequestData().setGroups(List.of(group)), v), v),
                    v, r -> new DescribeGroupsResponseData(r, v));
            assertEquals("Stable", described.groups().get(0).groupState(), "describe v" + v);
            assertEquals(v >= 4 ? instanceId : null, described.groups().get(0).members().get(0).groupInstanceId());
        }
        final ListGroupsRequestData listRequest = new ListGroupsRequestData();
        final ListGroupsResponseData listed = write(ListGroupsResponseSchema.SCHEMA,
                list.handle(read(ListGroupsRequestSchema.SCHEMA, listRequest, listVersion), listVersion), listVersion,
                r -> new ListGroupsResponseData(r, listVersion));
        assertTrue(listed.groups().stream().anyMatch(g -> g.groupId().equals(group)), "list v" + listVersion);

        final LeaveGroupRequestData leaveRequest = leaveVersion >= 3
                ? new LeaveGroupRequestData().setGroupId(group).setMembers(List.of(
                        new LeaveGroupRequestData.MemberIdentity().setMemberId(memberId).setGroupInstanceId(instanceId)))
                : new LeaveGroupRequestData().setGroupId(group).setMemberId(memberId);
        final LeaveGroupResponseData left = write(LeaveGroupResponseSchema.SCHEMA,
                leave.handle(read(LeaveGroupRequestSchema.SCHEMA, leaveRequest, leaveVersion), leaveVersion), leaveVersion,
                r -> new LeaveGroupResponseData(r, leaveVersion));
        assertEquals(Errors.NONE.code(), left.errorCode());
        assertEquals("Empty", coordinator.describeGroup(group).state().displayName());
    }

    @Test
    void shouldLeaveOutAStaticMembersInstanceIdForALeaderOnVersionFour() {
        final short v4 = 4;
        final short v5 = 5;
        final JoinGroupResponseData first = join(joinRequest(""), v4);
        final JoinGroupRequestData leaderRejoin = joinRequest(first.memberId());
        final String leaderId = join(leaderRejoin, v4).memberId();

        final AtomicReference<Struct> staticAnswer = new AtomicReference<>();
        join.handle(read(JoinGroupRequestSchema.SCHEMA, joinRequest("").setGroupInstanceId("static-1"), v5), v5,
                "static-client", "/127.0.0.1", staticAnswer::set);
        final JoinGroupResponseData leaderView = join(leaderRejoin, v4);

        assertEquals(leaderId, leaderView.leader());
        assertEquals(2, leaderView.members().size());
        assertTrue(leaderView.members().stream().allMatch(m -> m.groupInstanceId() == null));
        final JoinGroupResponseData staticView = write(JoinGroupResponseSchema.SCHEMA, staticAnswer.get(), v5,
                r -> new JoinGroupResponseData(r, v5));
        assertEquals(Errors.NONE.code(), staticView.errorCode());
    }

    /**
     * A static leader that restarts into its Stable group keeps the assignment: from JoinGroup v9 it
     * is told so (SkipAssignment) and still sees the members; before v9 it gets no members to assign.
     */
    @ParameterizedTest
    @ValueSource(shorts = {5, 9})
    void shouldTellARestartedStaticLeaderToKeepTheCurrentAssignment(final short version) {
        final JoinGroupResponseData first = join(joinRequest("").setGroupInstanceId("static-1"), version);
        assertEquals(Errors.NONE.code(), first.errorCode());
        coordinator.syncGroup(new SyncGroupParams(GROUP, first.generationId(), first.memberId(), "static-1", "consumer",
                "range", Map.of(first.memberId(), new byte[] {1, 2, 3})), result -> { });

        final JoinGroupResponseData restarted = join(joinRequest("").setGroupInstanceId("static-1"), version);

        assertEquals(Errors.NONE.code(), restarted.errorCode());
        assertEquals(first.generationId(), restarted.generationId(), "no rebalance");
        assertEquals(restarted.memberId(), restarted.leader());
        assertEquals(version >= 9, restarted.skipAssignment());
        assertEquals(version >= 9 ? 1 : 0, restarted.members().size());
    }

    private ListGroupsResponseData listGroups(final List<String> states, final short version) {
        final ListGroupsRequestData request = new ListGroupsRequestData().setStatesFilter(states);
        return write(ListGroupsResponseSchema.SCHEMA, list.handle(read(ListGroupsRequestSchema.SCHEMA, request, version), version),
                version, r -> new ListGroupsResponseData(r, version));
    }
}
