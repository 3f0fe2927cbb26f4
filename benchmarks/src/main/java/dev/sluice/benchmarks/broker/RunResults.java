package dev.sluice.benchmarks.broker;

import dev.sluice.testkit.ConsumerPerfResult;
import dev.sluice.testkit.ProducerPerfResult;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/** Every round's tool results, per scenario and broker; medians on demand. Single-threaded. */
final class RunResults {
    private static final String PRODUCE_CPU = "produce cpu";
    private static final String CONSUME_CPU = "consume cpu";
    static final String PRODUCE_THROTTLED = "produce throttled";
    static final String PRODUCE_BUDGET = "produce budget";
    static final String CONSUME_THROTTLED = "consume throttled";
    static final String CONSUME_BUDGET = "consume budget";
    private final Map<String, List<ProducerPerfResult>> produced = new HashMap<>();
    private final Map<String, List<ConsumerPerfResult>> consumed = new HashMap<>();
    private final Map<String, List<Double>> figures = new HashMap<>();

    void add(final int scenario, final String broker, final ProducerPerfResult produce, final ConsumerPerfResult consume) {
        produced.computeIfAbsent(key(scenario, broker), k -> new ArrayList<>()).add(produce);
        consumed.computeIfAbsent(key(scenario, broker), k -> new ArrayList<>()).add(consume);
    }

    /** Broker CPU seconds spent during one round's produce run and consume run. */
    void addCpu(final int scenario, final String broker, final double produceSeconds, final double consumeSeconds) {
        addFigure(scenario, broker, PRODUCE_CPU, produceSeconds);
        addFigure(scenario, broker, CONSUME_CPU, consumeSeconds);
    }

    /** Median over rounds of the broker's CPU seconds during produce runs; NaN if none ran. */
    double produceCpuSeconds(final int scenario, final String broker) {
        return figure(scenario, broker, PRODUCE_CPU);
    }

    /** Median over rounds of the broker's CPU seconds during consume runs; NaN if none ran. */
    double consumeCpuSeconds(final int scenario, final String broker) {
        return figure(scenario, broker, CONSUME_CPU);
    }

    /**
     * Records, for one round's produce run (between {@code atStart} and {@code afterProduce}) and
     * consume run (to {@code afterConsume}), the share of periods the broker's cgroup was throttled in
     * and the share of its CPU budget ({@code fraction} of a core) it used.
     */
    void addThrottling(final int scenario, final String broker, final double fraction, final CgroupCpuSample atStart,
                       final CgroupCpuSample afterProduce, final CgroupCpuSample afterConsume) {
        addFigure(scenario, broker, PRODUCE_THROTTLED, afterProduce.throttledFractionSince(atStart));
        addFigure(scenario, broker, PRODUCE_BUDGET, afterProduce.budgetUsedSince(atStart, fraction));
        addFigure(scenario, broker, CONSUME_THROTTLED, afterConsume.throttledFractionSince(afterProduce));
        addFigure(scenario, broker, CONSUME_BUDGET, afterConsume.budgetUsedSince(afterProduce, fraction));
    }

    /** Records one round's value of a named broker-side figure (e.g. the throttled share of a run). */
    void addFigure(final int scenario, final String broker, final String name, final double value) {
        figures.computeIfAbsent(key(scenario, broker) + "/" + name, k -> new ArrayList<>()).add(value);
    }

    /** Median over rounds of a figure recorded with {@link #addFigure}; NaN if none was. */
    double figure(final int scenario, final String broker, final String name) {
        return median(figures.getOrDefault(key(scenario, broker) + "/" + name, List.of()).stream()
                .mapToDouble(Double::doubleValue).toArray());
    }

    /** Median over rounds of one producer figure; NaN if the scenario never ran on that broker. */
    double produce(final int scenario, final String broker, final ToDoubleFunction<ProducerPerfResult> figure) {
        return median(produced.getOrDefault(key(scenario, broker), List.of()).stream().mapToDouble(figure).toArray());
    }

    /** Median over rounds of one consumer figure; NaN if the scenario never ran on that broker. */
    double consume(final int scenario, final String broker, final ToDoubleFunction<ConsumerPerfResult> figure) {
        return median(consumed.getOrDefault(key(scenario, broker), List.of()).stream().mapToDouble(figure).toArray());
    }

    static double median(final double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        final double[] sorted = values.clone();
        Arrays.sort(sorted);
        final int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    private static String key(final int scenario, final String broker) {
        return scenario + "/" + broker;
    }
}
