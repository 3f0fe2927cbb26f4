package dev.sluice.samples.support;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Reads the SVG files the samples write, as XML. Test helper. */
public final class SvgDocuments {
    private SvgDocuments() {
    }

    /** Parses an SVG document; fails the test when it is not well-formed XML. */
    public static Document parse(final String svg) throws Exception {
        final DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    /** The text of every {@code <g class="point">}'s label, in document order. */
    public static List<String> pointLabels(final Document svg) {
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

    /** The labels of the points of an SVG document given as text; fails when it is not well-formed XML. */
    public static List<String> pointLabels(final String svg) throws Exception {
        return pointLabels(parse(svg));
    }
}
