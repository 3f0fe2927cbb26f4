package dev.sluice.samples.rebalance;

import dev.sluice.broker.MockBroker;
import dev.sluice.client.impl.SluiceProducer;
import dev.sluice.client.producer.Producer;
import dev.sluice.client.producer.ProducerRecord;
import dev.sluice.client.serialization.StringSerializer;
import dev.sluice.samples.support.SampleArgs;
import dev.sluice.samples.support.ShopEvents;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

/**
 * Three consumers in one group share a six-partition topic that a producer keeps feeding. Each
 * consumer's rebalance listener prints the partitions it is given and the ones taken away; once the
 * three own two partitions each, one of them leaves (closes) and the other two take over its
 * partitions. At the end the demo prints how many records each consumer read and checks that every
 * record the producer had acknowledged was read. Run it with {@code bin/sample rebalance}.
 *
 * <p>The group uses the cooperative-sticky assignor: a rebalance moves only the partitions that must
 * move, and the members keep reading the others meanwhile (with the eager "range" assignor every
 * member would give up all its partitions at each rebalance).
 *
 * <p>Delivery is at-least-once: a member's poll() commits (auto-commit) the positions of records it
 * returned earlier, so already processed, and the member commits again when a partition is revoked.
 * A record is read twice only if its reader stops between processing and commit (a crash, or a
 * session timeout that makes the group treat its partitions as lost) or the group refuses that commit:
 * the next owner starts at the last committed offset and reads the rest again. The leave here is
 * orderly, so the duplicate count is normally zero; missing records would be a bug.
 */
public final class RebalanceDemo {
    static final String TOPIC = "rebalance-demo";
    static final String GROUP = "rebalance-demo-group";
    static final int PARTITIONS = 6;
    static final String USAGE = "usage: bin/sample rebalance [--phase-records N]   (records produced before and "
        + "after the leave, default 1000)";
    /** About 500 records/s: slow enough to watch, fast enough that each phase takes a couple of seconds. */
    private static final long PAUSE_BETWEEN_SENDS_MS = 2;
    private static final long WAIT_LIMIT_MS = TimeUnit.SECONDS.toMillis(60);

    private final PrintStream out;

    /**
     * @param out where the demo narrates, from every consumer's thread, so it must be thread-safe as
     *     {@link PrintStream} is; the caller keeps ownership
     */
    public RebalanceDemo(final PrintStream out) {
        this.out = out;
    }

    public static void main(final String[] args) throws Exception {
        final int phaseRecords = SampleArgs.orExit(args, Set.of("--phase-records"), USAGE,
            options -> (int) options.number("--phase-records", 1000, 1, Integer.MAX_VALUE));
        final Outcome outcome = new RebalanceDemo(System.out).run(phaseRecords);
        System.exit(outcome.missing() == 0 ? 0 : 1);
    }

    /**
     * Runs the demo on an embedded broker in a temporary directory.
     *
     * @param phaseRecords records to acknowledge with three members, and again with two, before stopping
     * @throws IllegalStateException if a step (a split, the takeover, reading everything) takes over 60 s
     */
    public Outcome run(final int phaseRecords) throws IOException, InterruptedException {
        // num.partitions: the topic is auto-created on first use with six partitions.
        // A short initial delay lets the three members, started together, join the first rebalance together.
        try (MockBroker broker = MockBroker.builder().port(0)
                .config("num.partitions", Integer.toString(PARTITIONS))
                .config("group.initial.rebalance.delay.ms", "500")
                .build().start()) {
            out.printf("Embedded Sluice broker on %s; topic %s with %d partitions%n", broker.bootstrapServers(),
                TOPIC, PARTITIONS);
            return run(broker.bootstrapServers(), phaseRecords);
        }
    }

