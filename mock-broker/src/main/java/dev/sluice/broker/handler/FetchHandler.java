package dev.sluice.broker.handler;

import dev.sluice.broker.log.LogErrors;
import dev.sluice.broker.log.PartitionLog;
import dev.sluice.broker.log.ReadResult;
import dev.sluice.broker.log.TopicInfo;
import dev.sluice.codec.protocol.ApiKeys;
import dev.sluice.codec.protocol.ByteBufferRecords;
import dev.sluice.codec.protocol.Errors;
import dev.sluice.codec.protocol.Struct;
import dev.sluice.codec.protocol.message.FetchRequestSchema;
import dev.sluice.codec.protocol.message.FetchRequestSchema.FetchPartition;
import dev.sluice.codec.protocol.message.FetchRequestSchema.FetchTopic;
import dev.sluice.codec.protocol.message.FetchResponseSchema;
import dev.sluice.codec.protocol.message.FetchResponseSchema.FetchableTopicResponse;
import dev.sluice.codec.protocol.message.FetchResponseSchema.PartitionData;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Fetch (key 1), versions 4-16 (Kafka 4 dropped 0-3; v13+ name topics by id).
 *
 * <p>Reads every requested partition in request order, each limited by its
 * {@code partition_max_bytes} and by what is left of the response's {@code max_bytes}; the first
 * partition with data returns at least one whole batch even if larger (KIP-74) so a consumer
 * never stalls. Records go out as file slices with transferTo, never copied into the heap. If
 * fewer than {@code min_bytes} are available and no partition has an error, the fetch is parked
 * in the {@link FetchPurgatory} until appends bring enough bytes or {@code max_wait_ms} passes.
 *
 * <p>Fetch sessions (KIP-227) are not kept: every answer carries session id 0, which tells the
 * client to send full fetches, which it does. Single node without transactions: the last stable
 * offset equals the high watermark, no aborted transactions.
 */
public final class FetchHandler implements ApiHandler {
    private static final short LOWEST_VERSION = 4;
    private static final short FIRST_TOPIC_ID_VERSION = 13;
    private static final ByteBuffer NO_RECORDS = ByteBuffer.allocate(0);

    private final BrokerContext broker;

    public FetchHandler(final BrokerContext broker) {
        this.broker = broker;
    }

    @Override
    public ApiKeys api() {
        return ApiKeys.FETCH;
    }

    @Override
    public short lowestVersion() {
        return LOWEST_VERSION;
    }

    @Override
    public void handle(final RequestContext request) {
        final Struct body = request.body();
        final PendingFetch fetch = new PendingFetch(request, plan(request));
        final int maxWaitMs = body.get(FetchRequestSchema.MAX_WAIT_MS);
        if (!fetch.tryComplete(maxWaitMs <= 0)) {
            broker.fetchCounters().recordParked();
            broker.fetches().park(fetch, maxWaitMs);
        }
    }

    /** One partition to read, with its topic resolved (or not) at request time. */
    private record Wanted(String topic, UUID topicId, int partition, long fetchOffset, int partitionMaxBytes,
                          boolean topicKnown) {
    }

    private List<Wanted> plan(final RequestContext request) {
        final boolean byId = request.version() >= FIRST_TOPIC_ID_VERSION;
        final List<Wanted> wanted = new ArrayList<>();
        for (final Struct topic : request.body().get(FetchRequestSchema.TOPICS)) {
            String name = topic.get(FetchTopic.TOPIC);
            final UUID id = topic.get(FetchTopic.TOPIC_ID);
            boolean known;
            if (byId) {
                final Optional<TopicInfo> info = broker.topicById(id);
                known = info.isPresent();
                name = info.map(TopicInfo::name).orElse(null);
            } else {
                known = broker.logs().topic(name).isPresent();
            }
            for (final Struct partition : topic.get(FetchTopic.PARTITIONS)) {
                wanted.add(new Wanted(name, id, partition.get(FetchPartition.PARTITION),
                        partition.get(FetchPartition.FETCH_OFFSET), partition.get(FetchPartition.PARTITION_MAX_BYTES),
                        known));
            }
        }
        return wanted;
    }

    /** A fetch being answered, now or after parking. */
    private final class PendingFetch implements FetchPurgatory.DelayedFetch {
        private final RequestContext request;
        private final List<Wanted> wanted;
        private final AtomicBoolean answered = new AtomicBoolean();
        /**
         * Whether a read already found too few bytes, so that the next one is a re-read of a parked
         * fetch. Reads run first on the network thread, then only on the purgatory thread, one at a
         * time, each handing over through the purgatory's queue (which orders memory).
         */
        private boolean parked;

