package dev.sluice.client.consumer;

import java.util.Objects;
import java.util.Optional;

/**
 * A committed position: the offset of the next record to read, optional metadata text stored with it,
 * and the leader epoch of the last record read (lets the broker detect a truncated log). Immutable.
 */
public final class OffsetAndMetadata {
    /** Leader epoch value meaning "unknown". */
    public static final int NO_LEADER_EPOCH = -1;

    private final long offset;
    private final String metadata;
    private final int leaderEpoch;

    /**
     * @param offset the next offset to read, at least 0
     * @param leaderEpoch the epoch, or {@link #NO_LEADER_EPOCH}
     * @param metadata free text stored with the commit; {@code null} is stored as empty
     */
    public OffsetAndMetadata(final long offset, final int leaderEpoch, final String metadata) {
        if (offset < 0) {
            throw new IllegalArgumentException("Invalid negative offset " + offset + " in OffsetAndMetadata");
        }
        this.offset = offset;
        this.leaderEpoch = leaderEpoch < 0 ? NO_LEADER_EPOCH : leaderEpoch;
        this.metadata = metadata == null ? "" : metadata;
    }

    public OffsetAndMetadata(final long offset, final String metadata) {
        this(offset, NO_LEADER_EPOCH, metadata);
    }

    public OffsetAndMetadata(final long offset) {
        this(offset, NO_LEADER_EPOCH, "");
    }

    public long offset() {
        return offset;
    }

    public String metadata() {
        return metadata;
    }

    public Optional<Integer> leaderEpoch() {
        return leaderEpoch == NO_LEADER_EPOCH ? Optional.empty() : Optional.of(leaderEpoch);
    }

    @Override
    public boolean equals(final Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof OffsetAndMetadata)) {
            return false;
        }
        final OffsetAndMetadata other = (OffsetAndMetadata) o;
        return offset == other.offset && leaderEpoch == other.leaderEpoch && metadata.equals(other.metadata);
    }

    @Override
    public int hashCode() {
        return Objects.hash(offset, leaderEpoch, metadata);
    }

    @Override
    public String toString() {
        return "OffsetAndMetadata(offset = " + offset + ", leaderEpoch = " + leaderEpoch() + ", metadata = '" + metadata + "')";
    }
}
