package dev.sluice.broker.network;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A single-threaded duty cycle owning a set of connections: adopt new sockets, apply request
 * completions, select, read frames, write responses. Nothing here blocks on one client, so a slow
 * or hostile client only costs its own connection.
 *
 * <p>Thread ownership: everything but {@link #adopt} and {@link #enqueue} runs on this processor's
 * own thread; those two are the only entry points from other threads (the acceptor, and handlers
 * completing parked requests) and wake the selector.
 */
final class Processor implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(Processor.class);
    /**
     * Longest select without events, ms. Nothing here is periodic: new sockets, completions from
     * other threads and shutdown all wake the selector (a wakeup before the select is not lost), so
     * the timeout is only a safety net, and long because every idle wake-up costs CPU.
     */
    private static final long IDLE_SELECT_TIMEOUT_MS = 5_000;

    private final int index;
    private final Selector selector;
    private final RequestHandler handler;
    private final NetworkCounters counters;
    private final int maxRequestBytes;
    /** SO_SNDBUF for adopted sockets in bytes; -1 leaves the OS default. */
    private final int sendBufferBytes;
    private final AtomicLong connectionIds;
    private final Queue<SocketChannel> newConnections = new ConcurrentLinkedQueue<>();
    private final Queue<NetworkRequest.Completion> completions = new ConcurrentLinkedQueue<>();
    private final Map<Long, Connection> connections = new HashMap<>();
    /** Request-frame buffers shared by this processor's connections; touched on this thread only. */
    private final FrameBufferPool framePool;
    private volatile boolean running = true;
    private volatile Thread thread;

    Processor(final int index, final RequestHandler handler, final NetworkCounters counters,
              final int maxRequestBytes, final int sendBufferBytes, final AtomicLong connectionIds) throws IOException {
        this.index = index;
        this.selector = Selector.open();
        this.handler = handler;
        this.counters = counters;
        this.maxRequestBytes = maxRequestBytes;
        this.sendBufferBytes = sendBufferBytes;
        this.connectionIds = connectionIds;
        this.framePool = new FrameBufferPool(FrameBufferPool.DEFAULT_MAX_POOLED_BUFFER_BYTES,
                FrameBufferPool.DEFAULT_MAX_FREE_BYTES, counters);
    }

    /** Hands an accepted socket to this processor; called by the acceptor thread. */
    void adopt(final SocketChannel channel) {
        newConnections.add(channel);
        selector.wakeup();
    }

    /** Queues a request completion; called from any thread. */
    void enqueue(final NetworkRequest.Completion completion) {
        completions.add(completion);
        if (Thread.currentThread() != thread) {
            selector.wakeup();
        }
    }

    @Override
    public void run() {
        thread = Thread.currentThread();
        try {
            while (running) {
                adoptNewConnections();
                applyCompletions();
                selector.select(this::onReady, IDLE_SELECT_TIMEOUT_MS);
                // Handlers that answered on this thread queued without waking the selector.
                applyCompletions();
            }
        } catch (final ClosedSelectorException e) {
            // close() raced the loop: nothing left to do.
        } catch (final IOException | RuntimeException e) {
            LOG.error("Network processor {} stopped unexpectedly", index, e);
        } finally {
            closeAll();
        }
    }

    void shutdown() {
        running = false;
        selector.wakeup();
    }

    private void adoptNewConnections() {
        SocketChannel channel;
        while ((channel = newConnections.poll()) != null) {
            final String address = describe(channel);
            try {
                channel.configureBlocking(false);
                channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
                if (sendBufferBytes > 0) {
                    channel.setOption(StandardSocketOptions.SO_SNDBUF, sendBufferBytes);
                }
                final SelectionKey key = channel.register(selector, SelectionKey.OP_READ);
                final Connection connection = new Connection(connectionIds.incrementAndGet(), channel, key,
                        address, maxRequestBytes, framePool);
                key.attach(connection);
                connections.put(connection.id(), connection);
                counters.recordConnectionOpened();
                LOG.debug("Processor {} accepted connection {} from {}", index, connection.id(), address);
            } catch (final IOException e) {
                LOG.warn("Could not register connection from {}: {}", address, e.toString());
                closeQuietly(channel);
            }
        }
    }

    private void onReady(final SelectionKey key) {
        final Connection connection = (Connection) key.attachment();
        try {
            if (key.isValid() && key.isWritable()) {
                writeAndMaybeUnmute(connection);
            }
            if (key.isValid() && key.isReadable() && !connection.requestInFlight()) {
                final ByteBuffer frame = connection.readFrame();
                if (frame != null) {
                    dispatch(connection, frame);
                }
            }
        } catch (final Connection.PeerClosedException e) {
            LOG.debug("Connection from {} closed: {}", connection.describe(), e.getMessage());
            close(connection);
        } catch (final Connection.FrameException e) {
            LOG.warn("Closing connection from {}: {}", connection.describe(), e.getMessage());
            close(connection);
        } catch (final IOException e) {
            logIoFailure(connection, "after I/O error", e);
            close(connection);
        } catch (final RuntimeException e) {
            // A bug must cost one connection, never the processor and everyone else on it.
            LOG.error("Closing connection from {} after unexpected failure", connection.describe(), e);
            close(connection);
        }
    }

    private void dispatch(final Connection connection, final ByteBuffer frame) {
        if (frame.limit() < NetworkRequest.MIN_HEADER_LENGTH) {
            LOG.warn("Closing connection from {}: {}-byte request is shorter than the {}-byte request header",
                    connection.describe(), frame.limit(), NetworkRequest.MIN_HEADER_LENGTH);
            framePool.release(frame);
            close(connection);
            return;
        }
        final NetworkRequest request = new NetworkRequest(this, connection.id(), connection.clientAddress(), frame);
        connection.clientId(request.peekClientId());
        connection.mute(frame);
        try {
            handler.handle(request);
        } catch (final RuntimeException e) {
            LOG.warn("Closing connection from {}: handling api key {} v{} (correlation id {}) failed: {}",
                    connection.describe(), request.apiKey(), request.apiVersion(), request.correlationId(),
                    e.toString(), e);
            close(connection);
        }
    }

    private void applyCompletions() {
        NetworkRequest.Completion completion;
        while ((completion = completions.poll()) != null) {
            final Connection connection = connections.get(completion.connectionId());
            if (connection == null) {
                // Closed while the request was being handled: the answer has nowhere to go.
                if (completion.parts() != null) {
                    completion.parts().forEach(SendPart::release);
                }
                continue;
            }
            if (completion.closeReason() != null) {
                LOG.warn("Closing connection from {}: {}", connection.describe(), completion.closeReason());
                // Completed: the handler is done with the frame, so closing may recycle it.
                connection.completeRequest(List.of());
                close(connection);
                continue;
            }
            try {
                connection.completeRequest(completion.parts());
                writeAndMaybeUnmute(connection);
            } catch (final IOException e) {
                logIoFailure(connection, "while writing a response", e);
                close(connection);
            } catch (final RuntimeException e) {
                LOG.info("Closing connection from {} while writing a response: {}", connection.describe(), e.toString());
                close(connection);
            }
        }
    }

    private void writeAndMaybeUnmute(final Connection connection) throws IOException {
        if (connection.flush(counters) && connection.requestCompleted()) {
            connection.unmute();
        }
    }

    /**
     * A peer that went away (a consumer closed during its long poll, a client killed) is normal
     * operation: debug only. Other I/O failures, e.g. reading a segment for transferTo, stay visible.
     */
    private static void logIoFailure(final Connection connection, final String when, final IOException e) {
        if (PeerGone.is(e)) {
            LOG.debug("Closing connection from {} {}: the client went away ({})", connection.describe(), when,
                    e.getMessage());
        } else {
            LOG.info("Closing connection from {} {}: {}", connection.describe(), when, e.toString());
        }
    }

    private void close(final Connection connection) {
        if (connections.remove(connection.id()) != null) {
            counters.recordConnectionClosed();
        }
        connection.close();
    }

    private void closeAll() {
        for (final Connection connection : connections.values()) {
            connection.close();
            counters.recordConnectionClosed();
        }
        connections.clear();
        NetworkRequest.Completion completion;
        while ((completion = completions.poll()) != null) {
            if (completion.parts() != null) {
                completion.parts().forEach(SendPart::release);
            }
        }
        SocketChannel channel;
        while ((channel = newConnections.poll()) != null) {
            closeQuietly(channel);
        }
        try {
            selector.close();
        } catch (final IOException ignored) {
            // Shutting down anyway.
        }
    }

    private static String describe(final SocketChannel channel) {
        try {
            final InetSocketAddress remote = (InetSocketAddress) channel.getRemoteAddress();
            return remote.getAddress().getHostAddress() + ":" + remote.getPort();
        } catch (final IOException | RuntimeException e) {
            return "unknown peer";
        }
    }

    private static void closeQuietly(final SocketChannel channel) {
        try {
            channel.close();
        } catch (final IOException ignored) {
            // Dropping the socket either way.
        }
    }
}
