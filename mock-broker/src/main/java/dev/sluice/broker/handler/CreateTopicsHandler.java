package dev.sluice.broker.handler;

import dev.sluice.broker.log.LogConfig;
import dev.sluice.broker.log.TopicInfo;
import dev.sluice.codec.protocol.ApiKeys;
import dev.sluice.codec.protocol.Errors;
import dev.sluice.codec.protocol.Struct;
import dev.sluice.codec.protocol.message.CreateTopicsRequestSchema;
import dev.sluice.codec.protocol.message.CreateTopicsRequestSchema.CreatableTopic;
import dev.sluice.codec.protocol.message.CreateTopicsRequestSchema.CreateableTopicConfig;
import dev.sluice.codec.protocol.message.CreateTopicsResponseSchema;
import dev.sluice.codec.protocol.message.CreateTopicsResponseSchema.CreatableTopicConfigs;
import dev.sluice.codec.protocol.message.CreateTopicsResponseSchema.CreatableTopicResult;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * CreateTopics (key 19), versions 2-7.
 *
 * <p>Partition count -1 means {@code num.partitions}; an explicit assignment sets the count to its
 * size. Replication factor must be -1 or 1 on one node (else INVALID_REPLICATION_FACTOR). Configs
 * are topic-level log settings under Kafka's names; an unknown key or bad value is
 * INVALID_CONFIG with a message naming it. An existing topic is TOPIC_ALREADY_EXISTS, an illegal
 * name INVALID_TOPIC_EXCEPTION. {@code validateOnly} runs every check but creates nothing. From v5
 * the result carries the partition count, replication factor and effective configs; v7 the topic id.
 */
public final class CreateTopicsHandler implements ApiHandler {
    private static final Logger LOG = LoggerFactory.getLogger(CreateTopicsHandler.class);
    private static final short LOWEST_VERSION = 2;
    /** DescribeConfigs' ConfigSource for a value set on the topic. */
    static final byte TOPIC_CONFIG_SOURCE = 1;
    /** DescribeConfigs' ConfigSource for a default value. */
    static final byte DEFAULT_CONFIG_SOURCE = 5;

    private final BrokerContext broker;

    public CreateTopicsHandler(final BrokerContext broker) {
        this.broker = broker;
    }

    @Override
    public ApiKeys api() {
        return ApiKeys.CREATE_TOPICS;
    }

    @Override
    public short lowestVersion() {
        return LOWEST_VERSION;
    }

    @Override
    public void handle(final RequestContext request) {
        final boolean validateOnly = request.body().get(CreateTopicsRequestSchema.VALIDATE_ONLY);
        final Struct response = CreateTopicsResponseSchema.SCHEMA.newStruct()
                .set(CreateTopicsResponseSchema.TOPICS, new ArrayList<>());
        for (final Struct topic : request.body().get(CreateTopicsRequestSchema.TOPICS)) {
            final Struct result = response.add(CreateTopicsResponseSchema.TOPICS)
                    .set(CreatableTopicResult.NAME, topic.get(CreatableTopic.NAME))
                    .set(CreatableTopicResult.ERROR_CODE, Errors.NONE.code());
            create(topic, validateOnly, result);
        }
        request.respond(response);
    }

    private void create(final Struct topic, final boolean validateOnly, final Struct result) {
        final String name = topic.get(CreatableTopic.NAME);
        final List<Struct> assignments = topic.get(CreatableTopic.ASSIGNMENTS);
        int partitions = topic.get(CreatableTopic.NUM_PARTITIONS);
        if (assignments != null && !assignments.isEmpty()) {
            partitions = assignments.size();
        } else if (partitions == -1) {
            partitions = broker.defaultPartitions();
        }
        final short replication = topic.get(CreatableTopic.REPLICATION_FACTOR);
        if (partitions < 1) {
            fail(result, Errors.INVALID_PARTITIONS, "NumPartitions " + partitions + " must be at least 1");
            return;
        }
        if (replication != -1 && replication != 1) {
            fail(result, Errors.INVALID_REPLICATION_FACTOR, "ReplicationFactor " + replication
                    + " is larger than the 1 broker available");
            return;
        }
        final Map<String, String> configs = new LinkedHashMap<>();
        final List<Struct> requestedConfigs = topic.get(CreatableTopic.CONFIGS);
        if (requestedConfigs != null) {
            for (final Struct config : requestedConfigs) {
                configs.put(config.get(CreateableTopicConfig.NAME), config.get(CreateableTopicConfig.VALUE));
            }
        }
        final LogConfig effective;
        try {
            configs.values().removeIf(value -> value == null);
            effective = broker.logs().defaultConfig().with(configs);
        } catch (final IllegalArgumentException e) {
            fail(result, Errors.INVALID_CONFIG, e.getMessage());
            return;
        }
        if (broker.logs().topic(name).isPresent()) {
            fail(result, Errors.TOPIC_ALREADY_EXISTS, "Topic '" + name + "' already exists.");
            return;
        }
        try {
            if (!validateOnly) {
                final TopicInfo created = broker.logs().createTopic(name, partitions, configs);
                result.set(CreatableTopicResult.TOPIC_ID, created.topicId());
                LOG.info("Created topic {} with {} partitions", name, partitions);
            }
        } catch (final IllegalStateException e) {
            fail(result, Errors.TOPIC_ALREADY_EXISTS, "Topic '" + name + "' already exists.");
            return;
        } catch (final IllegalArgumentException e) {
            fail(result, Errors.INVALID_TOPIC_EXCEPTION, e.getMessage());
            return;
        } catch (final IOException e) {
            LOG.error("Creating topic {} failed", name, e);
            fail(result, Errors.KAFKA_STORAGE_ERROR, e.getMessage());
            return;
        }
        result.set(CreatableTopicResult.NUM_PARTITIONS, partitions)
                .set(CreatableTopicResult.REPLICATION_FACTOR, (short) 1)
                .set(CreatableTopicResult.CONFIGS, new ArrayList<>());
        for (final Map.Entry<String, String> entry : effective.values().entrySet()) {
            result.add(CreatableTopicResult.CONFIGS)
                    .set(CreatableTopicConfigs.NAME, entry.getKey())
                    .set(CreatableTopicConfigs.VALUE, entry.getValue())
                    .set(CreatableTopicConfigs.READ_ONLY, false)
                    .set(CreatableTopicConfigs.CONFIG_SOURCE,
                         configs.containsKey(entry.getKey()) ? TOPIC_CONFIG_SOURCE : DEFAULT_CONFIG_SOURCE)
                    .set(CreatableTopicConfigs.IS_SENSITIVE, false);
        }
    }

    private static void fail(final Struct result, final Errors error, final String message) {
        result.set(CreatableTopicResult.ERROR_CODE, error.code())
                .set(CreatableTopicResult.ERROR_MESSAGE, message);
    }
}
