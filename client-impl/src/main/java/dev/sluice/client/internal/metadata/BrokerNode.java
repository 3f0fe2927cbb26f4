package dev.sluice.client.internal.metadata;

/** A broker as metadata describes it. Bootstrap addresses get negative ids until the real ids are known. */
public record BrokerNode(int id, String host, int port, String rack) {
    @Override
    public String toString() {
        return host + ":" + port + " (id: " + id + (rack == null ? "" : " rack: " + rack) + ")";
    }
}
