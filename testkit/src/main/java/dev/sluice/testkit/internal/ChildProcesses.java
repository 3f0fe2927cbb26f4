package dev.sluice.testkit.internal;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Every long-lived child process testkit starts, so that a JVM shutdown hook can kill the ones a
 * test forgot to close. Thread-safe: children are registered from test threads and killed from the
 * shutdown-hook thread.
 */
public final class ChildProcesses {
    private static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();
    private static final Object HOOK_LOCK = new Object();
    private static boolean hookInstalled;

    private ChildProcesses() {
    }

    /** Tracks {@code process} until {@link #forget} is called or this JVM exits. */
    public static void track(final Process process) {
        installHookOnce();
        LIVE.add(process);
    }

    public static void forget(final Process process) {
        LIVE.remove(process);
    }

    /**
     * Sends SIGKILL to {@code process} and its descendants and waits (bounded) until it is gone.
     * Waiting matters: a test that kills a broker and restarts it on the same port must not race
     * the dying process for the socket.
     */
    public static void killAndWait(final Process process, final long timeoutMillis) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void installHookOnce() {
        synchronized (HOOK_LOCK) {
            if (!hookInstalled) {
                Runtime.getRuntime().addShutdownHook(new Thread(ChildProcesses::killAll, "sluice-testkit-reaper"));
                hookInstalled = true;
            }
        }
    }

    private static void killAll() {
        for (final Process process : LIVE) {
            if (process.isAlive()) {
                killAndWait(process, 5_000);
            }
        }
    }
}
