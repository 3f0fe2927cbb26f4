package dev.sluice.client;

import java.util.Objects;

/** A broker as metadata describes it: node id, host, port and optional rack. Immutable. */
public final class Node {
    private static final Node NO_NODE = new Node(-1, "", -1, null);

    private final int id;
    private final String host;
    private final int port;
    private final String rack;

    /** @param rack the rack id, or {@code null} when the broker has none */
    public Node(final int id, final String host, final int port, final String rack) {
        this.id = id;
        this.host = Objects.requireNonNull(host, "host");
        this.port = port;
        this.rack = rack;
    }

    public Node(final int id, final String host, final int port) {
        this(id, host, port, null);
    }

    /** The placeholder for "no broker", e.g. a partition whose leader is unknown. */
    public static Node noNode() {
        return NO_NODE;
    }

    public boolean isEmpty() {
        return host.isEmpty() || port < 0;
    }

    public int id() {
        return id;
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    /** The rack id, or {@code null}. */
    public String rack() {
        return rack;
    }

    public boolean hasRack() {
        return rack != null;
    }

    @Override
    public boolean equals(final Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Node)) {
            return false;
        }
        final Node other = (Node) o;
        return id == other.id && port == other.port && host.equals(other.host) && Objects.equals(rack, other.rack);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, host, port, rack);
    }

    @Override
    public String toString() {
        return host + ":" + port + " (id: " + id + (rack == null ? "" : " rack: " + rack) + ")";
    }
}
