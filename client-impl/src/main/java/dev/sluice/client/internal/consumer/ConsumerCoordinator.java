package dev.sluice.client.internal.consumer;

import dev.sluice.client.TopicPartition;
import dev.sluice.client.consumer.AssignmentStrategy;
import dev.sluice.client.consumer.ConsumerConfig;
import dev.sluice.client.consumer.ConsumerRebalanceListener;
import dev.sluice.client.consumer.ConsumerRecord;
import dev.sluice.client.consumer.OffsetAndMetadata;
import dev.sluice.client.consumer.OffsetCommitCallback;
import dev.sluice.client.errors.CommitFailedException;
import dev.sluice.client.errors.RebalanceInProgressException;
import dev.sluice.client.errors.SluiceException;
import dev.sluice.client.errors.TimeoutException;
import dev.sluice.client.internal.metadata.BrokerNode;
import dev.sluice.client.internal.metadata.Metadata;
import dev.sluice.client.internal.network.ClientResponse;
import dev.sluice.client.internal.network.ErrorMapping;
import dev.sluice.client.internal.network.NetworkClient;
import dev.sluice.client.internal.util.Time;
import dev.sluice.codec.protocol.ApiKeys;
import dev.sluice.codec.protocol.ConsumerProtocol;
import dev.sluice.codec.protocol.Errors;
import dev.sluice.codec.protocol.Struct;
import dev.sluice.codec.protocol.message.ConsumerProtocolAssignmentSchema;
import dev.sluice.codec.protocol.message.ConsumerProtocolSubscriptionSchema;
import dev.sluice.codec.protocol.message.FindCoordinatorRequestSchema;
import dev.sluice.codec.protocol.message.FindCoordinatorResponseSchema;
import dev.sluice.codec.protocol.message.HeartbeatRequestSchema;
import dev.sluice.codec.protocol.message.HeartbeatResponseSchema;
import dev.sluice.codec.protocol.message.JoinGroupRequestSchema;
import dev.sluice.codec.protocol.message.JoinGroupResponseSchema;
import dev.sluice.codec.protocol.message.LeaveGroupRequestSchema;
import dev.sluice.codec.protocol.message.OffsetCommitRequestSchema;
import dev.sluice.codec.protocol.message.OffsetCommitResponseSchema;
import dev.sluice.codec.protocol.message.OffsetFetchRequestSchema;
import dev.sluice.codec.protocol.message.OffsetFetchResponseSchema;
import dev.sluice.codec.protocol.message.SyncGroupRequestSchema;
import dev.sluice.codec.protocol.message.SyncGroupResponseSchema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Membership of a consumer group over the classic protocol (FindCoordinator, JoinGroup, SyncGroup,
 * Heartbeat, LeaveGroup) and offset storage (OffsetCommit, OffsetFetch).
 *
 * <p>Threads: the application thread drives joins, applies assignments and runs the rebalance
 * listener and commit callbacks inside {@code poll}; a heartbeat thread keeps the membership alive
 * between polls and leaves the group when {@code max.poll.interval.ms} passes without a poll. Both
 * touch the network and this state only while holding the {@link NetworkClient}'s monitor, which
 * is the consumer's single lock; response handlers run under it too, on whichever thread polled.
 */
public final class ConsumerCoordinator {
    private static final Logger LOG = LoggerFactory.getLogger(ConsumerCoordinator.class);
    private static final String PROTOCOL_TYPE = "consumer";
    private static final short SUBSCRIPTION_VERSION = 3;
    private static final short ASSIGNMENT_VERSION = 3;
    /** Versions whose request shapes this class builds: newer ones batch groups or keys into arrays. */
    private static final short MAX_FIND_COORDINATOR_VERSION = 3;
    private static final short MAX_OFFSET_FETCH_VERSION = 7;
    private static final int UNKNOWN_GENERATION = -1;
    private static final String UNKNOWN_MEMBER = "";
    private static final long HEARTBEAT_THREAD_TICK_MS = 50;

    private enum State { UNJOINED, JOINING, SYNCING, STABLE }

    private final String groupId;
    private final String clientId;
    private final NetworkClient client;
    private final Metadata metadata;
    private final SubscriptionState subscriptions;
    private final Time time;
    private final int sessionTimeoutMs;
    private final int heartbeatIntervalMs;
    private final int rebalanceTimeoutMs;
    private final int requestTimeoutMs;
    private final long retryBackoffMs;
    private final boolean autoCommit;
    private final long autoCommitIntervalMs;
    private final List<PartitionAssignor> assignors = new ArrayList<>();
    private final boolean cooperative;
    private final Object lock;
    private final ArrayDeque<Runnable> pendingCallbacks = new ArrayDeque<>();

    private Set<String> subscribedTopics = Set.of();
    private ConsumerRebalanceListener listener;
    private int coordinatorId = NetworkClient.NO_NODE;
    private boolean findInFlight;
    private long findRetryAtMs;
    private State state = State.UNJOINED;
    private boolean needsRejoin;
    private boolean partitionsLost;
    private String memberId = UNKNOWN_MEMBER;
    private int generation = UNKNOWN_GENERATION;
    private String protocolName;
    private long joinRetryAtMs;
    private Map<String, PartitionAssignor.Subscription> leaderMembers;
    /**
     * As leader: the partition count of every topic the current generation's assignment covered;
     * null when this member did not assign it. A count that changes (partitions added) makes the
     * leader rejoin so that the new partitions get an owner, as kafka-clients' leader does.
     */
    private Map<String, Integer> assignedPartitionCounts;
    private List<TopicPartition> pendingAssignment;
    private boolean heartbeatInFlight;
    private long lastHeartbeatSentMs;
    private volatile long lastPollMs;
    private long nextAutoCommitMs;
    private boolean offsetFetchInFlight;
    private final Set<TopicPartition> noCommittedOffset = new HashSet<>();
    private Thread heartbeatThread;
    private volatile boolean closing;

