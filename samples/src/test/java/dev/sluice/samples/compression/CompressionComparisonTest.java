package dev.sluice.samples.compression;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.samples.support.PrintedTable;
import dev.sluice.samples.support.ProgramRun;
import dev.sluice.samples.support.SvgDocuments;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompressionComparisonTest {
    private static final List<String> CODECS = List.of("none", "gzip", "gzip level 9", "snappy", "lz4",
        "zstd level 1", "zstd level 3", "zstd level 9");

    @Test
    void shouldRunEveryCodecVerifiedAndChartEachRun(@TempDir final Path dir) throws Exception {
        final Path svg = dir.resolve("compression.svg");
        final ProgramRun run = ProgramRun.of(CompressionComparison::run, "--records", "2000", "--svg", svg.toString());
        assertEquals(0, run.exitCode(), run.transcript());

        final List<Map<String, String>> rows = PrintedTable.find(run.out(), "codec").rows();
        assertEquals(CODECS, rows.stream().map(row -> row.get("codec")).toList());
        for (final Map<String, String> row : rows) {
            assertEquals("passed", row.get("verification"), row.toString());
            assertTrue(PrintedTable.number(row.get("produce MB/s")) > 0, row.toString());
            assertTrue(PrintedTable.number(row.get("consume MB/s")) > 0, row.toString());
            final double ratio = PrintedTable.number(row.get("ratio"));
            if (row.get("codec").equals("none")) {
                assertEquals(1.0, ratio, row.toString());
            } else {
                // JSON with repeated field names: every codec shrinks these events (by how much
                // depends on how full the batches got, which depends on timing).
                assertTrue(ratio > 1.0, row.toString());
            }
        }

        final List<String> labels = SvgDocuments.pointLabels(Files.readString(svg));
        assertEquals(CODECS, labels);
    }

    @Test
    void shouldExitWithTwoNamingABadRecordCount() {
        final ProgramRun run = ProgramRun.of(CompressionComparison::run, "--records", "0");
        assertEquals(2, run.exitCode());
        assertEquals("compression-comparison: option --records must be between 1 and 20000000, not 0\n", run.err());
    }
}
