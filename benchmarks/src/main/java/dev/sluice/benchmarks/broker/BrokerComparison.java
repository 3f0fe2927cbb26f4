package dev.sluice.benchmarks.broker;

import dev.sluice.testkit.ApacheKafkaBroker;
import dev.sluice.testkit.ConsumerPerfResult;
import dev.sluice.testkit.KafkaTools;
import dev.sluice.testkit.ProducerPerfResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * Kafka's own ProducerPerformance and ConsumerPerformance against the Sluice broker and an Apache
 * Kafka 4.1 broker, each in its own JVM with the same JVM options and log settings, in one run:
 * launch times, throughput per scenario (rounds alternate which broker goes first, so machine
 * noise hits both), broker CPU and resident memory after the load. Prints a markdown report and
 * writes it to a file. Run through {@code bin/broker-bench}.
 *
 * <pre>
 * --records N    records per 100-byte scenario (1 KiB scenarios use N/4); default 1000000
 * --rounds R     rounds of every scenario on each broker; default 3
 * --launches L   timed launches of each Sluice variant (Kafka: min(L, 3)); default 5
 * --out FILE     where the markdown goes; default benchmarks/target/broker-comparison.md
 * --launcher-jvm also load a third broker: Sluice with bin/mock-broker's JVM options (C1, serial
 *                GC, default heap), to see its resident memory when not given Kafka's 1 GiB heap
 * --broker-cpus LIST, --tool-cpus LIST
 *                for the throughput rounds, run every broker on the CPUs of LIST and the perf tools
 *                on the other list (taskset format, e.g. 0 and 1), so that broker and load generator
 *                do not compete for a core; both or neither
 * --broker-cpu-quota FRACTION
 *                for the throughput rounds, put each broker in its own cgroup limited to FRACTION of
 *                one core (e.g. 0.25), so that every broker has the same CPU budget and is the
 *                bottleneck rather than the load generator; needs root and cgroup v1 or v2
 * </pre>
 *
 * <p>Broker CPU is measured around every tool run ({@code /proc/<pid>/stat}), so the report gives
 * CPU seconds per GiB of record payload for produce and consume separately, a figure that does not
 * depend on how busy the machine was. Under a CPU quota it also reads each broker's cgroup around
 * every tool run and reports the share of periods in which the broker was throttled.
 */
public final class BrokerComparison {
    /**
     * Same log layout on both sides: Kafka's 1 GiB default segments, and no fsync (neither broker
     * flushes by default; stated explicitly so that a changed default cannot skew the comparison),
     * and no initial rebalance delay, which the testkit sets for Kafka and Sluice defaults to 3 s:
     * ConsumerPerformance's figures include its group join.
     */
    static final Map<String, String> BROKER_CONFIG = Map.of(
            "log.segment.bytes", Integer.toString(1024 * 1024 * 1024),
            "log.flush.interval.messages", Long.toString(Long.MAX_VALUE),
            "auto.create.topics.enable", "false",
            "group.initial.rebalance.delay.ms", "0");
    private static final Duration TOOL_TIMEOUT = Duration.ofMinutes(5);
    private static final int MAX_KAFKA_LAUNCHES = 3;
    /**
     * Under a quota, each broker is first warmed up with 1/WARM_UP_SHARE of every scenario's records:
     * all of them, since a tenth left the JIT compiling the produce path during the measured runs
     * (C2 threads took 56-104 ms of a 94-162 ms consume run of the Sluice broker at 0.03 of a core,
     * 2026-12-06), which measured compilation more than serving.
     */
    private static final int WARM_UP_SHARE = 1;
    /** Idle time after the warm-up, unlimited, for compilations it queued to finish before the quota. */
    private static final Duration WARM_UP_SETTLE = Duration.ofSeconds(3);
    /** What bin/mock-broker runs the broker with, AppCDS aside. */
    private static final List<String> LAUNCHER_JVM_OPTIONS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");
    static final String SLUICE = "Sluice";
    static final String KAFKA = "Apache Kafka 4.1";
    static final String SLUICE_LAUNCHER_JVM = SLUICE + ", bin/mock-broker JVM options";

    private BrokerComparison() {
    }

