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
    private final Map<String, List<ProducerPerfResult>> produced = new HashMap<>();
    private final Map<String, List<ConsumerPerfResult>> consumed = new HashMap<>();
    private final Map<String, List<double[]>> brokerCpu = new HashMap<>();

    void add(final int scenario, final String broker, final ProducerPerfResult produce, final ConsumerPerfResult consume) {
        produced.computeIfAbsent(key(scenario, broker), k -> new ArrayList<>()).add(produce);
        consumed.computeIfAbsent(key(scenario, broker), k -> new ArrayList<>()).add(consume);
    }

    /** Broker CPU seconds spent during one round's produce run and consume run. */
    void addCpu(final int scenario, final String broker, final double produceSeconds, final double consumeSeconds) {
        brokerCpu.computeIfAbsent(key(scenario, broker), k -> new ArrayList<>())
                .add(new double[] {produceSeconds, consumeSeconds});
    }

    /** Median over rounds of the broker's CPU seconds during produce runs; NaN if none ran. */
    double produceCpuSeconds(final int scenario, final String broker) {
        return median(brokerCpu.getOrDefault(key(scenario, broker), List.of()).stream().mapToDouble(c -> c[0]).toArray());
    }

    /** Median over rounds of the broker's CPU seconds during consume runs; NaN if none ran. */
    double consumeCpuSeconds(final int scenario, final String broker) {
        return median(brokerCpu.getOrDefault(key(scenario, broker), List.of()).stream().mapToDouble(c -> c[1]).toArray());
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
