package dev.sluice.benchmarks.broker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Restricts a process, every thread of it, to a set of CPUs with {@code taskset -a -p -c}. Threads
 * and child processes created afterwards inherit the set, which is how the comparison keeps the
 * brokers on one core and the load generators on another: the orchestrating JVM pins itself to the
 * broker CPUs, starts the brokers, then pins itself to the tool CPUs before it starts any tool.
 */
final class CpuPinning {
    /** taskset's list format: numbers and ranges separated by commas, e.g. {@code 0} or {@code 0,2-3}. */
    private static final Pattern CPU_LIST = Pattern.compile("\\d+(-\\d+)?(,\\d+(-\\d+)?)*");
    private static final long TASKSET_TIMEOUT_SECONDS = 10;

    private CpuPinning() {
    }

    /**
     * Checks a CPU list given on the command line.
     *
     * @throws IllegalArgumentException naming {@code option} if the list is not in taskset's format
     */
    static String requireCpuList(final String option, final String cpus) {
        if (!CPU_LIST.matcher(cpus).matches()) {
            throw new IllegalArgumentException(option + " must be a CPU list such as 0 or 0,2-3, got '" + cpus + "'");
        }
        return cpus;
    }

    /** Pins the process {@code pid}, all its threads, to {@code cpus}. */
    static void pin(final long pid, final String cpus) {
        final List<String> command = List.of("taskset", "-a", "-p", "-c", cpus, Long.toString(pid));
        try {
            final Process taskset = new ProcessBuilder(command).redirectErrorStream(true).start();
            final String output = new String(taskset.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!taskset.waitFor(TASKSET_TIMEOUT_SECONDS, TimeUnit.SECONDS) || taskset.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
            }
        } catch (final IOException e) {
            throw new UncheckedIOException("could not run taskset (util-linux) to pin process " + pid, e);
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while pinning process " + pid, e);
        }
    }

    /** The CPUs the process's main thread may run on, as the kernel reports them. */
    static String allowedCpus(final long pid) {
        try {
            for (final String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("Cpus_allowed_list:")) {
                    return line.substring(line.indexOf(':') + 1).strip();
                }
            }
            return "unknown";
        } catch (final IOException e) {
            return "unknown";
        }
    }
}