    public ConsumerCoordinator(final ConsumerConfig config, final String clientId, final NetworkClient client,
                               final Metadata metadata, final SubscriptionState subscriptions, final Time time) {
        this.groupId = config.groupId();
        this.clientId = clientId;
        this.client = client;
        this.lock = client;
        this.metadata = metadata;
        this.subscriptions = subscriptions;
        this.time = time;
        this.sessionTimeoutMs = config.intValue(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG);
        this.heartbeatIntervalMs = config.intValue(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG);
        this.rebalanceTimeoutMs = config.intValue(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG);
        this.requestTimeoutMs = config.intValue(ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG);
        this.retryBackoffMs = config.longValue(ConsumerConfig.RETRY_BACKOFF_MS_CONFIG);
        this.autoCommit = config.autoCommitEnabled();
        this.autoCommitIntervalMs = config.intValue(ConsumerConfig.AUTO_COMMIT_INTERVAL_MS_CONFIG);
        boolean allCooperative = true;
        for (final AssignmentStrategy strategy : config.assignmentStrategies()) {
            assignors.add(PartitionAssignor.forName(strategy.protocolName()));
            allCooperative &= strategy.cooperative();
        }
        // As in kafka-clients: cooperative rebalancing only when every configured assignor supports it.
        this.cooperative = allCooperative;
        this.lastPollMs = time.milliseconds();
        this.nextAutoCommitMs = lastPollMs + autoCommitIntervalMs;
    }

    // ---------------------------------------------------------------- subscription

    public boolean hasSubscription() {
        return !subscribedTopics.isEmpty();
    }

    public Set<String> subscription() {
        return Set.copyOf(subscribedTopics);
    }

    /** Caller holds the lock. A changed topic set makes the member rejoin at the next poll. */
    public void subscribe(final Set<String> topics, final ConsumerRebalanceListener listener) {
        if (!topics.equals(subscribedTopics)) {
            needsRejoin = true;
        }
        this.subscribedTopics = Set.copyOf(topics);
        this.listener = listener;
    }

    /** Revokes everything and leaves the group. Caller holds the lock (application thread). */
    public void unsubscribe(final long nowMs) {
        revokeAll();
        maybeLeaveGroup("the consumer unsubscribed");
        subscribedTopics = Set.of();
        needsRejoin = false;
    }

    // ---------------------------------------------------------------- poll (application thread, lock held)

    /**
     * Advances membership without blocking: finds the coordinator, (re)joins, applies a new
     * assignment (running the listener), sends heartbeats and auto-commits, runs commit callbacks.
     */
    public void poll(final long nowMs, final long deadlineMs) {
        lastPollMs = nowMs;
        runCallbacks();
        if (partitionsLost) {
            partitionsLost = false;
            final Set<TopicPartition> lost = subscriptions.assignment();
            if (!lost.isEmpty() && hasSubscription()) {
                LOG.info("[{}] Lost partitions {}", clientId, lost);
                subscriptions.assign(List.of());
                if (listener != null) {
                    listener.onPartitionsLost(lost);
                }
            }
        }
        if (pendingAssignment != null) {
            applyAssignment(pendingAssignment);
            pendingAssignment = null;
        }
        if (!ensureCoordinator(nowMs)) {
            return;
        }
        if (hasSubscription()) {
            startHeartbeatThread();
            if (state == State.STABLE && !needsRejoin && assignedPartitionCountsChanged()) {
                LOG.info("[{}] Partition counts of the assigned topics changed since {}; rejoining", clientId,
                    assignedPartitionCounts);
                needsRejoin = true;
            }
            if (state == State.UNJOINED || (state == State.STABLE && needsRejoin)) {
                maybeJoin(nowMs);
            } else if (state == State.SYNCING && leaderMembers != null) {
                maybeSendLeaderSync(nowMs);
            }
            sendHeartbeatIfDue(nowMs);
        }
        if (autoCommit && nowMs >= nextAutoCommitMs) {
            nextAutoCommitMs = nowMs + autoCommitIntervalMs;
            final Map<TopicPartition, OffsetAndMetadata> offsets = consumedOffsets();
            if (!offsets.isEmpty() && (!hasSubscription() || state == State.STABLE)) {
                commitAsync(offsets, (committed, error) -> {
                    if (error != null) {
                        LOG.debug("[{}] Auto-commit of {} failed: {}", clientId, committed, error.toString());
                    }
                }, nowMs);
            }
        }
    }

    private void runCallbacks() {
        Runnable callback;
        while ((callback = pendingCallbacks.poll()) != null) {
            callback.run();
        }
    }

    // ---------------------------------------------------------------- coordinator discovery

    /** True when the coordinator's connection is ready; otherwise starts finding or connecting to it. */
    private boolean ensureCoordinator(final long nowMs) {
        if (coordinatorId != NetworkClient.NO_NODE) {
            return client.ready(coordinatorId, nowMs);
        }
        if (findInFlight || nowMs < findRetryAtMs) {
            return false;
        }
        final int node = client.leastLoadedNode(nowMs);
        if (node == NetworkClient.NO_NODE || !client.ready(node, nowMs)) {
            return false;
        }
        // Group key type 0 is also the field's default, so it is valid at version 0 too.
        final Struct request = ApiKeys.FIND_COORDINATOR.requestSchema().newStruct()
            .set(FindCoordinatorRequestSchema.KEY, groupId)
            .set(FindCoordinatorRequestSchema.KEY_TYPE, (byte) 0);
        findInFlight = true;
        client.send(node, ApiKeys.FIND_COORDINATOR, MAX_FIND_COORDINATOR_VERSION, request, true,
            this::onFindCoordinator, nowMs);
        return false;
    }

    private void onFindCoordinator(final ClientResponse response) {
        findInFlight = false;
        findRetryAtMs = response.completedMs() + retryBackoffMs;
        if (response.failed()) {
            LOG.debug("[{}] FindCoordinator failed: {}", clientId, response.failure().toString());
            return;
        }
        final Struct body = response.body();
        final short error = body.get(FindCoordinatorResponseSchema.ERROR_CODE);
        if (error != Errors.NONE.code()) {
            LOG.debug("[{}] FindCoordinator for group {} answered {}", clientId, groupId, Errors.forCode(error));
            return;
        }
        final int brokerId = body.get(FindCoordinatorResponseSchema.NODE_ID);
        // A connection of its own, as kafka-clients does: a parked JoinGroup must not stall fetches.
        final int connectionId = Integer.MAX_VALUE - brokerId;
        client.addNode(new BrokerNode(connectionId, body.get(FindCoordinatorResponseSchema.HOST),
            body.get(FindCoordinatorResponseSchema.PORT), null));
        coordinatorId = connectionId;
        LOG.info("[{}] Discovered group coordinator {}:{} (id {}) for group {}", clientId,
            body.get(FindCoordinatorResponseSchema.HOST), body.get(FindCoordinatorResponseSchema.PORT), brokerId, groupId);
    }

