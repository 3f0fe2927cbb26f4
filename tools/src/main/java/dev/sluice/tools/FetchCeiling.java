package dev.sluice.tools;

import dev.sluice.client.config.HostPort;
import dev.sluice.codec.protocol.ApiKeys;
import dev.sluice.codec.protocol.Errors;
import dev.sluice.codec.protocol.Frames;
import dev.sluice.codec.protocol.RequestHeader;
import dev.sluice.codec.protocol.ResponseHeader;
import dev.sluice.codec.protocol.Struct;
import dev.sluice.codec.protocol.message.FetchRequestSchema;
import dev.sluice.codec.protocol.message.FetchResponseSchema;
import dev.sluice.codec.record.RecordBatch;
import dev.sluice.codec.record.RecordBatchReader;

import java.io.EOFException;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The consumer ceiling: how fast any consumer could read a topic from a broker on this machine, with
 * nothing of a client library in the way. One thread, one blocking connection, real Fetch requests
 * (v12, the version the Sluice consumer sends, with its default sizes), each response read whole into
 * one reused buffer, then, per {@code --mode}:
 *
 * <ul>
 *   <li>{@code read}: walk the batch headers only, for the next fetch offsets, and drop the bytes;</li>
 *   <li>{@code crc}: also check every batch ({@link RecordBatch#ensureValid()}, CRC32C included);</li>
 *   <li>{@code copy}: also decode every record ({@link RecordHandout}) and copy its key and value into new
 *       {@code byte[]}s, as a consumer with byte-array deserializers must.</li>
 * </ul>
 *
 * Like the Sluice consumer, it sends the next fetch as soon as it knows where it starts, before it
 * verifies and copies the response it has, so the broker's transfer overlaps that work. A partition
 * that reached its high watermark is left out of later fetches, so no fetch waits in a long poll.
 *
 * <pre>
 * FetchCeiling --bootstrap-server HOST:PORT --topic T --messages N [--partitions 8] [--mode read|crc|copy]
 *              [--buffer heap|direct] [--receive-buffer B|-1]
 * </pre>
 *
 * {@code --receive-buffer} is SO_RCVBUF: by default {@code -1}, which leaves the OS's auto-tuned buffer as the
 * Sluice consumer's default {@code receive.buffer.bytes} does; 65536 is kafka-clients' default. The result is
 * one line (MB = MiB):
 * {@code fetch-ceiling: mode=copy buffer=heap records=N value.bytes=V wire.bytes=W fetches=F ms=T
 * nMsg.sec=R wire.MB.sec=Y MB.sec=X cpu.us.per.record=C}, where MB.sec counts key and value bytes as
 * consumer-perf does (in {@code read} and {@code crc} modes, which do not decode records, it is left out)
 * and wire.MB.sec the whole responses. Partitions 0 to {@code --partitions}-1 are read from offset 0 (a
 * topic written for the benchmark), timed from the first fetch sent to the last response worked through;
 * CPU is the whole JVM's over that time.
 */
public final class FetchCeiling {
    /** Fetch v12: what the Sluice consumer sends (v13+ names topics by id). */
    static final short FETCH_VERSION = 12;
    /** A consumer's defaults: fetch.max.bytes, max.partition.fetch.bytes, fetch.max.wait.ms, fetch.min.bytes. */
    private static final int MAX_BYTES = 50 * 1024 * 1024;
    private static final int PARTITION_MAX_BYTES = 1024 * 1024;
    private static final int MAX_WAIT_MS = 500;
    private static final int MIN_BYTES = 1;
    private static final int DEFAULT_RECEIVE_BUFFER = -1;
    private static final double MIB = 1024.0 * 1024.0;

    /** What is done with each response after it is read. */
    enum Mode {
        READ, CRC, COPY
    }

    /** Where responses are read into. */
    enum BufferKind {
        HEAP, DIRECT
    }

    /** What one run moved and how long it took. */
    record Result(Mode mode, BufferKind buffer, long records, long valueBytes, long wireBytes, long fetches,
                  long nanos, long cpuNanos) {
        double recordsPerSec() {
            return records / (Math.max(1, nanos) / 1e9);
        }

        String line() {
            final double seconds = Math.max(1, nanos) / 1e9;
            final String payload = mode == Mode.COPY
                ? String.format(Locale.ROOT, " MB.sec=%.1f", valueBytes / MIB / seconds) : "";
            return String.format(Locale.ROOT,
                "fetch-ceiling: mode=%s buffer=%s records=%d value.bytes=%d wire.bytes=%d fetches=%d ms=%.1f "
                    + "nMsg.sec=%.0f wire.MB.sec=%.1f%s cpu.us.per.record=%.2f",
                mode.name().toLowerCase(Locale.ROOT), buffer.name().toLowerCase(Locale.ROOT), records, valueBytes,
                wireBytes, fetches, nanos / 1e6, recordsPerSec(), wireBytes / MIB / seconds, payload,
                ProcessCpuClock.microsPerRecord(0, cpuNanos, records));
        }
    }

    /** One run's settings. */
    record Settings(InetSocketAddress broker, String topic, int partitions, long messages, Mode mode,
                    BufferKind buffer, int receiveBuffer) {
    }

    private FetchCeiling() {
    }

    public static void main(final String[] args) throws Exception {
        System.exit(run(args, System.out, System.err));
    }

    static int run(final String[] args, final PrintStream out, final PrintStream err) throws IOException {
        final Settings settings;
        try {
            settings = parse(args);
        } catch (final IllegalArgumentException e) {
            err.println("fetch-ceiling: " + e.getMessage());
            return 2;
        }
        try {
            out.println(measure(settings).line());
            return 0;
        } catch (final IllegalStateException e) {
            err.println("fetch-ceiling: " + e.getMessage());
            return 1;
        }
    }

    static Settings parse(final String[] args) {
        final BenchOptions opts = BenchOptions.parse(args, Set.of("bootstrap-server", "topic", "messages",
            "partitions", "mode", "buffer", "receive-buffer"));
        final String bootstrap = opts.text("bootstrap-server", "");
        if (bootstrap.isEmpty()) {
            throw new IllegalArgumentException("option --bootstrap-server is required");
        }
        final HostPort broker;
        try {
            broker = HostPort.parse(bootstrap);
        } catch (final IllegalArgumentException e) {
            throw new IllegalArgumentException("option --bootstrap-server: " + e.getMessage());
        }
        final String topic = opts.text("topic", "");
        if (topic.isEmpty()) {
            throw new IllegalArgumentException("option --topic is required");
        }
        if (opts.text("messages", "").isEmpty()) {
            throw new IllegalArgumentException("option --messages is required");
        }
        final String receive = opts.text("receive-buffer", Integer.toString(DEFAULT_RECEIVE_BUFFER));
        return new Settings(new InetSocketAddress(broker.host(), broker.port()), topic,
            opts.positiveInt("partitions", 8), opts.positiveLong("messages", 1),
            Mode.valueOf(opts.choices("mode", "copy", Set.of("read", "crc", "copy")).get(0).toUpperCase(Locale.ROOT)),
            BufferKind.valueOf(opts.choices("buffer", "heap", Set.of("heap", "direct")).get(0)
                .toUpperCase(Locale.ROOT)),
            receive.equals("-1") ? -1 : opts.positiveInt("receive-buffer", DEFAULT_RECEIVE_BUFFER));
    }

    /**
     * Reads at least {@code settings.messages()} records from offset 0 of every partition.
     *
     * @throws IllegalStateException when the broker answers with an error or the topic holds fewer records
     */
    static Result measure(final Settings settings) throws IOException {
        final int partitions = settings.partitions();
        final long[] offsets = new long[partitions];
        final boolean[] caughtUp = new boolean[partitions];
        final RecordHandout handout = new RecordHandout();
        final RecordBatchReader batches = new RecordBatchReader();
        ByteBuffer frame = allocate(settings.buffer(), PARTITION_MAX_BYTES * Math.min(partitions, 8) + 4096);
        long announced = 0;
        long wireBytes = 0;
        long fetches = 0;
        int correlationId = 0;
        try (SocketChannel channel = SocketChannel.open()) {
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            if (settings.receiveBuffer() > 0) {
                channel.setOption(StandardSocketOptions.SO_RCVBUF, settings.receiveBuffer());
            }
            channel.connect(settings.broker());
            final long startNanos = System.nanoTime();
            final long startCpu = ProcessCpuClock.cpuNanos();
            writeFully(channel, fetchRequest(settings.topic(), offsets, caughtUp, ++correlationId));
            fetches++;
            boolean inFlight = true;
            while (inFlight) {
                frame = readFrame(channel, frame, settings.buffer());
                wireBytes += frame.remaining() + Frames.SIZE_PREFIX_BYTES;
                final ResponseHeader header = ResponseHeader.read(frame,
                    ApiKeys.FETCH.responseHeaderVersion(FETCH_VERSION));
                if (header.correlationId() != correlationId) {
                    throw new IllegalStateException("response " + header.correlationId() + " does not answer fetch "
                        + correlationId);
                }
                final Struct body = ApiKeys.FETCH.responseSchema().read(frame, FETCH_VERSION);
                final List<ByteBuffer> records = new ArrayList<>(partitions);
                for (final Struct topic : body.get(FetchResponseSchema.RESPONSES)) {
                    for (final Struct p : topic.get(FetchResponseSchema.FetchableTopicResponse.PARTITIONS)) {
                        final int index = p.get(FetchResponseSchema.PartitionData.PARTITION_INDEX);
                        final short error = p.get(FetchResponseSchema.PartitionData.ERROR_CODE);
                        if (error != Errors.NONE.code()) {
                            throw new IllegalStateException("fetch of " + settings.topic() + "-" + index + " at "
                                + offsets[index] + " failed with " + Errors.forCode(error));
                        }
                        final ByteBuffer data = p.recordsBuffer(FetchResponseSchema.PartitionData.RECORDS);
                        if (data != null && data.hasRemaining()) {
                            batches.reset(data);
                            while (batches.hasNext()) {
                                final RecordBatch batch = batches.next();
                                announced += batch.nextOffset() - Math.max(batch.baseOffset(), offsets[index]);
                                offsets[index] = batch.nextOffset();
                            }
                            records.add(data);
                        }
                        caughtUp[index] = offsets[index] >= p.get(FetchResponseSchema.PartitionData.HIGH_WATERMARK);
                    }
                }
                inFlight = announced < settings.messages() && !allTrue(caughtUp);
                if (inFlight) {
                    // The next fetch leaves before this response is verified and copied, as the consumer's fetch-ahead does.
                    writeFully(channel, fetchRequest(settings.topic(), offsets, caughtUp, ++correlationId));
                    fetches++;
                }
                for (final ByteBuffer data : records) {
                    handout.process(data, settings.mode());
                }
            }
            final long nanos = System.nanoTime() - startNanos;
            final long cpu = ProcessCpuClock.cpuNanos() - startCpu;
            if (handout.records() < settings.messages() && settings.mode() == Mode.COPY
                || announced < settings.messages()) {
                throw new IllegalStateException(settings.topic() + " holds only " + announced + " records in "
                    + partitions + " partitions, fewer than the " + settings.messages() + " asked for");
            }
            final long counted = settings.mode() == Mode.COPY ? handout.records() : announced;
            return new Result(settings.mode(), settings.buffer(), counted, handout.valueBytes(), wireBytes, fetches,
                nanos, cpu);
        }
    }

    private static boolean allTrue(final boolean[] flags) {
        for (final boolean f : flags) {
            if (!f) {
                return false;
            }
        }
        return true;
    }

    private static ByteBuffer allocate(final BufferKind kind, final int capacity) {
        return kind == BufferKind.DIRECT ? ByteBuffer.allocateDirect(capacity) : ByteBuffer.allocate(capacity);
    }

    /** The Fetch request for every partition not caught up, from its next offset. */
    private static ByteBuffer fetchRequest(final String topicName, final long[] offsets, final boolean[] caughtUp,
                                           final int correlationId) {
        final Struct request = ApiKeys.FETCH.requestSchema().newStruct()
            .set(FetchRequestSchema.REPLICA_ID, -1)
            .set(FetchRequestSchema.MAX_WAIT_MS, MAX_WAIT_MS)
            .set(FetchRequestSchema.MIN_BYTES, MIN_BYTES)
            .set(FetchRequestSchema.MAX_BYTES, MAX_BYTES)
            .set(FetchRequestSchema.ISOLATION_LEVEL, (byte) 0)
            .set(FetchRequestSchema.SESSION_ID, 0)
            .set(FetchRequestSchema.SESSION_EPOCH, -1)
            .set(FetchRequestSchema.FORGOTTEN_TOPICS_DATA, new ArrayList<>())
            .set(FetchRequestSchema.RACK_ID, "")
            .set(FetchRequestSchema.TOPICS, new ArrayList<>());
        final Struct topic = request.add(FetchRequestSchema.TOPICS)
            .set(FetchRequestSchema.FetchTopic.TOPIC, topicName)
            .set(FetchRequestSchema.FetchTopic.PARTITIONS, new ArrayList<>());
        for (int p = 0; p < offsets.length; p++) {
            if (!caughtUp[p]) {
                topic.add(FetchRequestSchema.FetchTopic.PARTITIONS)
                    .set(FetchRequestSchema.FetchPartition.PARTITION, p)
                    .set(FetchRequestSchema.FetchPartition.FETCH_OFFSET, offsets[p])
                    .set(FetchRequestSchema.FetchPartition.PARTITION_MAX_BYTES, PARTITION_MAX_BYTES);
            }
        }
        return Frames.request(new RequestHeader(ApiKeys.FETCH, FETCH_VERSION, correlationId, "fetch-ceiling"), request);
    }

    private static void writeFully(final SocketChannel channel, final ByteBuffer frame) throws IOException {
        while (frame.hasRemaining()) {
            channel.write(frame);
        }
    }

    /**
     * Reads one size-prefixed frame into {@code buffer} (replaced by a larger one of the same kind when it is
     * too small) and returns it positioned at the payload.
     */
    private static ByteBuffer readFrame(final SocketChannel channel, final ByteBuffer buffer, final BufferKind kind)
        throws IOException {
        ByteBuffer frame = buffer;
        frame.clear().limit(Frames.SIZE_PREFIX_BYTES);
        readFully(channel, frame);
        final int size = frame.getInt(0);
        if (size < 0 || size > MAX_BYTES + (1 << 20)) {
            throw new IllegalStateException("frame size " + size + " is outside 0.." + (MAX_BYTES + (1 << 20)));
        }
        if (frame.capacity() < size) {
            frame = allocate(kind, size);
        }
        frame.clear().limit(size);
        readFully(channel, frame);
        return frame.flip();
    }

    private static void readFully(final SocketChannel channel, final ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            if (channel.read(buffer) < 0) {
                throw new EOFException("broker closed the connection mid-frame");
            }
        }
    }
}
