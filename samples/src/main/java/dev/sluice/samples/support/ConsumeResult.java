package dev.sluice.samples.support;

/**
 * How a consume phase went.
 *
 * @param records      records read inside the produced offset ranges
 * @param payloadBytes their key and value bytes
 * @param elapsedNanos from the first poll that returned records to the last needed record; joining
 *                     the group beforehand is not counted (it is a fixed cost, not throughput)
 * @param stalled      true when the consumer gave up because nothing new arrived for a while
 * @param verification what the verifier found
 */
public record ConsumeResult(long records, long payloadBytes, long elapsedNanos, boolean stalled,
                            Verification verification) {

    public double recordsPerSecond() {
        return records / seconds();
    }

    /** Payload megabytes (10<sup>6</sup> bytes) per second. */
    public double megabytesPerSecond() {
        return payloadBytes / 1e6 / seconds();
    }

    private double seconds() {
        return Math.max(elapsedNanos, 1) / 1e9;
    }
}
