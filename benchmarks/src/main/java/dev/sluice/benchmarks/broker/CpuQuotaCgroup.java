package dev.sluice.benchmarks.broker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * One cgroup with a CFS bandwidth limit, holding one broker process: the way the comparison gives
 * every broker the same CPU budget, so that the broker, not the load generator, is the bottleneck.
 * Works with cgroup v2 ({@code cpu.max}, {@code cpu.stat} with {@code usage_usec}) and with cgroup v1,
 * where the {@code cpu} controller sets the quota and counts throttled periods and {@code cpuacct},
 * which may be mounted apart from it, counts CPU time.
 *
 * <p>Used from the orchestrating thread only. The cgroup is created by {@link #create}, the broker is
 * moved in with {@link #join} once it has started (writing its pid to {@code cgroup.procs} moves every
 * thread of the process, and threads it creates later are born inside), and {@link #close()} removes
 * the cgroup, after the broker has exited.
 */
final class CpuQuotaCgroup implements AutoCloseable {
    /** The CFS accounting period, microseconds: the kernel's default, 100 ms. */
    static final long PERIOD_MICROS = 100_000;
    /** The kernel refuses quotas under 1 ms per period. */
    static final double MIN_FRACTION = 0.01;

    private static final Path ROOT = Path.of("/sys/fs/cgroup");

    private final List<Path> dirs;
    private final Path quotaDir;
    private final Path usageDir;
    private final boolean v2;
    private final double fraction;

    private CpuQuotaCgroup(final List<Path> dirs, final Path quotaDir, final Path usageDir, final boolean v2,
                           final double fraction) {
        this.dirs = dirs;
        this.quotaDir = quotaDir;
        this.usageDir = usageDir;
        this.v2 = v2;
        this.fraction = fraction;
    }

    /**
     * Checks a quota given on the command line: a fraction of one core.
     *
     * @throws IllegalArgumentException naming {@code option} if it is not a number in [0.01, cores]
     */
    static double requireFraction(final String option, final String value) {
        final double parsed;
        try {
            parsed = Double.parseDouble(value);
        } catch (final NumberFormatException e) {
            throw new IllegalArgumentException(option + " must be a fraction of one core such as 0.25, got '" + value + "'", e);
        }
        final int cores = Runtime.getRuntime().availableProcessors();
        if (!(parsed >= MIN_FRACTION && parsed <= cores)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "%s must be between %.2f (the kernel's 1 ms per 100 ms minimum) and %d (this machine's cores), got %s",
                    option, MIN_FRACTION, cores, value));
        }
        return parsed;
    }

    /**
     * Creates the cgroup {@code name} limited to {@code fraction} of one core.
     *
     * @throws IllegalStateException naming the missing or unwritable path if neither a cgroup v2 cpu
     *                               controller nor cgroup v1 cpu and cpuacct hierarchies can be used
     */
    static CpuQuotaCgroup create(final String name, final double fraction) {
        final long quotaMicros = Math.round(fraction * PERIOD_MICROS);
        final Path controllers = ROOT.resolve("cgroup.controllers");
        if (Files.exists(controllers)) {
            if (!read(controllers).contains("cpu")) {
                throw new IllegalStateException("cgroup v2 is mounted at " + ROOT + " but its cgroup.controllers lacks cpu:"
                        + " enable it with 'echo +cpu > " + ROOT.resolve("cgroup.subtree_control") + "'");
            }
            final Path dir = mkdir(ROOT.resolve(name));
            final CpuQuotaCgroup group = new CpuQuotaCgroup(List.of(dir), dir, dir, true, fraction);
            group.write(dir.resolve("cpu.max"), quotaMicros + " " + PERIOD_MICROS);
            return group;
        }
        final Path cpu = ROOT.resolve("cpu");
        final Path cpuacct = ROOT.resolve("cpuacct");
        for (final Path needed : List.of(cpu.resolve("cpu.cfs_quota_us"), cpuacct.resolve("cpuacct.usage"))) {
            if (!Files.exists(needed)) {
                throw new IllegalStateException("--broker-cpu-quota needs cgroups: found neither " + controllers
                        + " (cgroup v2) nor " + needed + " (cgroup v1)");
            }
        }
        final Path quotaDir = mkdir(cpu.resolve(name));
        final List<Path> dirs = new ArrayList<>(List.of(quotaDir));
        // On a combined cpu,cpuacct mount the two are one directory; separate mounts need one each.
        final Path usageDir = Files.exists(cpu.resolve("cpuacct.usage")) ? quotaDir : mkdir(cpuacct.resolve(name));
        if (!usageDir.equals(quotaDir)) {
            dirs.add(usageDir);
        }
        final CpuQuotaCgroup group = new CpuQuotaCgroup(dirs, quotaDir, usageDir, false, fraction);
        group.write(quotaDir.resolve("cpu.cfs_period_us"), Long.toString(PERIOD_MICROS));
        group.write(quotaDir.resolve("cpu.cfs_quota_us"), Long.toString(quotaMicros));
        return group;
    }

    /** The fraction of one core this cgroup may use. */
    double fraction() {
        return fraction;
    }

    /** {@code cgroup v1} or {@code cgroup v2}, for the report. */
    String version() {
        return v2 ? "cgroup v2" : "cgroup v1";
    }

    /**
     * Moves the process {@code pid}, every thread of it, into this cgroup and checks that each thread
     * landed there.
     *
     * @throws IllegalStateException naming the thread if one is still outside
     */
    void join(final long pid) {
        for (final Path dir : dirs) {
            write(dir.resolve("cgroup.procs"), Long.toString(pid));
        }
        final String expected = "/" + quotaDir.getFileName();
        try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            for (final Path task : tasks.toList()) {
                final String membership = read(task.resolve("cgroup"));
                if (!inCpuCgroup(membership, expected)) {
                    throw new IllegalStateException("thread " + task.getFileName() + " of process " + pid
                            + " is not in cgroup " + expected + ": " + membership.strip().replace('\n', ' '));
                }
            }
        } catch (final IOException e) {
            throw new UncheckedIOException("could not list the threads of process " + pid, e);
        }
    }

    /** The cgroup's counters now. */
    CgroupCpuSample sample() {
        final long now = System.nanoTime();
        if (v2) {
            final String stat = read(quotaDir.resolve("cpu.stat"));
            return new CgroupCpuSample(now, statField(stat, "usage_usec") * 1000, statField(stat, "nr_periods"),
                    statField(stat, "nr_throttled"));
        }
        final String stat = read(quotaDir.resolve("cpu.stat"));
        final long usageNanos = Long.parseLong(read(usageDir.resolve("cpuacct.usage")).strip());
        return new CgroupCpuSample(now, usageNanos, statField(stat, "nr_periods"), statField(stat, "nr_throttled"));
    }

    /**
     * Removes the cgroup. Any process still inside (the broker should have exited) is first moved to
     * the root cgroup, since the kernel refuses to remove a cgroup that holds tasks. Closing twice
     * is harmless.
     */
    @Override
    public void close() {
        for (final Path dir : dirs) {
            if (!Files.isDirectory(dir)) {
                continue; // closed before, e.g. by the shutdown hook and then by the normal path
            }
            final Path parentProcs = dir.getParent().resolve("cgroup.procs");
            for (final String pid : read(dir.resolve("cgroup.procs")).strip().split("\n")) {
                if (!pid.isEmpty()) {
                    try {
                        Files.writeString(parentProcs, pid);
                    } catch (final IOException e) {
                        // The process exited between the read and the write: nothing to move.
                    }
                }
            }
            try {
                Files.deleteIfExists(dir);
            } catch (final IOException e) {
                throw new UncheckedIOException("could not remove cgroup " + dir, e);
            }
        }
    }

    private static boolean inCpuCgroup(final String membership, final String expected) {
        for (final String line : membership.split("\n")) {
            // "hierarchy-id:controllers:path"; v2's line is "0::path", v1's cpu line names cpu among its controllers.
            final String[] fields = line.split(":", 3);
            if (fields.length == 3 && fields[2].equals(expected)
                    && (fields[1].isEmpty() || List.of(fields[1].split(",")).contains("cpu"))) {
                return true;
            }
        }
        return false;
    }

    private static long statField(final String stat, final String name) {
        for (final String line : stat.split("\n")) {
            final String[] fields = line.split(" ");
            if (fields.length == 2 && fields[0].equals(name)) {
                return Long.parseLong(fields[1]);
            }
        }
        throw new IllegalStateException("cpu.stat has no " + name + " line: " + stat.strip().replace('\n', ' '));
    }

    private static Path mkdir(final Path dir) {
        try {
            return Files.createDirectory(dir);
        } catch (final IOException e) {
            throw new IllegalStateException("--broker-cpu-quota could not create cgroup " + dir + " (" + e
                    + "); it needs root and a writable cgroup mount", e);
        }
    }

    private void write(final Path file, final String value) {
        try {
            Files.writeString(file, value);
        } catch (final IOException e) {
            close();
            throw new IllegalStateException("could not write '" + value + "' to " + file + ": " + e, e);
        }
    }

    private static String read(final Path file) {
        try {
            return Files.readString(file);
        } catch (final IOException e) {
            throw new UncheckedIOException("could not read " + file, e);
        }
    }
}
