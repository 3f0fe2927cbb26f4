package dev.sluice.samples;

import dev.sluice.codec.compress.Compressor;
import dev.sluice.codec.compress.DecompressionContext;
import dev.sluice.codec.record.CompressionType;
import dev.sluice.codec.record.Header;
import dev.sluice.codec.record.Record;
import dev.sluice.codec.record.RecordBatch;
import dev.sluice.codec.record.RecordBatchBuilder;
import dev.sluice.codec.record.RecordBatchReader;
import dev.sluice.codec.record.RecordIterator;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;

/**
 * Builds one Kafka RecordBatch v2 of JSON-like events with every codec, reads each back and checks
 * every record, and prints sizes and throughput. Run with {@code bin/codec-demo [records]}.
 */
public final class CodecDemo {
    private static final String[] EVENTS = {"page_view", "click", "add_to_cart", "purchase", "search"};
    private static final long MEASURE_NANOS = 400_000_000L;

    private CodecDemo() {
    }

    public static void main(final String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /**
     * Builds, verifies and times one batch per codec. Results to {@code out}, a bad argument to {@code err}.
     *
     * @param args optionally the number of events (1 to 1 000 000, default 5 000)
     * @return the exit code: 0, or 2 for a bad argument
     * @throws IllegalStateException if a batch does not read back as it was built
     */
    public static int run(final String[] args, final PrintStream out, final PrintStream err) {
        final int count;
        try {
            count = args.length > 0 ? Integer.parseInt(args[0]) : 5_000;
        } catch (final NumberFormatException e) {
            err.println("codec-demo: the number of events must be a whole number, not '" + args[0] + "'");
            return 2;
        }
        if (args.length > 1 || count < 1 || count > 1_000_000) {
            err.println("codec-demo: usage: bin/sample codec [events, 1 to 1000000]");
            return 2;
        }
        final byte[][] keys = new byte[count][];
        final byte[][] values = new byte[count][];
        final Random random = new Random(42);
        long rawBytes = 0;
        for (int i = 0; i < count; i++) {
            final int user = random.nextInt(20_000);
            keys[i] = ("user-" + user).getBytes(StandardCharsets.UTF_8);
            values[i] = ("{\"event\":\"" + EVENTS[random.nextInt(EVENTS.length)] + "\",\"user\":" + user
                + ",\"page\":\"/products/" + random.nextInt(500) + "\",\"ms\":" + random.nextInt(3000)
                + ",\"ts\":" + (1_717_000_000_000L + i) + "}").getBytes(StandardCharsets.UTF_8);
            rawBytes += keys[i].length + values[i].length;
        }
        final Header[] headers = {new Header("source", "demo".getBytes(StandardCharsets.UTF_8))};

        out.printf("%d JSON events, %d bytes of keys and values%n%n", count, rawBytes);
        out.printf("%-7s %8s %10s %7s %12s %12s%n", "codec", "records", "bytes", "ratio", "build MB/s", "read MB/s");
        try (DecompressionContext context = new DecompressionContext()) {
            for (final CompressionType type : CompressionType.values()) {
                try (Compressor compressor = Compressor.create(type)) {
                    final ByteBuffer buffer = ByteBuffer.allocate(RecordBatch.HEADER_SIZE
                        + Compressor.maxCompressedLength(type, (int) rawBytes * 2 + 64 * count));
                    final ByteBuffer batch = build(buffer, type, compressor, keys, values, headers);
                    verify(batch, context, keys, values);

                    final double buildSeconds = secondsPerRun(() -> build(buffer, type, compressor, keys, values, headers));
                    final ByteBuffer copy = ByteBuffer.allocate(batch.remaining()).put(batch.duplicate()).flip();
                    final double readSeconds = secondsPerRun(() -> read(copy, context));
                    out.printf("%-7s %8d %10d %6.2fx %12.1f %12.1f%n", type.configName(), count, batch.remaining(),
                        (double) rawBytes / batch.remaining(), rawBytes / buildSeconds / 1e6, rawBytes / readSeconds / 1e6);
                }
            }
        }
        out.println("\nEvery batch was validated (CRC32C) and every record read back and compared.");
        return 0;
    }

    private static ByteBuffer build(final ByteBuffer buffer, final CompressionType type, final Compressor compressor,
                                    final byte[][] keys, final byte[][] values, final Header[] headers) {
        buffer.clear();
        final RecordBatchBuilder builder = new RecordBatchBuilder(buffer, type, compressor, 0L);
        for (int i = 0; i < keys.length; i++) {
            builder.append(1_717_000_000_000L + i, keys[i], values[i], headers);
        }
        return builder.close();
    }

    private static long read(final ByteBuffer batch, final DecompressionContext context) {
        long checksum = 0;
        final RecordBatchReader reader = new RecordBatchReader(batch.duplicate());
        final RecordIterator records = new RecordIterator(context);
        while (reader.hasNext()) {
            final RecordBatch view = reader.next();
            view.ensureValid();
            records.reset(view);
            while (records.hasNext()) {
                final Record record = records.next();
                checksum += record.valueSize() + record.buffer().get(record.valueOffset());
            }
        }
        return checksum;
    }

    private static void verify(final ByteBuffer batch, final DecompressionContext context, final byte[][] keys,
                               final byte[][] values) {
        final RecordBatch view = new RecordBatch().wrap(batch, 0);
        view.ensureValid();
        final RecordIterator records = new RecordIterator(context).reset(view);
        int i = 0;
        while (records.hasNext()) {
            final Record record = records.next();
            if (record.offset() != i || !Arrays.equals(keys[i], bytes(record.key()))
                || !Arrays.equals(values[i], bytes(record.value()))) {
                throw new IllegalStateException(view.compressionType() + ": record " + i + " did not read back");
            }
            i++;
        }
        if (i != keys.length) {
            throw new IllegalStateException(view.compressionType() + ": read " + i + " of " + keys.length + " records");
        }
    }

    private static byte[] bytes(final ByteBuffer buffer) {
        final byte[] out = new byte[buffer.remaining()];
        buffer.get(out);
        return out;
    }

    /** Average wall time of one run, after a warm-up, over about 0.4 s. */
    private static double secondsPerRun(final Runnable run) {
        final long warmUntil = System.nanoTime() + MEASURE_NANOS / 2;
        while (System.nanoTime() < warmUntil) {
            run.run();
        }
        int runs = 0;
        final long start = System.nanoTime();
        long now;
        do {
            run.run();
            runs++;
            now = System.nanoTime();
        } while (now - start < MEASURE_NANOS);
        return (now - start) / 1e9 / runs;
    }
}
