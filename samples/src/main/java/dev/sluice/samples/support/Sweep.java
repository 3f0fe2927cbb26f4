package dev.sluice.samples.support;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Runs the same load once per {@link Variant}, one after the other, each into a fresh topic so runs
 * cannot see each other's data, and every run verified, after one unmeasured warm-up run. Progress
 * goes to {@code progress}.
 */
public final class Sweep {
    private static final long SEED = 42;
    /**
     * Events of the unmeasured first run. The JVM compiles client and broker code while it runs;
     * without it the first variant measures the interpreter and looks several times slower.
     */
    static final int WARM_UP_RECORDS = 20_000;

    private Sweep() {
    }

    /** A variant and how its run went. */
    public record Outcome(Variant variant, LoadResult result) {
    }

    /**
     * @param topicPrefix topics are named {@code <prefix>-<run>-<random>}
     * @return one outcome per variant, in order
     */
    public static List<Outcome> run(final Cluster cluster, final int records, final String topicPrefix,
                                    final List<Variant> variants, final PrintStream progress) {
        final String nonce = Integer.toHexString(ThreadLocalRandom.current().nextInt());
        progress.println("warm-up run (not measured)");
        LoadRun.run(new LoadSettings(cluster.bootstrapServers(), topicPrefix + "-warmup-" + nonce,
            Math.min(records, WARM_UP_RECORDS), SEED, Map.of(), Map.of(), progress));
        final List<Outcome> outcomes = new ArrayList<>();
        for (int i = 0; i < variants.size(); i++) {
            final Variant variant = variants.get(i);
            progress.printf("run %d/%d: %s%n", i + 1, variants.size(), variant.label());
            final LoadSettings settings = new LoadSettings(cluster.bootstrapServers(), topicPrefix + "-" + i + "-" + nonce,
                records, SEED, variant.producerSettings(), Map.of(), progress);
            outcomes.add(new Outcome(variant, LoadRun.run(settings)));
        }
        return outcomes;
    }

    /** "passed" for a run that verified, else the verifier's account of what went wrong. */
    public static String verdict(final Outcome outcome) {
        return outcome.result().passed() ? "passed" : outcome.result().summary();
    }

    /** True when every run passed verification. */
    public static boolean allPassed(final List<Outcome> outcomes) {
        return outcomes.stream().allMatch(outcome -> outcome.result().passed());
    }
}
