package dev.sluice.broker.network;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The broker's listener: one acceptor thread handing sockets round-robin to a few processor
 * threads (see {@link Processor}). {@link #start} binds before it returns, so once it returns
 * the kernel already accepts connections on {@link #port()}.
 */
public final class SocketServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SocketServer.class);

    private final String host;
    private final int requestedPort;
    private final int processorCount;
    private final int maxRequestBytes;
    private final int sendBufferBytes;
    private final RequestHandler handler;
    private final NetworkCounters counters = new NetworkCounters();
    private final List<Processor> processors = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private ServerSocketChannel serverChannel;
    private volatile boolean running;

    /** As the six-argument constructor, leaving each socket's send buffer to the operating system. */
    public SocketServer(final String host, final int port, final int processorCount, final int maxRequestBytes,
                        final RequestHandler handler) {
        this(host, port, processorCount, maxRequestBytes, -1, handler);
    }

    /**
     * @param host            address to bind, e.g. "127.0.0.1"
     * @param port            port to bind, 0 for a free one
     * @param processorCount  number of processor threads (at least 1)
     * @param maxRequestBytes {@code socket.request.max.bytes}: larger frames close the connection
     * @param sendBufferBytes {@code socket.send.buffer.bytes}: SO_SNDBUF of each accepted socket in bytes,
     *                        -1 for the operating system's default
     * @param handler         called with every request frame
     */
    public SocketServer(final String host, final int port, final int processorCount, final int maxRequestBytes,
                        final int sendBufferBytes, final RequestHandler handler) {
        if (processorCount < 1) {
            throw new IllegalArgumentException("num.network.threads must be at least 1, was " + processorCount);
        }
        if (maxRequestBytes < NetworkRequest.MIN_HEADER_LENGTH) {
            throw new IllegalArgumentException("socket.request.max.bytes must be at least "
                    + NetworkRequest.MIN_HEADER_LENGTH + ", was " + maxRequestBytes);
        }
        if (sendBufferBytes == 0 || sendBufferBytes < -1) {
            throw new IllegalArgumentException("socket.send.buffer.bytes must be positive or -1 for the OS default, was "
                    + sendBufferBytes);
        }
        this.host = host;
        this.requestedPort = port;
        this.processorCount = processorCount;
        this.maxRequestBytes = maxRequestBytes;
        this.sendBufferBytes = sendBufferBytes;
        this.handler = handler;
    }

    /** Binds and starts the threads; on return the port accepts connections. */
    public synchronized void start() throws IOException {
        serverChannel = ServerSocketChannel.open();
        serverChannel.bind(new InetSocketAddress(host, requestedPort), 128);
        final AtomicLong connectionIds = new AtomicLong();
        for (int i = 0; i < processorCount; i++) {
            final Processor processor = new Processor(i, handler, counters, maxRequestBytes, sendBufferBytes,
                    connectionIds);
            processors.add(processor);
            threads.add(startThread(processor, "sluice-network-" + i));
        }
        running = true;
        threads.add(startThread(this::acceptLoop, "sluice-acceptor"));
    }

    /** The bound port (the real one when 0 was asked for). */
    public int port() {
        return serverChannel.socket().getLocalPort();
    }

    public String host() {
        return host;
    }

    public NetworkCounters counters() {
        return counters;
    }

    private void acceptLoop() {
        int next = 0;
        while (running) {
            try {
                final SocketChannel channel = serverChannel.accept();
                processors.get(next).adopt(channel);
                next = (next + 1) % processors.size();
            } catch (final ClosedChannelException e) {
                return;
            } catch (final IOException e) {
                // Typically out of file descriptors: back off briefly rather than spin.
                LOG.warn("Accept failed: {}", e.toString());
                try {
                    Thread.sleep(10);
                } catch (final InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Stops accepting, closes every connection and waits for the threads to finish. */
    @Override
    public synchronized void close() {
        running = false;
        if (serverChannel != null) {
            try {
                serverChannel.close();
            } catch (final IOException e) {
                LOG.debug("Closing listener: {}", e.toString());
            }
        }
        processors.forEach(Processor::shutdown);
        for (final Thread thread : threads) {
            try {
                thread.join(5_000);
            } catch (final InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        threads.clear();
        processors.clear();
    }

    private static Thread startThread(final Runnable body, final String name) {
        final Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }
}
