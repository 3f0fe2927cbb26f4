package dev.sluice.client.errors;

import dev.sluice.client.TopicPartition;

import java.util.Map;
import java.util.Set;

/**
 * A fetch position lies outside the log the broker holds (Kafka error {@code OFFSET_OUT_OF_RANGE},
 * 1) and {@code auto.offset.reset=none}.
 */
public class OffsetOutOfRangeException extends InvalidOffsetException {
    private static final long serialVersionUID = 1L;

    public static final short ERROR_CODE = 1;
    public static final String ERROR_NAME = "OFFSET_OUT_OF_RANGE";

    private final transient Map<TopicPartition, Long> offsets;

    /** @param offsets each partition and the position that was out of range */
    public OffsetOutOfRangeException(final Map<TopicPartition, Long> offsets) {
        super("Fetch position out of range, and auto.offset.reset=none, for " + offsets);
        this.offsets = Map.copyOf(offsets);
    }

    /** Each partition and the fetch position that was out of range. */
    public Map<TopicPartition, Long> offsetOutOfRangePartitions() {
        return offsets;
    }

    @Override
    public Set<TopicPartition> partitions() {
        return offsets.keySet();
    }
}
