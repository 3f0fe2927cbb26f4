package dev.sluice.testkit.internal;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Node;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.Collection;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Decides whether a freshly launched broker can serve clients. A listening socket is not enough:
 * in KRaft the broker accepts connections before it has registered with the controller and been
 * unfenced, and until then it is missing from metadata and cannot lead partitions. So the probe
 * asks through the real client protocol whether the node appears in {@code DescribeCluster}, which
 * lists only unfenced brokers.
 *
 * <p>Owned by the thread that starts the broker. The admin client is created lazily, once the
 * port accepts connections, so that a slow-starting child does not flood the caller's log with
 * connection warnings.
 */
public final class AdminReadinessProbe implements AutoCloseable {
    private static final int CONNECT_TIMEOUT_MILLIS = 500;

    private final String host;
    private final int port;
    private final int nodeId;
    private Admin admin;

    public AdminReadinessProbe(final String host, final int port, final int nodeId) {
        this.host = host;
        this.port = port;
        this.nodeId = nodeId;
    }

    /**
     * One probe, bounded by {@code timeout}. Returns {@code false} for every way of not being ready
     * yet (refused connection, fenced broker, request timeout): those are expected during start-up.
     */
    public boolean isReady(final Duration timeout) {
        if (admin == null) {
            if (!acceptsConnections()) {
                return false;
            }
            admin = Admin.create(adminProperties(timeout));
        }
        try {
            final Collection<Node> nodes = admin.describeCluster(
                    new DescribeClusterOptions().timeoutMs((int) timeout.toMillis()))
                    .nodes().get(timeout.toMillis() + 500, TimeUnit.MILLISECONDS);
            return nodes.stream().anyMatch(node -> node.id() == nodeId);
        } catch (final ExecutionException | TimeoutException e) {
            return false;
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private boolean acceptsConnections() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), CONNECT_TIMEOUT_MILLIS);
            return true;
        } catch (final IOException e) {
            return false;
        }
    }

    private Properties adminProperties(final Duration timeout) {
        final Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, host + ":" + port);
        props.put(AdminClientConfig.CLIENT_ID_CONFIG, "sluice-testkit-readiness");
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        props.put(AdminClientConfig.RETRY_BACKOFF_MS_CONFIG, 50);
        props.put(AdminClientConfig.RECONNECT_BACKOFF_MS_CONFIG, 50);
        props.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 200);
        return props;
    }

    @Override
    public void close() {
        if (admin != null) {
            admin.close(Duration.ZERO);
            admin = null;
        }
    }
}
