package dev.sluice.client.internal.consumer;

import dev.sluice.client.TopicPartition;
import dev.sluice.client.consumer.ConsumerRecord;
import dev.sluice.client.consumer.OffsetResetStrategy;
import dev.sluice.client.errors.OffsetOutOfRangeException;
import dev.sluice.client.internal.metadata.BrokerNode;
import dev.sluice.client.internal.metadata.ClusterView;
import dev.sluice.client.internal.metadata.Metadata;
import dev.sluice.client.internal.network.ClientResponse;
import dev.sluice.client.internal.network.NetworkClient;
import dev.sluice.client.serialization.Deserializer;
import dev.sluice.codec.compress.DecompressionContext;
import dev.sluice.codec.protocol.ApiKeys;
import dev.sluice.codec.protocol.Errors;
import dev.sluice.codec.protocol.Struct;
import dev.sluice.codec.protocol.message.FetchRequestSchema;
import dev.sluice.codec.protocol.message.FetchResponseSchema;
import dev.sluice.codec.record.RecordIterator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Sends Fetch requests, one in flight per broker, and turns the answers into records.
 *
 * <p>A partition is fetched when it is fetchable (assigned, not paused, position known), its leader is
 * known, no fetch is in flight to that leader and at most one response for it is still waiting to be
 * handed out; in that case the fetch starts at the end of that response ({@link
 * CompletedFetch#endOffset()}) rather than at the position. {@link #sendFetches} is called again just
 * before {@code poll} returns records, so the next response is on its way while the application
 * processes the last (prefetch). Fetching only partitions with nothing buffered, as kafka-clients
 * does, left the prefetch idle whenever one response held every partition of a broker: the next
 * fetch went out only after the application had drained it all, and transfer and processing took
 * turns (consumer-bench, 1 KiB records). Buffered data is therefore bounded by two responses per
 * partition, so by twice {@code fetch.max.bytes} per broker. Application thread only: handlers run
 * inside {@link NetworkClient#poll}, which that thread calls.
 */
public final class Fetcher<K, V> implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Fetcher.class);
    /** Fetch v13+ names topics by id, which this client's metadata does not track; v12 has everything else we use. */
    static final short MAX_FETCH_VERSION = 12;
    /** Largest capacity a partition's list of records in one poll's result starts with. */
    private static final int MAX_PRESIZED_RECORDS = 1024;

    private final NetworkClient client;
    private final Metadata metadata;
    private final SubscriptionState subscriptions;
    private final FetchConfig config;
    private final Deserializer<K> keyDeserializer;
    private final Deserializer<V> valueDeserializer;
    private final ConsumerMetrics metrics;
    private final DecompressionContext decompression;
    private final RecordIterator iterator;
    private final Set<Integer> nodesWithFetchInFlight = new HashSet<>();
    private final AssignedLeaders assignedLeaders = new AssignedLeaders();
    private final BufferedFetches<K, V> completed = new BufferedFetches<>();
    private final Map<TopicPartition, Long> outOfRange = new LinkedHashMap<>();

    public Fetcher(final NetworkClient client, final Metadata metadata, final SubscriptionState subscriptions,
                   final FetchConfig config, final Deserializer<K> keyDeserializer,
                   final Deserializer<V> valueDeserializer, final ConsumerMetrics metrics) {
        this.client = client;
        this.metadata = metadata;
        this.subscriptions = subscriptions;
        this.config = config;
        this.keyDeserializer = keyDeserializer;
        this.valueDeserializer = valueDeserializer;
        this.metrics = metrics;
        this.decompression = new DecompressionContext();
        this.iterator = new RecordIterator(decompression);
    }

    /**
     * Where the next fetch of {@code tp} starts: its position when nothing is buffered for it, the end
     * of its one buffered response, or -1 when it must not be fetched now (two responses buffered, or
     * the end of the buffered one unknown).
     */
    private long nextFetchOffset(final TopicPartition tp) {
        final List<CompletedFetch<K, V>> buffered = completed.of(tp);
        if (buffered.isEmpty()) {
            return subscriptions.position(tp);
        }
        return buffered.size() == 1 ? buffered.get(0).endOffset() : -1;
    }

    /**
     * Sends a Fetch to every ready leader that has fetchable partitions and no fetch in flight, unless
     * that fetch would only be a long poll holding the leader's one slot while records are still to be
     * fetched for other partitions (see {@link FetchPlan}). Returns at once, without walking the
     * partitions, when every leader of the assignment already has a fetch in flight: what most calls
     * find, since {@code poll} calls this each time it returns records.
     *
     * @return requests sent
     */
    public int sendFetches(final long nowMs) {
        final ClusterView cluster = metadata.cluster();
        final Set<Integer> leaders = assignedLeaders.of(cluster, subscriptions);
        if (leaders != null && nodesWithFetchInFlight.containsAll(leaders)) {
            // What the walk below would conclude, partition by partition: each leader's one slot is taken.
            return 0;
        }
        final Map<Integer, FetchPlan> byNode = new LinkedHashMap<>();
        for (final TopicPartition tp : subscriptions.assignedPartitions()) {
            if (!subscriptions.isFetchable(tp)) {
                continue;
            }
            final BrokerNode leader = cluster.leaderFor(tp);
            if (leader == null) {
                metadata.requestUpdate();
                continue;
            }
            if (nodesWithFetchInFlight.contains(leader.id())) {
                continue;
            }
            final FetchPlan plan = byNode.computeIfAbsent(leader.id(), id -> new FetchPlan());
            final long highWatermark = subscriptions.highWatermark(tp);
            final long fetchOffset = nextFetchOffset(tp);
            if (fetchOffset >= 0) {
                plan.add(tp, fetchOffset, highWatermark);
            } else if (!bufferedUpTo(tp, highWatermark)) {
                plan.holdsBack();
            }
        }
        int sent = 0;
        for (final Map.Entry<Integer, FetchPlan> e : byNode.entrySet()) {
            final int node = e.getKey();
            if (!e.getValue().worthSending() || !client.ready(node, nowMs)) {
                continue;
            }
            final Map<TopicPartition, Long> positions = e.getValue().positions();
            nodesWithFetchInFlight.add(node);
            client.send(node, ApiKeys.FETCH, MAX_FETCH_VERSION, fetchRequest(positions), true,
                response -> onFetchResponse(node, positions, response), nowMs);
            sent++;
        }
        return sent;
    }

    /**
     * True when the responses buffered for {@code tp} reach {@code highWatermark}: nothing more is
     * known to be there to fetch for it.
     */
    private boolean bufferedUpTo(final TopicPartition tp, final long highWatermark) {
        if (highWatermark < 0) {
            return false;
        }
        for (final CompletedFetch<K, V> fetch : completed.of(tp)) {
            if (fetch.endOffset() >= highWatermark) {
                return true;
            }
        }
        return false;
    }

    private Struct fetchRequest(final Map<TopicPartition, Long> positions) {
        final Struct request = ApiKeys.FETCH.requestSchema().newStruct()
            .set(FetchRequestSchema.REPLICA_ID, -1)
            .set(FetchRequestSchema.MAX_WAIT_MS, config.maxWaitMs())
            .set(FetchRequestSchema.MIN_BYTES, config.minBytes())
            .set(FetchRequestSchema.MAX_BYTES, config.maxBytes())
            .set(FetchRequestSchema.ISOLATION_LEVEL, config.isolationLevel())
            // Session id 0 with epoch -1: a full fetch outside any fetch session.
            .set(FetchRequestSchema.SESSION_ID, 0)
            .set(FetchRequestSchema.SESSION_EPOCH, -1)
            .set(FetchRequestSchema.FORGOTTEN_TOPICS_DATA, new ArrayList<>())
            .set(FetchRequestSchema.RACK_ID, "")
            .set(FetchRequestSchema.TOPICS, new ArrayList<>());
        final Map<String, Struct> topics = new HashMap<>();
        for (final Map.Entry<TopicPartition, Long> e : positions.entrySet()) {
            final TopicPartition tp = e.getKey();
            final Struct topic = topics.computeIfAbsent(tp.topic(), name -> request.add(FetchRequestSchema.TOPICS)
                .set(FetchRequestSchema.FetchTopic.TOPIC, name)
                .set(FetchRequestSchema.FetchTopic.PARTITIONS, new ArrayList<>()));
            topic.add(FetchRequestSchema.FetchTopic.PARTITIONS)
                .set(FetchRequestSchema.FetchPartition.PARTITION, tp.partition())
                .set(FetchRequestSchema.FetchPartition.FETCH_OFFSET, e.getValue())
                .set(FetchRequestSchema.FetchPartition.PARTITION_MAX_BYTES, config.partitionMaxBytes());
        }
        return request;
    }

    private void onFetchResponse(final int node, final Map<TopicPartition, Long> positions,
                                 final ClientResponse response) {
        // The handler's own reference: the frame goes back to the pool at the end unless a
        // CompletedFetch below still reads it.
        final SharedFrame frame = new SharedFrame(response.frame(), client::releaseFrame);
        try {
            handleFetchResponse(node, positions, response, frame);
        } finally {
            frame.release();
        }
    }

    private void handleFetchResponse(final int node, final Map<TopicPartition, Long> positions,
                                     final ClientResponse response, final SharedFrame frame) {
        nodesWithFetchInFlight.remove(node);
        if (response.failed()) {
            LOG.debug("Fetch from node {} failed: {}", node, response.failure().toString());
            metadata.requestUpdate();
            return;
        }
        final Struct body = response.body();
        final short topError = body.get(FetchResponseSchema.ERROR_CODE) == null ? 0 : body.get(FetchResponseSchema.ERROR_CODE);
        if (topError != Errors.NONE.code()) {
            LOG.debug("Fetch from node {} failed with {}", node, Errors.forCode(topError));
            metadata.requestUpdate();
            return;
        }
        int bytes = 0;
        for (final Struct topic : body.get(FetchResponseSchema.RESPONSES)) {
            final String name = topic.get(FetchResponseSchema.FetchableTopicResponse.TOPIC);
            for (final Struct p : topic.get(FetchResponseSchema.FetchableTopicResponse.PARTITIONS)) {
                final TopicPartition tp = new TopicPartition(name, p.get(FetchResponseSchema.PartitionData.PARTITION_INDEX));
                final Long fetchOffset = positions.get(tp);
                if (fetchOffset == null || !subscriptions.isAssigned(tp) || nextFetchOffset(tp) != fetchOffset) {
                    continue; // not asked for, or unassigned / moved by a seek since
                }
                final short error = p.get(FetchResponseSchema.PartitionData.ERROR_CODE);
                if (error != Errors.NONE.code() && subscriptions.position(tp) != fetchOffset) {
                    // A fetch ahead of buffered records: leave the error to the fetch from the position
                    // once they are handed out, so they still are, as without the prefetch.
                    LOG.debug("Fetch ahead for {} at {} failed with {}", tp, fetchOffset, Errors.forCode(error));
                    continue;
                }
                if (error == Errors.NONE.code()) {
                    final long highWatermark = p.get(FetchResponseSchema.PartitionData.HIGH_WATERMARK);
                    subscriptions.highWatermark(tp, highWatermark);
                    metrics.partitionLag(Math.max(0, highWatermark - fetchOffset), response.completedMs());
                    final ByteBuffer records = p.recordsBuffer(FetchResponseSchema.PartitionData.RECORDS);
                    if (records != null && records.hasRemaining()) {
                        bytes += records.remaining();
                        completed.add(new CompletedFetch<>(tp, fetchOffset, records, frame, iterator,
                            config.checkCrcs(), keyDeserializer, valueDeserializer));
                    }
                } else if (error == Errors.OFFSET_OUT_OF_RANGE.code()) {
                    if (subscriptions.defaultReset() == OffsetResetStrategy.NONE) {
                        outOfRange.put(tp, fetchOffset);
                    } else {
                        LOG.info("Fetch offset {} is out of range for {}, resetting to {}", fetchOffset, tp,
                            subscriptions.defaultReset().configName());
                        subscriptions.requestReset(tp, subscriptions.defaultReset());
                    }
                } else {
                    LOG.debug("Fetch for {} failed with {}", tp, Errors.forCode(error));
                    metadata.requestUpdate();
                }
            }
        }
        metrics.fetchCompleted(response.latencyMs(), bytes, response.completedMs());
    }

    /** True when fetched records are waiting to be handed out. */
    public boolean hasCompletedFetches() {
        return !completed.isEmpty();
    }

    /**
     * Up to {@code max.poll.records} records from the responses received so far, in offset order per
     * partition, advancing positions past them.
     *
     * @throws OffsetOutOfRangeException      when a position is out of range and auto.offset.reset is none
     * @throws dev.sluice.client.errors.CorruptRecordException for a corrupt batch, naming partition and offset
     */
    public Map<TopicPartition, List<ConsumerRecord<K, V>>> collect(final long nowMs) {
        if (!outOfRange.isEmpty()) {
            final Map<TopicPartition, Long> offsets = new LinkedHashMap<>(outOfRange);
            outOfRange.clear();
            throw new OffsetOutOfRangeException(offsets);
        }
        final Map<TopicPartition, List<ConsumerRecord<K, V>>> out = new LinkedHashMap<>();
        int remaining = config.maxPollRecords();
        int total = 0;
        while (remaining > 0 && !completed.isEmpty()) {
            final CompletedFetch<K, V> fetch = completed.first();
            final TopicPartition tp = fetch.partition();
            if (!subscriptions.isAssigned(tp) || subscriptions.position(tp) != fetch.nextOffset()) {
                completed.dropFirst(); // unassigned or seeked elsewhere: the data is stale
                continue;
            }
            if (subscriptions.isPaused(tp)) {
                // Kept for resume unless the position moves; other partitions go on.
                completed.moveFirstToBack();
                if (completed.allOf(subscriptions::isPaused)) {
                    break;
                }
                continue;
            }
            List<ConsumerRecord<K, V>> list = out.get(tp);
            if (list == null) {
                // Sized for what may still come (max.poll.records is 500 by default): growing from 10 to 500
                // copied the list ten times a poll. Capped so a huge max.poll.records does not presize huge lists.
                list = new ArrayList<>(Math.min(remaining, MAX_PRESIZED_RECORDS));
                out.put(tp, list);
            }
            final int added;
            try {
                added = fetch.drain(remaining, list);
            } catch (final dev.sluice.client.errors.CorruptRecordException e) {
                if (total == 0) {
                    throw e;
                }
                break; // hand out what came before; the fetch throws again on the next poll
            } finally {
                subscriptions.advance(tp, fetch.nextOffset());
                if (list.isEmpty()) {
                    out.remove(tp);
                }
            }
            remaining -= added;
            total += added;
            if (fetch.isExhausted()) {
                completed.dropFirst();
            }
        }
        if (total > 0) {
            metrics.recordsConsumed(total, nowMs);
        }
        return out;
    }

    /** Drops buffered data of {@code tp} (after a seek or unassignment), releasing its response buffers. */
    public void clearBuffered(final TopicPartition tp) {
        completed.drop(tp);
    }

    @Override
    public void close() {
        completed.dropAll();
        decompression.close();
    }
}
