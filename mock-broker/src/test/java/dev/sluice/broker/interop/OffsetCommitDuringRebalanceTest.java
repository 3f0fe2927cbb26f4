package dev.sluice.broker.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sluice.broker.MockBroker;
import dev.sluice.testkit.ApacheKafkaBroker;
import dev.sluice.testkit.WithApacheKafka;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.message.FindCoordinatorRequestData;
import org.apache.kafka.common.message.JoinGroupRequestData;
import org.apache.kafka.common.message.OffsetCommitRequestData;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.requests.AbstractRequest;
import org.apache.kafka.common.requests.AbstractResponse;
import org.apache.kafka.common.requests.FindCoordinatorRequest;
import org.apache.kafka.common.requests.FindCoordinatorResponse;
import org.apache.kafka.common.requests.JoinGroupRequest;
import org.apache.kafka.common.requests.JoinGroupResponse;
import org.apache.kafka.common.requests.OffsetCommitRequest;
import org.apache.kafka.common.requests.OffsetCommitResponse;
import org.apache.kafka.common.requests.RequestHeader;
import org.junit.jupiter.api.Test;

/**
 * An OffsetCommit between a member's JoinGroup and its SyncGroup (the group in CompletingRebalance),
 * sent as raw requests built by kafka-clients' own classes to the Sluice broker and to a real Apache
 * Kafka 4.1 broker: both must answer the current member REBALANCE_IN_PROGRESS, a stale generation
 * ILLEGAL_GENERATION and a stranger UNKNOWN_MEMBER_ID.
 */
@WithApacheKafka
class OffsetCommitDuringRebalanceTest {
    private static final short JOIN_V9 = 9;
    private static final short COMMIT_V8 = 8;

    @Test
    void shouldAnswerCommitsBeforeSyncAsTheSluiceBroker() throws Exception {
        try (MockBroker broker = MockBroker.builder().config("group.initial.rebalance.delay.ms", "0").build().start()) {
            assertEquals(List.of(Errors.REBALANCE_IN_PROGRESS, Errors.ILLEGAL_GENERATION, Errors.UNKNOWN_MEMBER_ID),
                    commitsBeforeSync(broker.bootstrapServers()));
        }
    }

    @Test
    void shouldAnswerCommitsBeforeSyncAsApacheKafka(final ApacheKafkaBroker kafka) throws Exception {
        assertEquals(List.of(Errors.REBALANCE_IN_PROGRESS, Errors.ILLEGAL_GENERATION, Errors.UNKNOWN_MEMBER_ID),
                commitsBeforeSync(kafka.bootstrapServers()));
    }

    /** Joins a new one-member group, then commits as that member, with a stale generation, as a stranger. */
    private static List<Errors> commitsBeforeSync(final String bootstrap) throws Exception {
        final String topic = "commit-" + UUID.randomUUID();
        final String group = "group-" + UUID.randomUUID();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get(60, TimeUnit.SECONDS);
        }
        final String[] hostPort = bootstrap.split(":");
        FindCoordinatorResponse coordinator;
        try (Wire bootstrapWire = new Wire(hostPort[0], Integer.parseInt(hostPort[1]))) {
            // Kafka creates its offsets topic on the first lookup and answers COORDINATOR_NOT_AVAILABLE until then.
            final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            do {
                coordinator = bootstrapWire.call(new FindCoordinatorRequest.Builder(new FindCoordinatorRequestData()
                        .setKeyType((byte) 0).setKey(group)), (short) 3);
            } while (coordinator.error() == Errors.COORDINATOR_NOT_AVAILABLE && System.nanoTime() < deadline
                    && pause());
        }
        assertEquals(Errors.NONE, coordinator.error());
        try (Wire wire = new Wire(coordinator.data().host(), coordinator.data().port())) {
            // A coordinator whose offsets partition was just created answers COORDINATOR_LOAD_IN_PROGRESS until it
            // has loaded it (seen on a loaded machine); kafka-clients retries that, and so does this.
            final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            JoinGroupResponse first;
            do {
                first = wire.call(new JoinGroupRequest.Builder(joinData(group, "")), JOIN_V9);
            } while (first.error() == Errors.COORDINATOR_LOAD_IN_PROGRESS && System.nanoTime() < deadline && pause());
            assertEquals(Errors.MEMBER_ID_REQUIRED, first.error());
            final String memberId = first.data().memberId();
            final JoinGroupResponse joined = wire.call(new JoinGroupRequest.Builder(joinData(group, memberId)), JOIN_V9);
            assertEquals(Errors.NONE, joined.error());
            final int generation = joined.data().generationId();
            return List.of(commit(wire, group, topic, memberId, generation), commit(wire, group, topic, memberId, generation + 1),
                    commit(wire, group, topic, "stranger", generation));
        }
    }

    private static boolean pause() {
        try {
            Thread.sleep(100);
            return true;
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static JoinGroupRequestData joinData(final String group, final String memberId) {
        final JoinGroupRequestData.JoinGroupRequestProtocolCollection protocols =
                new JoinGroupRequestData.JoinGroupRequestProtocolCollection();
        protocols.add(new JoinGroupRequestData.JoinGroupRequestProtocol().setName("range").setMetadata(new byte[0]));
        return new JoinGroupRequestData().setGroupId(group).setMemberId(memberId).setSessionTimeoutMs(30_000)
                .setRebalanceTimeoutMs(60_000).setProtocolType("consumer").setProtocols(protocols);
    }

    private static Errors commit(final Wire wire, final String group, final String topic, final String memberId,
                                 final int generation) throws IOException {
        final OffsetCommitRequestData data = new OffsetCommitRequestData().setGroupId(group).setMemberId(memberId)
                .setGenerationIdOrMemberEpoch(generation).setTopics(List.of(new OffsetCommitRequestData.OffsetCommitRequestTopic()
                        .setName(topic).setPartitions(List.of(new OffsetCommitRequestData.OffsetCommitRequestPartition()
                                .setPartitionIndex(0).setCommittedOffset(1)))));
        final OffsetCommitResponse response = wire.call(OffsetCommitRequest.Builder.forTopicNames(data), COMMIT_V8);
        return Errors.forCode(response.data().topics().get(0).partitions().get(0).errorCode());
    }

    /** One blocking connection speaking requests and responses serialized by kafka-clients. */
    private static final class Wire implements AutoCloseable {
        private final Socket socket;
        private final DataInputStream in;
        private final OutputStream out;
        private int correlationId;

        Wire(final String host, final int port) throws IOException {
            socket = new Socket(host, port);
            socket.setSoTimeout(60_000);
            in = new DataInputStream(socket.getInputStream());
            out = socket.getOutputStream();
        }

        @SuppressWarnings("unchecked")
        <R extends AbstractResponse> R call(final AbstractRequest.Builder<?> builder, final short version) throws IOException {
            final AbstractRequest request = builder.build(version);
            final RequestHeader header = new RequestHeader(request.apiKey(), version, "commit-test", ++correlationId);
            final ByteBuffer body = request.serializeWithHeader(header);
            final byte[] frame = new byte[4 + body.remaining()];
            ByteBuffer.wrap(frame).putInt(body.remaining()).put(body);
            out.write(frame);
            out.flush();
            final byte[] response = new byte[in.readInt()];
            in.readFully(response);
            return (R) AbstractResponse.parseResponse(ByteBuffer.wrap(response), header);
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
