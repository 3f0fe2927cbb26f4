package dev.sluice.client.internal.consumer;

/**
 * The consumer settings the fetcher needs, as in {@code ConsumerConfig}.
 *
 * @param minBytes          {@code fetch.min.bytes}
 * @param maxBytes          {@code fetch.max.bytes}: cap on one response
 * @param maxWaitMs         {@code fetch.max.wait.ms}: how long the broker may hold a fetch for minBytes
 * @param partitionMaxBytes {@code max.partition.fetch.bytes}
 * @param maxPollRecords    {@code max.poll.records}
 * @param checkCrcs         {@code check.crcs}
 * @param isolationLevel    0 read_uncommitted, 1 read_committed
 */
public record FetchConfig(int minBytes, int maxBytes, int maxWaitMs, int partitionMaxBytes, int maxPollRecords,
                          boolean checkCrcs, byte isolationLevel) {
}
