package dev.sluice.broker.log.internal;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/** Positional read/write loops: FileChannel may transfer fewer bytes than asked. */
public final class FileIo {
    private FileIo() {
    }

    /** Fills {@code buffer}'s remaining bytes from {@code position}; EOFException if the file ends first. */
    public static void readFully(final FileChannel channel, final ByteBuffer buffer, final long position)
            throws IOException {
        long at = position;
        while (buffer.hasRemaining()) {
            final int read = channel.read(buffer, at);
            if (read < 0) {
                throw new EOFException("end of file at position " + at + " with " + buffer.remaining()
                        + " bytes still to read");
            }
            at += read;
        }
    }

    /** Writes all of {@code buffer}'s remaining bytes at {@code position}. */
    public static void writeFully(final FileChannel channel, final ByteBuffer buffer, final long position)
            throws IOException {
        long at = position;
        while (buffer.hasRemaining()) {
            at += channel.write(buffer, at);
        }
    }
}
