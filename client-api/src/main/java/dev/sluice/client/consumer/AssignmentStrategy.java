package dev.sluice.client.consumer;

import java.util.Locale;

/**
 * The partition assignors Sluice implements, by the protocol name members announce to the group
 * coordinator (the same names kafka-clients uses, so mixed groups agree). Configuration may name
 * them by protocol name or by kafka-clients' assignor class name.
 */
public enum AssignmentStrategy {
    /** Per topic, consecutive ranges of partitions to members in member-id order. Eager. */
    RANGE("range", "org.apache.kafka.clients.consumer.RangeAssignor", false),
    /** All partitions dealt out one by one across members. Eager. */
    ROUND_ROBIN("roundrobin", "org.apache.kafka.clients.consumer.RoundRobinAssignor", false),
    /** Balanced, keeps previous owners where it can, and revokes only partitions that move. */
    COOPERATIVE_STICKY("cooperative-sticky", "org.apache.kafka.clients.consumer.CooperativeStickyAssignor", true);

    private final String protocolName;
    private final String kafkaClassName;
    private final boolean cooperative;

    AssignmentStrategy(final String protocolName, final String kafkaClassName, final boolean cooperative) {
        this.protocolName = protocolName;
        this.kafkaClassName = kafkaClassName;
        this.cooperative = cooperative;
    }

    /** The name sent in JoinGroup, e.g. {@code cooperative-sticky}. */
    public String protocolName() {
        return protocolName;
    }

    /** The kafka-clients assignor class this one is compatible with. */
    public String kafkaClassName() {
        return kafkaClassName;
    }

    /** {@code true} for incremental (cooperative) rebalancing, {@code false} for eager (revoke all first). */
    public boolean cooperative() {
        return cooperative;
    }

    /**
     * Resolves a {@code partition.assignment.strategy} entry: a protocol name (any case) or a
     * kafka-clients assignor class name.
     *
     * @return the strategy, or {@code null} if the entry names none of ours
     */
    public static AssignmentStrategy forConfigEntry(final String entry) {
        final String text = entry.trim();
        for (final AssignmentStrategy strategy : values()) {
            if (strategy.protocolName.equals(text.toLowerCase(Locale.ROOT)) || strategy.kafkaClassName.equals(text)) {
                return strategy;
            }
        }
        return null;
    }
}
