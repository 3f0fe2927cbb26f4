package dev.sluice.benchmarks.broker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A process's memory as Linux reports it in {@code /proc/<pid>/status}.
 *
 * @param rssKib current resident set (VmRSS), KiB
 * @param hwmKib peak resident set since the process started (VmHWM), KiB
 */
record ProcessMemory(long rssKib, long hwmKib) {

    /** @throws IllegalStateException if the file lacks either field (not Linux, or the process is gone) */
    static ProcessMemory of(final long pid) {
        final List<String> lines;
        try {
            lines = Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"));
        } catch (final IOException e) {
            throw new UncheckedIOException("could not read /proc/" + pid + "/status", e);
        }
        return new ProcessMemory(field(lines, "VmRSS:", pid), field(lines, "VmHWM:", pid));
    }

    private static long field(final List<String> lines, final String name, final long pid) {
        for (final String line : lines) {
            if (line.startsWith(name)) {
                // "VmRSS:	  123456 kB"
                return Long.parseLong(line.substring(name.length()).replace("kB", "").strip());
            }
        }
        throw new IllegalStateException("/proc/" + pid + "/status has no " + name + " line");
    }
}
