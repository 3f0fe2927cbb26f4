package dev.sluice.client.internal.producer;

import dev.sluice.client.TopicPartition;
import dev.sluice.client.errors.ApiException;
import dev.sluice.client.errors.RetriableException;
import dev.sluice.client.errors.TimeoutException;
import dev.sluice.client.internal.metadata.BrokerNode;
import dev.sluice.client.internal.metadata.ClusterView;
import dev.sluice.client.internal.metadata.Metadata;
import dev.sluice.client.internal.network.ClientResponse;
import dev.sluice.client.internal.network.ErrorMapping;
import dev.sluice.client.internal.network.NetworkClient;
import dev.sluice.client.internal.util.Time;
import dev.sluice.codec.protocol.ApiKeys;
import dev.sluice.codec.protocol.ByteBufferRecords;
import dev.sluice.codec.protocol.Errors;
import dev.sluice.codec.protocol.Struct;
import dev.sluice.codec.protocol.message.InitProducerIdRequestSchema;
import dev.sluice.codec.protocol.message.InitProducerIdResponseSchema;
import dev.sluice.codec.protocol.message.ProduceRequestSchema;
import dev.sluice.codec.protocol.message.ProduceResponseSchema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The producer's I/O thread: a single-threaded duty cycle that ships what the accumulator has
 * ready and completes batches from the responses.
 *
 * <p>Each cycle: make sure an idempotent producer has an id; ask the accumulator which leaders
 * have ready batches; drain one Produce request per ready, connected leader (under
 * {@code max.request.size}, at most {@code max.in.flight.requests.per.connection} pipelined);
 * expire batches past {@code delivery.timeout.ms}, queued or in flight; then poll the network,
 * which runs the response handlers below.
 *
 * <p>Appends wake the thread only while it waits in that poll, and not even then when every leader
 * is at {@code max.in.flight.requests.per.connection} (see {@link WakeupHandshake}): measured on an
 * unthrottled run of 1 600 000 records of 1 KiB (linger 5, one broker), waking on every append
 * behind a full batch and polling every millisecond while the leader was saturated took 1 600 000
 * wake-up calls and 37 000 cycles, 23 500 of which sent nothing; now 17 wake-ups and 23 000
 * cycles, about one that sends and one that waits for a response per request.
 *
 * <p>A batch's buffer goes back to the pool only when no request refers to it: on its response,
 * on the request's failure, or at once if it was never sent. A batch that expires in flight is
 * failed immediately but its buffer waits for the request to end.
 */
