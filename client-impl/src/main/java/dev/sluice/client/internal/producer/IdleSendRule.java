package dev.sluice.client.internal.producer;

/**
 * When a compressed batch that already holds {@code batch.size} uncompressed bytes may go to a
 * leader with no request in flight before its {@code linger.ms} has passed.
 *
 * <p>Why a rule at all: a compressed batch counts as full by its <em>estimated compressed</em>
 * size, so it may hold many times {@code batch.size} uncompressed. At a moderate rate it never
 * gets there before {@code linger.ms}, and every record would wait out the linger for no gain;
 * unthrottled, it gets there quickly, and sending it early would only make batches (and requests)
 * smaller. The two cases differ in how fast the partition is filling, so the rule projects the
 * batch's growth until its linger deadline at the partition's recent append rate, and lets it go
 * once, at that rate, waiting would neither fill the batch (bring its uncompressed bytes to
 * {@link ProducerBatch#uncompressedCapacity()}) nor double it.
 *
 * <p>The rate is the batch's bytes over the time since the partition's previous batch was drained
 * (or since this batch was created, if that is earlier or there was none): no batch of the
 * partition existed in between, so nothing was appended then. This counts the time the sticky
 * partitioner spent on other partitions, which is what tells a slow partition from a busy one: at
 * 100 000 records/s of 100 B over 8 partitions a batch gets its 16 KiB in under 2 ms and then
 * nothing for about 11 ms, so it goes at once; unthrottled, the partitioner comes back every few
 * hundred microseconds and the batch waits until half its linger has passed (longer while records
 * keep arriving). Assuming no further appends, the rule's answer is a point in time; appends only move it
 * later, and the sender checks again when woken.
 *
 * <p>In closed form the rate cancels out: while the batch could still double before it is full, the
 * answer is the midpoint between {@code since} (the previous drain, or creation) and the linger
 * deadline, whatever the rate; past half full it moves later, toward the deadline (the batch is about
 * to fill anyway). So what tells a slow partition from a busy one is how long ago the previous
 * batch left, not how fast this one grew.
 * The cost: at a moderate rate with a long linger (50 ms) a batch waits about half the linger,
 * where kafka-clients' batches, full at about {@code batch.size} uncompressed, leave at once
 * (docs/benchmarks-producer.md, "p99 at equal offered load"). A shallow-queue exception was
 * measured and rejected: it cost unthrottled CPU per record.
 *
 * <p>Stateless; all times are epoch milliseconds of the producer's clock, all sizes bytes.
 */
final class IdleSendRule {
    private IdleSendRule() {
    }

    /**
     * The earliest time at which the batch, if nothing more were appended to it, is worth sending
     * to an idle leader; never later than {@code createdMs + lingerMs}.
     *
     * @param heldBytes       uncompressed bytes the batch holds
     * @param capacityBytes   uncompressed bytes at which the batch would count as full
     * @param createdMs       when the batch was created (its linger counts from here)
     * @param previousDrainMs when the partition's previous batch was drained, or {@code Long.MAX_VALUE} if none was
     * @param lingerMs        {@code linger.ms}
     */
    static long sendAtMs(final int heldBytes, final int capacityBytes, final long createdMs,
                         final long previousDrainMs, final long lingerMs) {
        final long held = Math.max(1, heldBytes);
        // Growth that would still make waiting worth it: up to full, and at most doubling.
        final long headroom = Math.min(Math.max(0, (long) capacityBytes - held), held);
        final long since = Math.min(createdMs, previousDrainMs);
        final long deadline = createdMs + lingerMs;
        if (headroom == 0) {
            return since;
        }
        // Growth by the deadline at rate held/(now - since) is below headroom once
        // held * (deadline - now) < headroom * (now - since), i.e. from this weighted mean on.
        final long span = deadline - since;
        return since + ceilDiv(held * span, held + headroom);
    }

    private static long ceilDiv(final long dividend, final long divisor) {
        return -Math.floorDiv(-dividend, divisor);
    }
}
