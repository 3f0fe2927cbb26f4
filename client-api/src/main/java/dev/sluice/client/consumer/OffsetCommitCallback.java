package dev.sluice.client.consumer;

import dev.sluice.client.TopicPartition;

import java.util.Map;

/** Told when an asynchronous commit finishes. Runs on the thread calling {@code poll} or a commit. */
@FunctionalInterface
public interface OffsetCommitCallback {
    /**
     * @param offsets what was (or was to be) committed
     * @param exception {@code null} on success; otherwise e.g. {@link dev.sluice.client.errors.CommitFailedException}
     *     or a {@link dev.sluice.client.errors.RetriableException} (async commits are not retried)
     */
    void onComplete(Map<TopicPartition, OffsetAndMetadata> offsets, Exception exception);
}
