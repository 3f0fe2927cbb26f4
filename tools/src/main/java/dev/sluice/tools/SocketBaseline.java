package dev.sluice.tools;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The plain-socket baseline for consumer throughput: how fast this machine moves bytes from one
 * process to another over loopback TCP when nothing else happens to them. The serving side writes
 * either from a file with {@link FileChannel#transferTo} (sendfile, what the Sluice broker does for
 * a fetch) or from one direct buffer; the reading side, a second JVM, reads into a direct buffer and
 * discards. The consumer's MiB/s on the Sluice broker is compared with this figure.
 *
 * <pre>
 * SocketBaseline --bytes N [--source file|direct] [--receive-buffer B]   serve here, read in a child JVM
 * SocketBaseline --bytes N --read-from 127.0.0.1:PORT [--receive-buffer B]  the child: read N bytes
 * </pre>
 *
 * {@code --receive-buffer} sets the reader's SO_RCVBUF as a consumer's {@code receive.buffer.bytes}
 * does (Linux then stops auto-tuning that socket's window); without it the OS default applies.
 *
 * The result is one line, {@code socket-baseline: source=file bytes=N ms=T MB.sec=X} (MB = MiB),
 * timed by the reader from connect to its last byte.
 */
public final class SocketBaseline {
    /** Largest file the file source writes; longer transfers send it again from the start. */
    static final long FILE_CHUNK = 64L << 20;
    /** Reader buffer and direct-source buffer size: 1 MiB, about one fetch response of the benchmark. */
    private static final int BUFFER = 1 << 20;
    private static final Pattern RESULT = Pattern.compile(
        "socket-baseline: source=(\\w+) bytes=([0-9]+) ms=([0-9.]+) MB\\.sec=([0-9.]+)");

    private SocketBaseline() {
    }

    /** Where the serving side takes its bytes from. */
    enum Source {
        FILE, DIRECT
    }

    /**
     * One transfer as the reader saw it.
     *
     * @param bytes bytes read
     * @param nanos from connect to the last byte
     */
    record Transfer(long bytes, long nanos) {
        /** MiB per second. */
        double mbPerSec() {
            return bytes / (1024.0 * 1024.0) / (Math.max(1, nanos) / 1e9);
        }

        String line(final String source) {
            return String.format(Locale.ROOT, "socket-baseline: source=%s bytes=%d ms=%.1f MB.sec=%.1f", source, bytes,
                nanos / 1e6, mbPerSec());
        }
    }

    /** The MiB/s of the result line in {@code output}, if there is one. */
    static Optional<Double> findMbPerSec(final String output) {
        final Matcher m = RESULT.matcher(output);
        Double last = null;
        while (m.find()) {
            last = Double.parseDouble(m.group(4));
        }
        return Optional.ofNullable(last);
    }

    public static void main(final String[] args) throws Exception {
        System.exit(run(args, System.out, System.err));
    }

    static int run(final String[] args, final PrintStream out, final PrintStream err) throws Exception {
        final BenchOptions opts;
        final long bytes;
        final Source source;
        final int receiveBuffer;
        try {
            opts = BenchOptions.parse(args, Set.of("bytes", "source", "read-from", "receive-buffer"));
            if (opts.text("bytes", "").isEmpty()) {
                throw new IllegalArgumentException("option --bytes is required");
            }
            bytes = opts.positiveLong("bytes", -1);
            source = Source.valueOf(opts.choices("source", "file", Set.of("file", "direct")).get(0)
                .toUpperCase(Locale.ROOT));
            receiveBuffer = opts.text("receive-buffer", "").isEmpty() ? -1 : opts.positiveInt("receive-buffer", 1);
        } catch (final IllegalArgumentException e) {
            err.println("socket-baseline: " + e.getMessage());
            return 2;
        }
        if (!opts.text("read-from", "").isEmpty()) {
            final String[] hostPort = opts.text("read-from", "").split(":");
            out.println(read(new InetSocketAddress(hostPort[0], Integer.parseInt(hostPort[1])), bytes, receiveBuffer)
                .line(source.name().toLowerCase(Locale.ROOT)));
            return 0;
        }
        try (ServerSocketChannel server = ServerSocketChannel.open()) {
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            final InetSocketAddress address = (InetSocketAddress) server.getLocalAddress();
            final Process reader = startReader(address, bytes, source, receiveBuffer);
            try {
                serve(server, bytes, source);
                final String result = readAll(reader);
                if (!reader.waitFor(60, TimeUnit.SECONDS) || reader.exitValue() != 0) {
                    err.println("socket-baseline: the reading process failed:\n" + result);
                    return 1;
                }
                out.print(result);
                return 0;
            } finally {
                reader.destroyForcibly();
            }
        }
    }

    /** The reader: a second JVM with this one's java, classpath and heap settings. */
    private static Process startReader(final InetSocketAddress address, final long bytes, final Source source,
                                       final int receiveBuffer) throws IOException {
        final List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.add("-Xmx256m");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(SocketBaseline.class.getName());
        command.addAll(List.of("--bytes", Long.toString(bytes), "--source", source.name().toLowerCase(Locale.ROOT),
            "--read-from", address.getHostString() + ":" + address.getPort()));
        if (receiveBuffer > 0) {
            command.addAll(List.of("--receive-buffer", Integer.toString(receiveBuffer)));
        }
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    private static String readAll(final Process process) throws IOException {
        final StringBuilder text = new StringBuilder();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
            StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                text.append(line).append('\n');
            }
        }
        return text.toString();
    }

    /**
     * Accepts one connection on {@code server}, writes {@code bytes} bytes to it and closes it.
     * The file source's file is written and flushed before accepting, so it is served from the
     * page cache, as a broker serves recent data.
     *
     * @return bytes written
     */
    static long serve(final ServerSocketChannel server, final long bytes, final Source source) throws IOException {
        if (source == Source.FILE) {
            final Path file = Files.createTempFile("socket-baseline", ".bin");
            try (FileChannel data = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
                final long length = Math.min(bytes, FILE_CHUNK);
                fill(data, length);
                try (SocketChannel socket = server.accept()) {
                    return sendFile(data, length, socket, bytes);
                }
            } finally {
                Files.deleteIfExists(file);
            }
        }
        final ByteBuffer buffer = ByteBuffer.allocateDirect(BUFFER);
        new Random(1).ints(BUFFER / 4).forEach(buffer::putInt);
        try (SocketChannel socket = server.accept()) {
            long sent = 0;
            while (sent < bytes) {
                buffer.clear().limit((int) Math.min(BUFFER, bytes - sent));
                while (buffer.hasRemaining()) {
                    sent += socket.write(buffer);
                }
            }
            return sent;
        }
    }

    private static void fill(final FileChannel data, final long length) throws IOException {
        final ByteBuffer block = ByteBuffer.allocate(BUFFER);
        final Random random = new Random(1);
        for (long written = 0; written < length; ) {
            random.nextBytes(block.array());
            block.clear().limit((int) Math.min(BUFFER, length - written));
            while (block.hasRemaining()) {
                written += data.write(block, written);
            }
        }
        data.force(false);
    }

    /** Sends {@code total} bytes: the file's {@code length} bytes over and over, as transferTo allows. */
    private static long sendFile(final FileChannel data, final long length, final SocketChannel socket,
                                 final long total) throws IOException {
        long sent = 0;
        while (sent < total) {
            final long position = sent % length;
            sent += data.transferTo(position, Math.min(length - position, total - sent), socket);
        }
        return sent;
    }

    /**
     * Connects to {@code address} and reads exactly {@code bytes} bytes into a direct buffer, discarding them.
     *
     * @param receiveBuffer SO_RCVBUF in bytes, set before connecting; -1 for the OS default
     */
    static Transfer read(final InetSocketAddress address, final long bytes, final int receiveBuffer)
        throws IOException {
        final ByteBuffer buffer = ByteBuffer.allocateDirect(BUFFER);
        final long start = System.nanoTime();
        long received = 0;
        try (SocketChannel socket = SocketChannel.open()) {
            if (receiveBuffer > 0) {
                socket.setOption(StandardSocketOptions.SO_RCVBUF, receiveBuffer);
            }
            socket.connect(address);
            while (received < bytes) {
                buffer.clear();
                final int n = socket.read(buffer);
                if (n < 0) {
                    break;
                }
                received += n;
            }
        }
        return new Transfer(received, System.nanoTime() - start);
    }
}