    private void markCoordinatorUnknown(final String why) {
        if (coordinatorId != NetworkClient.NO_NODE) {
            LOG.info("[{}] Group coordinator unavailable ({}); rediscovering", clientId, why);
            client.disconnect(coordinatorId, why);
            coordinatorId = NetworkClient.NO_NODE;
        }
    }

    // ---------------------------------------------------------------- join / sync

    private void maybeJoin(final long nowMs) {
        if (nowMs < joinRetryAtMs) {
            return;
        }
        for (final String topic : subscribedTopics) {
            metadata.addTopic(topic);
            if (knownPartitionCount(topic) == 0) {
                metadata.requestUpdate();
                return; // join once the subscribed topics' partitions are known
            }
        }
        onJoinPrepare(nowMs);
        assignedPartitionCounts = null;
        final Struct request = ApiKeys.JOIN_GROUP.requestSchema().newStruct()
            .set(JoinGroupRequestSchema.GROUP_ID, groupId)
            .set(JoinGroupRequestSchema.SESSION_TIMEOUT_MS, sessionTimeoutMs)
            .set(JoinGroupRequestSchema.REBALANCE_TIMEOUT_MS, rebalanceTimeoutMs)
            .set(JoinGroupRequestSchema.MEMBER_ID, memberId)
            .set(JoinGroupRequestSchema.GROUP_INSTANCE_ID, null)
            .set(JoinGroupRequestSchema.PROTOCOL_TYPE, PROTOCOL_TYPE)
            .set(JoinGroupRequestSchema.REASON, null)
            .set(JoinGroupRequestSchema.PROTOCOLS, new ArrayList<>());
        final byte[] subscription = subscriptionMetadata();
        for (final PartitionAssignor assignor : assignors) {
            request.add(JoinGroupRequestSchema.PROTOCOLS)
                .set(JoinGroupRequestSchema.JoinGroupRequestProtocol.NAME, assignor.name())
                .set(JoinGroupRequestSchema.JoinGroupRequestProtocol.METADATA, subscription);
        }
        state = State.JOINING;
        needsRejoin = false;
        LOG.info("[{}] Joining group {} (member '{}', generation {})", clientId, groupId, memberId, generation);
        client.send(coordinatorId, ApiKeys.JOIN_GROUP, request, true, this::onJoinGroup, nowMs);
    }

    /** Before (re)joining: commit what was consumed, and under eager rebalancing give everything up. */
    private void onJoinPrepare(final long nowMs) {
        if (autoCommit && generation != UNKNOWN_GENERATION) {
            final Map<TopicPartition, OffsetAndMetadata> offsets = consumedOffsets();
            if (!offsets.isEmpty()) {
                try {
                    commitSync(offsets, nowMs + requestTimeoutMs, () -> { });
                } catch (final SluiceException e) {
                    LOG.warn("[{}] Commit before rebalance failed: {}", clientId, e.toString());
                }
            }
        }
        if (!cooperative) {
            revokeAll();
        }
    }

    private void revokeAll() {
        final Set<TopicPartition> owned = subscriptions.assignment();
        subscriptions.assign(List.of());
        noCommittedOffset.clear();
        if (!owned.isEmpty() && listener != null) {
            listener.onPartitionsRevoked(owned);
        }
    }

    private byte[] subscriptionMetadata() {
        final Struct data = ConsumerProtocolSubscriptionSchema.SCHEMA.newStruct()
            .set(ConsumerProtocolSubscriptionSchema.TOPICS, new ArrayList<>(new TreeSet<>(subscribedTopics)))
            .set(ConsumerProtocolSubscriptionSchema.USER_DATA, null)
            .set(ConsumerProtocolSubscriptionSchema.GENERATION_ID, generation)
            .set(ConsumerProtocolSubscriptionSchema.RACK_ID, null)
            .set(ConsumerProtocolSubscriptionSchema.OWNED_PARTITIONS, new ArrayList<>());
        for (final Map.Entry<String, List<Integer>> e : byTopic(subscriptions.assignment()).entrySet()) {
            data.add(ConsumerProtocolSubscriptionSchema.OWNED_PARTITIONS)
                .set(ConsumerProtocolSubscriptionSchema.TopicPartition.TOPIC, e.getKey())
                .set(ConsumerProtocolSubscriptionSchema.TopicPartition.PARTITIONS, e.getValue());
        }
        return toArray(ConsumerProtocol.serializeSubscription(data, SUBSCRIPTION_VERSION));
    }

    private static Map<String, List<Integer>> byTopic(final Collection<TopicPartition> partitions) {
        final Map<String, List<Integer>> out = new TreeMap<>();
        for (final TopicPartition tp : partitions) {
            out.computeIfAbsent(tp.topic(), t -> new ArrayList<>()).add(tp.partition());
        }
        out.values().forEach(list -> list.sort(Integer::compare));
        return out;
    }

    private static byte[] toArray(final ByteBuffer buffer) {
        final byte[] bytes = new byte[buffer.remaining()];
        buffer.duplicate().get(bytes);
        return bytes;
    }

    private void onJoinGroup(final ClientResponse response) {
        if (response.failed()) {
            LOG.debug("[{}] JoinGroup failed: {}", clientId, response.failure().toString());
            rejoinLater(response.completedMs());
            markCoordinatorUnknown("JoinGroup failed");
            return;
        }
        final Struct body = response.body();
        final Errors error = Errors.forCode(body.get(JoinGroupResponseSchema.ERROR_CODE));
        switch (error) {
            case NONE -> {
                memberId = body.get(JoinGroupResponseSchema.MEMBER_ID);
                generation = body.get(JoinGroupResponseSchema.GENERATION_ID);
                protocolName = body.get(JoinGroupResponseSchema.PROTOCOL_NAME);
                state = State.SYNCING;
                final boolean leader = memberId.equals(body.get(JoinGroupResponseSchema.LEADER));
                LOG.info("[{}] Joined group {} as {} (generation {}, protocol {}{})", clientId, groupId, memberId,
                    generation, protocolName, leader ? ", leader" : "");
                if (leader) {
                    leaderMembers = readSubscriptions(body.get(JoinGroupResponseSchema.MEMBERS));
                    maybeSendLeaderSync(response.completedMs());
                } else {
                    sendSync(Map.of(), response.completedMs());
                }
            }
            case MEMBER_ID_REQUIRED -> {
                memberId = body.get(JoinGroupResponseSchema.MEMBER_ID);
                state = State.UNJOINED; // rejoin at once with the id the broker gave
            }
            case UNKNOWN_MEMBER_ID, ILLEGAL_GENERATION, FENCED_INSTANCE_ID -> {
                resetGeneration(true);
                rejoinLater(response.completedMs());
            }
            case NOT_COORDINATOR, COORDINATOR_NOT_AVAILABLE -> {
                markCoordinatorUnknown(error.name());
                rejoinLater(response.completedMs());
            }
            default -> {
                LOG.debug("[{}] JoinGroup answered {}", clientId, error);
                rejoinLater(response.completedMs());
            }
        }
    }

