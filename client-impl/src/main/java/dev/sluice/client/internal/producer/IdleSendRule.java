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
 * batch's growth until a deadline (see below) at the partition's recent append rate, and lets it go
 * once, at that rate, waiting until the deadline would neither fill the batch (bring its uncompressed
 * bytes to {@link ProducerBatch#uncompressedCapacity()}) nor double it.
 *
 * <p>The rate is the batch's bytes over the time since the partition's previous batch was drained
 * (or since this batch was created, if that is earlier or there was none): no batch of the
 * partition existed in between, so nothing was appended then. This counts the time the sticky
 * partitioner spent on other partitions, which is what tells a slow partition from a busy one: at
 * 100 000 records/s of 100 B over 8 partitions a batch gets its 16 KiB in under 2 ms and then
 * nothing for about 11 ms, so it goes at once; unthrottled, the partitioner comes back every few
 * hundred microseconds and the batch waits until half its horizon has passed (longer while records
 * keep arriving). Assuming no further appends, the rule's answer is a point in time; appends only move it
 * later, and the sender checks again when woken.
 *
 * <p>In closed form the rate cancels out: while the batch could still double before it is full, the
 * answer is the midpoint between {@code since} (the previous drain, or creation) and the deadline,
 * whatever the rate; past half full it moves later, toward the deadline (the batch is about to fill
 * anyway). So what tells a slow partition from a busy one is how long ago the previous batch left,
 * not how fast this one grew.
 *
 * <p>The deadline is the batch's creation plus its <em>horizon</em>: {@code linger.ms}, or
 * {@value #ROUND_TRIPS} times the partition's latest request round trip if that is shorter
 * ({@link #horizonMs}). Why: the wait exists to stop a ping-pong in which, unthrottled, each request
 * carries only what arrived during the previous one's round trip, because the connection is idle
 * right after each response. A wait of several round trips already makes each request carry
 * several round trips' worth. The round trip also tells the two loads apart where the append rate
 * cannot (1 KiB records at 74 000/s put as many bytes per second into the accumulator as 100 B
 * records unthrottled): on the shared 2-core machine it averaged about 0.7 ms at that moderate rate
 * and 3 to 9 ms unthrottled, which puts the horizon at 24 ms or more there (often the linger itself),
 * so unthrottled batches keep growing, while at the moderate rate a batch no longer waits half of a
 * 50 ms linger (p99 26 to 28 ms, against 4 to
 * 8 ms for kafka-clients, whose batches leave at about {@code batch.size} uncompressed). A partition
 * the partitioner left more than a horizon ago sends at once. The cost is CPU per record at moderate
 * rates, where requests are smaller: about 0.8x kafka-clients' there instead of 0.3x
 * (docs/benchmarks-producer.md). Rejected: a fixed 5 ms horizon (unthrottled at linger 50 it cost
 * 0.81x to 0.86x the records/s and 1.2x the CPU per record) and a shallow-queue exception (cost
 * unthrottled CPU per record).
 *
 * <p>Stateless; all times are epoch milliseconds of the producer's clock unless named {@code Ns}
 * (monotonic nanoseconds), all sizes bytes.
 */
final class IdleSendRule {
    /**
     * Round trips of the partition's latest request the rule projects over, at most (see
     * {@link #horizonMs}). Measured at linger 50 on the Sluice broker (docs/benchmarks-producer.md,
     * 2026-12-06): with 8, p99 at a moderate rate was within 1 ms of kafka-clients' or lower in 19 of
     * 20 cell runs, and unthrottled records/s and CPU per record stayed within run-to-run noise of
     * the rule without a horizon (leaning worse with lz4: median pair ratios 0.90x records/s at
     * 1 KiB, 1.09x CPU at 100 B); with 4, 100 B lz4 kept a p99 of 10 ms against kafka-clients' 4;
     * with 16, p99 was 7 to 18 ms against 5 to 15 (more than 1 ms worse in 3 of 4 cells).
     */
    static final int ROUND_TRIPS = 8;

    private IdleSendRule() {
    }

    /**
     * The earliest time at which the batch, if nothing more were appended to it, is worth sending
     * to an idle leader; never later than {@code createdMs + horizonMs}.
     *
     * @param heldBytes       uncompressed bytes the batch holds
     * @param capacityBytes   uncompressed bytes at which the batch would count as full
     * @param createdMs       when the batch was created (its linger counts from here)
     * @param previousDrainMs when the partition's previous batch was drained, or {@code Long.MAX_VALUE} if none was
     * @param horizonMs       how far past creation the rule projects: {@code linger.ms}, or less (see {@link #horizonMs})
     */
    static long sendAtMs(final int heldBytes, final int capacityBytes, final long createdMs,
                         final long previousDrainMs, final long horizonMs) {
        final long held = Math.max(1, heldBytes);
        // Growth that would still make waiting worth it: up to full, and at most doubling.
        final long headroom = Math.min(Math.max(0, (long) capacityBytes - held), held);
        final long since = Math.min(createdMs, previousDrainMs);
        final long deadline = createdMs + horizonMs;
        if (headroom == 0) {
            return since;
        }
        // Growth by the deadline at rate held/(now - since) is below headroom once
        // held * (deadline - now) < headroom * (now - since), i.e. from this weighted mean on.
        final long span = deadline - since;
        return since + ceilDiv(held * span, held + headroom);
    }

    /**
     * How far past a batch's creation, in milliseconds, the rule projects: {@code linger.ms}, or
     * {@link #ROUND_TRIPS} times the partition's latest round trip if that is shorter (rounded up to
     * a whole millisecond).
     *
     * @param roundTripNs nanoseconds from the drain of the partition's latest answered batch to its
     *                    answer, or negative if none was answered yet
     */
    static long horizonMs(final long lingerMs, final long roundTripNs) {
        if (roundTripNs < 0) {
            return lingerMs;
        }
        return Math.min(lingerMs, ceilDiv(ROUND_TRIPS * roundTripNs, 1_000_000));
    }

    private static long ceilDiv(final long dividend, final long divisor) {
        return -Math.floorDiv(-dividend, divisor);
    }
}
