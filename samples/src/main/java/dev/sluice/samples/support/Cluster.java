package dev.sluice.samples.support;

import dev.sluice.broker.MockBroker;
import dev.sluice.client.config.HostPort;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;

/**
 * Where the samples send their events: a Sluice broker embedded in this JVM, whose data lives in a
 * temporary directory deleted on {@link #close()}, or an existing cluster (Sluice or Apache Kafka)
 * reached through {@code --bootstrap-server}, which is left as it is.
 */
public final class Cluster implements AutoCloseable {
    /** How long to wait for a TCP connection to a bootstrap server before trying the next one. */
    private static final int CONNECT_TIMEOUT_MS = 5_000;

    private final MockBroker embedded;
    private final String bootstrapServers;

    private Cluster(final MockBroker embedded, final String bootstrapServers) {
        this.embedded = embedded;
        this.bootstrapServers = bootstrapServers;
    }

    /**
     * Starts a broker on a free port of 127.0.0.1 that creates topics on first use with
     * {@code partitions} partitions.
     */
    public static Cluster embedded(final int partitions) {
        // No data directory given: MockBroker makes a temporary one and deletes it on close.
        final MockBroker broker = MockBroker.builder().port(0).config("num.partitions", Integer.toString(partitions))
            // Kafka waits 3 s for more members before the first assignment of a group; the samples'
            // groups have one member, so that would only add 3 s to every run.
            .config("group.initial.rebalance.delay.ms", "0")
            .build();
        try {
            broker.start();
        } catch (final IOException e) {
            broker.close();
            throw new UncheckedIOException("could not start the embedded broker", e);
        }
        return new Cluster(broker, broker.bootstrapServers());
    }

    /**
     * An existing cluster; its topics are created by the cluster's own defaults on first use.
     * Checks first that one of the servers accepts a TCP connection: without that check the
     * producer would wait {@code max.block.ms} (a minute) per record before saying anything.
     *
     * @param bootstrapServers a list checked by {@link #checkAddresses}
     * @throws UncheckedIOException naming the addresses when none accepts a connection
     */
    public static Cluster external(final String bootstrapServers) {
        IOException last = null;
        for (final String address : bootstrapServers.split(",")) {
            final HostPort server = HostPort.parse(address);
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(server.host(), server.port()), CONNECT_TIMEOUT_MS);
                return new Cluster(null, bootstrapServers);
            } catch (final IOException e) {
                last = e;
            }
        }
        throw new UncheckedIOException("no broker accepts connections at " + bootstrapServers + " (" + last + ")", last);
    }

    /**
     * Checks a {@code --bootstrap-server} value: {@code host:port[,host:port...]}.
     *
     * @throws UsageException naming {@code flag} and the malformed entry
     */
    public static void checkAddresses(final String flag, final String bootstrapServers) {
        for (final String address : bootstrapServers.split(",", -1)) {
            try {
                HostPort.parse(address);
            } catch (final IllegalArgumentException e) {
                throw new UsageException(flag + ": " + e.getMessage());
            }
        }
    }

    /** The {@code host:port} list to give clients as {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    public boolean isEmbedded() {
        return embedded != null;
    }

    /** One phrase for output, e.g. "the embedded Sluice broker at 127.0.0.1:40123". */
    public String description() {
        return (isEmbedded() ? "the embedded Sluice broker at " : "the cluster at ") + bootstrapServers;
    }

    /** Stops the embedded broker and deletes its data; nothing for an external cluster. */
    @Override
    public void close() {
        if (embedded != null) {
            embedded.close();
        }
    }
}