        PendingFetch(final RequestContext request, final List<Wanted> wanted) {
            this.request = request;
            this.wanted = wanted;
        }

        @Override
        public boolean readsFrom(final String topic, final int partition) {
            for (final Wanted w : wanted) {
                if (w.partition() == partition && topic.equals(w.topic())) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public boolean tryComplete(final boolean expired) {
            if (answered.get()) {
                return true;
            }
            try {
                return readAndMaybeAnswer(expired);
            } catch (final RuntimeException e) {
                // A muted connection whose fetch can never be answered would hang its client: close it.
                if (answered.compareAndSet(false, true)) {
                    request.closeConnection("Fetch failed: " + e);
                }
                return true;
            }
        }

        private boolean readAndMaybeAnswer(final boolean expired) {
            final Struct body = request.body();
            final int maxBytes = body.get(FetchRequestSchema.MAX_BYTES);
            final int minBytes = body.get(FetchRequestSchema.MIN_BYTES);
            final boolean byId = request.version() >= FIRST_TOPIC_ID_VERSION;
            final Struct response = FetchResponseSchema.SCHEMA.newStruct()
                    .set(FetchResponseSchema.ERROR_CODE, Errors.NONE.code())
                    .set(FetchResponseSchema.SESSION_ID, 0)
                    .set(FetchResponseSchema.RESPONSES, new ArrayList<>());
            final List<FileSliceRecords> slices = new ArrayList<>();
            long bytes = 0;
            boolean anyError = false;
            Struct topicResponse = null;
            Wanted previous = null;
            for (final Wanted w : wanted) {
                if (previous == null || !sameTopic(previous, w, byId)) {
                    topicResponse = response.add(FetchResponseSchema.RESPONSES)
                            .set(FetchableTopicResponse.TOPIC, w.topic())
                            .set(FetchableTopicResponse.TOPIC_ID, w.topicId())
                            .set(FetchableTopicResponse.PARTITIONS, new ArrayList<>());
                }
                previous = w;
                final Struct partition = topicResponse.add(FetchableTopicResponse.PARTITIONS)
                        .set(PartitionData.PARTITION_INDEX, w.partition())
                        .set(PartitionData.RECORDS, ByteBufferRecords.wrap(NO_RECORDS));
                final PartitionLog log = w.topicKnown() ? broker.logs().partition(w.topic(), w.partition()) : null;
                if (log == null) {
                    anyError = true;
                    final Errors error = byId && !w.topicKnown() ? Errors.UNKNOWN_TOPIC_ID
                            : Errors.UNKNOWN_TOPIC_OR_PARTITION;
                    partition.set(PartitionData.ERROR_CODE, error.code())
                            .set(PartitionData.HIGH_WATERMARK, -1L)
                            .set(PartitionData.LAST_STABLE_OFFSET, -1L)
                            .set(PartitionData.LOG_START_OFFSET, -1L);
                    continue;
                }
                final long budget = Math.max(0, (long) maxBytes - bytes);
                final int limit = (int) Math.min(w.partitionMaxBytes(), budget);
                final ReadResult read = log.read(w.fetchOffset(), limit, bytes == 0);
                partition.set(PartitionData.ERROR_CODE, read.errorCode())
                        .set(PartitionData.HIGH_WATERMARK, read.highWatermark())
                        .set(PartitionData.LAST_STABLE_OFFSET, read.highWatermark())
                        .set(PartitionData.LOG_START_OFFSET, read.logStartOffset());
                if (read.errorCode() != LogErrors.NONE) {
                    anyError = true;
                }
                if (read.records().sizeInBytes() > 0) {
                    final FileSliceRecords records = new FileSliceRecords(read.records());
                    slices.add(records);
                    partition.set(PartitionData.RECORDS, records);
                    bytes += read.records().sizeInBytes();
                } else {
                    read.records().release();
                }
            }
            if (!expired && !anyError && bytes < minBytes) {
                slices.forEach(FileSliceRecords::release);
                if (parked) {
                    broker.fetchCounters().recordReread();
                }
                parked = true;
                return false;
            }
            if (!answered.compareAndSet(false, true)) {
                slices.forEach(FileSliceRecords::release);
                return true;
            }
            broker.fetchCounters().recordAnswer(bytes);
            request.respond(response);
            return true;
        }

        private boolean sameTopic(final Wanted a, final Wanted b, final boolean byId) {
            return byId ? a.topicId().equals(b.topicId()) : a.topic().equals(b.topic());
        }
    }
}
