package dev.sluice.samples.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class SvgChartTest {
    @Test
    void shouldDrawOneLabelledPointPerRunInWellFormedSvg() throws Exception {
        final String svg = new SvgChart("t", "latency (ms)", "throughput (records/s)")
            .point(12.5, 250_000, "linger 5 ms & <16 KiB>")
            .point(3, 90_000, "linger 0 ms")
            .render();
        final Document document = SvgDocuments.parse(svg);
        assertEquals(List.of("linger 5 ms & <16 KiB>", "linger 0 ms"), SvgDocuments.pointLabels(document));
        assertTrue(svg.contains("latency (ms)") && svg.contains("throughput (records/s)"), svg);
    }

    @Test
    void shouldPutRoundTicksUpToAtLeastTheLargestValue() {
        final SvgChart.Axis axis = SvgChart.Axis.covering(250_000);
        assertEquals(50_000, axis.step());
        assertEquals(5, axis.ticks());
        assertEquals("250,000", axis.label(5));
        final SvgChart.Axis small = SvgChart.Axis.covering(3.7);
        assertEquals(1, small.step());
        assertEquals(4, small.ticks());
        assertTrue(SvgChart.Axis.covering(0.013).max() >= 0.013);
    }

    @Test
    void shouldStillDrawAPointForAMissingMeasurement() throws Exception {
        final Document document = SvgDocuments.parse(new SvgChart("t", "x", "y").point(Double.NaN, 5, "no latency").render());
        assertEquals(List.of("no latency"), SvgDocuments.pointLabels(document));
    }
}
