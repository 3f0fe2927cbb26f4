package dev.sluice.tools;

import dev.sluice.broker.MockBroker;
import dev.sluice.client.impl.SluiceProducer;
import dev.sluice.client.producer.ProducerRecord;
import dev.sluice.client.serialization.ByteArraySerializer;
import dev.sluice.codec.record.CorruptRecordException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The consumer-ceiling tool against a real Sluice broker, in every mode and with both buffer kinds. */
class FetchCeilingTest {
    private static final int RECORDS = 900;
    private static final int SIZE = 1024;
    private static final int PARTITIONS = 3;
    @TempDir
    static Path dataDir;
    private static MockBroker broker;

    @BeforeAll
    static void start() throws Exception {
        broker = MockBroker.builder().dataDir(dataDir).config("num.partitions", String.valueOf(PARTITIONS)).build()
            .start();
        produce("ceiling", RECORDS);
        produce("corrupt", 50);
    }

    private static void produce(final String topic, final int records) {
        final byte[] value = new byte[SIZE];
        Arrays.fill(value, (byte) 'v');
        try (SluiceProducer<byte[], byte[]> producer = new SluiceProducer<>(
            Map.of("bootstrap.servers", broker.bootstrapServers(), "linger.ms", "5"),
            new ByteArraySerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < records; i++) {
                producer.send(new ProducerRecord<>(topic, i % PARTITIONS, null, value));
            }
            producer.flush();
        }
    }

    @AfterAll
    static void stop() {
        if (broker != null) {
            broker.close();
        }
    }

    private static FetchCeiling.Settings settings(final String topic, final long messages, final FetchCeiling.Mode mode,
                                                  final FetchCeiling.BufferKind buffer) {
        return new FetchCeiling.Settings(new InetSocketAddress("127.0.0.1", broker.port()), topic, PARTITIONS, messages,
            mode, buffer, 65_536);
    }

    @ParameterizedTest
    @EnumSource(FetchCeiling.BufferKind.class)
    void shouldCountEveryRecordOfTheTopicInEveryMode(final FetchCeiling.BufferKind buffer) throws Exception {
        for (final FetchCeiling.Mode mode : FetchCeiling.Mode.values()) {
            final FetchCeiling.Result result = FetchCeiling.measure(settings("ceiling", RECORDS, mode, buffer));
            assertEquals(RECORDS, result.records(), mode + " " + buffer);
            assertTrue(result.wireBytes() > (long) RECORDS * SIZE, mode + " " + buffer + ": " + result.line());
            assertTrue(result.fetches() >= 1, result.line());
        }
    }

    @ParameterizedTest
    @EnumSource(FetchCeiling.BufferKind.class)
    void shouldCopyEveryValueOutInCopyMode(final FetchCeiling.BufferKind buffer) throws Exception {
        final FetchCeiling.Result result = FetchCeiling.measure(settings("ceiling", RECORDS, FetchCeiling.Mode.COPY,
            buffer));
        assertEquals((long) RECORDS * SIZE, result.valueBytes(), result.line());
        assertTrue(result.line().startsWith("fetch-ceiling: mode=copy buffer=" + buffer.name().toLowerCase()
            + " records=" + RECORDS + " value.bytes=" + RECORDS * SIZE), result.line());
    }

    @Test
    void shouldNameTheShortfallWhenTheTopicHoldsFewerRecordsThanAsked() {
        final IllegalStateException e = assertThrows(IllegalStateException.class, () -> FetchCeiling.measure(
            settings("ceiling", RECORDS + 1, FetchCeiling.Mode.READ, FetchCeiling.BufferKind.HEAP)));
        assertTrue(e.getMessage().contains("holds only " + RECORDS + " records"), e.getMessage());
    }

    @Test
    void shouldFindACorruptBatchInCrcModeButNotInReadMode() throws Exception {
        final Path log;
        try (Stream<Path> files = Files.walk(dataDir)) {
            log = files.filter(f -> f.getParent().getFileName().toString().equals("corrupt-0")
                && f.getFileName().toString().endsWith(".log")).findFirst().orElseThrow();
        }
        try (FileChannel file = FileChannel.open(log, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            // A byte inside the last record's value: covered by the CRC, not by any length or offset field.
            file.write(ByteBuffer.wrap(new byte[] {'x'}), file.size() - 10);
        }
        final long records = 50;
        assertEquals(records, FetchCeiling.measure(settings("corrupt", records, FetchCeiling.Mode.READ,
            FetchCeiling.BufferKind.HEAP)).records());
        for (final FetchCeiling.BufferKind buffer : FetchCeiling.BufferKind.values()) {
            final CorruptRecordException e = assertThrows(CorruptRecordException.class, () -> FetchCeiling.measure(
                settings("corrupt", records, FetchCeiling.Mode.CRC, buffer)));
            assertTrue(e.getMessage().contains("crc"), e.getMessage());
        }
    }

    @Test
    void shouldNameABadOrMissingFlag() throws Exception {
        final ByteArrayOutputStream err = new ByteArrayOutputStream();
        final PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
        final PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        final String bootstrap = broker.bootstrapServers();
        assertEquals(2, FetchCeiling.run(new String[] {"--bootstrap-server", bootstrap, "--topic", "ceiling",
            "--messages", "10", "--mode", "fast"}, out, errStream));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("--mode takes copy, crc, read, not fast"),
            err.toString(StandardCharsets.UTF_8));
        err.reset();
        assertEquals(2, FetchCeiling.run(new String[] {"--bootstrap-server", bootstrap, "--messages", "10"}, out,
            errStream));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("--topic is required"),
            err.toString(StandardCharsets.UTF_8));
        err.reset();
        assertEquals(2, FetchCeiling.run(new String[] {"--bootstrap-server", "nowhere", "--topic", "t", "--messages",
            "1"}, out, errStream));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("--bootstrap-server: 'nowhere' is not of the form host:port"),
            err.toString(StandardCharsets.UTF_8));
    }
}
