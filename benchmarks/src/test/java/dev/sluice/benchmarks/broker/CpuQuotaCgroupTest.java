package dev.sluice.benchmarks.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Runs a real busy process under a real cgroup quota; skipped where cgroups are not writable (not root). */
class CpuQuotaCgroupTest {
    private static final double FRACTION = 0.1;
    /** Enough 100 ms periods for the counters to mean something. */
    private static final long PERIODS = 10;

    @Test
    void shouldThrottleABusyProcessToItsQuotaAndRemoveTheCgroupAfterwards() throws Exception {
        assumeTrue(cgroupsWritable(), "needs root and a writable cgroup mount");
        final String name = "sluice-bench-test-" + ProcessHandle.current().pid();
        final Process busy = new ProcessBuilder("sh", "-c", "while :; do :; done").start();
        try {
            final CpuQuotaCgroup group = CpuQuotaCgroup.create(name, FRACTION);
            try {
                group.join(busy.pid());
                final CgroupCpuSample start = group.sample();
                CgroupCpuSample now = start;
                final long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (now.periods() - start.periods() < PERIODS && System.nanoTime() < giveUp) {
                    Thread.sleep(100);
                    now = group.sample();
                }
                assertTrue(now.periods() - start.periods() >= PERIODS, "the busy process never ran: " + now);
                assertTrue(now.throttledFractionSince(start) > 0.5,
                        "a busy loop wants a whole core, so a 0.1 quota must stop it in most periods: " + now);
                // The kernel enforces the quota: allow one period's slack at either end of the window.
                assertTrue(now.budgetUsedSince(start, FRACTION) < 1.3, "used more than its quota: " + now);
            } finally {
                group.close();
            }
            assertFalse(Files.exists(Path.of("/sys/fs/cgroup/cpu", name)) || Files.exists(Path.of("/sys/fs/cgroup", name)),
                    "the cgroup outlived close()");
            assertTrue(busy.isAlive(), "close() must move a live process out, not kill it");
        } finally {
            busy.destroyForcibly().waitFor();
        }
    }

    @Test
    void shouldRejectAQuotaOutsideWhatTheKernelAccepts() {
        final IllegalArgumentException tooSmall = assertThrows(IllegalArgumentException.class,
                () -> BrokerComparison.Options.parse(new String[] {"--broker-cpu-quota", "0.001"}));
        assertTrue(tooSmall.getMessage().startsWith("--broker-cpu-quota must be between 0.01"), tooSmall.getMessage());
        final IllegalArgumentException notANumber = assertThrows(IllegalArgumentException.class,
                () -> BrokerComparison.Options.parse(new String[] {"--broker-cpu-quota", "quarter"}));
        assertEquals("--broker-cpu-quota must be a fraction of one core such as 0.25, got 'quarter'",
                notANumber.getMessage());
    }

    @Test
    void shouldAcceptAQuarterOfACore() {
        final BrokerComparison.Options options = BrokerComparison.Options.parse(new String[] {"--broker-cpu-quota", "0.25"});
        assertTrue(options.capped());
        assertEquals(0.25, options.brokerCpuQuota());
    }

    private static boolean cgroupsWritable() {
        final boolean v2 = Files.exists(Path.of("/sys/fs/cgroup/cgroup.controllers"));
        final Path hierarchy = v2 ? Path.of("/sys/fs/cgroup") : Path.of("/sys/fs/cgroup/cpu");
        return "root".equals(System.getProperty("user.name")) && Files.isWritable(hierarchy)
                && (v2 || Files.exists(hierarchy.resolve("cpu.cfs_quota_us")));
    }
}