    public static void main(final String[] args) throws Exception {
        final Options options;
        try {
            options = Options.parse(args);
        } catch (final IllegalArgumentException e) {
            System.err.println("broker-bench: " + e.getMessage());
            System.err.println("usage: bin/broker-bench [--records N] [--rounds R] [--launches L] [--out FILE] [--launcher-jvm]"
                    + " [--broker-cpus LIST --tool-cpus LIST] [--broker-cpu-quota FRACTION]");
            System.exit(2);
            return;
        }
        final Report report = new Report(options, Instant.now().truncatedTo(ChronoUnit.SECONDS));
        report.loadAverage("start");
        // Created before anything is launched, so that a machine without usable cgroups fails at once.
        final List<String> brokerNames = new ArrayList<>(List.of(SLUICE, KAFKA));
        if (options.launcherJvm()) {
            brokerNames.add(SLUICE_LAUNCHER_JVM);
        }
        final Map<String, CpuQuotaCgroup> quotas;
        try {
            quotas = options.capped() ? quotas(brokerNames, options.brokerCpuQuota()) : Map.of();
        } catch (final IllegalStateException e) {
            System.err.println("broker-bench: " + e.getMessage());
            System.exit(1);
            return;
        }
        // On Ctrl-C or SIGTERM the finally below does not run: stop the broker children (the Sluice
        // brokers would outlive this JVM) and remove the cgroups from a shutdown hook instead.
        final Thread cleanUp = new Thread(() -> {
            ProcessHandle.current().descendants().forEach(ProcessHandle::destroy);
            quotas.values().forEach(CpuQuotaCgroup::close);
        }, "broker-bench-clean-up");
        Runtime.getRuntime().addShutdownHook(cleanUp);
        try {
            if (options.capped()) {
                report.quota(quotas.values().iterator().next());
            }
            run(options, report, quotas);
        } finally {
            quotas.values().forEach(CpuQuotaCgroup::close);
            Runtime.getRuntime().removeShutdownHook(cleanUp);
        }
    }

    /** One cgroup per broker name, each limited to {@code fraction} of a core; none left behind on failure. */
    private static Map<String, CpuQuotaCgroup> quotas(final List<String> brokerNames, final double fraction) {
        final Map<String, CpuQuotaCgroup> quotas = new LinkedHashMap<>();
        try {
            for (final String name : brokerNames) {
                quotas.put(name, CpuQuotaCgroup.create("sluice-bench-" + ProcessHandle.current().pid() + "-"
                        + quotas.size(), fraction));
            }
            return quotas;
        } catch (final RuntimeException e) {
            quotas.values().forEach(CpuQuotaCgroup::close);
            throw e;
        }
    }

