package dev.sluice.codec.compress;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.codec.record.CompressionType;
import dev.sluice.codec.record.CorruptRecordException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import net.jpountz.lz4.LZ4FrameOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.xerial.snappy.Snappy;
import org.xerial.snappy.SnappyOutputStream;

class CodecTest {

    static byte[] compressible(final int size, final long seed) {
        final Random random = new Random(seed);
        final StringBuilder sb = new StringBuilder(size + 64);
        while (sb.length() < size) {
            sb.append("{\"event\":\"view\",\"user\":").append(random.nextInt(1000)).append(",\"page\":\"/p/")
                .append(random.nextInt(300)).append("\"}\n");
        }
        return Arrays.copyOf(sb.toString().getBytes(StandardCharsets.UTF_8), size);
    }

    static byte[] compress(final CompressionType type, final byte[] input) {
        try (Compressor compressor = Compressor.create(type)) {
            final byte[] out = new byte[compressor.maxCompressedLength(input.length)];
            final int n = compressor.compress(input, 0, input.length, out, 0);
            return Arrays.copyOf(out, n);
        }
    }

    static byte[] decompress(final CompressionType type, final byte[] compressed, final int cap) {
        try (DecompressionContext context = new DecompressionContext(cap)) {
            final ByteBuffer out = context.decompress(type, ByteBuffer.wrap(compressed), 0, compressed.length);
            final byte[] bytes = new byte[out.remaining()];
            out.get(bytes);
            return bytes;
        }
    }

    @ParameterizedTest
    @EnumSource(value = CompressionType.class, names = "NONE", mode = EnumSource.Mode.EXCLUDE)
    void shouldRoundTripSmallLargeAndIncompressibleInput(final CompressionType type) {
        final byte[] random = new byte[300_000];
        new Random(3).nextBytes(random);
        for (final byte[] input : new byte[][] {{42}, compressible(1000, 1), compressible(700_000, 2), random}) {
            final byte[] compressed = compress(type, input);
            assertTrue(compressed.length <= Compressor.maxCompressedLength(type, input.length));
            assertArrayEquals(input, decompress(type, compressed, 1 << 20), type + " of " + input.length + " bytes");
        }
    }

    @ParameterizedTest
    @EnumSource(value = CompressionType.class, names = "NONE", mode = EnumSource.Mode.EXCLUDE)
    void shouldRejectDecompressionBombPastTheCap(final CompressionType type) {
        final byte[] zeros = new byte[4 * 1024 * 1024];
        final byte[] compressed = compress(type, zeros);
        assertTrue(compressed.length < 300_000, "compressed size " + compressed.length);
        final CorruptRecordException e = assertThrows(CorruptRecordException.class,
            () -> decompress(type, compressed, 1024 * 1024));
        assertEquals("records", e.field());
        assertArrayEquals(zeros, decompress(type, compressed, zeros.length));
    }

    @ParameterizedTest
    @EnumSource(value = CompressionType.class, names = "NONE", mode = EnumSource.Mode.EXCLUDE)
    void shouldRejectGarbageAndTruncation(final CompressionType type) {
        final byte[] valid = compress(type, compressible(100_000, 5));
        final Random random = new Random(9);
        for (int i = 0; i < 200; i++) {
            final byte[] broken;
            if (i % 2 == 0) {
                broken = Arrays.copyOf(valid, random.nextInt(valid.length));
            } else {
                broken = valid.clone();
                for (int flips = 0; flips < 1 + random.nextInt(4); flips++) {
                    broken[random.nextInt(broken.length)] ^= (byte) (1 + random.nextInt(255));
                }
            }
            try {
                decompress(type, broken, 1 << 20);
            } catch (final CorruptRecordException expected) {
                // The only acceptable failure; silently accepting some flips is fine for codecs
                // without a checksum (snappy, lz4 as Kafka writes it, zstd without checksum).
            }
        }
        final byte[] noise = new byte[5000];
        random.nextBytes(noise);
        assertThrows(CorruptRecordException.class, () -> decompress(type, noise, 1 << 20));
    }

    @Test
    void shouldReadHeaderlessRawSnappyBlockAsSnappyJavaDoes() throws IOException {
        final byte[] input = compressible(50_000, 4);
        assertArrayEquals(input, decompress(CompressionType.SNAPPY, Snappy.compress(input), 1 << 20));
    }

