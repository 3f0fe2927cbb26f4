package dev.sluice.samples.support;

/**
 * A whole run: produce the events, then read them back and verify them. The verifier regenerates
 * the expected events between the two phases, outside both timings.
 */
public final class LoadRun {
    private LoadRun() {
    }

    /**
     * @throws dev.sluice.client.errors.SluiceException when a client cannot start or {@code send} throws;
     *     failures of single records are reported in the result instead
     */
    public static LoadResult run(final LoadSettings settings) {
        final ProduceResult produced = ProduceRun.run(settings);
        final EventVerifier verifier = new EventVerifier(settings.seed(), settings.records());
        final ConsumeResult consumed = ConsumeRun.run(settings, produced.ranges(), verifier);
        return new LoadResult(produced, consumed);
    }
}
