package dev.sluice.benchmarks.broker;

import dev.sluice.testkit.ConsumerPerfResult;
import dev.sluice.testkit.ProducerPerfResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** Accumulates the comparison's findings and renders them as markdown. Single-threaded. */
final class Report {
    private final StringBuilder header = new StringBuilder();
    private final StringBuilder launches = new StringBuilder();
    private final StringBuilder memory = new StringBuilder();
    private final StringBuilder throughput = new StringBuilder();
    private final StringBuilder cpu = new StringBuilder();
    private final StringBuilder pinning = new StringBuilder();
    private final StringBuilder load = new StringBuilder();
    private final StringBuilder quota = new StringBuilder();
    private final StringBuilder throttling = new StringBuilder();

    Report(final BrokerComparison.Options options, final Instant started) {
        header.append("Run started ").append(started).append(" on ").append(Runtime.getRuntime().availableProcessors())
                .append(" cores (").append(System.getProperty("java.vm.name")).append(' ')
                .append(System.getProperty("java.version")).append("); ").append(options.rounds())
                .append(" rounds, brokers alternating first; ").append(options.launches())
                .append(" timed launches per Sluice variant.\n");
    }

    /** Notes the 1/5/15-minute load averages at a named point of the run. */
    void loadAverage(final String when) {
        String average;
        try {
            final String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            average = fields[0] + " " + fields[1] + " " + fields[2];
        } catch (final IOException e) {
            average = "unavailable";
        }
        load.append(load.length() == 0 ? "Load average (1/5/15 min): " : "; ")
                .append(when).append(' ').append(average);
    }

    /**
     * One launch-time row.
     *
     * @param acceptMillis time to the first accepted TCP connection, per launch
     * @param readyMillis  time to a broker that serves requests, per launch; null when the two coincide
     */
    void launch(final String broker, final List<Double> acceptMillis, final List<Double> readyMillis) {
        if (launches.length() == 0) {
            launches.append("| broker launch | accepts TCP, median ms | all launches, ms | ready to serve, median ms |\n")
                    .append("|---|---:|---|---:|\n");
        }
        final double[] accept = acceptMillis.stream().mapToDouble(Double::doubleValue).toArray();
        launches.append(String.format(Locale.ROOT, "| %s | %.0f | %s | %s |%n", broker, RunResults.median(accept),
                whole(acceptMillis),
                readyMillis == null ? "same" : String.format(Locale.ROOT, "%.0f (%s)",
                        RunResults.median(readyMillis.stream().mapToDouble(Double::doubleValue).toArray()),
                        whole(readyMillis))));
    }

    /** Notes where the brokers and the tools ran (the kernel's Cpus_allowed_list of each process). */
    void pinning(final List<String> brokerCpus, final String toolCpus) {
        pinning.append("Throughput rounds pinned with taskset: brokers on CPUs ").append(String.join(", ", brokerCpus))
                .append("; perf tools (and this orchestrator) on CPUs ").append(toolCpus).append(".\n");
    }

    /** Notes the CPU budget every broker ran under during the throughput rounds. */
    void quota(final CpuQuotaCgroup group) {
        quota.append(String.format(Locale.ROOT, "Throughput rounds with an equal CPU budget: each broker in its own %s"
                        + " limited to %.2f of one core (CFS quota %d us per %d us period), after an unlimited, untimed warm-up"
                        + " pass of every scenario at its full record count and 3 s idle; the perf tools unlimited;"
                        + " broker CPU per GiB from the cgroup's CPU time.%n",
                group.version(), group.fraction(), Math.round(group.fraction() * CpuQuotaCgroup.PERIOD_MICROS),
                CpuQuotaCgroup.PERIOD_MICROS));
    }

    /**
     * Per scenario and broker, medians over rounds of the share of active CFS periods in which the
     * broker was throttled, and of the share of its budget it used, produce and consume apart: a broker
     * throttled in most periods and using its whole budget was the bottleneck of that run.
     */
    void throttling(final List<Scenario> scenarios, final RunResults results, final List<String> brokers) {
        throttling.append("| scenario | broker | produce: throttled periods | budget used | consume: throttled periods "
                + "| budget used |\n|---|---|---:|---:|---:|---:|\n");
        for (int s = 0; s < scenarios.size(); s++) {
            for (final String broker : brokers) {
                throttling.append(String.format(Locale.ROOT, "| %s | %s | %.2f | %.2f | %.2f | %.2f |%n",
                        scenarios.get(s).label(), broker,
                        results.figure(s, broker, RunResults.PRODUCE_THROTTLED),
                        results.figure(s, broker, RunResults.PRODUCE_BUDGET),
                        results.figure(s, broker, RunResults.CONSUME_THROTTLED),
                        results.figure(s, broker, RunResults.CONSUME_BUDGET)));
            }
        }
    }