    private static void run(final Options options, final Report report, final Map<String, CpuQuotaCgroup> quotas)
            throws Exception {
        final List<String> benchmarkJvm = ApacheKafkaBroker.Builder.BENCHMARK_JVM_OPTIONS;
        final Path root = Path.of(System.getProperty("sluice.root", "."));
        final Path launcher = root.resolve("bin/mock-broker");
        if (Files.isExecutable(launcher)) {
            // The first launch records the launcher's class-data-sharing archive; it is not timed.
            LaunchTimer.sluice(List.of(launcher.toString()), 1);
            report.launch("Sluice, bin/mock-broker (C1, serial GC, AppCDS)",
                    LaunchTimer.sluice(List.of(launcher.toString()), options.launches()), null);
        }
        final List<String> direct = new ArrayList<>();
        direct.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        direct.addAll(benchmarkJvm);
        direct.addAll(List.of("-cp", System.getProperty("java.class.path"), dev.sluice.broker.MockBrokerMain.class.getName()));
        BROKER_CONFIG.forEach((k, v) -> direct.addAll(List.of("--config", k + "=" + v)));
        report.launch("Sluice, Kafka's JVM options", LaunchTimer.sluice(direct, options.launches()), null);
        final List<double[]> kafkaLaunches = LaunchTimer.kafka(BrokerComparison::kafkaBuilder,
                Math.min(options.launches(), MAX_KAFKA_LAUNCHES));
        report.launch("Apache Kafka 4.1, its scripts' JVM options",
                kafkaLaunches.stream().map(t -> t[0]).toList(), kafkaLaunches.stream().map(t -> t[1]).toList());
        report.loadAverage("after launches");

        final List<Scenario> scenarios = Scenario.defaults(options.records());
        final RunResults results = new RunResults();
        final long self = ProcessHandle.current().pid();
        if (options.pinned()) {
            // Brokers started from here inherit this JVM's CPUs; the tools get the other set below.
            CpuPinning.pin(self, options.brokerCpus());
        }
        try (RunningBroker sluice = SluiceBrokerProcess.start(SLUICE, benchmarkJvm, BROKER_CONFIG, Duration.ofSeconds(60));
             RunningBroker kafka = new KafkaBrokerProcess(kafkaBuilder().start());
             RunningBroker sluiceLauncherJvm = options.launcherJvm()
                     ? SluiceBrokerProcess.start(SLUICE_LAUNCHER_JVM, LAUNCHER_JVM_OPTIONS,
                             BROKER_CONFIG, Duration.ofSeconds(60))
                     : null) {
            final List<RunningBroker> brokers = new ArrayList<>(List.of(sluice, kafka));
            if (sluiceLauncherJvm != null) {
                brokers.add(sluiceLauncherJvm);
            }
            if (options.pinned()) {
                CpuPinning.pin(self, options.toolCpus());
                report.pinning(brokers.stream().map(b -> b.name() + ": " + CpuPinning.allowedCpus(b.pid())).toList(),
                        CpuPinning.allowedCpus(self));
            }
            if (options.capped()) {
                warmUp(brokers, scenarios);
                Thread.sleep(WARM_UP_SETTLE.toMillis());
            }
            // Started and warmed up at full speed, then capped: the budget applies to the measured load,
            // not to the JVMs' startup or their JIT compilation.
            brokers.forEach(b -> {
                if (quotas.containsKey(b.name())) {
                    quotas.get(b.name()).join(b.pid());
                }
            });
            final Map<String, Double> cpuBefore = new LinkedHashMap<>();
            brokers.forEach(b -> cpuBefore.put(b.name(), ProcessCpu.seconds(b.pid())));
            for (int round = 0; round < options.rounds(); round++) {
                for (int s = 0; s < scenarios.size(); s++) {
                    final Scenario scenario = scenarios.get(s);
                    // Rotate who goes first, so that no broker always meets the machine in the same state.
                    final List<RunningBroker> order = new ArrayList<>(brokers);
                    java.util.Collections.rotate(order, round + s);
                    for (final RunningBroker broker : order) {
                        final String topic = scenario.topic(s, round);
                        createTopic(broker, topic, scenario.partitions());
                        final CpuQuotaCgroup quota = quotas.get(broker.name());
                        final CgroupCpuSample atStart = quota == null ? null : quota.sample();
                        final double cpuAtStart = ProcessCpu.seconds(broker.pid());
                        final ProducerPerfResult produce = produce(broker, topic, scenario);
                        final double cpuAfterProduce = ProcessCpu.seconds(broker.pid());
                        final CgroupCpuSample afterProduce = quota == null ? null : quota.sample();
                        final ConsumerPerfResult consume = consume(broker, topic, scenario);
                        final double cpuAfterConsume = ProcessCpu.seconds(broker.pid());
                        final CgroupCpuSample afterConsume = quota == null ? null : quota.sample();
                        results.add(s, broker.name(), produce, consume);
                        if (quota == null) {
                            results.addCpu(s, broker.name(), cpuAfterProduce - cpuAtStart, cpuAfterConsume - cpuAfterProduce);
                        } else {
                            // The cgroup counts in nanoseconds; /proc/PID/stat in 10 ms ticks, too coarse for
                            // a consume run that costs a few dozen milliseconds.
                            results.addCpu(s, broker.name(), seconds(afterProduce.usageNanos() - atStart.usageNanos()),
                                    seconds(afterConsume.usageNanos() - afterProduce.usageNanos()));
                            results.addThrottling(s, broker.name(), quota.fraction(), atStart, afterProduce, afterConsume);
                        }
                        System.err.printf(Locale.ROOT, "round %d, %s, %s: produce %.1f MB/s, consume %.1f MB/s%n",
                                round + 1, scenario.label(), broker.name(), produce.mbPerSec(), consume.mbPerSec());
                    }
                }
            }
            for (final RunningBroker broker : brokers) {
                report.brokerAfterLoad(broker.name(), ProcessMemory.of(broker.pid()),
                        ProcessCpu.seconds(broker.pid()) - cpuBefore.get(broker.name()));
            }
        }
        report.loadAverage("end");
        report.throughput(scenarios, results, SLUICE, KAFKA);
        report.cpuPerGib(scenarios, results, SLUICE, KAFKA);
        if (!quotas.isEmpty()) {
            report.throttling(scenarios, results, List.copyOf(quotas.keySet()));
        }

        final String markdown = report.markdown();
        System.out.println(markdown);
        Files.createDirectories(options.out().toAbsolutePath().getParent());
        Files.writeString(options.out(), markdown);
        System.err.println("written to " + options.out().toAbsolutePath());
    }