    private void rejoinLater(final long nowMs) {
        state = State.UNJOINED;
        leaderMembers = null;
        joinRetryAtMs = nowMs + retryBackoffMs;
    }

    private void resetGeneration(final boolean forgetMember) {
        generation = UNKNOWN_GENERATION;
        if (forgetMember) {
            memberId = UNKNOWN_MEMBER;
        }
        state = State.UNJOINED;
        partitionsLost = true;
    }

    private Map<String, PartitionAssignor.Subscription> readSubscriptions(final List<Struct> members) {
        final Map<String, PartitionAssignor.Subscription> out = new LinkedHashMap<>();
        for (final Struct member : members) {
            final String id = member.get(JoinGroupResponseSchema.JoinGroupResponseMember.MEMBER_ID);
            final byte[] raw = member.get(JoinGroupResponseSchema.JoinGroupResponseMember.METADATA);
            final ConsumerProtocol.Versioned versioned = ConsumerProtocol.readSubscription(ByteBuffer.wrap(raw));
            final Struct data = versioned.data();
            final List<TopicPartition> owned = new ArrayList<>();
            if (versioned.version() >= 1 && data.get(ConsumerProtocolSubscriptionSchema.OWNED_PARTITIONS) != null) {
                for (final Struct t : data.get(ConsumerProtocolSubscriptionSchema.OWNED_PARTITIONS)) {
                    for (final int p : t.get(ConsumerProtocolSubscriptionSchema.TopicPartition.PARTITIONS)) {
                        owned.add(new TopicPartition(t.get(ConsumerProtocolSubscriptionSchema.TopicPartition.TOPIC), p));
                    }
                }
            }
            final int memberGeneration = versioned.version() >= 2
                ? data.get(ConsumerProtocolSubscriptionSchema.GENERATION_ID) : UNKNOWN_GENERATION;
            final List<String> topics = data.get(ConsumerProtocolSubscriptionSchema.TOPICS);
            out.put(id, new PartitionAssignor.Subscription(topics, owned, memberGeneration));
            topics.forEach(metadata::addTopic);
        }
        return out;
    }

    /** As leader: assigns once every member's topics have known partition counts, then syncs. */
    private void maybeSendLeaderSync(final long nowMs) {
        final Map<String, Integer> partitionsPerTopic = new HashMap<>();
        for (final PartitionAssignor.Subscription s : leaderMembers.values()) {
            for (final String topic : s.topics()) {
                final int count = knownPartitionCount(topic);
                if (count == 0) {
                    metadata.requestUpdate();
                    return;
                }
                partitionsPerTopic.put(topic, count);
            }
        }
        final PartitionAssignor assignor = assignors.stream().filter(a -> a.name().equals(protocolName)).findFirst()
            .orElseThrow(() -> new IllegalStateException("Coordinator chose protocol " + protocolName
                + " which this member did not offer"));
        final Map<String, List<TopicPartition>> assignment = assignor.assign(partitionsPerTopic, leaderMembers);
        LOG.info("[{}] Assigned with {}: {}", clientId, protocolName, assignment);
        leaderMembers = null;
        assignedPartitionCounts = Map.copyOf(partitionsPerTopic);
        final Map<String, byte[]> encoded = new HashMap<>();
        assignment.forEach((member, partitions) -> encoded.put(member, assignmentBytes(partitions)));
        sendSync(encoded, nowMs);
    }

    /**
     * Partitions of {@code topic} in the current metadata, or 0 while they are unknown. The cluster view
     * answers -1 for a topic its last response did not list (the topic's metadata has not arrived yet),
     * which must count as unknown too: the leader would otherwise assign a range of -1 partitions, that
     * is an empty assignment, and the group would sit Stable with nothing until the next rebalance.
     */
    private int knownPartitionCount(final String topic) {
        return Math.max(0, metadata.cluster().partitionCount(topic));
    }

    /** True when the metadata now knows another partition count for a topic this leader assigned. */
    private boolean assignedPartitionCountsChanged() {
        if (assignedPartitionCounts == null) {
            return false;
        }
        for (final Map.Entry<String, Integer> e : assignedPartitionCounts.entrySet()) {
            final int now = knownPartitionCount(e.getKey());
            if (now != 0 && now != e.getValue()) {
                return true;
            }
        }
        return false;
    }

    private static byte[] assignmentBytes(final List<TopicPartition> partitions) {
        final Struct data = ConsumerProtocolAssignmentSchema.SCHEMA.newStruct()
            .set(ConsumerProtocolAssignmentSchema.USER_DATA, null)
            .set(ConsumerProtocolAssignmentSchema.ASSIGNED_PARTITIONS, new ArrayList<>());
        for (final Map.Entry<String, List<Integer>> e : byTopic(partitions).entrySet()) {
            data.add(ConsumerProtocolAssignmentSchema.ASSIGNED_PARTITIONS)
                .set(ConsumerProtocolAssignmentSchema.TopicPartition.TOPIC, e.getKey())
                .set(ConsumerProtocolAssignmentSchema.TopicPartition.PARTITIONS, e.getValue());
        }
        return toArray(ConsumerProtocol.serializeAssignment(data, ASSIGNMENT_VERSION));
    }

