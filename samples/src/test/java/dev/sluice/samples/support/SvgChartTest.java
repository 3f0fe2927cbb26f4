package dev.sluice.samples.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class SvgChartTest {
    /** Parses an SVG document; fails the test when it is not well-formed XML. */
    static Document parse(final String svg) throws Exception {
        final DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    /** The text of every {@code <g class="point">}'s label, in document order. */
    static List<String> pointLabels(final Document svg) {
        final List<String> labels = new ArrayList<>();
        final NodeList groups = svg.getElementsByTagNameNS("http://www.w3.org/2000/svg", "g");
        for (int i = 0; i < groups.getLength(); i++) {
            final Element group = (Element) groups.item(i);
            if ("point".equals(group.getAttribute("class"))) {
                labels.add(group.getElementsByTagNameNS("http://www.w3.org/2000/svg", "text").item(0).getTextContent());
            }
        }
        return labels;
    }

    @Test
    void shouldDrawOneLabelledPointPerRunInWellFormedSvg() throws Exception {
        final String svg = new SvgChart("t", "latency (ms)", "throughput (records/s)")
            .point(12.5, 250_000, "linger 5 ms & <16 KiB>")
            .point(3, 90_000, "linger 0 ms")
            .render();
        final Document document = parse(svg);
        assertEquals(List.of("linger 5 ms & <16 KiB>", "linger 0 ms"), pointLabels(document));
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
        final Document document = parse(new SvgChart("t", "x", "y").point(Double.NaN, 5, "no latency").render());
        assertEquals(List.of("no latency"), pointLabels(document));
    }
}
