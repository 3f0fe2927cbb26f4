package dev.sluice.samples.support;

/** Both phases of a {@link LoadRun}. */
public record LoadResult(ProduceResult produce, ConsumeResult consume) {
    /** True when every record was acknowledged and read back exactly once, unchanged. */
    public boolean passed() {
        return produce.failed() == 0 && consume.verification().passed();
    }

    /** One line: the verifier's summary, plus the first send error if sends failed. */
    public String summary() {
        final String verified = consume.verification().summary()
            + (consume.stalled() ? "; the consumer gave up after " + ConsumeRun.STALL_TIMEOUT.toSeconds()
                + " s without new records" : "");
        if (produce.failed() == 0) {
            return verified;
        }
        return verified + "; " + produce.failed() + " sends failed, first: " + produce.firstError();
    }
}
