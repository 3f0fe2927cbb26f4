package dev.sluice.broker.log;

import java.util.Map;
import java.util.UUID;

/**
 * A topic as the log manager knows it.
 *
 * @param name            the topic name
 * @param topicId         random id given at creation and persisted, as Kafka's topic ids are
 * @param partitionCount  number of partitions, numbered 0..partitionCount-1
 * @param config          effective log config of every partition of the topic
 * @param configOverrides the keys given at creation (what DescribeConfigs reports as topic-level)
 */
public record TopicInfo(String name, UUID topicId, int partitionCount, LogConfig config,
                        Map<String, String> configOverrides) {
}