    /**
     * Broker CPU seconds per GiB of record payload (records x record size), produce and consume
     * apart, medians over rounds.
     */
    void cpuPerGib(final List<Scenario> scenarios, final RunResults results, final String ours, final String theirs) {
        cpu.append("| scenario | produce CPU s/GiB Sluice | Kafka | ratio | consume CPU s/GiB Sluice | Kafka | ratio |\n")
                .append("|---|---:|---:|---:|---:|---:|---:|\n");
        for (int s = 0; s < scenarios.size(); s++) {
            final double gib = scenarios.get(s).records() * (double) scenarios.get(s).recordSize() / (1L << 30);
            final double produceOurs = results.produceCpuSeconds(s, ours) / gib;
            final double produceTheirs = results.produceCpuSeconds(s, theirs) / gib;
            final double consumeOurs = results.consumeCpuSeconds(s, ours) / gib;
            final double consumeTheirs = results.consumeCpuSeconds(s, theirs) / gib;
            cpu.append(String.format(Locale.ROOT, "| %s | %.1f | %.1f | **%.2f** | %.1f | %.1f | **%.2f** |%n",
                    scenarios.get(s).label(), produceOurs, produceTheirs, produceOurs / produceTheirs,
                    consumeOurs, consumeTheirs, consumeOurs / consumeTheirs));
        }
    }

    void brokerAfterLoad(final String broker, final ProcessMemory mem, final double cpuSeconds) {
        if (memory.length() == 0) {
            memory.append("| broker | VmRSS after load, MiB | VmHWM (peak), MiB | CPU during load, s |\n")
                    .append("|---|---:|---:|---:|\n");
        }
        memory.append(String.format(Locale.ROOT, "| %s | %.0f | %.0f | %.1f |%n", broker, mem.rssKib() / 1024.0,
                mem.hwmKib() / 1024.0, cpuSeconds));
    }

    void throughput(final List<Scenario> scenarios, final RunResults results, final String ours, final String theirs) {
        throughput.append("| scenario | produce MB/s Sluice | produce MB/s Kafka | ratio | p99 ms Sluice / Kafka "
                        + "| consume MB/s Sluice | consume MB/s Kafka | ratio | fetch-only MB/s Sluice / Kafka |\n")
                .append("|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (int s = 0; s < scenarios.size(); s++) {
            final double producedOurs = results.produce(s, ours, ProducerPerfResult::mbPerSec);
            final double producedTheirs = results.produce(s, theirs, ProducerPerfResult::mbPerSec);
            final double consumedOurs = results.consume(s, ours, ConsumerPerfResult::mbPerSec);
            final double consumedTheirs = results.consume(s, theirs, ConsumerPerfResult::mbPerSec);
            throughput.append(String.format(Locale.ROOT,
                    "| %s | %.1f | %.1f | **%.2f** | %.0f / %.0f | %.1f | %.1f | **%.2f** | %.1f / %.1f |%n",
                    scenarios.get(s).label(), producedOurs, producedTheirs, producedOurs / producedTheirs,
                    results.produce(s, ours, ProducerPerfResult::p99LatencyMs),
                    results.produce(s, theirs, ProducerPerfResult::p99LatencyMs),
                    consumedOurs, consumedTheirs, consumedOurs / consumedTheirs,
                    results.consume(s, ours, ConsumerPerfResult::fetchMbPerSec),
                    results.consume(s, theirs, ConsumerPerfResult::fetchMbPerSec)));
        }
    }

    String markdown() {
        return "# Sluice broker vs Apache Kafka 4.1\n\n" + header + pinning + quota + "\n" + load
                + "\n\n## Launch to accepting connections\n\n" + launches
                + "\n## Throughput (medians over rounds; MB = MiB as the tools print it)\n\n" + throughput
                + "\n## Broker CPU per GiB of records (medians over rounds; lower is better)\n\n" + cpu
                + (throttling.length() == 0 ? "" : "\n## Broker throttling under the CPU quota (medians over rounds)\n\n"
                        + throttling)
                + "\n## Broker process after the load\n\n" + memory;
    }

    private static String whole(final List<Double> millis) {
        return String.join(", ", millis.stream().map(m -> String.format(Locale.ROOT, "%.0f", m)).toList());
    }
}