    private void sendSync(final Map<String, byte[]> assignments, final long nowMs) {
        final Struct request = ApiKeys.SYNC_GROUP.requestSchema().newStruct()
            .set(SyncGroupRequestSchema.GROUP_ID, groupId)
            .set(SyncGroupRequestSchema.GENERATION_ID, generation)
            .set(SyncGroupRequestSchema.MEMBER_ID, memberId)
            .set(SyncGroupRequestSchema.GROUP_INSTANCE_ID, null)
            .set(SyncGroupRequestSchema.PROTOCOL_TYPE, PROTOCOL_TYPE)
            .set(SyncGroupRequestSchema.PROTOCOL_NAME, protocolName)
            .set(SyncGroupRequestSchema.ASSIGNMENTS, new ArrayList<>());
        assignments.forEach((member, bytes) -> request.add(SyncGroupRequestSchema.ASSIGNMENTS)
            .set(SyncGroupRequestSchema.SyncGroupRequestAssignment.MEMBER_ID, member)
            .set(SyncGroupRequestSchema.SyncGroupRequestAssignment.ASSIGNMENT, bytes));
        if (!client.isReady(coordinatorId)) {
            rejoinLater(nowMs);
            return;
        }
        client.send(coordinatorId, ApiKeys.SYNC_GROUP, request, true, this::onSyncGroup, nowMs);
    }

    private void onSyncGroup(final ClientResponse response) {
        if (response.failed()) {
            rejoinLater(response.completedMs());
            markCoordinatorUnknown("SyncGroup failed");
            return;
        }
        final Struct body = response.body();
        final Errors error = Errors.forCode(body.get(SyncGroupResponseSchema.ERROR_CODE));
        switch (error) {
            case NONE -> {
                final byte[] raw = body.get(SyncGroupResponseSchema.ASSIGNMENT);
                final List<TopicPartition> assigned = new ArrayList<>();
                if (raw != null && raw.length > 0) {
                    final Struct data = ConsumerProtocol.readAssignment(ByteBuffer.wrap(raw)).data();
                    for (final Struct t : data.get(ConsumerProtocolAssignmentSchema.ASSIGNED_PARTITIONS)) {
                        for (final int p : t.get(ConsumerProtocolAssignmentSchema.TopicPartition.PARTITIONS)) {
                            assigned.add(new TopicPartition(t.get(ConsumerProtocolAssignmentSchema.TopicPartition.TOPIC), p));
                        }
                    }
                }
                state = State.STABLE;
                lastHeartbeatSentMs = response.completedMs();
                pendingAssignment = assigned; // the listener runs on the application thread
            }
            case UNKNOWN_MEMBER_ID, ILLEGAL_GENERATION, FENCED_INSTANCE_ID -> {
                resetGeneration(error == Errors.UNKNOWN_MEMBER_ID);
                rejoinLater(response.completedMs());
            }
            case NOT_COORDINATOR, COORDINATOR_NOT_AVAILABLE -> {
                markCoordinatorUnknown(error.name());
                rejoinLater(response.completedMs());
            }
            default -> rejoinLater(response.completedMs());
        }
    }

    /** Application thread: installs the assignment and tells the listener what changed. */
    private void applyAssignment(final List<TopicPartition> assigned) {
        final Set<TopicPartition> owned = subscriptions.assignment();
        final Set<TopicPartition> now = new LinkedHashSet<>(assigned);
        final Set<TopicPartition> revoked = new LinkedHashSet<>(owned);
        revoked.removeAll(now);
        final Set<TopicPartition> added = new LinkedHashSet<>(now);
        added.removeAll(owned);
        subscriptions.assign(now);
        noCommittedOffset.removeAll(revoked);
        LOG.info("[{}] Assignment for generation {}: {}", clientId, generation, now);
        if (!revoked.isEmpty()) {
            if (listener != null) {
                listener.onPartitionsRevoked(revoked);
            }
            if (cooperative) {
                needsRejoin = true; // a follow-up rebalance hands the revoked partitions to their new owners
            }
        }
        if (listener != null) {
            listener.onPartitionsAssigned(cooperative ? added : now);
        }
    }

    // ---------------------------------------------------------------- heartbeats

    private void sendHeartbeatIfDue(final long nowMs) {
        if (state != State.STABLE || heartbeatInFlight || coordinatorId == NetworkClient.NO_NODE
            || nowMs - lastHeartbeatSentMs < heartbeatIntervalMs || !client.isReady(coordinatorId)) {
            return;
        }
        final Struct request = ApiKeys.HEARTBEAT.requestSchema().newStruct()
            .set(HeartbeatRequestSchema.GROUP_ID, groupId)
            .set(HeartbeatRequestSchema.GENERATION_ID, generation)
            .set(HeartbeatRequestSchema.MEMBER_ID, memberId)
            .set(HeartbeatRequestSchema.GROUP_INSTANCE_ID, null);
        heartbeatInFlight = true;
        lastHeartbeatSentMs = nowMs;
        client.send(coordinatorId, ApiKeys.HEARTBEAT, request, true, this::onHeartbeat, nowMs);
    }

    private void onHeartbeat(final ClientResponse response) {
        heartbeatInFlight = false;
        if (response.failed()) {
            markCoordinatorUnknown("heartbeat failed");
            return;
        }
        final Errors error = Errors.forCode(response.body().get(HeartbeatResponseSchema.ERROR_CODE));
        switch (error) {
            case NONE -> { }
            case REBALANCE_IN_PROGRESS -> {
                if (state == State.STABLE) {
                    LOG.info("[{}] Group {} is rebalancing; rejoining", clientId, groupId);
                    needsRejoin = true;
                }
            }
            case UNKNOWN_MEMBER_ID, ILLEGAL_GENERATION, FENCED_INSTANCE_ID -> {
                LOG.info("[{}] Heartbeat answered {}; rejoining", clientId, error);
                resetGeneration(error == Errors.UNKNOWN_MEMBER_ID);
            }
            case NOT_COORDINATOR, COORDINATOR_NOT_AVAILABLE -> markCoordinatorUnknown(error.name());
            default -> LOG.debug("[{}] Heartbeat answered {}", clientId, error);
        }
    }

    private void startHeartbeatThread() {
        if (heartbeatThread != null) {
            return;
        }
        heartbeatThread = new Thread(this::heartbeatLoop, "sluice-coordinator-heartbeat-thread | " + clientId);
        heartbeatThread.setDaemon(true);
        heartbeatThread.start();
    }