    /**
     * One untimed pass of every scenario (at 1/{@link #WARM_UP_SHARE} of its records) on each broker,
     * before the quota applies. Measured: in a run without it, Kafka's first capped round ran at a
     * third of its second round's produce rate (C2 compiling inside the 0.25-core budget), Sluice's at
     * two thirds, so the first round measured JIT warm-up more than brokers; with a tenth of the
     * records, compilation still spilled into the measured runs.
     */
    private static void warmUp(final List<RunningBroker> brokers, final List<Scenario> scenarios)
            throws ExecutionException, InterruptedException {
        for (final RunningBroker broker : brokers) {
            for (int s = 0; s < scenarios.size(); s++) {
                final Scenario warmUp = scenarios.get(s).withRecords(Math.max(1, scenarios.get(s).records() / WARM_UP_SHARE));
                final String topic = "warm-up-s" + s;
                createTopic(broker, topic, warmUp.partitions());
                produce(broker, topic, warmUp);
                consume(broker, topic, warmUp);
            }
            System.err.println("warmed up " + broker.name());
        }
    }

    private static double seconds(final long nanos) {
        return nanos / 1e9;
    }

    private static ApacheKafkaBroker.Builder kafkaBuilder() {
        // Absolute: the testkit's default output root is relative to the working directory, which
        // the child (started inside that directory) would resolve a second time.
        return ApacheKafkaBroker.builder().benchmarkJvm().logLevel("warn").config(BROKER_CONFIG)
                .outputRoot(Path.of("benchmarks", "target", "apache-kafka").toAbsolutePath());
    }

    private static void createTopic(final RunningBroker broker, final String topic, final int partitions)
            throws ExecutionException, InterruptedException {
        final Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        try (Admin admin = Admin.create(props)) {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get();
        }
    }

    private static ProducerPerfResult produce(final RunningBroker broker, final String topic, final Scenario scenario) {
        return KafkaTools.producerPerformance(broker.bootstrapServers(), TOOL_TIMEOUT,
                "--topic", topic, "--num-records", Long.toString(scenario.records()),
                "--record-size", Integer.toString(scenario.recordSize()), "--throughput", "-1",
                "--producer-props", "acks=" + scenario.acks(), "compression.type=" + scenario.compression());
    }

    private static ConsumerPerfResult consume(final RunningBroker broker, final String topic, final Scenario scenario) {
        return KafkaTools.consumerPerformance(broker.bootstrapServers(), TOOL_TIMEOUT,
                "--topic", topic, "--messages", Long.toString(scenario.records()), "--timeout", "30000",
                "--group", "bench-" + topic);
    }

    /** Command-line settings; bad values are rejected naming the option. */
    record Options(long records, int rounds, int launches, Path out, boolean launcherJvm, String brokerCpus,
                   String toolCpus, double brokerCpuQuota) {
        /** Whether every broker runs under a CPU quota of {@link #brokerCpuQuota()} of a core. */
        boolean capped() {
            return brokerCpuQuota > 0;
        }

        /** Whether brokers and tools run on separate CPUs. */
        boolean pinned() {
            return brokerCpus != null;
        }

        static Options parse(final String[] args) {
            long records = 1_000_000;
            int rounds = 3;
            int launches = 5;
            Path out = Path.of("benchmarks/target/broker-comparison.md");
            boolean launcherJvm = false;
            String brokerCpus = null;
            String toolCpus = null;
            double brokerCpuQuota = 0;
            for (int i = 0; i < args.length; i++) {
                final String option = args[i];
                if (option.equals("--launcher-jvm")) {
                    launcherJvm = true;
                    continue;
                }
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(option + " needs a value");
                }
                final String value = args[++i];
                switch (option) {
                    case "--records" -> records = positive(option, value);
                    case "--rounds" -> rounds = (int) positive(option, value);
                    case "--launches" -> launches = (int) positive(option, value);
                    case "--out" -> out = Path.of(value);
                    case "--broker-cpus" -> brokerCpus = CpuPinning.requireCpuList(option, value);
                    case "--tool-cpus" -> toolCpus = CpuPinning.requireCpuList(option, value);
                    case "--broker-cpu-quota" -> brokerCpuQuota = CpuQuotaCgroup.requireFraction(option, value);
                    default -> throw new IllegalArgumentException("unknown option " + option);
                }
            }
            if ((brokerCpus == null) != (toolCpus == null)) {
                throw new IllegalArgumentException("--broker-cpus and --tool-cpus go together: give both or neither");
            }
            return new Options(records, rounds, launches, out, launcherJvm, brokerCpus, toolCpus, brokerCpuQuota);
        }

        private static long positive(final String option, final String value) {
            final long parsed;
            try {
                parsed = Long.parseLong(value);
            } catch (final NumberFormatException e) {
                throw new IllegalArgumentException(option + " must be a whole number, got '" + value + "'", e);
            }
            if (parsed <= 0 || parsed > Integer.MAX_VALUE) {
                throw new IllegalArgumentException(option + " must be between 1 and " + Integer.MAX_VALUE + ", got " + value);
            }
            return parsed;
        }
    }
}
