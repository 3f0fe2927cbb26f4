package dev.sluice.broker.handler;

import dev.sluice.broker.log.TopicInfo;
import dev.sluice.codec.protocol.ApiKeys;
import dev.sluice.codec.protocol.Errors;
import dev.sluice.codec.protocol.Struct;
import dev.sluice.codec.protocol.message.DeleteTopicsRequestSchema;
import dev.sluice.codec.protocol.message.DeleteTopicsRequestSchema.DeleteTopicState;
import dev.sluice.codec.protocol.message.DeleteTopicsResponseSchema;
import dev.sluice.codec.protocol.message.DeleteTopicsResponseSchema.DeletableTopicResult;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * DeleteTopics (key 20), versions 1-6: by name (v1-5) or by name or id (v6). A topic that does not
 * exist gets UNKNOWN_TOPIC_OR_PARTITION (UNKNOWN_TOPIC_ID when named by id). Deletion is
 * synchronous; segments still being sent to a consumer go when that send finishes.
 */
public final class DeleteTopicsHandler implements ApiHandler {
    private static final Logger LOG = LoggerFactory.getLogger(DeleteTopicsHandler.class);
    private static final short LOWEST_VERSION = 1;
    private static final short FIRST_TOPIC_STATE_VERSION = 6;
    private static final UUID ZERO_UUID = new UUID(0, 0);

    private final BrokerContext broker;

    public DeleteTopicsHandler(final BrokerContext broker) {
        this.broker = broker;
    }

    @Override
    public ApiKeys api() {
        return ApiKeys.DELETE_TOPICS;
    }

    @Override
    public short lowestVersion() {
        return LOWEST_VERSION;
    }

    @Override
    public void handle(final RequestContext request) {
        final Struct response = DeleteTopicsResponseSchema.SCHEMA.newStruct()
                .set(DeleteTopicsResponseSchema.RESPONSES, new ArrayList<>());
        if (request.version() < FIRST_TOPIC_STATE_VERSION) {
            for (final String name : request.body().get(DeleteTopicsRequestSchema.TOPIC_NAMES)) {
                delete(response, name, null);
            }
        } else {
            for (final Struct topic : request.body().get(DeleteTopicsRequestSchema.TOPICS)) {
                final String name = topic.get(DeleteTopicState.NAME);
                final UUID id = topic.get(DeleteTopicState.TOPIC_ID);
                if (name == null && id != null && !id.equals(ZERO_UUID)) {
                    final Optional<TopicInfo> byId = broker.topicById(id);
                    if (byId.isEmpty()) {
                        result(response, null, id, Errors.UNKNOWN_TOPIC_ID, "no topic has id " + id);
                        continue;
                    }
                    delete(response, byId.get().name(), id);
                } else {
                    delete(response, name, id);
                }
            }
        }
        request.respond(response);
    }

    private void delete(final Struct response, final String name, final UUID id) {
        final UUID topicId = name == null ? id : broker.logs().topic(name).map(TopicInfo::topicId).orElse(id);
        try {
            if (name != null && broker.logs().deleteTopic(name)) {
                LOG.info("Deleted topic {}", name);
                result(response, name, topicId, Errors.NONE, null);
            } else {
                result(response, name, topicId, Errors.UNKNOWN_TOPIC_OR_PARTITION, "no topic named " + name);
            }
        } catch (final IOException e) {
            LOG.error("Deleting topic {} failed", name, e);
            result(response, name, topicId, Errors.KAFKA_STORAGE_ERROR, e.getMessage());
        }
    }

    private static void result(final Struct response, final String name, final UUID id, final Errors error,
                               final String message) {
        response.add(DeleteTopicsResponseSchema.RESPONSES)
                .set(DeletableTopicResult.NAME, name)
                .set(DeletableTopicResult.TOPIC_ID, id == null ? ZERO_UUID : id)
                .set(DeletableTopicResult.ERROR_CODE, error.code())
                .set(DeletableTopicResult.ERROR_MESSAGE, message);
    }
}