    private void heartbeatLoop() {
        while (!closing) {
            synchronized (lock) {
                if (closing) {
                    return;
                }
                final long nowMs = time.milliseconds();
                if (state == State.STABLE && nowMs - lastPollMs > rebalanceTimeoutMs) {
                    LOG.warn("[{}] No poll() for {} ms, beyond max.poll.interval.ms={}: leaving group {}", clientId,
                        nowMs - lastPollMs, rebalanceTimeoutMs, groupId);
                    maybeLeaveGroup("consumer poll timeout has expired");
                    partitionsLost = true;
                } else {
                    sendHeartbeatIfDue(nowMs);
                }
                client.poll(0, nowMs);
            }
            time.sleep(HEARTBEAT_THREAD_TICK_MS);
        }
    }

    // ---------------------------------------------------------------- leave

    /** Sends LeaveGroup if a member; forgets member id and generation either way. Lock held. */
    private void maybeLeaveGroup(final String reason) {
        if (!memberId.equals(UNKNOWN_MEMBER) && coordinatorId != NetworkClient.NO_NODE && client.isReady(coordinatorId)) {
            final Struct request = ApiKeys.LEAVE_GROUP.requestSchema().newStruct()
                .set(LeaveGroupRequestSchema.GROUP_ID, groupId);
            // Version 3 moved the member into a batch of members.
            if (client.apiVersion(coordinatorId, ApiKeys.LEAVE_GROUP) >= 3) {
                request.add(LeaveGroupRequestSchema.MEMBERS)
                    .set(LeaveGroupRequestSchema.MemberIdentity.MEMBER_ID, memberId)
                    .set(LeaveGroupRequestSchema.MemberIdentity.GROUP_INSTANCE_ID, null)
                    .set(LeaveGroupRequestSchema.MemberIdentity.REASON, reason);
            } else {
                request.set(LeaveGroupRequestSchema.MEMBER_ID, memberId);
            }
            LOG.info("[{}] Leaving group {} ({})", clientId, groupId, reason);
            client.send(coordinatorId, ApiKeys.LEAVE_GROUP, request, true, r -> { }, time.milliseconds());
        }
        memberId = UNKNOWN_MEMBER;
        generation = UNKNOWN_GENERATION;
        state = State.UNJOINED;
    }

    // ---------------------------------------------------------------- offsets

    /** Next offsets to commit: every assigned partition's position. */
    public Map<TopicPartition, OffsetAndMetadata> consumedOffsets() {
        final Map<TopicPartition, OffsetAndMetadata> out = new LinkedHashMap<>();
        for (final TopicPartition tp : subscriptions.assignment()) {
            if (subscriptions.hasPosition(tp)) {
                out.put(tp, new OffsetAndMetadata(subscriptions.position(tp)));
            }
        }
        return out;
    }

    public <K, V> void recordsReturned(final Map<TopicPartition, List<ConsumerRecord<K, V>>> records) {
        // Positions moved as records were collected; auto-commit reads them at the next poll.
    }

    /**
     * Starts an OffsetFetch for assigned partitions without a position. Lock held.
     *
     * @return true when no lookup is in flight, so partitions still without a position have no
     *         committed offset and may be reset per auto.offset.reset
     */
    public boolean refreshCommittedOffsets(final long nowMs) {
        if (offsetFetchInFlight) {
            return false;
        }
        final List<TopicPartition> missing = new ArrayList<>(subscriptions.partitionsWithoutPosition());
        missing.removeAll(noCommittedOffset);
        if (missing.isEmpty()) {
            return true;
        }
        if (!ensureCoordinator(nowMs) || !client.isReady(coordinatorId)) {
            return false;
        }
        offsetFetchInFlight = true;
        client.send(coordinatorId, ApiKeys.OFFSET_FETCH, MAX_OFFSET_FETCH_VERSION,
            offsetFetchRequest(missing, offsetFetchVersion()), true,
            response -> {
                offsetFetchInFlight = false;
                final Map<TopicPartition, OffsetAndMetadata> committed;
                try {
                    committed = parseOffsetFetch(response);
                } catch (final RuntimeException e) {
                    LOG.debug("[{}] OffsetFetch failed: {}", clientId, e.toString());
                    return;
                }
                for (final TopicPartition tp : missing) {
                    final OffsetAndMetadata offset = committed.get(tp);
                    if (!subscriptions.isAssigned(tp) || subscriptions.hasPosition(tp)) {
                        continue;
                    }
                    if (offset != null) {
                        subscriptions.seek(tp, offset.offset());
                    } else {
                        noCommittedOffset.add(tp);
                    }
                }
            }, nowMs);
        return false;
    }

    private short offsetFetchVersion() {
        return (short) Math.min(client.apiVersion(coordinatorId, ApiKeys.OFFSET_FETCH), MAX_OFFSET_FETCH_VERSION);
    }

    private Struct offsetFetchRequest(final Collection<TopicPartition> partitions, final short version) {
        final Struct request = ApiKeys.OFFSET_FETCH.requestSchema().newStruct()
            .set(OffsetFetchRequestSchema.GROUP_ID, groupId)
            .set(OffsetFetchRequestSchema.TOPICS, new ArrayList<>());
        if (version >= 7) {
            // Wait out pending transactional commits rather than read an offset about to change.
            request.set(OffsetFetchRequestSchema.REQUIRE_STABLE, true);
        }
        for (final Map.Entry<String, List<Integer>> e : byTopic(partitions).entrySet()) {
            request.add(OffsetFetchRequestSchema.TOPICS)
                .set(OffsetFetchRequestSchema.OffsetFetchRequestTopic.NAME, e.getKey())
                .set(OffsetFetchRequestSchema.OffsetFetchRequestTopic.PARTITION_INDEXES, e.getValue());
        }
        return request;
    }

