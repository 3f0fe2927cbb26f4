package dev.sluice.client.internal.network;

import dev.sluice.client.TopicPartition;
import dev.sluice.client.errors.DisconnectException;
import dev.sluice.client.errors.NetworkException;
import dev.sluice.client.errors.TimeoutException;
import dev.sluice.client.errors.UnsupportedVersionException;
import dev.sluice.client.internal.metadata.BrokerNode;
import dev.sluice.client.internal.metadata.ClusterView;
import dev.sluice.client.internal.metadata.Metadata;
import dev.sluice.client.internal.metadata.PartitionState;
import dev.sluice.client.internal.util.Time;
import dev.sluice.codec.MalformedDataException;
import dev.sluice.codec.protocol.ApiKeys;
import dev.sluice.codec.protocol.ApiVersionsResponses;
import dev.sluice.codec.protocol.ByteBufferRecords;
import dev.sluice.codec.protocol.Errors;
import dev.sluice.codec.protocol.Frames;
import dev.sluice.codec.protocol.MessageParts;
import dev.sluice.codec.protocol.RequestHeader;
import dev.sluice.codec.protocol.ResponseHeader;
import dev.sluice.codec.protocol.Struct;
import dev.sluice.codec.protocol.message.ApiVersionsRequestSchema;
import dev.sluice.codec.protocol.message.ApiVersionsResponseSchema;
import dev.sluice.codec.protocol.message.MetadataRequestSchema;
import dev.sluice.codec.protocol.message.MetadataResponseSchema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Request/response over one connection per broker, for any API the codec knows.
 *
 * <p>Owns the {@link Transport}, the connection states (connecting, checking API versions,
 * ready), correlation ids, in-flight requests per node (answered in order, as Kafka brokers do),
 * request timeouts, reconnect backoff (doubling from {@code reconnect.backoff.ms} up to
 * {@code reconnect.backoff.max.ms}) and keeping {@link Metadata} fresh: when a refresh is due it
 * sends a Metadata request to the least loaded broker, the bootstrap servers until the first
 * answer.
 *
 * <p>On connect it sends ApiVersions and, for each API, uses the highest version both sides
 * support. Single-threaded: the sender (or consumer) thread calls everything except
 * {@link #wakeup()}. Handlers run on that thread inside {@link #poll}.
 */
public final class NetworkClient implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(NetworkClient.class);
    private static final String SOFTWARE_NAME = "sluice-java";
    private static final String SOFTWARE_VERSION = "0.1.0";

    /** Settings, as in the client configs; times in milliseconds. */
    public record Config(String clientId, int requestTimeoutMs, long reconnectBackoffMs, long reconnectBackoffMaxMs,
                         int maxInFlightPerConnection, int maxResponseBytes, int sendBufferBytes,
                         int receiveBufferBytes) {
    }

    /** Receives the outcome of a request, on the network thread. */
    @FunctionalInterface
    public interface ResponseHandler {
        void onComplete(ClientResponse response);
    }

    /** Returned by {@link #leastLoadedNode} when no broker can be used; bootstrap ids are negative. */
    public static final int NO_NODE = Integer.MIN_VALUE;

    private enum State { CONNECTING, CHECKING_API_VERSIONS, READY }

    private final Config config;
    private final Transport transport;
    private final Metadata metadata;
    private final Time time;
    private final Map<Integer, BrokerNode> bootstrap = new HashMap<>();
    private final Map<Integer, BrokerNode> extraNodes = new HashMap<>();
    private final Map<Integer, NodeState> nodes = new HashMap<>();
    private int nextCorrelationId;
    private boolean metadataInFlight;
    private boolean haveClusterMetadata;

    public NetworkClient(final Config config, final List<InetSocketAddress> bootstrapServers, final Metadata metadata,
                         final Time time) throws IOException {
        this.config = config;
        this.transport = new Transport(config.maxResponseBytes(), config.sendBufferBytes(), config.receiveBufferBytes());
        this.metadata = metadata;
        this.time = time;
        int id = -1;
        for (final InetSocketAddress address : bootstrapServers) {
            bootstrap.put(id, new BrokerNode(id, address.getHostString(), address.getPort(), null));
            id--;
        }
    }

    private static final class NodeState {
        State state;
        final Deque<InFlight> inFlight = new ArrayDeque<>();
        final Map<ApiKeys, Short> versions = new EnumMap<>(ApiKeys.class);
        long lastConnectAttemptMs = Long.MIN_VALUE;
        int failures;
    }

    private record InFlight(int correlationId, int nodeId, ApiKeys api, short version, boolean expectResponse,
                            ResponseHandler handler, long createdMs) {
    }

    private BrokerNode node(final int nodeId) {
        final BrokerNode known = metadata.cluster().node(nodeId);
        if (known != null) {
            return known;
        }
        final BrokerNode extra = extraNodes.get(nodeId);
        return extra != null ? extra : bootstrap.get(nodeId);
    }

    /**
     * Makes {@code node} reachable under its id although metadata does not list it: the consumer
     * talks to its group coordinator over a connection of its own (id derived from the broker's), so
     * a JoinGroup the broker parks does not hold up fetches queued behind it.
     */
    public void addNode(final BrokerNode node) {
        extraNodes.put(node.id(), node);
    }

    private NodeState state(final int nodeId) {
        return nodes.computeIfAbsent(nodeId, id -> new NodeState());
    }

    /**
     * True if a request can go to {@code nodeId} now; otherwise starts connecting when allowed.
     */
    public boolean ready(final int nodeId, final long nowMs) {
        if (isReady(nodeId)) {
            return true;
        }
        if (!transport.hasConnection(nodeId) && connectionDelay(nodeId, nowMs) == 0) {
            connect(nodeId, nowMs);
        }
        return false;
    }

    /** Connected, versions known, and below {@code max.in.flight.requests.per.connection}. */
    public boolean isReady(final int nodeId) {
        final NodeState s = nodes.get(nodeId);
        return s != null && s.state == State.READY && s.inFlight.size() < config.maxInFlightPerConnection();
    }

    /** Connected with versions known, whatever the in-flight count. */
    public boolean isConnected(final int nodeId) {
        final NodeState s = nodes.get(nodeId);
        return s != null && s.state == State.READY;
    }

    /** Milliseconds until a new connection attempt to {@code nodeId} is allowed; 0 if now. */
    public long connectionDelay(final int nodeId, final long nowMs) {
        final NodeState s = nodes.get(nodeId);
        if (s == null || s.failures == 0 || s.lastConnectAttemptMs == Long.MIN_VALUE) {
            return 0;
        }
        final long backoff = (long) Math.min(config.reconnectBackoffMs() * Math.pow(2, Math.min(s.failures - 1, 20)),
            Math.max(config.reconnectBackoffMs(), config.reconnectBackoffMaxMs()));
        return Math.max(0, s.lastConnectAttemptMs + backoff - nowMs);
    }

    private void connect(final int nodeId, final long nowMs) {
        final BrokerNode node = node(nodeId);
        if (node == null) {
            return;
        }
        final NodeState s = state(nodeId);
        s.lastConnectAttemptMs = nowMs;
        s.state = State.CONNECTING;
        try {
            LOG.debug("Connecting to node {}", node);
            transport.connect(nodeId, new InetSocketAddress(node.host(), node.port()));
        } catch (final IOException | RuntimeException e) {
            LOG.warn("Cannot connect to node {}: {}", node, e.toString());
            s.failures++;
            s.state = null;
            metadata.requestUpdate();
        }
    }

    /** The version this client will use for {@code api} with {@code nodeId}, or -1 if none is common. */
    public short apiVersion(final int nodeId, final ApiKeys api) {
        final NodeState s = nodes.get(nodeId);
        final Short v = s == null ? null : s.versions.get(api);
        return v == null ? -1 : v;
    }

    /**
     * Sends {@code body} at the negotiated version. The node must be {@link #isReady ready}.
     *
     * @param expectResponse false for requests the broker does not answer (Produce with acks=0):
     *                       the handler runs once the bytes are written
     */
    public void send(final int nodeId, final ApiKeys api, final Struct body, final boolean expectResponse,
                     final ResponseHandler handler, final long nowMs) {
        final NodeState s = nodes.get(nodeId);
        if (s == null || s.state != State.READY) {
            throw new IllegalStateException("Node " + nodeId + " is not ready");
        }
        final short version = apiVersion(nodeId, api);
        if (version < 0) {
            handler.onComplete(new ClientResponse(nodeId, api, (short) -1, null,
                new UnsupportedVersionException("Node " + nodeId + " supports no version of " + api.apiName()
                    + " this client can use"), nowMs, nowMs));
            return;
        }
        doSend(nodeId, s, api, version, body, expectResponse, handler, nowMs);
    }

    /**
     * Like {@link #send(int, ApiKeys, Struct, boolean, ResponseHandler, long)} but never above
     * {@code maxVersion}: for callers whose request body uses fields of older versions only (the
     * consumer's Fetch names topics, which versions 13+ replace with topic ids).
     */
    public void send(final int nodeId, final ApiKeys api, final short maxVersion, final Struct body,
                     final boolean expectResponse, final ResponseHandler handler, final long nowMs) {
        final NodeState s = nodes.get(nodeId);
        if (s == null || s.state != State.READY) {
            throw new IllegalStateException("Node " + nodeId + " is not ready");
        }
        final short version = (short) Math.min(apiVersion(nodeId, api), maxVersion);
        if (version < api.lowestVersion()) {
            handler.onComplete(new ClientResponse(nodeId, api, (short) -1, null,
                new UnsupportedVersionException("Node " + nodeId + " supports no version of " + api.apiName()
                    + " up to " + maxVersion), nowMs, nowMs));
            return;
        }
        doSend(nodeId, s, api, version, body, expectResponse, handler, nowMs);
    }

    private void doSend(final int nodeId, final NodeState s, final ApiKeys api, final short version, final Struct body,
                        final boolean expectResponse, final ResponseHandler handler, final long nowMs) {
        final int correlationId = nextCorrelationId++;
        final RequestHeader header = new RequestHeader(api, version, correlationId, config.clientId());
        final MessageParts parts = Frames.requestParts(header, body);
        final List<ByteBuffer> buffers = new ArrayList<>(parts.parts().size());
        for (final MessageParts.Part part : parts.parts()) {
            if (part instanceof MessageParts.Encoded encoded) {
                buffers.add(encoded.bytes());
            } else if (((MessageParts.Payload) part).records() instanceof ByteBufferRecords records) {
                buffers.add(records.buffer());
            } else {
                throw new IllegalArgumentException("Records payload " + part + " cannot be sent by the client");
            }
        }
        final InFlight request = new InFlight(correlationId, nodeId, api, version, expectResponse, handler, nowMs);
        s.inFlight.addLast(request);
        transport.send(nodeId, buffers.toArray(new ByteBuffer[0]), request);
    }

    /** Requests awaiting an answer (or, without one, their bytes being written) on {@code nodeId}. */
    public int inFlightCount(final int nodeId) {
        final NodeState s = nodes.get(nodeId);
        return s == null ? 0 : s.inFlight.size();
    }

    public int inFlightCount() {
        int n = 0;
        for (final NodeState s : nodes.values()) {
            n += s.inFlight.size();
        }
        return n;
    }

    /**
     * The broker with the fewest requests in flight among those ready or connectable; {@link #NO_NODE} if none.
     * Brokers from metadata once known, the bootstrap servers before.
     */
    public int leastLoadedNode(final long nowMs) {
        final Collection<BrokerNode> candidates = metadata.cluster().nodes().isEmpty()
            ? bootstrap.values() : metadata.cluster().nodes();
        int best = NO_NODE;
        int bestLoad = Integer.MAX_VALUE;
        boolean bestConnected = false;
        for (final BrokerNode node : candidates) {
            final int load = inFlightCount(node.id());
            final boolean connected = isConnected(node.id());
            final boolean usable = connected || transport.hasConnection(node.id()) || connectionDelay(node.id(), nowMs) == 0;
            if (!usable) {
                continue;
            }
            if (best == NO_NODE || (connected && !bestConnected) || (connected == bestConnected && load < bestLoad)) {
                best = node.id();
                bestLoad = load;
                bestConnected = connected;
            }
        }
        return best;
    }

    /**
     * Does I/O for up to {@code timeoutMs}, then runs handlers of completed requests, fails timed
     * out ones, and refreshes metadata when due.
     */
    public void poll(final long timeoutMs, final long nowMs) {
        poll(timeoutMs, nowMs, null);
    }

    /**
     * As {@link #poll(long, long)}, running {@code waitEnded} (if not null) as soon as the wait for
     * I/O is over, before any I/O is handled: the producer's sender stops asking to be woken there.
     */
    public void poll(final long timeoutMs, final long nowMs, final Runnable waitEnded) {
        final long metadataWait = maybeUpdateMetadata(nowMs);
        long wait = Math.min(timeoutMs, metadataWait);
        for (final NodeState s : nodes.values()) {
            final InFlight oldest = s.inFlight.peekFirst();
            if (oldest != null) {
                // Wake just after the oldest request's deadline so its timeout is noticed on time.
                wait = Math.min(wait, oldest.createdMs() + config.requestTimeoutMs() + 1 - nowMs);
            }
        }
        try {
            transport.poll(Math.max(0, wait));
        } catch (final IOException e) {
            LOG.error("Unexpected I/O error in the selector", e);
        }
        if (waitEnded != null) {
            waitEnded.run();
        }
        final long afterMs = time.milliseconds();
        for (final int nodeId : transport.connected()) {
            final NodeState s = state(nodeId);
            s.state = State.CHECKING_API_VERSIONS;
            sendApiVersions(nodeId, s, ApiKeys.API_VERSIONS.highestVersion(), afterMs);
        }
        for (final Transport.CompletedSend send : transport.completedSends()) {
            final InFlight request = (InFlight) send.token();
            if (!request.expectResponse()) {
                final NodeState s = nodes.get(send.nodeId());
                if (s != null) {
                    s.inFlight.remove(request);
                }
                request.handler().onComplete(new ClientResponse(request.nodeId(), request.api(), request.version(),
                    null, null, request.createdMs(), afterMs));
            }
        }
        for (final Transport.Receive receive : transport.completedReceives()) {
            handleReceive(receive, afterMs);
        }
        for (final Transport.Disconnect disconnect : transport.disconnected()) {
            handleDisconnect(disconnect.nodeId(), disconnect.reason(), afterMs, null);
        }
        // Judged at the time the caller's cycle began, not after the wait: the caller has just
        // applied its own deadlines (delivery.timeout.ms) at that time, so those always win a tie.
        expireRequests(nowMs);
    }

    private void sendApiVersions(final int nodeId, final NodeState s, final short version, final long nowMs) {
        final Struct body = ApiKeys.API_VERSIONS.requestSchema().newStruct()
            .set(ApiVersionsRequestSchema.CLIENT_SOFTWARE_NAME, SOFTWARE_NAME)
            .set(ApiVersionsRequestSchema.CLIENT_SOFTWARE_VERSION, SOFTWARE_VERSION);
        doSend(nodeId, s, ApiKeys.API_VERSIONS, version, body, true, response -> onApiVersions(nodeId, response),
            nowMs);
    }

    private void onApiVersions(final int nodeId, final ClientResponse response) {
        final NodeState s = nodes.get(nodeId);
        if (s == null || response.failed()) {
            return; // the disconnect is handled elsewhere
        }
        final Struct body = response.body();
        final short error = body.get(ApiVersionsResponseSchema.ERROR_CODE);
        final Map<ApiKeys, short[]> brokerRanges = new EnumMap<>(ApiKeys.class);
        for (final Struct entry : body.get(ApiVersionsResponseSchema.API_KEYS)) {
            final ApiKeys api = ApiKeys.forId(entry.get(ApiVersionsResponseSchema.ApiVersion.API_KEY));
            if (api != null) {
                brokerRanges.put(api, new short[] {entry.get(ApiVersionsResponseSchema.ApiVersion.MIN_VERSION),
                    entry.get(ApiVersionsResponseSchema.ApiVersion.MAX_VERSION)});
            }
        }
        if (error == Errors.UNSUPPORTED_VERSION.code()) {
            final short[] range = brokerRanges.get(ApiKeys.API_VERSIONS);
            final short retry = range == null ? 0 : (short) Math.min(range[1], ApiKeys.API_VERSIONS.highestVersion());
            if (retry < response.version()) {
                sendApiVersions(nodeId, s, retry, time.milliseconds());
                return;
            }
        }
        if (error != Errors.NONE.code()) {
            transport.disconnect(nodeId, "ApiVersions failed with error " + Errors.forCode(error));
            return;
        }
        s.versions.clear();
        for (final Map.Entry<ApiKeys, short[]> e : brokerRanges.entrySet()) {
            final ApiKeys api = e.getKey();
            final short high = (short) Math.min(api.highestVersion(), e.getValue()[1]);
            final short low = (short) Math.max(api.lowestVersion(), e.getValue()[0]);
            if (high >= low) {
                s.versions.put(api, high);
            }
        }
        s.state = State.READY;
        s.failures = 0;
        LOG.debug("Node {} ready; versions {}", nodeId, s.versions);
    }

    private void handleReceive(final Transport.Receive receive, final long nowMs) {
        final NodeState s = nodes.get(receive.nodeId());
        final InFlight request = s == null ? null : s.inFlight.peekFirst();
        if (request == null || !request.expectResponse()) {
            transport.disconnect(receive.nodeId(), "unexpected response with no request outstanding");
            return;
        }
        final ByteBuffer frame = receive.payload();
        final Struct body;
        try {
            final ResponseHeader header = ResponseHeader.read(frame, request.api().responseHeaderVersion(request.version()));
            if (header.correlationId() != request.correlationId()) {
                throw new MalformedDataException("ResponseHeader.CorrelationId", "expected " + request.correlationId()
                    + " but got " + header.correlationId());
            }
            body = request.api() == ApiKeys.API_VERSIONS
                ? ApiVersionsResponses.read(frame, request.version())
                : request.api().responseSchema().read(frame, request.version());
        } catch (final MalformedDataException e) {
            LOG.warn("Undecodable {} response from node {}: {}", request.api().apiName(), receive.nodeId(), e.getMessage());
            s.inFlight.pollFirst();
            request.handler().onComplete(new ClientResponse(request.nodeId(), request.api(), request.version(), null,
                new NetworkException("Undecodable " + request.api().apiName() + " response from node "
                    + receive.nodeId() + ": " + e.getMessage(), e), request.createdMs(), nowMs));
            transport.disconnect(receive.nodeId(), "undecodable response");
            return;
        }
        s.inFlight.pollFirst();
        request.handler().onComplete(new ClientResponse(request.nodeId(), request.api(), request.version(), body, null,
            request.createdMs(), nowMs, frame));
    }

    private void handleDisconnect(final int nodeId, final String reason, final long nowMs, final InFlight timedOut) {
        final NodeState s = nodes.get(nodeId);
        if (s == null) {
            return;
        }
        if (s.state != State.READY) {
            s.failures++;
        }
        s.state = null;
        s.versions.clear();
        LOG.info("Disconnected from node {}: {}", nodeId, reason);
        metadata.requestUpdate();
        final List<InFlight> failed = new ArrayList<>(s.inFlight);
        s.inFlight.clear();
        for (final InFlight request : failed) {
            final RuntimeException error = request == timedOut
                ? new TimeoutException("No response to " + request.api().apiName() + " from node " + nodeId
                    + " within request.timeout.ms=" + config.requestTimeoutMs())
                : new DisconnectException("Connection to node " + nodeId + " lost: " + reason);
            request.handler().onComplete(new ClientResponse(nodeId, request.api(), request.version(), null, error,
                request.createdMs(), nowMs));
        }
    }

    private void expireRequests(final long nowMs) {
        // Found first and failed after: the handlers that failing runs may add nodes. Nothing is
        // copied on the usual call, which finds nothing expired (every poll makes one).
        List<InFlight> expired = null;
        for (final NodeState s : nodes.values()) {
            final InFlight oldest = s.inFlight.peekFirst();
            if (oldest != null && nowMs - oldest.createdMs() > config.requestTimeoutMs()) {
                if (expired == null) {
                    expired = new ArrayList<>();
                }
                expired.add(oldest);
            }
        }
        if (expired != null) {
            for (final InFlight oldest : expired) {
                final NodeState s = nodes.get(oldest.nodeId());
                if (s == null || s.inFlight.peekFirst() != oldest) {
                    continue; // failed meanwhile by a handler of another expired request
                }
                transport.disconnect(oldest.nodeId(), "request timed out");
                transport.disconnected().clear();
                handleDisconnect(oldest.nodeId(), "request timed out", nowMs, oldest);
            }
        }
    }

    /** Sends a Metadata request if one is due; returns how long until one might be. */
    private long maybeUpdateMetadata(final long nowMs) {
        final long due = metadata.timeToNextUpdate(nowMs);
        if (due > 0 || metadataInFlight) {
            return metadataInFlight ? config.requestTimeoutMs() : due;
        }
        final int node = leastLoadedNode(nowMs);
        if (node == NO_NODE) {
            return config.reconnectBackoffMs();
        }
        if (!isConnected(node) || inFlightCount(node) >= config.maxInFlightPerConnection()) {
            ready(node, nowMs);
            return config.reconnectBackoffMs();
        }
        final Struct request = ApiKeys.METADATA.requestSchema().newStruct()
            .set(MetadataRequestSchema.ALLOW_AUTO_TOPIC_CREATION, true);
        final List<Struct> topics = new ArrayList<>();
        request.set(MetadataRequestSchema.TOPICS, topics);
        for (final String topic : metadata.topics()) {
            request.add(MetadataRequestSchema.TOPICS).set(MetadataRequestSchema.MetadataRequestTopic.NAME, topic);
        }
        metadataInFlight = true;
        metadata.attempted(nowMs);
        send(node, ApiKeys.METADATA, request, true, this::onMetadata, nowMs);
        return config.requestTimeoutMs();
    }

    private void onMetadata(final ClientResponse response) {
        metadataInFlight = false;
        if (response.failed()) {
            LOG.debug("Metadata request failed: {}", response.failure().toString());
            metadata.failedUpdate(response.completedMs());
            return;
        }
        final Struct body = response.body();
        final List<BrokerNode> brokers = new ArrayList<>();
        for (final Struct b : body.get(MetadataResponseSchema.BROKERS)) {
            brokers.add(new BrokerNode(b.get(MetadataResponseSchema.MetadataResponseBroker.NODE_ID),
                b.get(MetadataResponseSchema.MetadataResponseBroker.HOST),
                b.get(MetadataResponseSchema.MetadataResponseBroker.PORT),
                b.get(MetadataResponseSchema.MetadataResponseBroker.RACK)));
        }
        final List<PartitionState> partitions = new ArrayList<>();
        final Map<String, Short> topicErrors = new HashMap<>();
        for (final Struct t : body.get(MetadataResponseSchema.TOPICS)) {
            final String name = t.get(MetadataResponseSchema.MetadataResponseTopic.NAME);
            final short error = t.get(MetadataResponseSchema.MetadataResponseTopic.ERROR_CODE);
            if (name == null) {
                continue;
            }
            if (error != Errors.NONE.code()) {
                topicErrors.put(name, error);
                continue;
            }
            for (final Struct p : t.get(MetadataResponseSchema.MetadataResponseTopic.PARTITIONS)) {
                partitions.add(new PartitionState(
                    new TopicPartition(name, p.get(MetadataResponseSchema.MetadataResponsePartition.PARTITION_INDEX)),
                    p.get(MetadataResponseSchema.MetadataResponsePartition.LEADER_ID),
                    p.get(MetadataResponseSchema.MetadataResponsePartition.LEADER_EPOCH),
                    p.get(MetadataResponseSchema.MetadataResponsePartition.REPLICA_NODES),
                    p.get(MetadataResponseSchema.MetadataResponsePartition.ISR_NODES),
                    p.get(MetadataResponseSchema.MetadataResponsePartition.OFFLINE_REPLICAS)));
            }
        }
        if (brokers.isEmpty()) {
            metadata.failedUpdate(response.completedMs());
            return;
        }
        haveClusterMetadata = true;
        metadata.update(new ClusterView(brokers, partitions, topicErrors), response.completedMs());
        // A topic the broker is still creating has no partitions yet: look again soon.
        if (!topicErrors.isEmpty()) {
            metadata.requestUpdate();
        }
    }

    /** True once a Metadata response has been applied. */
    public boolean hasClusterMetadata() {
        return haveClusterMetadata;
    }

    /**
     * Gives the frame of a response ({@link ClientResponse#frame()}) back for reuse by a later large
     * response. Only for a handler that knows nothing reads the frame, its body or any view of them any
     * more; at most once per frame.
     */
    public void releaseFrame(final ByteBuffer frame) {
        transport.releaseReceiveBuffer(frame);
    }

    /** Interrupts a blocking {@link #poll}; callable from any thread. */
    public void wakeup() {
        transport.wakeup();
    }

    /** Closes the connection to {@code nodeId}, failing its in-flight requests. */
    public void disconnect(final int nodeId, final String reason) {
        transport.disconnect(nodeId, reason);
    }

    /** Nodes with in-flight requests, for expiry checks. */
    public Set<Integer> nodesWithInFlight() {
        final java.util.HashSet<Integer> result = new java.util.HashSet<>();
        nodes.forEach((id, s) -> {
            if (!s.inFlight.isEmpty()) {
                result.add(id);
            }
        });
        return result;
    }

    @Override
    public void close() {
        try {
            transport.close();
        } catch (final IOException e) {
            LOG.debug("Error closing transport", e);
        }
        final long nowMs = time.milliseconds();
        for (final int nodeId : new ArrayList<>(nodes.keySet())) {
            handleDisconnect(nodeId, "client closed", nowMs, null);
        }
    }
}
