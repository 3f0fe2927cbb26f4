package dev.sluice.broker.handler;

import dev.sluice.broker.log.TopicInfo;
import dev.sluice.codec.protocol.ApiKeys;
import dev.sluice.codec.protocol.Errors;
import dev.sluice.codec.protocol.Struct;
import dev.sluice.codec.protocol.message.DescribeConfigsRequestSchema;
import dev.sluice.codec.protocol.message.DescribeConfigsRequestSchema.DescribeConfigsResource;
import dev.sluice.codec.protocol.message.DescribeConfigsResponseSchema;
import dev.sluice.codec.protocol.message.DescribeConfigsResponseSchema.DescribeConfigsResourceResult;
import dev.sluice.codec.protocol.message.DescribeConfigsResponseSchema.DescribeConfigsResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * DescribeConfigs (key 32), versions 1-4: enough for AdminClient and kcat.
 *
 * <p>A topic resource (type 2) lists the topic's effective log settings under Kafka's names, each
 * marked as set on the topic (source 1) or a default (source 5); an unknown topic gets
 * UNKNOWN_TOPIC_OR_PARTITION. A broker resource (type 4) lists the broker's settings as static
 * broker config (source 4). Other resource types get INVALID_REQUEST. Requested keys filter the
 * list; a null key list means all. No synonyms or documentation are reported.
 */
public final class DescribeConfigsHandler implements ApiHandler {
    private static final short LOWEST_VERSION = 1;
    private static final byte TOPIC_RESOURCE = 2;
    private static final byte BROKER_RESOURCE = 4;
    private static final byte STATIC_BROKER_CONFIG_SOURCE = 4;

    private final BrokerContext broker;

    public DescribeConfigsHandler(final BrokerContext broker) {
        this.broker = broker;
    }

    @Override
    public ApiKeys api() {
        return ApiKeys.DESCRIBE_CONFIGS;
    }

    @Override
    public short lowestVersion() {
        return LOWEST_VERSION;
    }

    @Override
    public void handle(final RequestContext request) {
        final Struct response = DescribeConfigsResponseSchema.SCHEMA.newStruct()
                .set(DescribeConfigsResponseSchema.RESULTS, new ArrayList<>());
        for (final Struct resource : request.body().get(DescribeConfigsRequestSchema.RESOURCES)) {
            final byte type = resource.get(DescribeConfigsResource.RESOURCE_TYPE);
            final String name = resource.get(DescribeConfigsResource.RESOURCE_NAME);
            final List<String> keys = resource.get(DescribeConfigsResource.CONFIGURATION_KEYS);
            final Struct result = response.add(DescribeConfigsResponseSchema.RESULTS)
                    .set(DescribeConfigsResult.ERROR_CODE, Errors.NONE.code())
                    .set(DescribeConfigsResult.RESOURCE_TYPE, type)
                    .set(DescribeConfigsResult.RESOURCE_NAME, name)
                    .set(DescribeConfigsResult.CONFIGS, new ArrayList<>());
            if (type == TOPIC_RESOURCE) {
                final Optional<TopicInfo> topic = broker.logs().topic(name);
                if (topic.isEmpty()) {
                    fail(result, Errors.UNKNOWN_TOPIC_OR_PARTITION, "no topic named " + name);
                    continue;
                }
                final Set<String> overrides = topic.get().configOverrides().keySet();
                for (final Map.Entry<String, String> entry : topic.get().config().values().entrySet()) {
                    final boolean isOverride = overrides.contains(entry.getKey());
                    add(result, keys, entry.getKey(), entry.getValue(), isOverride
                            ? CreateTopicsHandler.TOPIC_CONFIG_SOURCE : CreateTopicsHandler.DEFAULT_CONFIG_SOURCE);
                }
            } else if (type == BROKER_RESOURCE) {
                for (final Map.Entry<String, String> entry : broker.brokerConfigs().entrySet()) {
                    add(result, keys, entry.getKey(), entry.getValue(), STATIC_BROKER_CONFIG_SOURCE);
                }
            } else {
                fail(result, Errors.INVALID_REQUEST, "resource type " + type + " is not described by this broker");
            }
        }
        request.respond(response);
    }

    private static void add(final Struct result, final List<String> keys, final String name, final String value,
                            final byte source) {
        if (keys != null && !keys.contains(name)) {
            return;
        }
        result.add(DescribeConfigsResult.CONFIGS)
                .set(DescribeConfigsResourceResult.NAME, name)
                .set(DescribeConfigsResourceResult.VALUE, value)
                .set(DescribeConfigsResourceResult.READ_ONLY, false)
                .set(DescribeConfigsResourceResult.CONFIG_SOURCE, source)
                .set(DescribeConfigsResourceResult.IS_DEFAULT, source != CreateTopicsHandler.TOPIC_CONFIG_SOURCE)
                .set(DescribeConfigsResourceResult.IS_SENSITIVE, false)
                .set(DescribeConfigsResourceResult.SYNONYMS, List.of());
    }

    private static void fail(final Struct result, final Errors error, final String message) {
        result.set(DescribeConfigsResult.ERROR_CODE, error.code())
                .set(DescribeConfigsResult.ERROR_MESSAGE, message);
    }
}