    /** Committed offsets in a response (absent: none committed). Throws for errors. */
    private Map<TopicPartition, OffsetAndMetadata> parseOffsetFetch(final ClientResponse response) {
        if (response.failed()) {
            markCoordinatorUnknown("OffsetFetch failed");
            throw response.failure();
        }
        final Struct body = response.body();
        final Short topError = response.version() >= 2 ? body.get(OffsetFetchResponseSchema.ERROR_CODE) : null;
        if (topError != null && topError != Errors.NONE.code()) {
            final Errors error = Errors.forCode(topError);
            if (error == Errors.NOT_COORDINATOR || error == Errors.COORDINATOR_NOT_AVAILABLE) {
                markCoordinatorUnknown(error.name());
            }
            throw ErrorMapping.exception(error, "OffsetFetch for group " + groupId, null);
        }
        final Map<TopicPartition, OffsetAndMetadata> out = new HashMap<>();
        for (final Struct t : body.get(OffsetFetchResponseSchema.TOPICS)) {
            final String topic = t.get(OffsetFetchResponseSchema.OffsetFetchResponseTopic.NAME);
            for (final Struct p : t.get(OffsetFetchResponseSchema.OffsetFetchResponseTopic.PARTITIONS)) {
                final TopicPartition tp = new TopicPartition(topic,
                    p.get(OffsetFetchResponseSchema.OffsetFetchResponsePartition.PARTITION_INDEX));
                final short error = p.get(OffsetFetchResponseSchema.OffsetFetchResponsePartition.ERROR_CODE);
                if (error != Errors.NONE.code()) {
                    throw ErrorMapping.exception(Errors.forCode(error), "OffsetFetch for " + tp, null);
                }
                final long offset = p.get(OffsetFetchResponseSchema.OffsetFetchResponsePartition.COMMITTED_OFFSET);
                if (offset >= 0) {
                    final Integer epoch = p.get(OffsetFetchResponseSchema.OffsetFetchResponsePartition.COMMITTED_LEADER_EPOCH);
                    final String meta = p.get(OffsetFetchResponseSchema.OffsetFetchResponsePartition.METADATA);
                    out.put(tp, new OffsetAndMetadata(offset, epoch == null ? -1 : epoch, meta));
                }
            }
        }
        return out;
    }

    /** The outcome of one request awaited by a blocking call. */
    private static final class Pending {
        ClientResponse response;
    }

    /**
     * Sends a request to the coordinator (finding it first) and waits for its response, retrying
     * after disconnects and coordinator moves, until {@code deadlineMs}. Application thread.
     */
    private ClientResponse awaitCoordinator(final ApiKeys api, final short maxVersion,
                                            final java.util.function.Function<Short, Struct> request,
                                            final long deadlineMs, final Runnable wakeupCheck, final String what) {
        Pending pending = null;
        while (true) {
            wakeupCheck.run();
            synchronized (lock) {
                final long nowMs = time.milliseconds();
                if (pending != null && pending.response != null) {
                    final ClientResponse response = pending.response;
                    if (!response.failed()) {
                        return response;
                    }
                    markCoordinatorUnknown(what + " failed: " + response.failure().getMessage());
                    pending = null;
                }
                if (nowMs >= deadlineMs) {
                    throw new TimeoutException("Timeout expired before " + what + " for group " + groupId + " completed");
                }
                if (pending == null && ensureCoordinator(nowMs) && client.isReady(coordinatorId)) {
                    final Pending p = new Pending();
                    final short version = (short) Math.min(client.apiVersion(coordinatorId, api), maxVersion);
                    client.send(coordinatorId, api, maxVersion, request.apply(version), true, r -> p.response = r, nowMs);
                    pending = p;
                }
                client.poll(Math.min(retryBackoffMs, Math.max(0, deadlineMs - nowMs)), nowMs);
            }
        }
    }

    public Map<TopicPartition, OffsetAndMetadata> fetchCommitted(final Set<TopicPartition> partitions,
                                                                 final long deadlineMs, final Runnable wakeupCheck) {
        while (true) {
            final ClientResponse response = awaitCoordinator(ApiKeys.OFFSET_FETCH, MAX_OFFSET_FETCH_VERSION,
                version -> offsetFetchRequest(partitions, version), deadlineMs, wakeupCheck, "OffsetFetch");
            try {
                final Map<TopicPartition, OffsetAndMetadata> found = parseOffsetFetch(response);
                final Map<TopicPartition, OffsetAndMetadata> out = new HashMap<>();
                for (final TopicPartition tp : partitions) {
                    out.put(tp, found.get(tp));
                }
                return out;
            } catch (final dev.sluice.client.errors.RetriableException e) {
                if (time.milliseconds() >= deadlineMs) {
                    throw e;
                }
                time.sleep(retryBackoffMs);
            }
        }
    }

    private Struct offsetCommitRequest(final Map<TopicPartition, OffsetAndMetadata> offsets) {
        final boolean member = hasSubscription() && generation != UNKNOWN_GENERATION;
        final Struct request = ApiKeys.OFFSET_COMMIT.requestSchema().newStruct()
            .set(OffsetCommitRequestSchema.GROUP_ID, groupId)
            .set(OffsetCommitRequestSchema.GENERATION_ID_OR_MEMBER_EPOCH, member ? generation : UNKNOWN_GENERATION)
            .set(OffsetCommitRequestSchema.MEMBER_ID, member ? memberId : UNKNOWN_MEMBER)
            .set(OffsetCommitRequestSchema.GROUP_INSTANCE_ID, null)
            .set(OffsetCommitRequestSchema.RETENTION_TIME_MS, -1L)
            .set(OffsetCommitRequestSchema.TOPICS, new ArrayList<>());
        final Map<String, Struct> topics = new TreeMap<>();
        offsets.forEach((tp, offset) -> topics.computeIfAbsent(tp.topic(), name -> request
                .add(OffsetCommitRequestSchema.TOPICS)
                .set(OffsetCommitRequestSchema.OffsetCommitRequestTopic.NAME, name)
                .set(OffsetCommitRequestSchema.OffsetCommitRequestTopic.PARTITIONS, new ArrayList<>()))
            .add(OffsetCommitRequestSchema.OffsetCommitRequestTopic.PARTITIONS)
            .set(OffsetCommitRequestSchema.OffsetCommitRequestPartition.PARTITION_INDEX, tp.partition())
            .set(OffsetCommitRequestSchema.OffsetCommitRequestPartition.COMMITTED_OFFSET, offset.offset())
            .set(OffsetCommitRequestSchema.OffsetCommitRequestPartition.COMMITTED_LEADER_EPOCH,
                offset.leaderEpoch().orElse(-1))
            .set(OffsetCommitRequestSchema.OffsetCommitRequestPartition.COMMIT_TIMESTAMP, -1L)
            .set(OffsetCommitRequestSchema.OffsetCommitRequestPartition.COMMITTED_METADATA, offset.metadata()));
        return request;
    }

