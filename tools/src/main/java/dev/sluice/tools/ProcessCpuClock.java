package dev.sluice.tools;

import java.lang.management.ManagementFactory;

/**
 * CPU time consumed by this whole JVM so far (every thread: the sending loop, the client's I/O
 * thread, JIT and GC), in nanoseconds, or -1 when the platform does not report it.
 */
final class ProcessCpuClock {
    private ProcessCpuClock() {
    }

    static long cpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }

    /** Microseconds of CPU per record between two readings; NaN when either is missing or no record counted. */
    static double microsPerRecord(final long startNanos, final long endNanos, final long records) {
        if (startNanos < 0 || endNanos < 0 || records <= 0) {
            return Double.NaN;
        }
        return (endNanos - startNanos) / 1000.0 / records;
    }

    /**
     * Cores kept busy on average between two readings taken {@code wallMillis} apart: CPU time over wall
     * time (2.0 is two cores the whole time); NaN when either reading is missing or no time passed.
     */
    static double coresBusy(final long startNanos, final long endNanos, final long wallMillis) {
        if (startNanos < 0 || endNanos < 0 || wallMillis <= 0) {
            return Double.NaN;
        }
        return (endNanos - startNanos) / 1e6 / wallMillis;
    }
}
