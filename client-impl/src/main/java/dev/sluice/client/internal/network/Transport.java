package dev.sluice.client.internal.network;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Non-blocking TCP connections keyed by broker id, moving size-prefixed frames.
 *
 * <p>Single-threaded: every method is called from the one network (sender or consumer) thread,
 * except {@link #wakeup()}. Each {@link #poll(long)} reports what happened since the last one in
 * {@link #connected()}, {@link #disconnected()}, {@link #completedSends()} and
 * {@link #completedReceives()}; those lists are replaced on the next poll.
 *
 * <p>Sends are queued per connection and written in order with gathering writes, so a produce
 * request made of a header buffer plus many batch buffers is never copied into one array.
 */
public final class Transport implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Transport.class);

    /** A frame a connection has finished writing, with the token the caller attached. */
    public record CompletedSend(int nodeId, Object token) {
    }

    /**
     * A frame received whole from a connection. A large payload's buffer comes from the receive pool:
     * whoever reads it last may hand it back with {@link #releaseReceiveBuffer}, or leave it to the GC.
     */
    public record Receive(int nodeId, ByteBuffer payload) {
    }

    /** A connection that closed, with why. */
    public record Disconnect(int nodeId, String reason) {
    }

    /**
     * Frames from this size up are read into pooled buffers: 64 KiB, so a producer's responses never
     * are, and a consumer's fetch responses (megabytes with the default fetch sizes) are.
     */
    static final int MIN_POOLED_RECEIVE_BYTES = 64 * 1024;
    /** At most four free frame buffers and 64 MiB are kept, enough for a fetch response per broker in flight and buffered. */
    static final int MAX_FREE_RECEIVE_BUFFERS = 4;
    static final long MAX_FREE_RECEIVE_BYTES = 64L << 20;

    private final Selector selector;
    /**
     * Set by {@link #wakeup()} from any thread before it wakes the selector; taken (cleared) by the
     * polling thread after each select, so a wake-up ends the poll whose select it reached.
     */
    private final AtomicBoolean wakeupRequested = new AtomicBoolean();
    private final ReceiveBufferPool receiveBuffers =
        new ReceiveBufferPool(MIN_POOLED_RECEIVE_BYTES, MAX_FREE_RECEIVE_BUFFERS, MAX_FREE_RECEIVE_BYTES);
    private final int maxReceiveSize;
    private final int sendBufferBytes;
    private final int receiveBufferBytes;
    private final Map<Integer, Connection> connections = new HashMap<>();
    private List<Integer> connected = new ArrayList<>();
    private List<Disconnect> disconnected = new ArrayList<>();
    private List<CompletedSend> completedSends = new ArrayList<>();
    private List<Receive> completedReceives = new ArrayList<>();

    /**
     * @param maxReceiveSize     largest frame accepted from a peer, bytes; bigger prefixes close the connection
     * @param sendBufferBytes    SO_SNDBUF, or -1 for the OS default
     * @param receiveBufferBytes SO_RCVBUF, or -1 for the OS default
     */
    public Transport(final int maxReceiveSize, final int sendBufferBytes, final int receiveBufferBytes) throws IOException {
        this.selector = Selector.open();
        this.maxReceiveSize = maxReceiveSize;
        this.sendBufferBytes = sendBufferBytes;
        this.receiveBufferBytes = receiveBufferBytes;
    }

    /** Starts connecting to {@code address}; completion is reported by a later {@link #poll(long)}. */
    public void connect(final int nodeId, final InetSocketAddress address) throws IOException {
        if (connections.containsKey(nodeId)) {
            throw new IllegalStateException("Already connected or connecting to node " + nodeId);
        }
        final SocketChannel channel = SocketChannel.open();
        try {
            channel.configureBlocking(false);
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            channel.setOption(StandardSocketOptions.SO_KEEPALIVE, true);
            if (sendBufferBytes > 0) {
                channel.setOption(StandardSocketOptions.SO_SNDBUF, sendBufferBytes);
            }
            if (receiveBufferBytes > 0) {
                channel.setOption(StandardSocketOptions.SO_RCVBUF, receiveBufferBytes);
            }
            final boolean immediately = channel.connect(address);
            final SelectionKey key = channel.register(selector, immediately ? SelectionKey.OP_READ : SelectionKey.OP_CONNECT);
            final Connection connection = new Connection(nodeId, channel, key, address.toString());
            key.attach(connection);
            connections.put(nodeId, connection);
            if (immediately) {
                connection.ready = true;
                connected.add(nodeId);
            }
        } catch (final IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** True once the TCP connection to {@code nodeId} is established. */
    public boolean isReady(final int nodeId) {
        final Connection c = connections.get(nodeId);
        return c != null && c.ready;
    }

    /** True if a connection to {@code nodeId} exists or is being set up. */
    public boolean hasConnection(final int nodeId) {
        return connections.containsKey(nodeId);
    }

    /**
     * Queues a frame (already size-prefixed by the caller) for {@code nodeId}. {@code token} comes
     * back in {@link #completedSends()} once the last byte is written.
     */
    public void send(final int nodeId, final ByteBuffer[] frame, final Object token) {
        final Connection c = connections.get(nodeId);
        if (c == null || !c.ready) {
            throw new IllegalStateException("No ready connection to node " + nodeId);
        }
        c.sends.add(new PendingSend(frame, token));
        c.key.interestOps(c.key.interestOps() | SelectionKey.OP_WRITE);
    }

    /** Bytes queued but not yet written to {@code nodeId}. */
    public boolean hasPendingSends(final int nodeId) {
        final Connection c = connections.get(nodeId);
        return c != null && !c.sends.isEmpty();
    }

    /**
     * Waits up to {@code timeoutMs} for I/O, then performs it.
     *
     * <p>With a timeout, a wake-up that only moved part of a frame does not end the call: it waits for
     * the rest within the same {@code timeoutMs}, and returns as soon as there is something to report
     * (a whole frame, a finished send, a connect or disconnect), on {@link #wakeup()}, or when the time
     * is up. Why: a consumer's fetch response is megabytes and arrives a socket buffer (64 KiB by
     * default) at a time; returning after each piece sent the caller through its whole poll loop
     * (coordinator, positions, fetch planning) once per piece, at least 16 000 times per GiB, for
     * nothing it could act on, and made the JIT compile that loop mid-fetch (consumer ceiling, see
     * docs/benchmarks-consumer.md). {@code poll(0)} still does one non-blocking round.
     */
    public void poll(final long timeoutMs) throws IOException {
        connected = new ArrayList<>();
        disconnected = new ArrayList<>();
        completedSends = new ArrayList<>();
        completedReceives = new ArrayList<>();
        if (timeoutMs <= 0) {
            // selectNow clears any pending wake-up; one that lands in between leaves the flag set,
            // which at worst ends the next blocking poll early once.
            wakeupRequested.set(false);
            selector.selectNow();
            handleSelected();
            return;
        }
        // Real time on purpose: this only bounds how long the selector blocks, as select's own timeout does.
        final long deadlineNs = System.nanoTime() + timeoutMs * 1_000_000L;
        int ready = selector.select(timeoutMs);
        while (true) {
            // A wake-up that lands while a key is also ready is consumed by that select without
            // making it return 0, so the flag, not the count, tells the loop it was woken.
            final boolean woken = wakeupRequested.getAndSet(false);
            final boolean midFrame = handleSelected();
            if (ready == 0 || woken || !midFrame || hasSomethingToReport()) {
                return; // timed out, woken up, nothing half-read, or news for the caller
            }
            final long leftMs = (deadlineNs - System.nanoTime()) / 1_000_000L;
            if (leftMs <= 0) {
                return;
            }
            ready = selector.select(leftMs);
        }
    }

    /**
     * Performs the I/O of the selected keys.
     *
     * @return true when a connection read part of a frame and waits for the rest
     */
    private boolean handleSelected() {
        boolean midFrame = false;
        final Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
        while (keys.hasNext()) {
            final SelectionKey key = keys.next();
            keys.remove();
            final Connection c = (Connection) key.attachment();
            try {
                if (key.isValid() && key.isConnectable()) {
                    if (c.channel.finishConnect()) {
                        c.ready = true;
                        key.interestOps((key.interestOps() & ~SelectionKey.OP_CONNECT) | SelectionKey.OP_READ
                            | (c.sends.isEmpty() ? 0 : SelectionKey.OP_WRITE));
                        connected.add(c.nodeId);
                    }
                }
                if (key.isValid() && key.isReadable()) {
                    read(c);
                    midFrame |= c.receive != null && c.receive.started();
                }
                if (key.isValid() && key.isWritable()) {
                    write(c);
                }
            } catch (final IOException | InvalidReceiveException e) {
                LOG.debug("Connection to node {} ({}) failed: {}", c.nodeId, c.address, e.toString());
                close(c, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            }
        }
        return midFrame;
    }

    private boolean hasSomethingToReport() {
        return !connected.isEmpty() || !disconnected.isEmpty() || !completedSends.isEmpty()
            || !completedReceives.isEmpty();
    }

    private void read(final Connection c) throws IOException {
        // Drain whole frames already buffered, but bound the loop so one chatty peer cannot
        // starve the others.
        for (int i = 0; i < 64; i++) {
            if (c.receive == null) {
                c.receive = new NetworkReceive(maxReceiveSize, c.address, receiveBuffers);
            }
            if (!c.receive.readFrom(c.channel)) {
                return;
            }
            completedReceives.add(new Receive(c.nodeId, c.receive.payload()));
            c.receive = null;
        }
    }

    private void write(final Connection c) throws IOException {
        while (!c.sends.isEmpty()) {
            final PendingSend send = c.sends.peek();
            c.channel.write(send.buffers);
            if (send.remaining()) {
                return;
            }
            c.sends.poll();
            completedSends.add(new CompletedSend(c.nodeId, send.token));
        }
        c.key.interestOps(c.key.interestOps() & ~SelectionKey.OP_WRITE);
    }

    /** Closes the connection to {@code nodeId}, reporting it as disconnected on the next poll. */
    public void disconnect(final int nodeId, final String reason) {
        final Connection c = connections.get(nodeId);
        if (c != null) {
            close(c, reason);
        }
    }

    private void close(final Connection c, final String reason) {
        connections.remove(c.nodeId);
        c.key.cancel();
        try {
            c.channel.close();
        } catch (final IOException e) {
            LOG.debug("Error closing connection to node {}", c.nodeId, e);
        }
        disconnected.add(new Disconnect(c.nodeId, reason));
    }

    /**
     * Hands back the buffer of a {@link Receive#payload()} for the next large frame. The caller
     * guarantees that nothing reads that buffer, or any view of it, any more, and releases it once.
     * Callable from any thread.
     */
    public void releaseReceiveBuffer(final ByteBuffer payload) {
        receiveBuffers.release(payload);
    }

    /** Interrupts a blocked {@link #poll(long)}; callable from any thread. */
    public void wakeup() {
        wakeupRequested.set(true);
        selector.wakeup();
    }

    public List<Integer> connected() {
        return connected;
    }

    public List<Disconnect> disconnected() {
        return disconnected;
    }

    public List<CompletedSend> completedSends() {
        return completedSends;
    }

    public List<Receive> completedReceives() {
        return completedReceives;
    }

    @Override
    public void close() throws IOException {
        for (final Connection c : new ArrayList<>(connections.values())) {
            close(c, "transport closed");
        }
        selector.close();
    }

    private static final class PendingSend {
        final ByteBuffer[] buffers;
        final Object token;

        PendingSend(final ByteBuffer[] buffers, final Object token) {
            this.buffers = buffers;
            this.token = token;
        }

        boolean remaining() {
            for (final ByteBuffer b : buffers) {
                if (b.hasRemaining()) {
                    return true;
                }
            }
            return false;
        }
    }

    private static final class Connection {
        final int nodeId;
        final SocketChannel channel;
        final SelectionKey key;
        final String address;
        final Queue<PendingSend> sends = new ArrayDeque<>();
        NetworkReceive receive;
        boolean ready;

        Connection(final int nodeId, final SocketChannel channel, final SelectionKey key, final String address) {
            this.nodeId = nodeId;
            this.channel = channel;
            this.key = key;
            this.address = address;
        }
    }
}
