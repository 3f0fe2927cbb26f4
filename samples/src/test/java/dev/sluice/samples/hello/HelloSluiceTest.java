package dev.sluice.samples.hello;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.broker.MockBroker;
import dev.sluice.broker.MockBrokerExtension;
import dev.sluice.samples.hello.HelloSluice.Delivery;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** HelloSluice end to end: against the broker it starts itself, and against one it is pointed at. */
class HelloSluiceTest {
    // No initial rebalance delay: the group has one member, waiting 3 s for more would only slow the test.
    @RegisterExtension
    static final MockBrokerExtension BROKER = new MockBrokerExtension().config("group.initial.rebalance.delay.ms", "0");

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final HelloSluice sample = new HelloSluice(new PrintStream(printed, true, StandardCharsets.UTF_8));

    private String output() {
        return printed.toString(StandardCharsets.UTF_8);
    }

    @Test
    void shouldPrintEveryRecordWithItsPartitionAndOffsetWhenSentAndWhenRead() throws Exception {
        final List<Delivery> read = sample.run(null);

        assertEquals(5, read.size(), output());
        for (final Delivery delivery : read) {
            final String where = "partition " + delivery.partition() + " @ offset " + delivery.offset();
            assertTrue(output().contains(String.format("sent %-6s -> %s%n", delivery.key(), where)), output());
            assertTrue(output().contains(String.format("read %-6s <- %s: %s%n", delivery.key(), where,
                delivery.value())), output());
        }
        // A fresh broker: each partition's records sit at offsets 0, 1, 2, ... and a key stays on one partition.
        final Map<Integer, List<Long>> offsetsByPartition = read.stream().collect(Collectors.groupingBy(
            Delivery::partition, Collectors.mapping(Delivery::offset, Collectors.toList())));
        offsetsByPartition.forEach((partition, offsets) -> assertEquals(
            LongStream.range(0, offsets.size()).boxed().toList(), offsets.stream().sorted().toList(),
            "offsets of partition " + partition));
        final Map<String, List<Integer>> partitionsByKey = read.stream().collect(Collectors.groupingBy(
            Delivery::key, Collectors.mapping(Delivery::partition, Collectors.toList())));
        partitionsByKey.forEach((key, partitions) -> assertEquals(1, partitions.stream().distinct().count(),
            key + " landed on one partition"));
        assertTrue(output().contains("committed: group " + HelloSluice.GROUP), output());
    }

    @Test
    void shouldResumeAfterTheGroupsCommittedOffsetsOnTheSecondRunAgainstTheSameBroker(final MockBroker broker)
            throws Exception {
        final List<Delivery> first = sample.run(broker.bootstrapServers());
        final List<Delivery> second = sample.run(broker.bootstrapServers());

        assertEquals(5, first.size(), output());
        // Had the first run not committed, the second would read all ten records again from offset 0.
        assertEquals(5, second.size(), output());
        for (final Delivery delivery : second) {
            assertTrue(first.stream().noneMatch(earlier -> earlier.partition() == delivery.partition()
                && earlier.offset() >= delivery.offset()), "second run read only new records: " + second);
        }
    }
}
