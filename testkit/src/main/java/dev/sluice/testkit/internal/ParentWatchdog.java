package dev.sluice.testkit.internal;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;

/**
 * Entry point of a child JVM that must not outlive its parent. The parent keeps the child's stdin
 * pipe open for its whole life; when the parent dies for any reason (including SIGKILL, which runs
 * no shutdown hook, or a surefire fork timeout) the pipe reaches end-of-file and this watchdog
 * halts the child. Then it runs the real main class given as the first argument.
 *
 * <p>Usage: {@code java ... ParentWatchdog <main class> <args...>}.
 */
public final class ParentWatchdog {
    /**
     * Exit status of a child halted because its parent went away; distinct from 128 + signal
     * number, so a log reader can tell it from a SIGKILL (137) or SIGTERM (143).
     */
    public static final int ORPHANED_EXIT_STATUS = 70;

    private ParentWatchdog() {
    }

    public static void main(final String[] args) throws Throwable {
        if (args.length == 0) {
            throw new IllegalArgumentException("usage: ParentWatchdog <main class> [args...]");
        }
        final Thread watchdog = new Thread(ParentWatchdog::haltAtEndOfStdin, "sluice-parent-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();

        final Method main = Class.forName(args[0]).getMethod("main", String[].class);
        try {
            main.invoke(null, (Object) Arrays.copyOfRange(args, 1, args.length));
        } catch (final InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static void haltAtEndOfStdin() {
        final InputStream in = System.in;
        final byte[] sink = new byte[256];
        try {
            while (in.read(sink) >= 0) {
                // The parent never writes; anything read is ignored.
            }
        } catch (final IOException e) {
            // A broken pipe means the same as end-of-file: the parent is gone.
        }
        Runtime.getRuntime().halt(ORPHANED_EXIT_STATUS);
    }
}
