package dev.sluice.samples.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A scatter chart as a standalone SVG file a browser opens: one labelled dot per run, both axes
 * starting at zero with round-numbered ticks. Axis titles carry the units, e.g.
 * {@code "p99 produce latency (ms)"}. Plain text, no library. Not thread-safe.
 */
public final class SvgChart {
    private static final int WIDTH = 820;
    private static final int HEIGHT = 520;
    private static final int LEFT = 100;
    private static final int RIGHT = 40;
    private static final int TOP = 50;
    private static final int BOTTOM = 70;
    private static final int TARGET_TICKS = 5;

    private final String title;
    private final String xTitle;
    private final String yTitle;
    private final List<Point> points = new ArrayList<>();

    private record Point(double x, double y, String label) {
    }

    public SvgChart(final String title, final String xTitle, final String yTitle) {
        this.title = title;
        this.xTitle = xTitle;
        this.yTitle = yTitle;
    }

    /**
     * Adds a dot; values that are negative, NaN or infinite are clamped to zero, so that one bad
     * measurement still shows.
     */
    public SvgChart point(final double x, final double y, final String label) {
        points.add(new Point(clean(x), clean(y), label));
        return this;
    }

    private static double clean(final double value) {
        return Double.isFinite(value) && value > 0 ? value : 0;
    }

    /** Writes {@link #render()} to {@code file} as UTF-8, replacing it. */
    public void write(final Path file) throws IOException {
        Files.writeString(file, render(), StandardCharsets.UTF_8);
    }

    /** The whole SVG document. */
    public String render() {
        final Axis x = Axis.covering(points.stream().mapToDouble(Point::x).max().orElse(1));
        final Axis y = Axis.covering(points.stream().mapToDouble(Point::y).max().orElse(1));
        final double plotWidth = WIDTH - LEFT - RIGHT;
        final double plotHeight = HEIGHT - TOP - BOTTOM;
        final StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
            + "viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"12\">%n", WIDTH, HEIGHT, WIDTH, HEIGHT));
        svg.append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n", WIDTH, HEIGHT));
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"28\" font-size=\"16\" text-anchor=\"middle\">%s</text>%n",
            WIDTH / 2, escape(title)));
        for (int i = 0; i <= x.ticks(); i++) {
            final double px = LEFT + plotWidth * i / x.ticks();
            svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#ddd\"/>%n",
                px, TOP, px, HEIGHT - BOTTOM));
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>%n",
                px, HEIGHT - BOTTOM + 18, x.label(i)));
        }
        for (int i = 0; i <= y.ticks(); i++) {
            final double py = HEIGHT - BOTTOM - plotHeight * i / y.ticks();
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ddd\"/>%n",
                LEFT, py, WIDTH - RIGHT, py));
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>%n",
                LEFT - 8, py + 4, y.label(i)));
        }
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"black\"/>%n",
            LEFT, HEIGHT - BOTTOM, WIDTH - RIGHT, HEIGHT - BOTTOM));
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"black\"/>%n",
            LEFT, TOP, LEFT, HEIGHT - BOTTOM));
        svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>%n",
            LEFT + plotWidth / 2, HEIGHT - 20, escape(xTitle)));
        svg.append(String.format(Locale.ROOT, "<text x=\"24\" y=\"%.1f\" text-anchor=\"middle\" "
            + "transform=\"rotate(-90 24 %.1f)\">%s</text>%n", TOP + plotHeight / 2, TOP + plotHeight / 2, escape(yTitle)));
        for (final Point point : points) {
            final double px = LEFT + plotWidth * point.x() / x.max();
            final double py = HEIGHT - BOTTOM - plotHeight * point.y() / y.max();
            // Labels of points in the right third go to their left, so they stay inside the image.
            final boolean labelLeft = px > LEFT + plotWidth * 2 / 3;
            svg.append(String.format(Locale.ROOT, "<g class=\"point\"><title>%s: %s, %s</title>"
                    + "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"5\" fill=\"#1f77b4\"/>"
                    + "<text x=\"%.1f\" y=\"%.1f\" font-size=\"11\" text-anchor=\"%s\">%s</text></g>%n",
                escape(point.label()), Axis.format(point.x()), Axis.format(point.y()), px, py,
                labelLeft ? px - 8 : px + 8, py - 6, labelLeft ? "end" : "start", escape(point.label())));
        }
        svg.append("</svg>\n");
        return svg.toString();
    }

    static String escape(final String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** An axis from zero to a round maximum, divided into round steps (1, 2 or 5 times a power of ten). */
    record Axis(double step, int ticks) {
        static Axis covering(final double largest) {
            final double top = largest > 0 ? largest : 1;
            final double rough = top / TARGET_TICKS;
            final double magnitude = Math.pow(10, Math.floor(Math.log10(rough)));
            final double fraction = rough / magnitude;
            final double step = (fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10) * magnitude;
            return new Axis(step, (int) Math.ceil(top / step - 1e-9));
        }

        double max() {
            return step * ticks;
        }

        String label(final int tick) {
            return format(step * tick);
        }

        /** Whole numbers with thousands separators, small numbers with up to three decimals. */
        static String format(final double value) {
            if (value == Math.rint(value) && Math.abs(value) < 1e15) {
                return String.format(Locale.ROOT, "%,d", (long) value);
            }
            return String.format(Locale.ROOT, Math.abs(value) >= 10 ? "%,.1f" : "%.3g", value);
        }
    }
}
