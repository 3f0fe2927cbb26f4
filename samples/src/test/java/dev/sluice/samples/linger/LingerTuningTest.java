package dev.sluice.samples.linger;

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

class LingerTuningTest {
    @Test
    void shouldRunEveryLingerAndBatchSizeVerifiedAndChartEachRun(@TempDir final Path dir) throws Exception {
        final Path svg = dir.resolve("linger.svg");
        final ProgramRun run = ProgramRun.of(LingerTuning::run, "--records", "2000", "--svg", svg.toString());
        assertEquals(0, run.exitCode(), run.transcript());

        final List<Map<String, String>> rows = PrintedTable.find(run.out(), "linger.ms").rows();
        final List<String> configurations = rows.stream().map(row -> row.get("linger.ms") + "/" + row.get("batch.size"))
            .toList();
        assertEquals(List.of("0/16384", "5/16384", "20/16384", "100/16384",
            "0/131072", "5/131072", "20/131072", "100/131072"), configurations);
        for (final Map<String, String> row : rows) {
            assertEquals("passed", row.get("verification"), row.toString());
            assertTrue(PrintedTable.number(row.get("records/s")) > 0, row.toString());
            assertTrue(PrintedTable.number(row.get("avg batch bytes")) > 0, row.toString());
            // A batch never exceeds batch.size unless one record alone does; these records are < 400 bytes.
            assertTrue(PrintedTable.number(row.get("avg batch bytes")) <= PrintedTable.number(row.get("batch.size")),
                row.toString());
            assertTrue(PrintedTable.number(row.get("p99 ms")) >= PrintedTable.number(row.get("p50 ms")), row.toString());
        }

        assertTrue(run.out().contains("chart: " + svg.toAbsolutePath()), run.transcript());
        final List<String> labels = SvgDocuments.pointLabels(Files.readString(svg));
        assertEquals(8, labels.size(), labels.toString());
        assertEquals("linger 0 ms, batch 16 KiB", labels.get(0));
        assertEquals("linger 100 ms, batch 128 KiB", labels.get(7));
    }

    @Test
    void shouldExitWithTwoNamingAnUnknownFlag() {
        final ProgramRun run = ProgramRun.of(LingerTuning::run, "--linger", "5");
        assertEquals(2, run.exitCode());
        assertEquals("linger-tuning: unknown option '--linger' (see --help)\n", run.err());
    }
}
