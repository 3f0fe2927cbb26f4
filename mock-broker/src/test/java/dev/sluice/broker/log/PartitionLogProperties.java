package dev.sluice.broker.log;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import dev.sluice.codec.protocol.Errors;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Random runs of appends, reads and reopens keep offsets dense and every stored byte intact. */
class PartitionLogProperties {
    private static final int APPEND = 0;
    private static final int READ = 1;
    private static final int REOPEN = 2;

    @Property(tries = 40)
    void appendsReadsAndReopensKeepOffsetsDenseAndBytesIntact(
            @ForAll @Size(min = 1, max = 60) final List<@IntRange(min = 0, max = 99) Integer> operations,
            @ForAll @IntRange(min = 250, max = 1500) final int segmentBytes,
            @ForAll @IntRange(min = 0, max = 400) final int indexIntervalBytes) throws IOException {
        final Path dir = Files.createTempDirectory("partition-log-property");
        final Map<String, String> config = Map.of(LogConfig.SEGMENT_BYTES, Integer.toString(segmentBytes),
                LogConfig.INDEX_INTERVAL_BYTES, Integer.toString(indexIntervalBytes));
        final MutableClock clock = new MutableClock(1_000_000L);
        final List<ByteBuffer> stored = new ArrayList<>();
        final List<Long> baseOffsets = new ArrayList<>();
        long nextOffset = 0;
        PartitionLog log = PartitionLog.open(dir, "p", 0, LogConfig.from(config), clock);
        try {
            for (final int operation : operations) {
                final int kind = operation < 60 ? APPEND : operation < 92 ? READ : REOPEN;
                if (kind == APPEND) {
                    final int records = 1 + operation % 6;
                    final ByteBuffer batch = TestBatches.batch("v" + operation, records, 1_000_000L + operation);
                    final AppendResult result = log.append(TestBatches.copy(batch), 3);
                    assertEquals(Errors.NONE, result.error());
                    assertEquals(nextOffset, result.baseOffset(), "offsets are dense");
                    stored.add(TestBatches.asStored(batch, nextOffset, 3));
                    baseOffsets.add(nextOffset);
                    nextOffset += records;
                } else if (kind == READ) {
                    final long offset = nextOffset == 0 ? 0 : (operation * 7919L) % (nextOffset + 1);
                    checkRead(log, offset, stored, baseOffsets, nextOffset);
                } else {
                    log.close();
                    log = PartitionLog.open(dir, "p", 0, LogConfig.from(config), clock);
                }
                assertEquals(nextOffset, log.logEndOffset());
            }
            for (int i = 0; i < stored.size(); i++) {
                checkRead(log, baseOffsets.get(i), stored, baseOffsets, nextOffset);
            }
        } finally {
            log.close();
            try (Stream<Path> walk = Files.walk(dir)) {
                for (final Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(path);
                }
            }
        }
    }

    private static void checkRead(final PartitionLog log, final long offset, final List<ByteBuffer> stored,
                                  final List<Long> baseOffsets, final long logEnd) throws IOException {
        final ReadResult result = log.read(offset, Integer.MAX_VALUE, true);
        assertEquals(Errors.NONE, result.error());
        final ByteBuffer read;
        try (FileSlice slice = result.records()) {
            read = slice.readAll();
        }
        if (offset == logEnd) {
            assertEquals(0, read.remaining());
            return;
        }
        int first = 0;
        while (first + 1 < baseOffsets.size() && baseOffsets.get(first + 1) <= offset) {
            first++;
        }
        // One read stays within one segment: compare batch by batch for as many as came back.
        int at = 0;
        for (int i = first; at < read.remaining(); i++) {
            final ByteBuffer expected = stored.get(i);
            final byte[] actual = new byte[expected.remaining()];
            read.get(at, actual);
            final byte[] wanted = new byte[expected.remaining()];
            expected.duplicate().get(wanted);
            assertArrayEquals(wanted, actual, "batch at offset " + baseOffsets.get(i));
            at += wanted.length;
        }
        assertEquals(read.remaining(), at);
    }
}
