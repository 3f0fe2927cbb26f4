package dev.sluice.broker.handler;

import dev.sluice.broker.log.TopicInfo;
import dev.sluice.codec.protocol.ApiKeys;
import dev.sluice.codec.protocol.Errors;
import dev.sluice.codec.protocol.Struct;
import dev.sluice.codec.protocol.message.MetadataRequestSchema;
import dev.sluice.codec.protocol.message.MetadataRequestSchema.MetadataRequestTopic;
import dev.sluice.codec.protocol.message.MetadataResponseSchema;
import dev.sluice.codec.protocol.message.MetadataResponseSchema.MetadataResponseBroker;
import dev.sluice.codec.protocol.message.MetadataResponseSchema.MetadataResponsePartition;
import dev.sluice.codec.protocol.message.MetadataResponseSchema.MetadataResponseTopic;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Metadata (key 3), versions 0-12.
 *
 * <p>This node is the only broker, the controller and every partition's leader, replica and
 * in-sync replica (leader epoch 0). All topics are listed when the request asks for all (v0: an
 * empty list; v1+: a null list). A requested topic that does not exist is created with
 * {@code num.partitions} partitions when {@code auto.create.topics.enable} is set and the request
 * allows it (v4+ flag), and reported at once (creation is synchronous here, so no
 * LEADER_NOT_AVAILABLE round); otherwise it gets UNKNOWN_TOPIC_OR_PARTITION (UNKNOWN_TOPIC_ID when
 * asked for by id), an illegal name INVALID_TOPIC_EXCEPTION.
 */
public final class MetadataHandler implements ApiHandler {
    private static final Logger LOG = LoggerFactory.getLogger(MetadataHandler.class);
    private static final short FIRST_NULLABLE_TOPICS_VERSION = 1;

    private final BrokerContext broker;

    public MetadataHandler(final BrokerContext broker) {
        this.broker = broker;
    }

    @Override
    public ApiKeys api() {
        return ApiKeys.METADATA;
    }

    @Override
    public void handle(final RequestContext request) {
        final Struct body = request.body();
        final Struct response = MetadataResponseSchema.SCHEMA.newStruct()
                .set(MetadataResponseSchema.CLUSTER_ID, broker.clusterId())
                .set(MetadataResponseSchema.CONTROLLER_ID, broker.nodeId())
                .set(MetadataResponseSchema.BROKERS, new ArrayList<>())
                .set(MetadataResponseSchema.TOPICS, new ArrayList<>());
        response.add(MetadataResponseSchema.BROKERS)
                .set(MetadataResponseBroker.NODE_ID, broker.nodeId())
                .set(MetadataResponseBroker.HOST, broker.host())
                .set(MetadataResponseBroker.PORT, broker.port().getAsInt());
        final List<Struct> requested = body.get(MetadataRequestSchema.TOPICS);
        final boolean all = requested == null
                || (request.version() < FIRST_NULLABLE_TOPICS_VERSION && requested.isEmpty());
        if (all) {
            for (final TopicInfo topic : broker.logs().topics()) {
                describe(response, topic);
            }
        } else {
            final boolean mayCreate = broker.autoCreateTopics() && body.get(MetadataRequestSchema.ALLOW_AUTO_TOPIC_CREATION);
            for (final Struct wanted : requested) {
                lookUp(response, wanted, mayCreate);
            }
        }
        request.respond(response);
    }

    private void lookUp(final Struct response, final Struct wanted, final boolean mayCreate) {
        final String name = wanted.get(MetadataRequestTopic.NAME);
        final UUID id = wanted.get(MetadataRequestTopic.TOPIC_ID);
        if (name == null) {
            final Optional<TopicInfo> byId = id == null ? Optional.empty() : broker.topicById(id);
            if (byId.isPresent()) {
                describe(response, byId.get());
            } else {
                error(response, null, id, Errors.UNKNOWN_TOPIC_ID);
            }
            return;
        }
        Optional<TopicInfo> topic = broker.logs().topic(name);
        if (topic.isEmpty() && mayCreate) {
            topic = create(response, name);
            if (topic == null) {
                return;
            }
        }
        if (topic.isPresent()) {
            describe(response, topic.get());
        } else {
            error(response, name, id, Errors.UNKNOWN_TOPIC_OR_PARTITION);
        }
    }

    /** Auto-creates {@code name}; null when an error entry was written instead. */
    private Optional<TopicInfo> create(final Struct response, final String name) {
        try {
            final TopicInfo created = broker.logs().createTopic(name, broker.defaultPartitions(), Map.of());
            LOG.info("Auto-created topic {} with {} partitions", name, broker.defaultPartitions());
            return Optional.of(created);
        } catch (final IllegalStateException raced) {
            return broker.logs().topic(name); // another client created it first
        } catch (final IllegalArgumentException e) {
            error(response, name, null, Errors.INVALID_TOPIC_EXCEPTION);
            return null;
        } catch (final IOException e) {
            LOG.error("Auto-creating topic {} failed", name, e);
            error(response, name, null, Errors.KAFKA_STORAGE_ERROR);
            return null;
        }
    }

    private void describe(final Struct response, final TopicInfo topic) {
        final Struct entry = response.add(MetadataResponseSchema.TOPICS)
                .set(MetadataResponseTopic.ERROR_CODE, Errors.NONE.code())
                .set(MetadataResponseTopic.NAME, topic.name())
                .set(MetadataResponseTopic.TOPIC_ID, topic.topicId())
                .set(MetadataResponseTopic.PARTITIONS, new ArrayList<>());
        final List<Integer> self = List.of(broker.nodeId());
        for (int p = 0; p < topic.partitionCount(); p++) {
            entry.add(MetadataResponseTopic.PARTITIONS)
                    .set(MetadataResponsePartition.ERROR_CODE, Errors.NONE.code())
                    .set(MetadataResponsePartition.PARTITION_INDEX, p)
                    .set(MetadataResponsePartition.LEADER_ID, broker.nodeId())
                    .set(MetadataResponsePartition.LEADER_EPOCH, 0)
                    .set(MetadataResponsePartition.REPLICA_NODES, self)
                    .set(MetadataResponsePartition.ISR_NODES, self)
                    .set(MetadataResponsePartition.OFFLINE_REPLICAS, List.of());
        }
    }

    private static void error(final Struct response, final String name, final UUID id, final Errors error) {
        response.add(MetadataResponseSchema.TOPICS)
                .set(MetadataResponseTopic.ERROR_CODE, error.code())
                .set(MetadataResponseTopic.NAME, name)
                .set(MetadataResponseTopic.TOPIC_ID, id == null ? new UUID(0, 0) : id)
                .set(MetadataResponseTopic.PARTITIONS, List.of());
    }
}
