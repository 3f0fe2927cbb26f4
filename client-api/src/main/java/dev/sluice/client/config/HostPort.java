package dev.sluice.client.config;

/**
 * A {@code host:port} address as written in {@code bootstrap.servers}. Parsing only, no DNS: the
 * client resolves names when it connects.
 */
public final class HostPort {
    private final String host;
    private final int port;

    private HostPort(final String host, final int port) {
        this.host = host;
        this.port = port;
    }

    /**
     * Parses {@code host:port} or {@code [ipv6]:port}.
     *
     * @throws IllegalArgumentException naming the entry if it is not of that form
     */
    public static HostPort parse(final String address) {
        final String text = address.trim();
        final int colon = text.lastIndexOf(':');
        if (colon <= 0 || colon == text.length() - 1) {
            throw new IllegalArgumentException("'" + address + "' is not of the form host:port");
        }
        String host = text.substring(0, colon);
        if (host.startsWith("[")) {
            if (!host.endsWith("]") || host.length() < 3) {
                throw new IllegalArgumentException("'" + address + "' has an unterminated IPv6 literal");
            }
            host = host.substring(1, host.length() - 1);
        } else if (host.indexOf(':') >= 0) {
            throw new IllegalArgumentException("'" + address + "': IPv6 hosts must be written in brackets, [host]:port");
        }
        final int port;
        try {
            port = Integer.parseInt(text.substring(colon + 1));
        } catch (final NumberFormatException e) {
            throw new IllegalArgumentException("'" + address + "' has a port that is not a number");
        }
        if (port < 0 || port > 65535 || host.isBlank()) {
            throw new IllegalArgumentException("'" + address + "' needs a host and a port from 0 to 65535");
        }
        return new HostPort(host, port);
    }

    static boolean isValid(final String address) {
        try {
            parse(address);
            return true;
        } catch (final IllegalArgumentException e) {
            return false;
        }
    }

    /** The host name or address literal, without IPv6 brackets. */
    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    @Override
    public String toString() {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }
}
