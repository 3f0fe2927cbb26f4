package dev.sluice.broker.network;

import java.io.IOException;
import java.util.Locale;

/**
 * Tells the I/O errors of a peer that closed or reset its socket apart from other failures. The JDK
 * reports both as plain {@link IOException}s carrying the operating system's message, so the message
 * is all there is to go by: EPIPE ("Broken pipe") when writing after the peer closed, ECONNRESET
 * ("Connection reset by peer") after it reset the connection.
 */
final class PeerGone {
    private PeerGone() {
    }

    static boolean is(final IOException e) {
        if (e instanceof Connection.PeerClosedException) {
            return true;
        }
        final String message = e.getMessage();
        if (message == null) {
            return false;
        }
        final String lower = message.toLowerCase(Locale.ROOT);
        return lower.contains("broken pipe") || lower.contains("connection reset");
    }
}