    /**
     * A group member between JoinGroup and the end of SyncGroup has a generation the group has not
     * finished forming: its commit is refused here, as kafka-clients refuses it, rather than sent
     * (a broker may answer it REBALANCE_IN_PROGRESS). Lock held.
     *
     * @return the exception to report, or null if a commit may be sent now
     */
    private RuntimeException rebalancingCommitError() {
        if (hasSubscription() && (state == State.JOINING || state == State.SYNCING)) {
            return new RebalanceInProgressException("OffsetCommit for group " + groupId + " refused: the group is "
                + "rebalancing and this member has not received its new assignment yet; poll() to complete the "
                + "rebalance, then commit again");
        }
        return null;
    }

    /** The first partition error of an OffsetCommit response as an exception, or null. */
    private RuntimeException commitError(final ClientResponse response) {
        if (response.failed()) {
            return response.failure();
        }
        for (final Struct t : response.body().get(OffsetCommitResponseSchema.TOPICS)) {
            for (final Struct p : t.get(OffsetCommitResponseSchema.OffsetCommitResponseTopic.PARTITIONS)) {
                final Errors error = Errors.forCode(p.get(OffsetCommitResponseSchema.OffsetCommitResponsePartition.ERROR_CODE));
                if (error == Errors.NONE) {
                    continue;
                }
                final String context = "OffsetCommit for " + t.get(OffsetCommitResponseSchema.OffsetCommitResponseTopic.NAME)
                    + "-" + p.get(OffsetCommitResponseSchema.OffsetCommitResponsePartition.PARTITION_INDEX);
                switch (error) {
                    case REBALANCE_IN_PROGRESS:
                        // The broker began a rebalance this member has not seen yet. If it is already
                        // joining, the flag would outlive that join and start a needless next one.
                        if (state == State.STABLE) {
                            needsRejoin = true;
                        }
                        return new RebalanceInProgressException(context + ": the group is rebalancing; poll() to "
                            + "complete it, then commit again");
                    case UNKNOWN_MEMBER_ID:
                    case ILLEGAL_GENERATION:
                    case FENCED_INSTANCE_ID:
                        resetGeneration(error == Errors.UNKNOWN_MEMBER_ID);
                        return new CommitFailedException(context + ": " + error.name() + ", the group has already "
                            + "rebalanced and assigned the partitions to another member");
                    case NOT_COORDINATOR:
                    case COORDINATOR_NOT_AVAILABLE:
                        markCoordinatorUnknown(error.name());
                        return ErrorMapping.exception(error, context, null);
                    default:
                        return ErrorMapping.exception(error, context, null);
                }
            }
        }
        return null;
    }

    public void commitSync(final Map<TopicPartition, OffsetAndMetadata> offsets, final long deadlineMs,
                           final Runnable wakeupCheck) {
        if (offsets.isEmpty()) {
            return;
        }
        synchronized (lock) {
            final RuntimeException rebalancing = rebalancingCommitError();
            if (rebalancing != null) {
                throw rebalancing;
            }
        }
        while (true) {
            final ClientResponse response = awaitCoordinator(ApiKeys.OFFSET_COMMIT, ApiKeys.OFFSET_COMMIT.highestVersion(),
                version -> offsetCommitRequest(offsets), deadlineMs, wakeupCheck, "OffsetCommit");
            final RuntimeException error;
            synchronized (lock) {
                error = commitError(response);
            }
            if (error == null) {
                return;
            }
            if (!(error instanceof dev.sluice.client.errors.RetriableException) || time.milliseconds() >= deadlineMs) {
                throw error;
            }
            time.sleep(retryBackoffMs);
        }
    }

    /** Sends an OffsetCommit; the callback runs on the application thread in a later poll. Lock held. */
    public void commitAsync(final Map<TopicPartition, OffsetAndMetadata> offsets, final OffsetCommitCallback callback,
                            final long nowMs) {
        if (offsets.isEmpty()) {
            if (callback != null) {
                pendingCallbacks.add(() -> callback.onComplete(offsets, null));
            }
            return;
        }
        final RuntimeException rebalancing = rebalancingCommitError();
        if (rebalancing != null) {
            if (callback != null) {
                pendingCallbacks.add(() -> callback.onComplete(offsets, rebalancing));
            }
            return;
        }
        if (!ensureCoordinator(nowMs) || !client.isReady(coordinatorId)) {
            if (callback != null) {
                pendingCallbacks.add(() -> callback.onComplete(offsets, new dev.sluice.client.errors
                    .CoordinatorNotAvailableException("Group coordinator for " + groupId + " is not available yet")));
            }
            return;
        }
        client.send(coordinatorId, ApiKeys.OFFSET_COMMIT, offsetCommitRequest(offsets), true, response -> {
            final RuntimeException error = commitError(response);
            if (error != null && response.failed()) {
                markCoordinatorUnknown("OffsetCommit failed");
            }
            if (callback != null) {
                pendingCallbacks.add(() -> callback.onComplete(offsets, error));
            }
        }, nowMs);
    }

    /**
     * Commits (with auto commit), revokes, leaves the group and stops the heartbeat thread.
     * Application thread; blocks up to {@code deadlineMs}.
     */
    public void close(final long deadlineMs) {
        try {
            if (autoCommit) {
                final Map<TopicPartition, OffsetAndMetadata> offsets;
                synchronized (lock) {
                    offsets = (!hasSubscription() || state == State.STABLE) ? consumedOffsets() : Map.of();
                }
                if (!offsets.isEmpty()) {
                    try {
                        commitSync(offsets, deadlineMs, () -> { });
                    } catch (final SluiceException e) {
                        LOG.warn("[{}] Commit on close failed: {}", clientId, e.toString());
                    }
                }
            }
            synchronized (lock) {
                runCallbacks();
                if (hasSubscription()) {
                    revokeAll();
                    maybeLeaveGroup("the consumer is being closed");
                    // Give the LeaveGroup a moment on the wire so the group rebalances at once.
                    final long waitUntil = Math.min(deadlineMs, time.milliseconds() + requestTimeoutMs);
                    while (client.inFlightCount(coordinatorId == NetworkClient.NO_NODE ? 0 : coordinatorId) > 0
                        && time.milliseconds() < waitUntil) {
                        client.poll(Math.min(retryBackoffMs, waitUntil - time.milliseconds()), time.milliseconds());
                    }
                }
            }
        } finally {
            closing = true;
            if (heartbeatThread != null) {
                try {
                    heartbeatThread.join(Math.max(1, Math.min(5_000, deadlineMs - time.milliseconds())));
                } catch (final InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }
}
