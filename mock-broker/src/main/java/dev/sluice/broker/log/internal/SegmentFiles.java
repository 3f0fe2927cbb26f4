package dev.sluice.broker.log.internal;

import java.nio.file.Path;

/** File names inside a partition directory: everything is named by a 20-digit zero-padded offset. */
public final class SegmentFiles {
    public static final String LOG_SUFFIX = ".log";
    public static final String INDEX_SUFFIX = ".index";
    public static final String SNAPSHOT_SUFFIX = ".snapshot";
    /** Appended to a segment's files when retention retires it; they are removed after file.delete.delay.ms. */
    public static final String DELETED_SUFFIX = ".deleted";
    private static final int OFFSET_DIGITS = 20;

    private SegmentFiles() {
    }

    public static String offsetName(final long offset) {
        final String digits = Long.toString(offset);
        return "0".repeat(Math.max(0, OFFSET_DIGITS - digits.length())) + digits;
    }

    public static Path logFile(final Path dir, final long baseOffset) {
        return dir.resolve(offsetName(baseOffset) + LOG_SUFFIX);
    }

    public static Path indexFile(final Path dir, final long baseOffset) {
        return dir.resolve(offsetName(baseOffset) + INDEX_SUFFIX);
    }

    public static Path snapshotFile(final Path dir, final long offset) {
        return dir.resolve(offsetName(offset) + SNAPSHOT_SUFFIX);
    }

    /**
     * The offset in a file name of the form {@code <20 digits><suffix>}, or -1 when the name has
     * another form.
     */
    public static long parseOffset(final String fileName, final String suffix) {
        if (!fileName.endsWith(suffix) || fileName.length() != OFFSET_DIGITS + suffix.length()) {
            return -1;
        }
        final String digits = fileName.substring(0, OFFSET_DIGITS);
        for (int i = 0; i < digits.length(); i++) {
            if (!Character.isDigit(digits.charAt(i))) {
                return -1;
            }
        }
        try {
            return Long.parseLong(digits);
        } catch (final NumberFormatException e) {
            return -1;
        }
    }
}
