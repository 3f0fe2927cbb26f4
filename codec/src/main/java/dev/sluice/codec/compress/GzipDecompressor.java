package dev.sluice.codec.compress;

import dev.sluice.codec.record.CorruptRecordException;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Reads GZIP members (RFC 1952) as java.util.zip.GZIPInputStream does: optional header fields
 * skipped, CRC-32 and size trailer checked, further members concatenated, trailing bytes that are
 * not a member ignored.
 */
final class GzipDecompressor extends Decompressor {
    private static final int FHCRC = 2;
    private static final int FEXTRA = 4;
    private static final int FNAME = 8;
    private static final int FCOMMENT = 16;

    private final Inflater inflater = new Inflater(true);
    private final CRC32 crc = new CRC32();

    @Override
    void decompress(final byte[] src, final int offset, final int length, final DecompressionBuffer out) {
        final int end = offset + length;
        int pos = offset;
        do {
            pos = member(src, pos, end, out);
        } while (end - pos >= GzipCompressor.HEADER_SIZE && src[pos] == (byte) 0x1f && src[pos + 1] == (byte) 0x8b);
    }

    private int member(final byte[] src, final int start, final int end, final DecompressionBuffer out) {
        int pos = skipHeader(src, start, end);
        final int outStart = out.length();
        inflater.reset();
        inflater.setInput(src, pos, end - pos);
        try {
            while (!inflater.finished()) {
                out.growWhenFull();
                final int n = inflater.inflate(out.array(), out.length(), out.room());
                out.advance(n);
                if (n == 0) {
                    if (inflater.needsInput()) {
                        throw new CorruptRecordException("records", "gzip stream is truncated");
                    }
                    if (inflater.needsDictionary()) {
                        throw new CorruptRecordException("records", "gzip stream asks for a preset dictionary");
                    }
                    if (out.room() > 0 && !inflater.finished()) {
                        throw new CorruptRecordException("records", "gzip stream makes no progress");
                    }
                }
            }
        } catch (final DataFormatException e) {
            throw new CorruptRecordException("records", "invalid gzip data: " + e.getMessage(), e);
        }
        pos = end - inflater.getRemaining();
        if (end - pos < GzipCompressor.TRAILER_SIZE) {
            throw new CorruptRecordException("records", "gzip trailer is truncated");
        }
        final int produced = out.length() - outStart;
        crc.reset();
        crc.update(out.array(), outStart, produced);
        if (readIntLe(src, pos) != (int) crc.getValue()) {
            throw new CorruptRecordException("records", "gzip CRC-32 does not match the data");
        }
        if (readIntLe(src, pos + 4) != produced) {
            throw new CorruptRecordException("records", "gzip size trailer does not match the data");
        }
        return pos + GzipCompressor.TRAILER_SIZE;
    }

    private static int skipHeader(final byte[] src, final int start, final int end) {
        if (end - start < GzipCompressor.HEADER_SIZE) {
            throw new CorruptRecordException("records", "gzip header is truncated");
        }
        if (src[start] != (byte) 0x1f || src[start + 1] != (byte) 0x8b) {
            throw new CorruptRecordException("records", "not a gzip stream (bad magic)");
        }
        if (src[start + 2] != 8) {
            throw new CorruptRecordException("records", "gzip compression method " + src[start + 2] + " is not deflate");
        }
        final int flags = src[start + 3] & 0xff;
        int pos = start + GzipCompressor.HEADER_SIZE;
        if ((flags & FEXTRA) != 0) {
            if (end - pos < 2) {
                throw new CorruptRecordException("records", "gzip extra field is truncated");
            }
            final int extra = (src[pos] & 0xff) | (src[pos + 1] & 0xff) << 8;
            pos += 2;
            if (end - pos < extra) {
                throw new CorruptRecordException("records", "gzip extra field runs past the data");
            }
            pos += extra;
        }
        if ((flags & FNAME) != 0) {
            pos = skipZeroTerminated(src, pos, end, "name");
        }
        if ((flags & FCOMMENT) != 0) {
            pos = skipZeroTerminated(src, pos, end, "comment");
        }
        if ((flags & FHCRC) != 0) {
            if (end - pos < 2) {
                throw new CorruptRecordException("records", "gzip header CRC is truncated");
            }
            pos += 2;
        }
        return pos;
    }

    private static int skipZeroTerminated(final byte[] src, final int start, final int end, final String what) {
        for (int i = start; i < end; i++) {
            if (src[i] == 0) {
                return i + 1;
            }
        }
        throw new CorruptRecordException("records", "gzip " + what + " field is not terminated");
    }

    private static int readIntLe(final byte[] src, final int pos) {
        return (src[pos] & 0xff) | (src[pos + 1] & 0xff) << 8 | (src[pos + 2] & 0xff) << 16 | (src[pos + 3] & 0xff) << 24;
    }

    @Override
    public void close() {
        inflater.end();
    }
}
