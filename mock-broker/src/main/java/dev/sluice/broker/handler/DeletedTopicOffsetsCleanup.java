package dev.sluice.broker.handler;

import dev.sluice.broker.group.GroupCoordinator;
import dev.sluice.broker.log.LogManager;
import dev.sluice.broker.log.TopicInfo;
import dev.sluice.codec.protocol.ApiKeys;

import java.util.HashSet;
import java.util.Set;

/**
 * DeleteTopics (API key 20), as answered by the wrapped handler, plus what Kafka also does on a
 * topic deletion: every group's committed offsets of the deleted topics are dropped, so that a
 * topic created later under the same name starts without them.
 *
 * <p>The topics that disappeared while the wrapped handler ran are the deleted ones. The wrapped
 * handler answers on this (processor) thread, and the processor writes the answer only after
 * {@link #handle} returns, so the offsets are gone before the client learns of the deletion.
 */
public final class DeletedTopicOffsetsCleanup implements ApiHandler {

    private final ApiHandler deleteTopics;
    private final LogManager logs;
    private final GroupCoordinator groups;

    public DeletedTopicOffsetsCleanup(final ApiHandler deleteTopics, final LogManager logs, final GroupCoordinator groups) {
        if (deleteTopics.api() != ApiKeys.DELETE_TOPICS) {
            throw new IllegalArgumentException("expected the DeleteTopics handler, got " + deleteTopics.api().apiName());
        }
        this.deleteTopics = deleteTopics;
        this.logs = logs;
        this.groups = groups;
    }

    @Override
    public ApiKeys api() {
        return deleteTopics.api();
    }

    @Override
    public short lowestVersion() {
        return deleteTopics.lowestVersion();
    }

    @Override
    public short highestVersion() {
        return deleteTopics.highestVersion();
    }

    @Override
    public void handle(final RequestContext request) {
        final Set<String> before = topicNames();
        deleteTopics.handle(request);
        before.removeAll(topicNames());
        for (final String deleted : before) {
            groups.deleteOffsets(deleted);
        }
    }

    private Set<String> topicNames() {
        final Set<String> names = new HashSet<>();
        for (final TopicInfo topic : logs.topics()) {
            names.add(topic.name());
        }
        return names;
    }
}
