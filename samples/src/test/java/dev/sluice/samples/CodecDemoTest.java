package dev.sluice.samples;

import dev.sluice.samples.support.ProgramRun;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** bin/sample codec: one batch per codec, built, read back and compared. */
class CodecDemoTest {
    private static final Pattern ROW = Pattern.compile("(?m)^(\\w+)\\s+(\\d+)\\s+(\\d+)\\s+([\\d.]+)x");

    @Test
    void shouldBuildAndReadBackOneBatchPerCodecWithCompressionShrinkingJson() {
        final ProgramRun run = ProgramRun.of(CodecDemo::run, "300");

        assertEquals(0, run.exitCode(), run.transcript());
        final Matcher rows = ROW.matcher(run.out());
        final List<String> codecs = new java.util.ArrayList<>();
        while (rows.find()) {
            codecs.add(rows.group(1));
            assertEquals("300", rows.group(2), run.transcript());
            final double ratio = Double.parseDouble(rows.group(4));
            if (rows.group(1).equals("none")) {
                assertTrue(ratio < 1.0, "an uncompressed batch carries framing on top of the data: " + ratio);
            } else {
                assertTrue(ratio > 1.5, rows.group(1) + " should shrink repetitive JSON, ratio " + ratio);
            }
        }
        assertEquals(List.of("none", "gzip", "snappy", "lz4", "zstd"), codecs, run.transcript());
        assertTrue(run.out().contains("every record read back and compared"), run.transcript());
    }

    @Test
    void shouldRejectANumberThatIsNotOne() {
        final ProgramRun run = ProgramRun.of(CodecDemo::run, "many");

        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("'many'"), run.transcript());
    }
}
