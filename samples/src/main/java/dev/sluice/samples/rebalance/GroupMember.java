package dev.sluice.samples.rebalance;

import dev.sluice.client.TopicPartition;
import dev.sluice.client.consumer.Consumer;
import dev.sluice.client.consumer.ConsumerRebalanceListener;
import dev.sluice.client.consumer.ConsumerRecord;
import dev.sluice.client.errors.CommitFailedException;
import dev.sluice.client.errors.RebalanceInProgressException;
import dev.sluice.client.impl.SluiceConsumer;
import dev.sluice.client.serialization.StringDeserializer;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One consumer of the demo's group, on a thread of its own: a consumer is used by one thread only, so
 * it is created, polled and closed there. Other threads read what it owns and how much it read.
 */
final class GroupMember {
    private static final Duration POLL = Duration.ofMillis(100);

    private final String name;
    private final String topic;
    private final Map<String, Object> props;
    private final DeliveryLedger ledger;
    private final PrintStream out;
    private final AtomicLong readCount = new AtomicLong();
    private final Thread thread;
    /** Partition numbers this member owns; replaced (never changed in place) by the rebalance listener. */
    private volatile Set<Integer> owned = Set.of();
    private volatile boolean leaving;
    private volatile RuntimeException failure;

    GroupMember(final String name, final String topic, final Map<String, Object> props, final DeliveryLedger ledger,
                final PrintStream out) {
        this.name = name;
        this.topic = topic;
        this.props = Map.copyOf(props);
        this.ledger = ledger;
        this.out = out;
        this.thread = new Thread(this::pollUntilLeaving, name);
    }

    void start() {
        thread.start();
    }

    String name() {
        return name;
    }

    /** Partition numbers owned right now, as the last rebalance callback left them. */
    Set<Integer> owned() {
        return owned;
    }

    /** Records this member read, duplicates included. */
    long readCount() {
        return readCount.get();
    }

    /** The exception that ended the poll loop, or {@code null}. */
    RuntimeException failure() {
        return failure;
    }

    /**
     * Makes the member close its consumer, which leaves the group at once (the others need not wait for
     * its session to time out), and waits for that to finish.
     */
    void leave() throws InterruptedException {
        leaving = true;
        thread.join(TimeUnit.SECONDS.toMillis(60));
        if (thread.isAlive()) {
            throw new IllegalStateException(name + " did not close within 60 s");
        }
    }

    private void pollUntilLeaving() {
        try (Consumer<String, String> consumer =
                 new SluiceConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic), new Listener(consumer));
            while (!leaving) {
                for (final ConsumerRecord<String, String> record : consumer.poll(POLL)) {
                    // "Processing" a record here is counting it; a real application would do its work first.
                    ledger.read(record.partition(), record.offset());
                    readCount.incrementAndGet();
                }
                // No commit here: with enable.auto.commit (the default) poll() commits, every
                // auto.commit.interval.ms, the positions of records it returned before, so what was
                // processed. That is at-least-once as long as processing finishes before the next poll.
            }
            // close() runs onPartitionsRevoked for what this member still owns, then leaves the group.
        } catch (final RuntimeException e) {
            failure = e;
            out.printf("%s failed: %s%n", name, e);
        }
    }

    /** Prints each change of ownership; runs on this member's thread, inside poll() or close(). */
    private final class Listener implements ConsumerRebalanceListener {
        private final Consumer<String, String> consumer;

        Listener(final Consumer<String, String> consumer) {
            this.consumer = consumer;
        }

        @Override
        public void onPartitionsAssigned(final Collection<TopicPartition> partitions) {
            // With the cooperative assignor a rebalance that does not concern this member reports nothing new.
            if (!partitions.isEmpty()) {
                final Set<Integer> now = new TreeSet<>(owned);
                partitions.forEach(p -> now.add(p.partition()));
                change("assigned", partitions, now);
            }
        }

        @Override
        public void onPartitionsRevoked(final Collection<TopicPartition> partitions) {
            if (!partitions.isEmpty()) {
                // The last chance to commit what was read from them: the next owner starts at the committed offset.
                commit(consumer);
                final Set<Integer> now = new TreeSet<>(owned);
                partitions.forEach(p -> now.remove(p.partition()));
                change("revoked", partitions, now);
            }
        }

        @Override
        public void onPartitionsLost(final Collection<TopicPartition> partitions) {
            // Lost, not revoked: another member may own them already, so committing would fail. Its reads since
            // the last commit will be read again by the new owner: the duplicates of at-least-once.
            final Set<Integer> now = new TreeSet<>(owned);
            partitions.forEach(p -> now.remove(p.partition()));
            change("lost", partitions, now);
        }

        private void change(final String what, final Collection<TopicPartition> partitions, final Set<Integer> now) {
            // Print before publishing, so the demo's narration never runs ahead of this line.
            out.printf("%-10s %-8s %-14s -> owns %s%n", name, what, numbers(partitions), now);
            owned = Set.copyOf(now);
        }
    }

    /**
     * Commits the positions of everything polled so far. If the group refuses (it is rebalancing again,
     * or has moved on to a newer generation) the partitions' next owners start at the previous commit
     * and read those records a second time: the duplicates that at-least-once allows.
     */
    private void commit(final Consumer<String, String> consumer) {
        try {
            consumer.commitSync();
        } catch (final RebalanceInProgressException | CommitFailedException e) {
            out.printf("%-10s commit refused (%s): the next owner may read some records again%n", name,
                e.getClass().getSimpleName());
        }
    }

    private static Set<Integer> numbers(final Collection<TopicPartition> partitions) {
        final Set<Integer> numbers = new TreeSet<>();
        partitions.forEach(p -> numbers.add(p.partition()));
        return numbers;
    }
}
