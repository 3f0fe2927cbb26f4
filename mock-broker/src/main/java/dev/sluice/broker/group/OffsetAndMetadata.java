package dev.sluice.broker.group;

/**
 * A committed offset.
 *
 * @param offset the next offset the group will consume
 * @param leaderEpoch -1 when unknown
 * @param metadata client-chosen string, may be {@code null}
 * @param commitTimestampMs broker clock at commit, ms since the epoch
 */
public record OffsetAndMetadata(long offset, int leaderEpoch, String metadata, long commitTimestampMs) {
}
