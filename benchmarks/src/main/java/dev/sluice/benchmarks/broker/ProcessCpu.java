package dev.sluice.benchmarks.broker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** CPU time a process has used so far, from {@code /proc/<pid>/stat}. */
final class ProcessCpu {
    /** USER_HZ: the unit of utime and stime; 100 on every mainstream Linux build. */
    private static final double TICKS_PER_SECOND = 100.0;
    /** utime and stime are fields 14 and 15; counted after the ")" that closes the command name. */
    private static final int UTIME_AFTER_COMM = 11;
    private static final int STIME_AFTER_COMM = 12;

    private ProcessCpu() {
    }

    /** User plus system CPU seconds of all the process's threads. */
    static double seconds(final long pid) {
        final String stat;
        try {
            stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        } catch (final IOException e) {
            throw new UncheckedIOException("could not read /proc/" + pid + "/stat", e);
        }
        // The command name may hold spaces; everything after its closing parenthesis is positional.
        final String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[UTIME_AFTER_COMM]) + Long.parseLong(fields[STIME_AFTER_COMM])) / TICKS_PER_SECOND;
    }
}
