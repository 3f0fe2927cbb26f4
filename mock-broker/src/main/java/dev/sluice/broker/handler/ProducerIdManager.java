package dev.sluice.broker.handler;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Hands out producer ids that are never reused, across restarts: ids are reserved in blocks whose
 * upper bound is written to {@code producer-ids} in the data directory before any id of the block
 * is given out, so a crash can skip ids but never repeat one (as Kafka's block allocation does).
 *
 * <p>Thread-safe (synchronised); allocations are rare (one per producer start).
 */
public final class ProducerIdManager {
    /** Ids reserved per file write; a write per producer start would cost an fsync each. */
    static final long BLOCK_SIZE = 1000;
    private static final String FILE_NAME = "producer-ids";

    private final Path file;
    private long next;
    private long blockEnd;

    private ProducerIdManager(final Path file, final long next) {
        this.file = file;
        this.next = next;
        this.blockEnd = next;
    }

    /** Opens the counter in {@code dataDir}, starting after every id a previous run may have used. */
    public static ProducerIdManager open(final Path dataDir) throws IOException {
        final Path file = dataDir.resolve(FILE_NAME);
        long next = 0;
        if (Files.exists(file)) {
            final String text = Files.readString(file, StandardCharsets.UTF_8).trim();
            try {
                next = Long.parseLong(text);
            } catch (final NumberFormatException e) {
                throw new IOException(file + ": producer id bound '" + text + "' is not a number", e);
            }
            if (next < 0) {
                throw new IOException(file + ": producer id bound " + next + " is negative");
            }
        }
        return new ProducerIdManager(file, next);
    }

    /** A producer id no one has had before. */
    public synchronized long nextProducerId() {
        if (next == blockEnd) {
            reserve(blockEnd + BLOCK_SIZE);
        }
        return next++;
    }

    private void reserve(final long end) {
        try {
            final Path temp = file.resolveSibling(FILE_NAME + ".tmp");
            Files.writeString(temp, Long.toString(end), StandardCharsets.UTF_8);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            blockEnd = end;
        } catch (final IOException e) {
            throw new UncheckedIOException("could not reserve producer ids in " + file, e);
        }
    }
}