public final class Sender implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(Sender.class);

    /** What the sender needs from the producer config; times in milliseconds. */
    public record Config(short acks, int maxRequestSize, int requestTimeoutMs, long deliveryTimeoutMs, int retries,
                         long retryBackoffMs, int maxInFlight) {
    }

    private final Config config;
    private final NetworkClient client;
    private final Metadata metadata;
    private final RecordAccumulator accumulator;
    private final IdempotenceState idempotence;
    private final ProducerMetrics metrics;
    private final Time time;
    private final boolean guaranteeOrder;
    /** Batches in requests not yet answered, per partition, oldest first. Sender thread only. */
    private final Map<TopicPartition, List<ProducerBatch>> inFlightBatches = new HashMap<>();
    /** Sequenced batches not finally completed, per partition, by base sequence. Sender thread only. */
    private final Map<TopicPartition, TreeMap<Integer, ProducerBatch>> unacknowledged = new HashMap<>();
    /** Highest sequence the broker acknowledged per partition under the current producer id. Sender thread only. */
    private final Map<TopicPartition, Integer> lastAckedSequence = new HashMap<>();
    /** Lets appends wake this thread only while it waits in the network poll. */
    private final WakeupHandshake wakeups;
    /** {@link WakeupHandshake#unparked()}, made once: the poll runs it as soon as its wait ends. */
    private final Runnable waitEnded;
    private volatile boolean running = true;
    private volatile boolean forceClose;
    private boolean initProducerIdInFlight;
    private long nextInitAttemptMs;

    /**
     * @param idempotence null when idempotence is off
     */
    public Sender(final Config config, final NetworkClient client, final Metadata metadata,
                  final RecordAccumulator accumulator, final IdempotenceState idempotence,
                  final ProducerMetrics metrics, final Time time) {
        this.config = config;
        this.client = client;
        this.metadata = metadata;
        this.accumulator = accumulator;
        this.idempotence = idempotence;
        this.metrics = metrics;
        this.time = time;
        this.wakeups = new WakeupHandshake(client::wakeup);
        this.waitEnded = wakeups::unparked;
        // Without idempotence only one request per partition may be in flight, or a retry could
        // overtake a later batch.
        this.guaranteeOrder = idempotence == null && config.maxInFlight() == 1;
    }

    @Override
    public void run() {
        LOG.debug("Sender thread started");
        while (running) {
            runOnceSafely();
        }
        // Graceful close: ship what is queued and wait for answers, unless forced.
        while (!forceClose && (accumulator.hasUndrained() || client.inFlightCount() > 0 || hasInFlightBatches())) {
            runOnceSafely();
        }
        if (forceClose) {
            final RuntimeException closed = new IllegalStateException("Producer was closed forcefully");
            accumulator.abortIncompleteBatches(closed);
            failInFlight(closed);
        }
        client.close();
        LOG.debug("Sender thread stopped");
    }

    private void runOnceSafely() {
        try {
            runOnce();
        } catch (final RuntimeException e) {
            LOG.error("Uncaught error in the producer's sender thread", e);
        }
    }

    /** One duty cycle. Public for tests that drive the sender by hand. */
    public void runOnce() {
        wakeups.beginCycle();
        final long nowMs = time.milliseconds();
        if (idempotence != null && !ensureProducerId(nowMs)) {
            expireBatches(nowMs);
            poll(Math.min(config.retryBackoffMs(), 100), false, nowMs);
            return;
        }
        final long pollTimeout = sendProducerData(nowMs);
        final boolean untilResponse = pollTimeout > 0 && everyLeaderAtMaxInFlight(metadata.cluster());
        poll(pollTimeout, untilResponse, nowMs);
    }

    /**
     * True if every broker leading a partition has a ready connection with as many requests in
     * flight as it may take: then nothing can be sent before a response arrives.
     */
    private boolean everyLeaderAtMaxInFlight(final ClusterView cluster) {
        boolean anyLeader = false;
        for (final BrokerNode node : cluster.nodes()) {
            if (cluster.partitionsLedBy(node.id()).isEmpty()) {
                continue;
            }
            if (!client.isConnected(node.id()) || client.isReady(node.id())) {
                return false;
            }
            anyLeader = true;
        }
        return anyLeader;
    }

    private void poll(final long timeoutMs, final boolean untilResponse, final long nowMs) {
        try {
            client.poll(wakeups.park(timeoutMs, untilResponse), nowMs, waitEnded);
        } finally {
            wakeups.unparked();
        }
    }

    /** True when the producer has a usable id; otherwise works toward one. */
    private boolean ensureProducerId(final long nowMs) {
        if (idempotence.needsReset() && !hasInFlightBatches()) {
            LOG.info("Resetting producer id {} after an unrecoverable batch failure", idempotence.producerId());
            idempotence.clearProducerId();
            unacknowledged.clear();
            lastAckedSequence.clear();
        }
        if (idempotence.hasProducerId()) {
            return true;
        }
        if (initProducerIdInFlight || nowMs < nextInitAttemptMs) {
            return false;
        }
        final int node = client.leastLoadedNode(nowMs);
        if (node == NetworkClient.NO_NODE || !client.ready(node, nowMs)) {
            return false;
        }
        final Struct request = ApiKeys.INIT_PRODUCER_ID.requestSchema().newStruct()
            .set(InitProducerIdRequestSchema.TRANSACTIONAL_ID, null)
            .set(InitProducerIdRequestSchema.TRANSACTION_TIMEOUT_MS, 60_000);
        initProducerIdInFlight = true;
        client.send(node, ApiKeys.INIT_PRODUCER_ID, request, true, this::onInitProducerId, nowMs);
        return false;
    }

    private void onInitProducerId(final ClientResponse response) {
        initProducerIdInFlight = false;
        if (response.failed()) {
            nextInitAttemptMs = response.completedMs() + config.retryBackoffMs();
            return;
        }
        final Errors error = Errors.forCode(response.body().get(InitProducerIdResponseSchema.ERROR_CODE));
        if (error == Errors.NONE) {
            final long id = response.body().get(InitProducerIdResponseSchema.PRODUCER_ID);
            final short epoch = response.body().get(InitProducerIdResponseSchema.PRODUCER_EPOCH);
            idempotence.producerIdAssigned(id, epoch);
            // Retries queued under the old id get sequences of the new one before anything is sent.
            accumulator.resequence(idempotence);
            LOG.info("Producer id {} epoch {} assigned", id, epoch);
        } else {
            LOG.warn("InitProducerId failed with {}; retrying", error);
            nextInitAttemptMs = response.completedMs() + config.retryBackoffMs();
        }
    }

    private long sendProducerData(final long nowMs) {
        final ClusterView cluster = metadata.cluster();
        final RecordAccumulator.ReadyCheck ready = accumulator.ready(cluster, nowMs,
            node -> client.inFlightCount(node) == 0);
        if (!ready.unknownLeaderTopics().isEmpty()) {
            for (final String topic : ready.unknownLeaderTopics()) {
                metadata.addTopic(topic);
            }
            metadata.requestUpdate();
        }
        long pollTimeout = Math.min(ready.nextReadyCheckDelayMs(), config.requestTimeoutMs());
        final Set<Integer> sendable = new HashSet<>();
        for (final int node : ready.readyNodes()) {
            if (client.ready(node, nowMs)) {
                sendable.add(node);
            } else if (!client.isConnected(node)) {
                pollTimeout = Math.min(pollTimeout, Math.max(1, client.connectionDelay(node, nowMs)));
            }
            // Connected but at max.in.flight.requests.per.connection: only a response (which ends
            // the poll) can change that, so no timeout. Waking every millisecond instead made an
            // unthrottled producer's I/O thread run most of its cycles for nothing.
        }
        final Map<Integer, List<ProducerBatch>> batches =
            accumulator.drain(cluster, sendable, config.maxRequestSize(), idempotence, nowMs);
        for (final List<ProducerBatch> list : batches.values()) {
            for (final ProducerBatch batch : list) {
                inFlightBatches.computeIfAbsent(batch.partition(), tp -> new ArrayList<>()).add(batch);
                if (batch.hasSequence()) {
                    unacknowledged.computeIfAbsent(batch.partition(), tp -> new TreeMap<>())
                        .put(batch.baseSequence(), batch);
                }
                // A broker without state for this producer accepts any sequence, so until the first
                // batch of a partition is acknowledged, a later pipelined batch could be written
                // ahead of a first one that is being retried: send one at a time until then.
                if (guaranteeOrder || (batch.hasSequence() && !lastAckedSequence.containsKey(batch.partition()))) {
                    accumulator.mute(batch.partition());
                }
            }
        }
        expireBatches(nowMs);
        for (final Map.Entry<Integer, List<ProducerBatch>> e : batches.entrySet()) {
            sendProduceRequest(e.getKey(), e.getValue(), nowMs);
        }
        if (!batches.isEmpty()) {
            pollTimeout = 0; // more may be ready at once
        }
        // Wake up for the first in-flight batch to reach delivery.timeout.ms, so it is failed on
        // time rather than whenever the network next has something to say.
        for (final List<ProducerBatch> list : inFlightBatches.values()) {
            for (final ProducerBatch batch : list) {
                if (!batch.isCompleted()) {
                    pollTimeout = Math.min(pollTimeout, batch.createdMs() + config.deliveryTimeoutMs() - nowMs);
                }
            }
        }
        return Math.max(0, pollTimeout);
    }

    private void expireBatches(final long nowMs) {
        for (final ProducerBatch batch : accumulator.expiredBatches(nowMs)) {
            failBatch(batch, new TimeoutException("Expiring " + batch.recordCount() + " record(s) for "
                + batch.partition() + ": " + (nowMs - batch.createdMs()) + " ms has passed since batch creation"
                + " (delivery.timeout.ms=" + config.deliveryTimeoutMs() + ")"), nowMs);
            accumulator.deallocate(batch);
        }
        for (final List<ProducerBatch> list : inFlightBatches.values()) {
            for (final ProducerBatch batch : list) {
                if (!batch.isCompleted() && batch.hasReachedDeliveryTimeout(config.deliveryTimeoutMs(), nowMs)) {
                    // The buffer stays out of the pool: the request holding it is still in flight.
                    failBatch(batch, new TimeoutException("Expiring " + batch.recordCount() + " record(s) for "
                        + batch.partition() + " while in flight: " + (nowMs - batch.createdMs())
                        + " ms has passed since batch creation (delivery.timeout.ms=" + config.deliveryTimeoutMs()
                        + ")"), nowMs);
                }
            }
        }
    }

    private void sendProduceRequest(final int node, final List<ProducerBatch> batches, final long nowMs) {
        final Struct request = ApiKeys.PRODUCE.requestSchema().newStruct()
            .set(ProduceRequestSchema.TRANSACTIONAL_ID, null)
            .set(ProduceRequestSchema.ACKS, config.acks())
            .set(ProduceRequestSchema.TIMEOUT_MS, config.requestTimeoutMs());
        final Map<String, Struct> topics = new LinkedHashMap<>();
        final Map<TopicPartition, ProducerBatch> byPartition = new HashMap<>();
        int records = 0;
        for (final ProducerBatch batch : batches) {
            final TopicPartition tp = batch.partition();
            final Struct topic = topics.computeIfAbsent(tp.topic(), name ->
                request.add(ProduceRequestSchema.TOPIC_DATA).set(ProduceRequestSchema.TopicProduceData.NAME, name));
            topic.add(ProduceRequestSchema.TopicProduceData.PARTITION_DATA)
                .set(ProduceRequestSchema.PartitionProduceData.INDEX, tp.partition())
                .set(ProduceRequestSchema.PartitionProduceData.RECORDS, ByteBufferRecords.wrap(batch.close()));
            byPartition.put(tp, batch);
            records += batch.recordCount();
            metrics.batchSent(batch, nowMs);
        }
        metrics.requestSent(records, nowMs);
        final boolean expectResponse = config.acks() != 0;
        client.send(node, ApiKeys.PRODUCE, request, expectResponse,
            response -> onProduceResponse(response, byPartition), nowMs);
    }

    private void onProduceResponse(final ClientResponse response, final Map<TopicPartition, ProducerBatch> batches) {
        final long nowMs = response.completedMs();
        metrics.requestCompleted(response.latencyMs(), nowMs);
        if (response.failed()) {
            final RuntimeException failure = response.failure();
            LOG.debug("Produce request to node {} failed: {}", response.nodeId(), failure.toString());
            for (final ProducerBatch batch : batches.values()) {
                handleBatchError(batch, failure, failure instanceof RetriableException, nowMs);
            }
            metadata.requestUpdate();
            return;
        }
        if (response.body() == null) {
            // acks=0: the broker will not answer; the records are done once written.
            for (final ProducerBatch batch : batches.values()) {
                completeBatch(batch, -1, -1, nowMs);
            }
            return;
        }
        for (final Struct topic : response.body().get(ProduceResponseSchema.RESPONSES)) {
            final String name = topic.get(ProduceResponseSchema.TopicProduceResponse.NAME);
            for (final Struct p : topic.get(ProduceResponseSchema.TopicProduceResponse.PARTITION_RESPONSES)) {
                final TopicPartition tp = new TopicPartition(name,
                    p.get(ProduceResponseSchema.PartitionProduceResponse.INDEX));
                final ProducerBatch batch = batches.remove(tp);
                if (batch == null) {
                    LOG.warn("Produce response names {} which was not in the request", tp);
                    continue;
                }
                final Errors error = Errors.forCode(p.get(ProduceResponseSchema.PartitionProduceResponse.ERROR_CODE));
                if (error == Errors.NONE || error == Errors.DUPLICATE_SEQUENCE_NUMBER) {
                    final long baseOffset = error == Errors.NONE
                        ? p.get(ProduceResponseSchema.PartitionProduceResponse.BASE_OFFSET) : -1;
                    completeBatch(batch, baseOffset,
                        p.get(ProduceResponseSchema.PartitionProduceResponse.LOG_APPEND_TIME_MS), nowMs);
                } else if (error == Errors.MESSAGE_TOO_LARGE && canSplit(batch, nowMs)) {
                    splitAndResend(batch);
                } else if (isOvertakenRetry(batch, error)) {
                    // A later batch of this partition was written while this one waited to be
                    // retried (a leader that became ready between two pipelined requests), so the
                    // broker has moved past its sequence. It was not written: send it again under
                    // a new producer id. Its records now follow the later batch's.
                    LOG.warn("{} was overtaken by a later batch; resending it under a new producer id", batch);
                    removeInFlight(batch);
                    batch.requestFinished();
                    idempotence.requestReset();
                    accumulator.reenqueue(batch, nowMs);
                    accumulator.unmute(batch.partition());
                } else {
                    final ApiException exception = ErrorMapping.exception(error, tp.toString(),
                        p.get(ProduceResponseSchema.PartitionProduceResponse.ERROR_MESSAGE));
                    handleBatchError(batch, exception, isRetriable(batch, error), nowMs);
                    if (error == Errors.NOT_LEADER_OR_FOLLOWER || error == Errors.UNKNOWN_TOPIC_OR_PARTITION
                        || error == Errors.LEADER_NOT_AVAILABLE || error == Errors.KAFKA_STORAGE_ERROR) {
                        metadata.requestUpdate();
                    }
                }
            }
        }
        for (final ProducerBatch missing : batches.values()) {
            handleBatchError(missing, new IllegalStateException("Produce response did not mention "
                + missing.partition()), false, nowMs);
        }
    }

    /**
     * Retriable errors are retried; an out-of-order sequence too when an earlier batch of the same
     * partition is itself being retried (the broker rejects the later one only because of the gap).
     */
    private boolean isRetriable(final ProducerBatch batch, final Errors error) {
        if (error == Errors.OUT_OF_ORDER_SEQUENCE_NUMBER && batch.hasSequence()) {
            final TreeMap<Integer, ProducerBatch> pending = unacknowledged.get(batch.partition());
            return pending != null && !pending.isEmpty() && pending.firstKey() < batch.baseSequence();
        }
        return error.isRetriable();
    }

    /**
     * A batch the broker found too large can be split if it has more than one record and is
     * still wanted: kafka-clients does the same for RecordBatch v2.
     */
    private boolean canSplit(final ProducerBatch batch, final long nowMs) {
        return batch.recordCount() > 1 && !batch.isCompleted() && !forceClose
            && !batch.hasReachedDeliveryTimeout(config.deliveryTimeoutMs(), nowMs);
    }

    /**
     * Replaces a too-large batch by smaller ones at the head of its partition's queue. Its
     * sequence range passes to the pieces (the broker wrote none of it), so they are tracked as
     * unacknowledged at once: a later pipelined batch the broker refuses as out of order meanwhile
     * is then recognised as waiting for them and retried.
     */
    private void splitAndResend(final ProducerBatch batch) {
        removeInFlight(batch);
        batch.requestFinished();
        forgetSequence(batch);
        final List<ProducerBatch> pieces = accumulator.splitAndReenqueue(batch);
        LOG.info("{} was too large for the broker ({} bytes); split into {} batches", batch,
            batch.estimatedSizeInBytes(), pieces.size());
        for (final ProducerBatch piece : pieces) {
            if (piece.hasSequence()) {
                unacknowledged.computeIfAbsent(piece.partition(), tp -> new TreeMap<>())
                    .put(piece.baseSequence(), piece);
            }
        }
        accumulator.deallocate(batch);
        accumulator.unmute(batch.partition());
    }

    private boolean isOvertakenRetry(final ProducerBatch batch, final Errors error) {
        if (error != Errors.OUT_OF_ORDER_SEQUENCE_NUMBER || !batch.hasSequence() || idempotence == null
            || batch.producerId() != idempotence.producerId() || batch.hasReachedDeliveryTimeout(
                config.deliveryTimeoutMs(), time.milliseconds())) {
            return false;
        }
        final Integer acked = lastAckedSequence.get(batch.partition());
        return acked != null && acked >= batch.baseSequence();
    }

    private void handleBatchError(final ProducerBatch batch, final RuntimeException error, final boolean retriable,
                                  final long nowMs) {
        removeInFlight(batch);
        batch.requestFinished();
        if (retriable && !batch.isCompleted() && !forceClose
            && !batch.hasReachedDeliveryTimeout(config.deliveryTimeoutMs(), nowMs)
            && batch.attempts() <= config.retries()) {
            LOG.debug("Retrying {} (attempt {}): {}", batch, batch.attempts() + 1, error.toString());
            metrics.recordsRetried(batch.recordCount(), nowMs);
            accumulator.reenqueue(batch, nowMs);
            accumulator.unmute(batch.partition());
            return;
        }
        failBatch(batch, error, nowMs);
        accumulator.deallocate(batch);
        accumulator.unmute(batch.partition());
    }

    private void completeBatch(final ProducerBatch batch, final long baseOffset, final long logAppendTime,
                               final long nowMs) {
        removeInFlight(batch);
        batch.requestFinished();
        forgetSequence(batch);
        if (batch.hasSequence() && idempotence != null && batch.producerId() == idempotence.producerId()) {
            lastAckedSequence.merge(batch.partition(), batch.baseSequence() + batch.recordCount() - 1, Math::max);
        }
        if (batch.complete(baseOffset, logAppendTime, null)) {
            metrics.recordsAcknowledged(batch.recordCount(), nowMs);
        }
        accumulator.deallocate(batch);
        accumulator.unmute(batch.partition());
    }

    /** Fails a batch for good (buffer handling is the caller's). */
    private void failBatch(final ProducerBatch batch, final RuntimeException error, final long nowMs) {
        if (batch.hasSequence() && idempotence != null && !batch.isCompleted()) {
            // Whether the broker wrote it is unknown: later sequences would leave a gap.
            idempotence.requestReset();
        }
        forgetSequence(batch);
        if (batch.complete(-1, -1, error)) {
            metrics.recordsFailed(batch.recordCount(), nowMs);
            LOG.debug("Failed {}: {}", batch, error.toString());
        }
    }

    private void forgetSequence(final ProducerBatch batch) {
        if (batch.hasSequence()) {
            final TreeMap<Integer, ProducerBatch> pending = unacknowledged.get(batch.partition());
            if (pending != null) {
                pending.remove(batch.baseSequence(), batch);
            }
        }
    }

    private void removeInFlight(final ProducerBatch batch) {
        final List<ProducerBatch> list = inFlightBatches.get(batch.partition());
        if (list != null) {
            final Iterator<ProducerBatch> it = list.iterator();
            while (it.hasNext()) {
                if (it.next() == batch) {
                    it.remove();
                    break;
                }
            }
            if (list.isEmpty()) {
                inFlightBatches.remove(batch.partition());
            }
        }
    }

    private boolean hasInFlightBatches() {
        return !inFlightBatches.isEmpty();
    }

    private void failInFlight(final RuntimeException error) {
        final long nowMs = time.milliseconds();
        for (final List<ProducerBatch> list : new ArrayList<>(inFlightBatches.values())) {
            for (final ProducerBatch batch : new ArrayList<>(list)) {
                batch.complete(-1, -1, error);
                metrics.recordsFailed(batch.recordCount(), nowMs);
            }
        }
        // Buffers of in-flight batches are dropped with the client's connections, not pooled again.
        inFlightBatches.clear();
    }

    /**
     * Tells the sender an append opened a batch or made one sendable; wakes it only if it is
     * waiting in the network poll (a running sender finds the batch in its next cycle). Any thread,
     * after the append.
     */
    public void batchAppended() {
        wakeups.signal();
    }

    /** Wakes the sender from a blocking poll at once, whatever it is doing. Any thread. */
    public void wakeup() {
        client.wakeup();
    }

    /** Stops taking new work; queued records are still sent. Any thread. */
    public void initiateClose() {
        accumulator.close();
        running = false;
        wakeup();
    }

    /** Stops at once, failing everything unsent. Any thread. */
    public void forceClose() {
        forceClose = true;
        initiateClose();
    }
}
