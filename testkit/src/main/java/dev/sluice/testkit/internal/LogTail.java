package dev.sluice.testkit.internal;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads the end of a (possibly large, possibly still growing) log file for error messages. */
public final class LogTail {
    private LogTail() {
    }

    /**
     * The last {@code maxLines} lines of {@code file}, reading at most the last {@code maxBytes}
     * bytes. Never throws: a missing or unreadable file yields a short explanation instead, because
     * the caller is already building an error message.
     */
    public static String lastLines(final Path file, final int maxLines, final int maxBytes) {
        if (!Files.isRegularFile(file)) {
            return "(no log file at " + file + ")";
        }
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            final long length = raf.length();
            final int toRead = (int) Math.min(length, maxBytes);
            final byte[] bytes = new byte[toRead];
            raf.seek(length - toRead);
            raf.readFully(bytes);
            final String text = new String(bytes, StandardCharsets.UTF_8);
            final String[] lines = text.split("\\R");
            final int from = Math.max(0, lines.length - maxLines);
            return String.join(System.lineSeparator(), java.util.Arrays.asList(lines).subList(from, lines.length));
        } catch (final IOException e) {
            return "(could not read " + file + ": " + e + ")";
        }
    }
}
