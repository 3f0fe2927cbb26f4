package dev.sluice.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds free TCP ports on the loopback interface by letting the kernel choose (bind to port 0).
 *
 * <p>The ports are released before they are returned, so another process could take one in
 * between; that window is short and the kernel hands out ephemeral ports round-robin, which is
 * why this is good enough for tests and never used for anything else.
 */
public final class FreePorts {
    private FreePorts() {
    }

    /** The loopback address every testkit server binds to. */
    public static InetAddress loopback() {
        return InetAddress.getLoopbackAddress();
    }

    /** One free port on 127.0.0.1. */
    public static int one() {
        return distinct(1)[0];
    }

    /**
     * {@code count} pairwise distinct free ports on 127.0.0.1. All sockets are held open until
     * every port is known, so the kernel cannot return the same port twice.
     *
     * @throws IllegalArgumentException if {@code count} is not positive
     */
    public static int[] distinct(final int count) {
        if (count <= 0) {
            throw new IllegalArgumentException("count must be positive but was " + count);
        }
        final List<ServerSocket> sockets = new ArrayList<>(count);
        try {
            final int[] ports = new int[count];
            for (int i = 0; i < count; i++) {
                final ServerSocket socket = new ServerSocket();
                sockets.add(socket);
                socket.setReuseAddress(true);
                socket.bind(new InetSocketAddress(loopback(), 0));
                ports[i] = socket.getLocalPort();
            }
            return ports;
        } catch (final IOException e) {
            throw new UncheckedIOException("could not bind a free port on " + loopback(), e);
        } finally {
            for (final ServerSocket socket : sockets) {
                try {
                    socket.close();
                } catch (final IOException ignored) {
                    // Closing a listening socket that accepted nothing cannot lose data.
                }
            }
        }
    }
}