    @Test
    void shouldReadConcatenatedSnappyJavaStreams() throws IOException {
        final byte[] first = compressible(40_000, 6);
        final byte[] second = compressible(10_000, 7);
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (final byte[] part : new byte[][] {first, second}) {
            try (OutputStream out = new SnappyOutputStream(new NonClosing(bytes))) {
                out.write(part);
            }
        }
        final byte[] expected = new byte[first.length + second.length];
        System.arraycopy(first, 0, expected, 0, first.length);
        System.arraycopy(second, 0, expected, first.length, second.length);
        assertArrayEquals(expected, decompress(CompressionType.SNAPPY, bytes.toByteArray(), 1 << 20));
    }

    @Test
    void shouldWriteSnappyByteForByteAsSnappyJava() throws IOException {
        final byte[] input = compressible(100_000, 8);
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new SnappyOutputStream(bytes)) {
            out.write(input);
        }
        assertArrayEquals(bytes.toByteArray(), compress(CompressionType.SNAPPY, input));
    }

    @Test
    void shouldReadConcatenatedGzipMembers() throws IOException {
        final byte[] first = compressible(30_000, 10);
        final byte[] second = compressible(5_000, 11);
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (final byte[] part : new byte[][] {first, second}) {
            try (OutputStream out = new GZIPOutputStream(new NonClosing(bytes))) {
                out.write(part);
            }
        }
        final byte[] out = decompress(CompressionType.GZIP, bytes.toByteArray(), 1 << 20);
        assertEquals(first.length + second.length, out.length);
        assertArrayEquals(second, Arrays.copyOfRange(out, first.length, out.length));
    }

    @Test
    void shouldReadLz4FramesWithContentSizeAndBlockChecksums() throws IOException {
        final byte[] input = compressible(200_000, 12);
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new LZ4FrameOutputStream(bytes, LZ4FrameOutputStream.BLOCKSIZE.SIZE_64KB, input.length,
            LZ4FrameOutputStream.FLG.Bits.BLOCK_INDEPENDENCE, LZ4FrameOutputStream.FLG.Bits.BLOCK_CHECKSUM,
            LZ4FrameOutputStream.FLG.Bits.CONTENT_SIZE, LZ4FrameOutputStream.FLG.Bits.CONTENT_CHECKSUM)) {
            out.write(input);
        }
        final byte[] frame = bytes.toByteArray();
        assertArrayEquals(input, decompress(CompressionType.LZ4, frame, 1 << 20));

        final byte[] badBlockChecksum = frame.clone();
        badBlockChecksum[30] ^= 0x40;
        assertThrows(CorruptRecordException.class, () -> decompress(CompressionType.LZ4, badBlockChecksum, 1 << 20));
    }

    @Test
    void shouldRejectLz4FramesWithDependentBlocks() throws IOException {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new LZ4FrameOutputStream(bytes, LZ4FrameOutputStream.BLOCKSIZE.SIZE_64KB)) {
            out.write(compressible(1000, 13));
        }
        final byte[] frame = bytes.toByteArray();
        frame[4] &= ~0x20;
        final CorruptRecordException e = assertThrows(CorruptRecordException.class,
            () -> decompress(CompressionType.LZ4, frame, 1 << 20));
        assertTrue(e.getMessage().contains("dependent"), e.getMessage());
    }

    @Test
    void shouldValidateLevelsNamingKeyValueAndRange() {
        final IllegalArgumentException gzip = assertThrows(IllegalArgumentException.class,
            () -> Compressor.create(CompressionType.GZIP, 10));
        assertTrue(gzip.getMessage().contains("compression.gzip.level") && gzip.getMessage().contains("10")
            && gzip.getMessage().contains("[1, 9]"), gzip.getMessage());
        final IllegalArgumentException lz4 = assertThrows(IllegalArgumentException.class,
            () -> CompressionLevels.validate(CompressionType.LZ4, 0));
        assertTrue(lz4.getMessage().contains("compression.lz4.level") && lz4.getMessage().contains("[1, 17]"));
        final IllegalArgumentException zstd = assertThrows(IllegalArgumentException.class,
            () -> CompressionLevels.validate(CompressionType.ZSTD, 23));
        assertTrue(zstd.getMessage().contains("compression.zstd.level") && zstd.getMessage().contains("22"));
        assertEquals(3, CompressionLevels.validate(CompressionType.ZSTD, CompressionLevels.NO_LEVEL));
        assertEquals(9, Compressor.create(CompressionType.LZ4).level());
        assertEquals(-1, CompressionLevels.validate(CompressionType.GZIP, -1));
    }

    /** Lets several streams be written one after another into one byte array. */
    private static final class NonClosing extends OutputStream {
        private final OutputStream out;

        NonClosing(final OutputStream out) {
            this.out = out;
        }

        @Override
        public void write(final int b) throws IOException {
            out.write(b);
        }

        @Override
        public void write(final byte[] b, final int off, final int len) throws IOException {
            out.write(b, off, len);
        }
    }
}
