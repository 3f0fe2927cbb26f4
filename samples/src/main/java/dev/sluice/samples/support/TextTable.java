package dev.sluice.samples.support;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A plain-text table for terminals: a header, a rule, then rows, columns two spaces apart. The
 * first column is left-aligned (labels), the others right-aligned (numbers) unless
 * {@link #leftAlign} says otherwise. Not thread-safe.
 */
public final class TextTable {
    private static final String GAP = "  ";

    private final String[] headers;
    private final boolean[] left;
    private final List<String[]> rows = new ArrayList<>();

    public TextTable(final String... headers) {
        this.headers = headers.clone();
        this.left = new boolean[headers.length];
        this.left[0] = true;
    }

    /** Left-aligns the given columns (0-based), e.g. one holding sentences. */
    public TextTable leftAlign(final int... columns) {
        for (final int column : columns) {
            left[column] = true;
        }
        return this;
    }

    /** @throws IllegalArgumentException when the row has not one cell per header */
    public TextTable row(final String... cells) {
        if (cells.length != headers.length) {
            throw new IllegalArgumentException("row has " + cells.length + " cells, the table " + headers.length
                + " columns: " + Arrays.toString(cells));
        }
        rows.add(cells.clone());
        return this;
    }

    /** The table, one line per row, each line ending in a newline. */
    public String render() {
        final int[] widths = new int[headers.length];
        for (int c = 0; c < headers.length; c++) {
            widths[c] = headers[c].length();
            for (final String[] row : rows) {
                widths[c] = Math.max(widths[c], row[c].length());
            }
        }
        final StringBuilder out = new StringBuilder();
        line(out, headers, widths);
        final String[] rule = new String[headers.length];
        for (int c = 0; c < rule.length; c++) {
            rule[c] = "-".repeat(widths[c]);
        }
        line(out, rule, widths);
        for (final String[] row : rows) {
            line(out, row, widths);
        }
        return out.toString();
    }

    private void line(final StringBuilder out, final String[] cells, final int[] widths) {
        final StringBuilder line = new StringBuilder();
        for (int c = 0; c < cells.length; c++) {
            if (c > 0) {
                line.append(GAP);
            }
            final String pad = " ".repeat(widths[c] - cells[c].length());
            line.append(left[c] ? cells[c] + pad : pad + cells[c]);
        }
        out.append(line.toString().stripTrailing()).append('\n');
    }
}
