package dev.sluice.benchmarks.broker;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;

/** Finds when a freshly launched server starts accepting TCP connections on 127.0.0.1. */
final class PortProbe {
    /** 2 ms between attempts: fine enough for a 300 ms target, cheap enough not to slow the launch. */
    private static final long RETRY_MILLIS = 2;
    private static final int CONNECT_TIMEOUT_MILLIS = 200;

    private PortProbe() {
    }

    /**
     * Connects repeatedly until a connection is accepted.
     *
     * @param process the server, checked between attempts so that a crash ends the wait; may be null
     * @return nanoseconds from this call to the first accepted connection, or -1 if the process exited
     *         or the timeout passed first
     */
    static long awaitAccepting(final int port, final Process process, final Duration timeout) {
        final long start = System.nanoTime();
        final long deadline = start + timeout.toNanos();
        while (System.nanoTime() - deadline < 0) {
            if (accepts(port)) {
                return System.nanoTime() - start;
            }
            if (process != null && !process.isAlive()) {
                return -1;
            }
            try {
                Thread.sleep(RETRY_MILLIS);
            } catch (final InterruptedException e) {
                Thread.currentThread().interrupt();
                return -1;
            }
        }
        return -1;
    }

    static boolean accepts(final int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), CONNECT_TIMEOUT_MILLIS);
            return true;
        } catch (final IOException refused) {
            return false;
        }
    }
}