    private Outcome run(final String bootstrapServers, final int phaseRecords) throws InterruptedException {
        final DeliveryLedger ledger = new DeliveryLedger();
        final Feeder feeder = new Feeder(bootstrapServers, ledger);
        feeder.start();
        final List<GroupMember> members = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            members.add(new GroupMember("consumer-" + i, TOPIC, consumerProps(bootstrapServers), ledger, out));
        }
        members.forEach(GroupMember::start);
        try {
            awaitSplit(members, "each of the three consumers owns two partitions");
            awaitAcknowledged(ledger, ledger.acknowledgedCount() + phaseRecords, members);

            final GroupMember leaver = members.get(2);
            final Set<Integer> leaverPartitions = new TreeSet<>(leaver.owned());
            out.printf("%s leaves the group (close), giving up %s%n", leaver.name(), leaverPartitions);
            leaver.leave();
            final List<GroupMember> survivors = members.subList(0, 2);
            awaitSplit(survivors, "the two remaining consumers own all six partitions");
            awaitAcknowledged(ledger, ledger.acknowledgedCount() + phaseRecords, survivors);

            final long failedSends = feeder.stop();
            if (failedSends > 0) {
                throw new IllegalStateException(failedSends + " sends failed");
            }
            await("every acknowledged record is read", () -> ledger.missingCount() == 0, survivors);
            // Before they leave too: closing revokes what they own.
            final Map<String, Set<Integer>> survivorsOwned = new LinkedHashMap<>();
            survivors.forEach(m -> survivorsOwned.put(m.name(), new TreeSet<>(m.owned())));
            out.printf("-- every acknowledged record was read; the others leave too%n");
            for (final GroupMember survivor : survivors) {
                survivor.leave();
            }
            return report(ledger, members, leaverPartitions, survivorsOwned);
        } finally {
            // Normally done already; here for the failure paths, so that no thread outlives the run.
            feeder.stop();
            for (final GroupMember member : members) {
                member.leave();
            }
        }
    }

    private static Map<String, Object> consumerProps(final String bootstrapServers) {
        final Map<String, Object> props = new LinkedHashMap<>();
        props.put("bootstrap.servers", bootstrapServers);
        props.put("group.id", GROUP);
        props.put("auto.offset.reset", "earliest");
        props.put("partition.assignment.strategy", "cooperative-sticky");
        // Heartbeats are how a member learns that a rebalance started: every 500 ms rather than 3 s makes
        // the handover quick to watch.
        props.put("heartbeat.interval.ms", 500);
        return props;
    }

    private Outcome report(final DeliveryLedger ledger, final List<GroupMember> members,
                           final Set<Integer> leaverPartitions, final Map<String, Set<Integer>> survivorsOwned) {
        final Map<String, Long> readByMember = new LinkedHashMap<>();
        members.forEach(m -> readByMember.put(m.name(), m.readCount()));
        final Outcome outcome = new Outcome(ledger.acknowledgedCount(), ledger.readCount(), ledger.missingCount(),
            ledger.duplicateCount(), readByMember, leaverPartitions, survivorsOwned);
        out.printf("%nproduced %d records; read %d: %s%n", outcome.produced(), outcome.read(), readByMember);
        out.printf("after the leave: %s%n", survivorsOwned);
        out.printf("missing %d, read twice %d%s%n", outcome.missing(), outcome.duplicates(),
            outcome.missing() == 0 ? " - every acknowledged record was read" : " - RECORDS WERE LOST");
        return outcome;
    }

    /** Waits until the members own every partition between them, each at least one, none twice. */
    private void awaitSplit(final List<GroupMember> members, final String what) throws InterruptedException {
        await(what, () -> {
            final Set<Integer> union = new HashSet<>();
            int total = 0;
            for (final GroupMember member : members) {
                final Set<Integer> owned = member.owned();
                if (owned.isEmpty()) {
                    return false;
                }
                union.addAll(owned);
                total += owned.size();
            }
            return total == PARTITIONS && union.size() == PARTITIONS;
        }, members);
        out.printf("-- %s%n", what);
    }

    private void awaitAcknowledged(final DeliveryLedger ledger, final long target, final List<GroupMember> members)
            throws InterruptedException {
        await(target + " records acknowledged", () -> ledger.acknowledgedCount() >= target, members);
    }

    /** Polls {@code done} every 50 ms; gives up after 60 s or when a member failed. */
    private static void await(final String what, final BooleanSupplier done, final List<GroupMember> members)
            throws InterruptedException {
        final long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(WAIT_LIMIT_MS);
        while (!done.getAsBoolean()) {
            for (final GroupMember member : members) {
                if (member.failure() != null) {
                    throw new IllegalStateException(member.name() + " failed while waiting until " + what,
                        member.failure());
                }
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("gave up after " + WAIT_LIMIT_MS / 1000 + " s waiting until " + what);
            }
            Thread.sleep(50);
        }
    }

    /**
     * What the run showed.
     *
     * @param produced records the producer had acknowledged
     * @param read reads by all members, duplicates included
     * @param missing acknowledged records nobody read: 0 unless something is broken
     * @param duplicates reads beyond the first of a record (see the class comment for when they happen)
     * @param readByMember records each member read, by member name
     * @param leaverPartitions what the member that left owned when it left
     * @param survivorsOwned what each remaining member owned at the end
     */
    public record Outcome(long produced, long read, long missing, long duplicates, Map<String, Long> readByMember,
                          Set<Integer> leaverPartitions, Map<String, Set<Integer>> survivorsOwned) {
    }

    /** The producer, on a thread of its own, sending keyed shop events until stopped. */
    private static final class Feeder {
        private final Thread thread;
        private final AtomicLong failures = new AtomicLong();
        private volatile boolean stopping;

        Feeder(final String bootstrapServers, final DeliveryLedger ledger) {
            this.thread = new Thread(() -> feed(bootstrapServers, ledger), "producer");
        }

        void start() {
            thread.start();
        }

        /**
         * Stops sending and waits until every record sent is acknowledged or failed (the producer's close
         * waits for that). Idempotent.
         *
         * @return how many sends failed
         */
        long stop() throws InterruptedException {
            stopping = true;
            thread.join();
            return failures.get();
        }

        private void feed(final String bootstrapServers, final DeliveryLedger ledger) {
            final ShopEvents events = new ShopEvents(42);
            try (Producer<String, String> producer = new SluiceProducer<>(
                    Map.of("bootstrap.servers", bootstrapServers), new StringSerializer(), new StringSerializer())) {
                while (!stopping) {
                    final String key = events.nextKey();
                    producer.send(new ProducerRecord<>(TOPIC, key, events.nextValue()), (metadata, error) -> {
                        if (error == null) {
                            ledger.acknowledged(metadata.partition(), metadata.offset());
                        } else {
                            failures.incrementAndGet();
                        }
                    });
                    Thread.sleep(PAUSE_BETWEEN_SENDS_MS);
                }
            } catch (final InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
