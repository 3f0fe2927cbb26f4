package dev.sluice.samples.rebalance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.samples.rebalance.RebalanceDemo.Outcome;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The rebalance demo end to end on its embedded broker, with short phases. */
class RebalanceDemoTest {
    private static final Set<Integer> ALL_PARTITIONS =
        IntStream.range(0, RebalanceDemo.PARTITIONS).boxed().collect(Collectors.toSet());

    @Test
    void shouldHandTheLeaversPartitionsToTheOthersAndReadEveryAcknowledgedRecord() throws Exception {
        final ByteArrayOutputStream printed = new ByteArrayOutputStream();
        final Outcome outcome = new RebalanceDemo(new PrintStream(printed, true, StandardCharsets.UTF_8)).run(200);
        final String output = printed.toString(StandardCharsets.UTF_8);

        // Two phases of 200 acknowledged records each, at the least.
        assertTrue(outcome.produced() >= 400, output);
        assertEquals(0, outcome.missing(), output);
        assertEquals(outcome.produced() + outcome.duplicates(), outcome.read(), output);
        assertEquals(outcome.read(), outcome.readByMember().values().stream().mapToLong(Long::longValue).sum(), output);

        // The leaver owned its share of the six when it left; the two others own all six at the end, none twice.
        assertEquals(2, outcome.leaverPartitions().size(), output);
        final Set<Integer> survivorsUnion = new HashSet<>();
        outcome.survivorsOwned().values().forEach(owned -> {
            assertTrue(!owned.isEmpty(), output);
            survivorsUnion.addAll(owned);
        });
        assertEquals(ALL_PARTITIONS, survivorsUnion, output);
        assertEquals(RebalanceDemo.PARTITIONS,
            outcome.survivorsOwned().values().stream().mapToInt(Set::size).sum(), output);
        assertTrue(survivorsUnion.containsAll(outcome.leaverPartitions()), output);

        // Each member's listener printed what it was given, and the leaver's what it gave up.
        for (final String member : outcome.readByMember().keySet()) {
            assertTrue(output.contains(String.format("%-10s %-8s ", member, "assigned")), output);
        }
        assertTrue(output.contains(String.format("%-10s %-8s %-14s", "consumer-3", "revoked",
            outcome.leaverPartitions())), output);
    }
}
